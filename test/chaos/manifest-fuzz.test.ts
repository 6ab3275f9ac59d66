// Scenario 5: thousands of mutated manifests through the generator. Each either generates (a sample
// of those is type-checked with tsc) or fails with a ManifestError whose issues carry a line and a
// column; never another exception, never a hang, never a partial write into the out dir.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import type { ThreadInput, ThreadMessage } from "../fixtures/chaos/fuzz/thread.ts";
import { hostileManifests } from "../fixtures/chaos/fuzz/seed.ts";
import { REPO } from "../fixtures/chaos/processes.ts";
import { sourcePaths } from "../generator-helpers.ts";

const CASES = Number(process.env.CHAOS_FUZZ_CASES ?? 2_000);
const SEED = Number(process.env.CHAOS_FUZZ_SEED ?? Date.now() % 1_000_000);
// Typical cases take milliseconds; the hostile ones (alias bombs, 20,000-deep nesting) well under a second.
const CASE_TIMEOUT_MS = 10_000;
const SAMPLE_MAX = 24;
const THREADS = 2;

/** Makes `dir` a project that resolves the runtime and its dependencies from this repository. */
async function linkProject(dir: string): Promise<void> {
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(REPO, join(dir, "node_modules", "celerity"), "dir");
  for (const dep of ["ajv", "ajv-formats", "@types"])
    await symlink(join(REPO, "node_modules", dep), join(dir, "node_modules", dep), "dir");
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "celerity-fuzz-sample", private: true, type: "module" }),
  );
  const compilerOptions = {
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
  };
  await writeFile(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions, include: ["**/*.ts"], exclude: ["node_modules"] }),
  );
}

