/**
 * What an operator of a worker relies on: `--help` on the generated entrypoints, a failure or retry
 * visible in the default (info) log with the task's id, name and error, and `npm run worker`
 * handing SIGTERM to the worker itself so that it shuts down warm.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { BEAT_FLAGS } from "../runtime/beat/main.ts";
import { WORKER_FLAGS } from "../runtime/worker/main.ts";
import { tempDir } from "./generator-helpers.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "./support/redis.ts";
import { eventually, exited, RuntimeHarness } from "./support/runtime.ts";
import { userEnv } from "./support/user-env.ts";
import { Redis } from "ioredis";

const ROOT = new URL("..", import.meta.url).pathname;

/** The log lines of a JSON-logging process, parsed. */
const logLines = (log: string): Array<Record<string, unknown>> =>
  log
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("--help", () => {
  for (const [entry, flags] of [
    ["generated/worker.ts", WORKER_FLAGS],
    ["generated/beat.ts", BEAT_FLAGS],
  ] as const) {
    it(`${entry} --help lists every flag with its default and exits 0 without touching Redis`, () => {
      const r = spawnSync(process.execPath, ["--import", "tsx", entry, "--help"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, REDIS_URL: "redis://127.0.0.1:1/0" },
        timeout: 30_000,
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^usage: ${entry.replace(".", "\\.")} \\[options\\]`));
      for (const flag of flags) {
        const line = r.stdout.split("\n").find((l) => l.trimStart().startsWith(`--${flag.name} `));
        assert.ok(line, `--${flag.name} is listed`);
        assert.ok(line.endsWith(`(default: ${flag.default})`), line);
      }
      assert.match(r.stdout, /REDIS_URL/);
      assert.equal(r.stderr, "");
    });
  }
});

describe("worker log", () => {
  const h = new RuntimeHarness("oplog");
  after(() => h.close());

  it("logs a failure and a retry at info with the task id, name, error name and message", async () => {
    const child = h.spawnWorker();
    const failed = await h.client.util.fail.delay({ name: "TypeError" });
    const flaky = await h.client.util.flaky.delay({ failTimes: 1 });
    await assert.rejects(failed.get({ timeout: 15 }), { name: "TypeError", message: "bad type" });
    assert.deepEqual(await flaky.get({ timeout: 15 }), { attempts: 2 });
    const lines = await eventually(async () => {
      const all = logLines((child as unknown as { log: string }).log);
      return all.some((l) => l.msg === "task failed") && all.some((l) => l.msg === "task will retry") ? all : null;
    });
    const failure = lines.find((l) => l.msg === "task failed");
    assert.deepEqual(
      { level: failure?.level, id: failure?.id, task: failure?.task, error: failure?.error, message: failure?.message },
      { level: "info", id: failed.id, task: "util.fail", error: "TypeError", message: "bad type" },
    );
    const retry = lines.find((l) => l.msg === "task will retry");
    assert.deepEqual(
      {
        level: retry?.level,
        id: retry?.id,
        task: retry?.task,
        error: retry?.error,
        message: retry?.message,
        retry: retry?.retry,
      },
      { level: "info", id: flaky.id, task: "util.flaky", error: "NetworkError", message: "connection reset", retry: 1 },
    );
    assert.equal(typeof retry?.inMs, "number");
  });
});

describe("npm run worker", () => {
  /**
   * Runs `npm run worker` in `cwd` (in its own process group, as a terminal would) until its worker
   * of app `app` has registered, hands it to `act`, and cleans up whatever is left.
   */
  async function underNpm(
    where: { cwd: string; app: string },
    act: (run: { npm: ChildProcess; log: () => string }) => Promise<void>,
  ): Promise<void> {
    const prefix = uniquePrefix("npmrun");
    const redis = new Redis(REDIS_URL);
    let workerPid: number | undefined;
    try {
      const npm = spawn("npm", ["run", "--silent", "worker", "--", "--prefix", prefix], {
        cwd: where.cwd,
        env: userEnv({ CELERITY_LOG_FORMAT: "json", CELERITY_LOG_LEVEL: "info" }),
        stdio: ["ignore", "ignore", "pipe"],
        detached: true,
      });
      let log = "";
      npm.stderr!.setEncoding("utf8").on("data", (d: string) => (log += d));
      const workers = `${prefix}:{${where.app}}:workers`;
      const id = await eventually(async () => (await redis.zrange(workers, "0", "0"))[0], 20_000);
      workerPid = Number(await redis.hget(`${prefix}:{${where.app}}:worker:${id}`, "pid"));
      assert.notEqual(workerPid, npm.pid, "npm runs the worker as a child");
      await act({ npm, log: () => log });
      assert.throws(() => process.kill(workerPid!, 0), { code: "ESRCH" }, "the worker process is gone");
      assert.equal(await redis.zcard(workers), 0, "the worker unregistered itself");
    } finally {
      // Only if the test failed: the orphaned worker would otherwise run on.
      if (workerPid) {
        try {
          process.kill(workerPid, "SIGKILL");
        } catch {}
      }
      redis.disconnect();
      await deletePrefix(prefix);
    }
  }

  it("SIGTERM to the npm process reaches the worker: warm shutdown, npm exits 0, no worker left behind", async () => {
    await underNpm({ cwd: ROOT, app: "demo" }, async ({ npm, log }) => {
      npm.kill("SIGTERM");
      assert.deepEqual(await exited(npm), { code: 0, signal: null }, log());
      assert.ok(
        logLines(log()).some((l) => l.msg === "warm shutdown: finishing running tasks" && l.signal === "SIGTERM"),
        log(),
      );
    });
  });

  it("Ctrl-C (SIGINT to the whole process group, so the worker hears it from the terminal and from npm) is one warm shutdown", async () => {
    // A project whose script execs node on the worker, as `celerity init` writes it (this
    // repository's own script goes through tsx, which passes a signal on only once).
    const { dir, cleanup } = await tempDir("npm-ctrl-c");
    try {
      const worker = `exec node --import=${import.meta.resolve("tsx")} ${join(ROOT, "test/fixtures/runtime-worker-process.ts")}`;
      await writeFile(
        join(dir, "package.json"),
        JSON.stringify({ name: "ctrl-c", type: "module", scripts: { worker } }),
      );
      await underNpm({ cwd: dir, app: "rt" }, async ({ npm, log }) => {
        process.kill(-npm.pid!, "SIGINT");
        assert.deepEqual(await exited(npm), { code: 0, signal: null }, log());
        const lines = logLines(log());
        assert.ok(
          lines.some((l) => l.msg === "warm shutdown: finishing running tasks" && l.signal === "SIGINT"),
          log(),
        );
        assert.ok(!lines.some((l) => String(l.msg).startsWith("second signal")), log());
      });
    } finally {
      await cleanup();
    }
  });
});
