import { join, posix, relative, sep } from "node:path";
import { TsconfigError } from "../../generator/errors.ts";
import { readTsconfig } from "../../generator/tsconfig/mod.ts";
import { isRecord } from "../../runtime/core/mod.ts";
import { InitError } from "./errors.ts";

/** What init learns from an existing tsconfig.json: where tsc puts its output, and what stops celerity from working. */
export interface TsconfigFacts {
  /** `outDir` relative to the project (posix), or null when tsc writes JavaScript next to the sources. */
  outDir: string | null;
  /** `rootDir` relative to the project (posix), or null. */
  rootDir: string | null;
  /** Settings that must change, each a sentence naming the setting and what to use. */
  problems: string[];
  /** Things init could not check. */
  notes: string[];
}

const ES_MODULE = new Set(["nodenext", "node16", "node18", "node20", "preserve", "esnext", "es2022"]);
const NO_EXPORTS = new Set(["node", "nodejs", "node10", "classic"]);
const BEFORE_ES2017 = new Set(["es3", "es5", "es6", "es2015", "es2016"]);

type Ts = typeof import("ts-morph").ts;

const lower = (value: unknown): string | undefined => (typeof value === "string" ? value.toLowerCase() : undefined);

/**
 * An enum option's name as a user writes it (`nodenext`): from tsc's parsed options (so `extends`
 * counts), else the file's own text (a value this TypeScript does not know is left unset by tsc).
 */
function optionName(enumObject: Record<number, string>, parsed: unknown, own: unknown): string | undefined {
  return (typeof parsed === "number" ? enumObject[parsed]?.toLowerCase() : undefined) ?? lower(own);
}

const projectPath = (dir: string, path: string | undefined): string | null =>
  path === undefined ? null : relative(dir, path).split(sep).join(posix.sep) || ".";

/**
 * Checks the project's tsconfig.json, read as tsc reads it (`extends` followed), for what celerity's
 * generated code and `node` on tsc's output need. It reports, never edits: the file is the user's.
 */
export async function checkTsconfig(dir: string, options: { writesClient: boolean }): Promise<TsconfigFacts> {
  let read;
  try {
    read = await readTsconfig(join(dir, "tsconfig.json"));
  } catch (error) {
    if (!(error instanceof TsconfigError)) throw error;
    throw new InitError(
      "INIT_UNREADABLE",
      "tsconfig.json",
      `${error.reason}; fix it, or move it away and init writes a new one`,
      { cause: error },
    );
  }
  const { ts } = (await import("ts-morph")) as { ts: Ts };
  const co = read.options;
  const own = isRecord(read.raw["compilerOptions"]) ? read.raw["compilerOptions"] : {};
  const problems: string[] = [];
  const notes: string[] = [];

  const module = optionName(ts.ModuleKind, co.module, own["module"]);
  if (module === undefined) {
    problems.push(
      '"module" is not set: use "nodenext" (generated/worker.ts uses top-level await, which needs ES module output)',
    );
  } else if (!ES_MODULE.has(module)) {
    problems.push(`"module": "${module}" cannot compile generated/worker.ts (top-level await): use "nodenext"`);
  }
  const resolution = optionName(ts.ModuleResolutionKind, co.moduleResolution, own["moduleResolution"]);
  if (resolution !== undefined && NO_EXPORTS.has(resolution)) {
    problems.push(
      `"moduleResolution": "${resolution}" cannot resolve celerity's subpath exports (celerity/worker): use "nodenext", or "bundler" with "module": "preserve"`,
    );
  }
  const target = optionName(ts.ScriptTarget, co.target, own["target"]);
  if (target !== undefined && BEFORE_ES2017.has(target)) {
    problems.push(`"target": "${target}" is too old for top-level await: use "es2022" or later`);
  }
  for (const flag of ["noEmit", "emitDeclarationOnly"] as const) {
    if (co[flag] === true)
      problems.push(
        `"${flag}": true means tsc writes no JavaScript, so \`node generated/worker.js\` has nothing to run: remove it (or run the worker with tsx)`,
      );
  }
  if (options.writesClient && co.lib !== undefined) {
    const hasDom = co.lib.some(
      (file) => /(^|[/\\])lib\.dom[.\w]*\.d\.ts$/.test(file) || lower(file)?.startsWith("dom"),
    );
    const hasNode = co.types?.includes("node") === true;
    if (!hasDom && !hasNode)
      problems.push(
        '"lib" has no "dom" and "types" no "node", so client.ts cannot use console: add "dom" to "lib", or install @types/node and add "node" to "types"',
      );
  }
  if (read.raw["files"] !== undefined || read.raw["include"] !== undefined) {
    notes.push('it lists "files" or "include": make sure they cover generated/, handlers/ and client.ts');
  }
  return { outDir: projectPath(dir, co.outDir), rootDir: projectPath(dir, co.rootDir), problems, notes };
}
