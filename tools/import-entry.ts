/**
 * Imports one package entry (`celerity`, `celerity/worker`, ...) in a fresh plain-node process, the
 * way an application's first import does, and reports how long the import took and which modules
 * it loaded. Used by test/package/entries.test.ts (what each entry loads) and the bench's `import`
 * workload (how long it takes). Runs against the built package (dist/): build it first.
 * @module
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** What one fresh import of an entry did. */
export interface EntryImport {
  /** Milliseconds spent in `await import(entry)` (process start-up excluded). */
  ms: number;
  /** file: URLs of every module loaded, ES modules and CommonJS (empty unless `record`). */
  modules: string[];
}

const CHILD = `
const started = performance.now();
await import(process.env.CELERITY_ENTRY);
const ms = performance.now() - started;
const { createRequire } = await import("node:module");
const cjs = Object.keys(createRequire(import.meta.url).cache);
process.stdout.write(JSON.stringify({ ms, cjs }));
`;

/** Imports `entry` in a new `node` (no tsx, no NODE_OPTIONS) started in the repository. */
export async function importEntry(entry: string, options: { record?: boolean } = {}): Promise<EntryImport> {
  const dir = options.record ? await mkdtemp(join(tmpdir(), "celerity-entry-")) : undefined;
  const logFile = dir && join(dir, "loads.log");
  try {
    const args = [
      ...(logFile ? ["--import", join(REPO, "tools", "entry-probe", "register.mjs")] : []),
      "--input-type=module",
      "-e",
      CHILD,
    ];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CELERITY_ENTRY: entry,
      ...(logFile ? { CELERITY_LOAD_LOG: logFile } : {}),
    };
    delete env.NODE_OPTIONS;
    const stdout = await new Promise<string>((resolvePromise, reject) =>
      execFile(process.execPath, args, { cwd: REPO, env, maxBuffer: 16 << 20 }, (error, out, err) =>
        error ? reject(new Error(`importing ${entry} failed: ${err || error.message}`)) : resolvePromise(out),
      ),
    );
    const { ms, cjs } = JSON.parse(stdout) as { ms: number; cjs: string[] };
    const esm = logFile ? (await readFile(logFile, "utf8")).split("\n").filter((url) => url.startsWith("file:")) : [];
    const modules = logFile ? [...new Set([...esm.map((url) => fileURLToPath(url)), ...cjs])] : [];
    return { ms, modules };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