function tsc(dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(REPO, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", dir],
      { cwd: dir },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

test(
  `manifest fuzzing: ${CASES} mutated manifests (seed ${SEED}) generate or fail with positioned errors`,
  { timeout: 180_000 },
  async (t) => {
    // Thousands of small writes: on tmpfs when there is one, they cost a third of what a disk does.
    const root = await mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "celerity-chaos-fuzz-"));
    t.after(() => rm(root, { recursive: true, force: true }));
    const sampleDir = join(root, "typecheck");
    await mkdir(sampleDir, { recursive: true });

    const counts: Record<string, number> = {};
    const byKind: Record<string, { generated: number; failed: number }> = {};
    const problems: string[] = [];
    let sampled = 0;
    let slowest = { ms: 0, label: "" };

    // Saves a failing manifest so the failure can be replayed with `celerity codegen`.
    const keep = async (label: string, text: string) => {
      const path = join(tmpdir(), `celerity-fuzz-failure-${SEED}-${label.replace(/[^a-z0-9]+/gi, "-")}.yaml`);
      await writeFile(path, text);
      return path;
    };

    // One thread per core, each with its own project and out dir, taking every THREADS-th case.
    const runThread = async (index: number): Promise<void> => {
      const dir = join(root, `project-${index}`);
      await mkdir(dir, { recursive: true });
      const input: ThreadInput = {
        seed: SEED,
        count: CASES,
        thread: index,
        threads: THREADS,
        dir,
        sampleDir,
        sampleMax: Math.ceil(SAMPLE_MAX / THREADS),
        runtimeImport: "celerity",
      };
      // Worker threads do not inherit tsx's loader (node 20): register it in the thread, then load the script.
      const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("../fixtures/chaos/fuzz/thread.ts", import.meta.url).href)}); });`;
      const thread = new Worker(boot, { eval: true, workerData: input });
      let current: Extract<ThreadMessage, { type: "start" }> | null = null;
      let currentSince = 0;
      try {
        await new Promise<void>((resolve, reject) => {
          const watchdog = setInterval(async () => {
            if (current && performance.now() - currentSince > CASE_TIMEOUT_MS) {
              clearInterval(watchdog);
              const hung = current;
              await thread.terminate();
              reject(
                new Error(
                  `codegen hung for more than ${CASE_TIMEOUT_MS} ms on ${hung.label} (${hung.kind}: ${hung.ops.join("; ")}), manifest saved to ${await keep(hung.label, hung.text)}`,
                ),
              );
            }
          }, 250);
          thread.on("message", async (m: ThreadMessage) => {
            if (m.type === "start") {
              current = m;
              currentSince = performance.now();
            } else if (m.type === "done") {
              const c = current!;
              current = null;
              counts[m.outcome] = (counts[m.outcome] ?? 0) + 1;
              const k = (byKind[c.kind] ??= { generated: 0, failed: 0 });
              if (m.outcome === "generated") k.generated++;
              if (m.outcome === "manifest-error") k.failed++;
              if (m.sampled) sampled++;
              if (m.ms > slowest.ms) slowest = { ms: Math.round(m.ms), label: c.label };
              if (m.outcome === "crash" || m.outcome === "violation") {
                problems.push(
                  `${c.label} (${c.kind}: ${c.ops.join("; ")}): ${m.outcome}: ${m.detail}\n  manifest: ${await keep(c.label, c.text)}`,
                );
              }
            } else {
              clearInterval(watchdog);
              resolve();
            }
          });
          thread.on("error", (error) => {
            clearInterval(watchdog);
            reject(new Error(`fuzz thread died${current ? ` on ${current.label}` : ""}: ${error.stack ?? error}`));
          });
          thread.on("exit", (code) => {
            clearInterval(watchdog);
            if (code !== 0) reject(new Error(`fuzz thread exited with ${code}`));
          });
        });
      } finally {
        await thread.terminate();
      }
    };
    await Promise.all(Array.from({ length: THREADS }, (_, i) => runThread(i)));

    // Generated code type-checks: a sample (every hostile success plus early random ones) in one tsc
    // run, done before judging the rest so that one run reports every kind of problem.
    await linkProject(sampleDir);
    const sampleCount = (await readdir(sampleDir)).filter((n) => n.startsWith("case-")).length;
    const checked = await tsc(sampleDir);

    const crashes = counts.crash ?? 0;
    const violations = counts.violation ?? 0;
    const total = (counts.generated ?? 0) + (counts["manifest-error"] ?? 0) + crashes + violations;
    t.diagnostic(
      `manifest fuzz (seed ${SEED}): ${total} manifests (${CASES} random + seed + ${total - CASES - 1} hostile) on ${THREADS} threads: ${counts.generated ?? 0} generated, ` +
        `${counts["manifest-error"] ?? 0} ManifestError with line:column, ${crashes} crashes, ${violations} broken promises (partial write, unpositioned error, valid manifest rejected), 0 hangs (limit ${CASE_TIMEOUT_MS} ms, slowest ${slowest.ms} ms: ${slowest.label}), ` +
        `by kind ${Object.entries(byKind)
          .map(([k, v]) => `${k} ${v.generated}/${v.failed}`)
          .join(", ")} (generated/failed); ` +
        `${sampled} generated projects type-checked with tsc: ${checked.code === 0 ? "pass" : "FAIL"}`,
    );
    const typecheck =
      checked.code === 0 ? "" : `\n\nand tsc failed on the generated sample:\n${checked.output.slice(0, 4000)}`;
    assert.deepEqual(
      problems,
      [],
      `codegen crashed or broke its promises (rerun with CHAOS_FUZZ_SEED=${SEED})${typecheck}`,
    );
    assert.equal(total, CASES + 1 + hostileManifests().length, "every case reported");
    // The fuzzer must exercise both outcomes in volume, or it proves little.
    assert.ok((counts.generated ?? 0) >= CASES * 0.1, `only ${counts.generated ?? 0} cases generated`);
    assert.ok((counts["manifest-error"] ?? 0) >= CASES * 0.3, `only ${counts["manifest-error"] ?? 0} cases failed`);
    assert.equal(sampleCount, sampled);
    assert.ok(sampled >= 10, `only ${sampled} generated cases sampled for tsc`);
    assert.equal(checked.code, 0, `tsc failed on generated code (seed ${SEED}):\n${checked.output.slice(0, 4000)}`);
  },
);
