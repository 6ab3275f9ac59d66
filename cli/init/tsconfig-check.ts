import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { isRecord } from "../../runtime/core/mod.ts";
import { InitError } from "./errors.ts";

/** What init learns from an existing tsconfig.json: where tsc puts its output, and what stops celerity from working. */
export interface TsconfigFacts {
  /** `compilerOptions.outDir`, or null when tsc writes JavaScript next to the sources. */
  outDir: string | null;
  /** `compilerOptions.rootDir`, or null. */
  rootDir: string | null;
  /** Settings that must change, each a sentence naming the setting and what to use. */
  problems: string[];
  /** Things init could not check. */
  notes: string[];
}

const ES_MODULE = new Set(["nodenext", "node16", "node18", "node20", "preserve", "esnext", "es2022"]);
const NO_EXPORTS = new Set(["node", "node10", "classic"]);
const BEFORE_ES2017 = new Set(["es3", "es5", "es6", "es2015", "es2016"]);

/** Parses tsconfig.json as tsc does (comments and trailing commas allowed). */
function parseTsconfig(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const before = text.slice(0, first.offset).split("\n");
    const where = `line ${before.length}, column ${before.at(-1)!.length + 1}`;
    throw new InitError("INIT_UNREADABLE", "tsconfig.json", `is not valid JSON (${printParseErrorCode(first.error)} at ${where}); fix it, or move it away and init writes a new one`);
  }
  if (!isRecord(value)) throw new InitError("INIT_UNREADABLE", "tsconfig.json", "must hold a JSON object");
  if (value["compilerOptions"] !== undefined && !isRecord(value["compilerOptions"])) {
    throw new InitError("INIT_UNREADABLE", "tsconfig.json", '"compilerOptions" must be an object');
  }
  return value;
}

const lower = (value: unknown): string | undefined => (typeof value === "string" ? value.toLowerCase() : undefined);

/**
 * Checks an existing tsconfig.json for what celerity's generated code and `node` on tsc's output
 * need. It reports, never edits: the file is the user's.
 */
export function checkTsconfig(text: string, options: { writesClient: boolean }): TsconfigFacts {
  const config = parseTsconfig(text);
  const co = (config["compilerOptions"] ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const notes: string[] = [];
  const module = lower(co["module"]);
  if (module === undefined) {
    problems.push('"module" is not set: use "nodenext" (generated/worker.ts uses top-level await, which needs ES module output)');
  } else if (!ES_MODULE.has(module)) {
    problems.push(`"module": ${JSON.stringify(co["module"])} cannot compile generated/worker.ts (top-level await): use "nodenext"`);
  }
  const resolution = lower(co["moduleResolution"]);
  if (resolution !== undefined && NO_EXPORTS.has(resolution)) {
    problems.push(`"moduleResolution": ${JSON.stringify(co["moduleResolution"])} cannot resolve celerity's subpath exports (celerity/worker): use "nodenext", or "bundler" with "module": "preserve"`);
  }
  const target = lower(co["target"]);
  if (target !== undefined && BEFORE_ES2017.has(target)) {
    problems.push(`"target": ${JSON.stringify(co["target"])} is too old for top-level await: use "es2022" or later`);
  }
  for (const flag of ["noEmit", "emitDeclarationOnly"]) {
    if (co[flag] === true) problems.push(`"${flag}": true means tsc writes no JavaScript, so \`node generated/worker.js\` has nothing to run: remove it (or run the worker with tsx)`);
  }
  if (options.writesClient && Array.isArray(co["lib"])) {
    const hasDom = co["lib"].some((l) => lower(l)?.startsWith("dom"));
    const hasNode = Array.isArray(co["types"]) && co["types"].includes("node");
    if (!hasDom && !hasNode) problems.push('"lib" has no "dom" and "types" no "node", so client.ts cannot use console: add "dom" to "lib", or install @types/node and add "node" to "types"');
  }
  if (config["extends"] !== undefined) notes.push(`it extends ${JSON.stringify(config["extends"])}; settings inherited from there were not checked`);
  if (config["files"] !== undefined || config["include"] !== undefined) {
    notes.push('it lists "files" or "include": make sure they cover generated/, handlers/ and client.ts');
  }
  const outDir = typeof co["outDir"] === "string" ? co["outDir"] : null;
  const rootDir = typeof co["rootDir"] === "string" ? co["rootDir"] : null;
  return { outDir, rootDir, problems, notes };
}
