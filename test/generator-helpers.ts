/** Shared helpers of the generator tests: temp projects, a large synthetic manifest, running the CLI. */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Fixture manifests (each in its own directory with its handlers). */
export const FIXTURES = join(REPO, "test", "fixtures", "manifests");

/** A fresh temp directory, removed by the returned `cleanup`. */
export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `celerity-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes files (path relative to `dir` -> contents), creating directories. */
export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), contents);
  }
}

/**
 * `compilerOptions.paths` that resolve `celerity`, `celerity/worker`, ... to this repository's
 * sources (tsconfig.json's own mapping made absolute): the package's `exports` point at dist/, which
 * a checkout does not have.
 */
export function sourcePaths(): Record<string, string[]> {
  const { compilerOptions } = JSON.parse(readFileSync(join(REPO, "tsconfig.json"), "utf8")) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([name, targets]) => [name, targets.map((target) => join(REPO, target))]),
  );
}

/**
 * Makes `dir` a project that resolves `celerity` (and the runtime's dependencies, as npm would
 * hoist them) from this repository, and type-checks like it.
 */
export async function linkProject(dir: string): Promise<void> {
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(REPO, join(dir, "node_modules", "celerity"), "dir");
  for (const dependency of ["ajv", "ajv-formats", "@types"]) {
    await symlink(join(REPO, "node_modules", dependency), join(dir, "node_modules", dependency), "dir");
  }
  await writeTree(dir, {
    "package.json": JSON.stringify({ name: "celerity-test-project", private: true, type: "module" }),
    "tsconfig.json": JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023"],
        types: ["node"],
        strict: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        paths: sourcePaths(),
      },
      include: ["**/*.ts"],
      exclude: ["node_modules"],
    }),
  });
}

/** The result of running a process to completion. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command args` in `cwd` and collects its output. `env` is added to this process's environment,
 * or with `inherit: false` is the whole environment.
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; inherit?: boolean },
): Promise<RunResult> {
  const env = options.inherit === false ? options.env : { ...process.env, NO_COLOR: "1", ...options.env };
  return new Promise((resolvePromise, reject) => {
    // Nothing is ever written to a child here, so its stdin is closed: a child that reads it ends at once.
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Runs the real `celerity` bin (bin/celerity.js) with node. */
export function runCli(args: readonly string[], options: { cwd: string }): Promise<RunResult> {
  return run(process.execPath, [join(REPO, "bin", "celerity.js"), ...args], options);
}

/** Runs the TypeScript 7 compiler (`tsc --noEmit -p <dir>`). */
export function runTsc(dir: string): Promise<RunResult> {
  return run(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", dir], {
    cwd: dir,
  });
}

/**
 * A manifest with `count` tasks spread over a few namespaces, queues and retry policies, each with
 * its own args and result schema (no two alike, so nothing is compiled once for several tasks),
 * plus the handler modules it references (all inside `dir`).
 */
export async function writeLargeManifest(dir: string, count: number): Promise<string> {
  const tasks: string[] = [];
  const handlers = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const namespace = `ns${i % 10}`;
    const name = `${namespace}.task_${i}`;
    const exportName = `task${i}`;
    (handlers.get(namespace) ?? handlers.set(namespace, []).get(namespace)!).push(
      `export const ${exportName} = defineHandler(${JSON.stringify(name)}, ({ id }) => ({ ok: true, id }));`,
    );
    tasks.push(`  ${name}:
    handler: ./handlers/${namespace}.ts#${exportName}
    description: Synthetic task number ${i}.
    queue: q${i % 4}
    priority: ${i % 10}
    time_limit: ${(i % 5) + 1}m
    rate_limit: ${(i % 9) + 1}/s
    retry: ${i % 2 === 0 ? "standard" : "{ policy: fast, max_retries: 2 }"}
    args:
      type: object
      required: [id]
      additionalProperties: false
      properties:
        id: { type: integer, minimum: 1, maximum: ${1000 + i} }
        note: { type: [string, "null"], maxLength: ${200 + i} }
        tags: { type: array, items: { type: string, enum: [a, b, c] }, uniqueItems: true }
        when: { type: string, format: date-time }
        mode: { type: string, enum: [fast, slow], default: fast }
    result:
      type: object
      required: [ok, id]
      properties:
        ok: { type: boolean }
        id: { type: integer, minimum: ${i} }
`);
  }
  const manifest = `version: 1
app: large
defaults:
  queue: q0
  retry: standard
retry_policies:
  standard: { autoretry_for: [NetworkError], max_retries: 5, backoff: 1s }
  fast: { autoretry_for: [FlakyError], max_retries: 3, backoff: 100ms, jitter: false }
tasks:
${tasks.join("")}periodic:
  tick:
    task: ns0.task_0
    every: 30s
    args: { id: 1 }
`;
  const files: Record<string, string> = { "tasks.yaml": manifest };
  for (const [namespace, lines] of handlers) {
    files[`handlers/${namespace}.ts`] =
      `import { defineHandler } from "../generated/define.ts";\n\n${lines.join("\n")}\n`;
  }
  await writeTree(dir, files);
  return join(dir, "tasks.yaml");
}

/**
 * Copies the stand-alone project fixture into `dir/<name>` and returns that directory. Its checked-in
 * generated/ (which keeps the repository's own type check whole) is left out: tests generate afresh.
 */
export async function copyProjectFixture(dir: string, name = "."): Promise<string> {
  const { cp } = await import("node:fs/promises");
  const source = join(FIXTURES, "project");
  const target = join(dir, name);
  await cp(source, target, { recursive: true, filter: (path) => path !== join(source, "generated") });
  return target;
}

/** Every file directly in `dir` with its contents and mtime, to show a directory was not touched. */
export async function snapshotDir(dir: string): Promise<Record<string, { contents: string; mtimeMs: number }>> {
  const { readdir, readFile, stat } = await import("node:fs/promises");
  const out: Record<string, { contents: string; mtimeMs: number }> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const info = await stat(path);
    if (info.isFile()) out[name] = { contents: await readFile(path, "utf8"), mtimeMs: info.mtimeMs };
  }
  return out;
}
