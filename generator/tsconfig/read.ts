import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { TsconfigError } from "../errors.ts";

/** The compiler options that decide how generated code writes its relative imports. */
export interface ImportRelevantOptions {
  allowImportingTsExtensions: boolean;
  rewriteRelativeImportExtensions: boolean;
}

/**
 * Diagnostics that mean the configuration itself could not be read: a file (this one or one it
 * `extends`) missing or unreadable, an `extends` path that does not resolve, a circular `extends`.
 * Others (an option this TypeScript does not know, no input files) do not stop codegen: it needs
 * two options, not a buildable project.
 */
const FATAL_CODES = new Set([5012, 5083, 6053, 18000, 18001]);

/** A tsconfig.json as tsc reads it. */
export interface TsconfigContents {
  /** The compiler options with every `extends` applied, normalized as tsc does (enums as numbers, paths absolute). */
  options: import("ts-morph").ts.CompilerOptions;
  /** The file's own JSON, before `extends` (for values this TypeScript does not know, and `files`/`include`). */
  raw: Record<string, unknown>;
}

/**
 * Reads `file` with TypeScript's own config reader (the copy ts-morph bundles): comments, trailing
 * commas and `extends` chains (relative or from a package) are understood as `tsc` understands them.
 * Throws {@link TsconfigError} naming the file when it cannot be read or parsed.
 */
export async function readTsconfig(file: string): Promise<TsconfigContents> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new TsconfigError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
  // Loaded on demand: the compiler costs a few hundred milliseconds to load.
  const { ts } = await import("ts-morph");
  const parsed = ts.parseConfigFileTextToJson(file, text);
  if (parsed.error) throw new TsconfigError(file, describe(ts, parsed.error));
  if (typeof parsed.config !== "object" || parsed.config === null || Array.isArray(parsed.config)) {
    throw new TsconfigError(file, "is not a JSON object");
  }
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const config = ts.parseJsonConfigFileContent(parsed.config, host, dirname(file), undefined, file);
  const fatal = config.errors.find(
    (diagnostic) => FATAL_CODES.has(diagnostic.code) || isSyntaxErrorElsewhere(diagnostic, file),
  );
  if (fatal) throw new TsconfigError(file, describe(ts, fatal));
  return { options: config.options, raw: parsed.config as Record<string, unknown> };
}

/** The two options that decide the generated code's import extension (see {@link readTsconfig}). */
export async function readImportRelevantOptions(file: string): Promise<ImportRelevantOptions> {
  const { options } = await readTsconfig(file);
  return {
    allowImportingTsExtensions: options.allowImportingTsExtensions === true,
    rewriteRelativeImportExtensions: options.rewriteRelativeImportExtensions === true,
  };
}

type Ts = typeof import("ts-morph").ts;
type Diagnostic = import("ts-morph").ts.Diagnostic;

/** A JSON syntax error (TS1xxx) in a config that `file` extends. */
function isSyntaxErrorElsewhere(diagnostic: Diagnostic, file: string): boolean {
  return (
    diagnostic.code >= 1000 &&
    diagnostic.code < 2000 &&
    diagnostic.file !== undefined &&
    diagnostic.file.fileName !== file
  );
}

/** `message (at path:line:column)`, the way tsc would point at it. */
function describe(ts: Ts, diagnostic: Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${message} (at ${diagnostic.file.fileName}:${line + 1}:${character + 1})`;
}
