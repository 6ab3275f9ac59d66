// The memory broker is per process: anything that would need it shared between processes refuses
// with a clear error instead of silently running on an empty broker of its own.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { connectMemory } from "../runtime/memory/mod.ts";

const root = new URL("..", import.meta.url).pathname;
const run = (args: string[], env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });

describe("memory broker across processes", () => {
  for (const [role, entry] of [
    ["worker", "generated/worker.ts"],
    ["beat", "generated/beat.ts"],
  ] as const) {
    it(`a ${role} process started on its own with REDIS_URL=memory:// exits 2 and says why`, () => {
      const child = run([entry], { REDIS_URL: "memory://", CELERITY_LOG_FORMAT: "json" });
      assert.equal(child.status, 2, child.stdout + child.stderr);
      const out = child.stdout + child.stderr;
      assert.match(
        out,
        new RegExp(
          `the memory broker lives in one process; a ${role} started on its own with memory:// would see an empty broker`,
        ),
      );
      assert.match(out, /MEMORY_BROKER_ONE_PROCESS/);
    });
  }

  it("celerity admin refuses memory:// (exit 2)", () => {
    const child = run(["cli/main.ts", "admin", "--redis", "memory://"], {});
    assert.equal(child.status, 2, child.stdout + child.stderr);
    assert.match(child.stderr, /the memory broker lives in one process; the admin server started on its own/);
  });

  it("a child process that inherits memory:// from the owning process cannot open it", () => {
    // This test process owns a memory broker once it opens one; the child inherits its environment.
    connectMemory("memory://owner-check").disconnect();
    const script = `import { createTaskTree } from "./runtime/mod.ts";
const app = { app: "x", manifestHash: "t", queues: [], tasks: {}, periodic: [] };
try { createTaskTree(app, {}); console.log("opened"); } catch (e) { console.log(e.code + ": " + e.message); }`;
    const child = run(["--input-type=module", "-e", script], { REDIS_URL: "memory://" });
    assert.equal(child.status, 0, child.stderr);
    assert.match(
      child.stdout,
      new RegExp(
        `^MEMORY_BROKER_ONE_PROCESS: the memory broker lives in one process \\(pid ${process.pid}\\); this process \\(pid \\d+\\) was given memory:// but cannot reach it`,
      ),
    );
  });

  it("a child of such a process may still make a broker of its own (createTestApp)", () => {
    connectMemory("memory://owner-check-2").disconnect();
    const script = `import { createTestApp } from "./test/fixtures/manifests/testing-app/generated/testing.ts";
const t = await createTestApp();
const r = await t.tasks.emails.reminder.delay({ orderId: 3 });
await t.drain();
console.log(await r.get());
await t.close();`;
    const child = run(["--input-type=module", "-e", script], {});
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), "reminded order 3");
  });
});

describe("selecting the memory broker", () => {
  it('createClient({ broker: "memory" }) and a worker on memory:// share one broker in this process', async () => {
    const { createTaskTree } = await import("../runtime/mod.ts");
    const { Worker } = await import("../runtime/worker/worker.ts");
    const { conformanceApp, dispatch } = await import("./conformance/support/app.ts");
    const { testLogger } = await import("./support/runtime.ts");
    const app = conformanceApp("selectmem");
    const client: any = createTaskTree(app, { broker: "memory", prefix: "select" });
    const worker = new Worker({ app, dispatch }, { redis: "memory://", prefix: "select", logger: testLogger });
    await worker.start();
    try {
      const r = await client.math.add.delay({ a: 2, b: 3 });
      assert.equal(await r.get({ timeout: "5s" }), 5);
    } finally {
      await worker.stop();
      await client.$disconnect();
    }
  });

  it('broker "memory" with a redis:// URL is a configuration error', async () => {
    const { createTaskTree, ConfigurationError } = await import("../runtime/mod.ts");
    const app = { app: "x", manifestHash: "t", queues: [], tasks: {}, periodic: [] };
    assert.throws(
      () => createTaskTree(app, { broker: "memory", redis: "redis://127.0.0.1:6379" }),
      (e: unknown) => e instanceof ConfigurationError && /disagree/.test(e.message),
    );
  });
});
