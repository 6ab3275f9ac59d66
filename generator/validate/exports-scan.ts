/**
 * Finds the names a handler module exports by parsing it with the TypeScript parser (the copy
 * ts-morph bundles), never by importing it: importing user code could run side effects or fail on
 * unrelated errors. Parsing, not a type-checked program, because a program would load everything
 * the handler imports (the generated types, the runtime) to answer a syntactic question. Type-only
 * exports are left out; `export * from "./relative"` is followed into that module.
 */
import { readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { ts as Ts } from "ts-morph";

type TypeScript = typeof Ts;

/** What one module's text exports. */
export interface ScannedExports {
  /** Exported value names, sorted; `default` for a default export. */
  names: string[];
  /** Specifiers of `export * from "..."`, whose names are exported too. */
  starFrom: string[];
}

/** A module's exports after following its `export *` re-exports. */
export interface ModuleExports {
  names: string[];
  /**
   * False when an `export *` could not be followed (a package, or a file that is not there), so a
   * name missing from `names` may still be exported.
   */
  complete: boolean;
}

let typescript: Promise<TypeScript> | undefined;

/** The TypeScript API, loaded on first use (it costs a few hundred milliseconds). */
function loadTypeScript(): Promise<TypeScript> {
  typescript ??= import("ts-morph").then((module) => module.ts);
  return typescript;
}

/** The exported value names of `source` (a module named `fileName`, which picks TS, TSX or JS syntax). */
export async function scanExports(source: string, fileName = "module.ts"): Promise<ScannedExports> {
  const ts = await loadTypeScript();
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, scriptKind(ts, fileName));
  const { types, values } = localBindings(ts, file);
  const names = new Set<string>();
  const starFrom: string[] = [];
  for (const statement of file.statements) {
    if (ts.isExportAssignment(statement)) {
      if (!statement.isExportEquals) names.add("default");
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const from =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : null;
      const clause = statement.exportClause;
      if (!clause) {
        if (from !== null) starFrom.push(from);
      } else if (ts.isNamespaceExport(clause)) {
        names.add(clause.name.text);
      } else {
        for (const element of clause.elements) {
          if (element.isTypeOnly) continue;
          const local = (element.propertyName ?? element.name).text;
          // `export { Shape }` of a local interface or type alias exports no value.
          if (from === null && types.has(local) && !values.has(local)) continue;
          names.add(element.name.text);
        }
      }
    } else if (hasModifier(ts, statement, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(ts, statement, ts.SyntaxKind.DefaultKeyword)) names.add("default");
      else for (const name of declaredValueNames(ts, statement)) names.add(name);
    }
  }
  return { names: [...names].sort(), starFrom };
}

/**
 * The exports of the module in `file`, following relative `export *` chains (each module once), or
 * null when `file` is not a readable file.
 */
export async function scanModuleExports(file: string): Promise<ModuleExports | null> {
  const names = new Set<string>();
  let complete = true;
  const seen = new Set<string>();
  const visit = async (path: string, root: boolean): Promise<boolean> => {
    if (seen.has(path)) return true;
    seen.add(path);
    const text = await readIfFile(path);
    if (text === null) return false;
    const scanned = await scanExports(text, path);
    // `export *` never re-exports a default.
    for (const name of scanned.names) if (root || name !== "default") names.add(name);
    for (const specifier of scanned.starFrom) {
      const target = specifier.startsWith(".") ? await resolveRelative(dirname(path), specifier) : null;
      if (target === null || !(await visit(target, false))) complete = false;
    }
    return true;
  };
  if (!(await visit(resolve(file), true))) return null;
  return { names: [...names].sort(), complete };
}

/** Names bound by local type declarations (interfaces, type aliases, type-only imports) and by values. */
function localBindings(ts: TypeScript, file: Ts.SourceFile): { types: Set<string>; values: Set<string> } {
  const types = new Set<string>();
  const values = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      types.add(statement.name.text);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      const bucket = (typeOnly: boolean) => (clause.isTypeOnly || typeOnly ? types : values);
      if (clause.name) bucket(false).add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) bucket(false).add(bindings.name.text);
      else if (bindings) for (const element of bindings.elements) bucket(element.isTypeOnly).add(element.name.text);
    } else {
      for (const name of declaredValueNames(ts, statement)) values.add(name);
    }
  }
  return { types, values };
}

/** The value names a declaration statement binds: every name in `const { a, b: [c] } = ...`, a function, a class... */
function declaredValueNames(ts: TypeScript, statement: Ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(ts, declaration.name));
  }
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))
    return statement.name ? [statement.name.text] : [];
  if (ts.isEnumDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return [statement.name.text];
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) return [statement.name.text];
  return [];
}

function bindingNames(ts: TypeScript, name: Ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(ts, element.name)));
}

function hasModifier(ts: TypeScript, statement: Ts.Statement, kind: Ts.SyntaxKind): boolean {
  return (
    ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === kind)
  );
}

function scriptKind(ts: TypeScript, fileName: string): Ts.ScriptKind {
  if (fileName.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (fileName.endsWith(".jsx")) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/**
 * The file a relative specifier names, as TypeScript resolves it for source files: as written,
 * a `.js` specifier's `.ts` source, or an extensionless one with a source extension or `/index`.
 */
async function resolveRelative(dir: string, specifier: string): Promise<string | null> {
  const base = resolve(dir, specifier);
  const candidates = [base];
  const js = /\.([cm]?)jsx?$/.exec(base);
  if (js) {
    const stem = base.slice(0, -js[0].length);
    candidates.push(`${stem}.${js[1]}ts`, ...(js[1] === "" ? [`${stem}.tsx`] : []));
  } else if (!/\.[cm]?tsx?$/.test(base)) {
    for (const extension of [".ts", ".tsx", ".mts", ".js", ".mjs"]) candidates.push(`${base}${extension}`);
    for (const extension of [".ts", ".tsx", ".js"]) candidates.push(`${base}/index${extension}`);
  }
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readIfFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}
