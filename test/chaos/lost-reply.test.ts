// A connection that drops between Redis running the start script and the worker reading its reply
// (a Redis restart, a network blip: ioredis then resends the script or the worker retries the
// batch). The records are already STARTED by this worker, yet it never ran them; when their leases
// run out and the same worker claims them again, it must run them, not treat them as its own runs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Redis } from "ioredis";
import { createTaskTree, keyspace } from "../../runtime/mod.ts";
import { Worker } from "../../runtime/worker/mod.ts";
import { claim } from "../../runtime/broker/settle.ts";
import { startClaimed } from "../../runtime/broker/start.ts";
import { createLogger } from "../../runtime/log/logger.ts";
import { chaosApp, closeRecorder, dispatch } from "../fixtures/chaos/app.ts";
import { runLog } from "../fixtures/chaos/observe.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../support/redis.ts";

test(
  "a batch whose start reply was lost is run after its leases expire, by the same worker",
  { timeout: 30_000 },
  async (t) => {
    const prefix = uniquePrefix("chaos-lost-reply");
    const app = chaosApp();
    const ks = keyspace(app.app, prefix);
    const key = `${prefix}:rec`;
    const redis = new Redis(REDIS_URL);
    const client = createTaskTree<any>(app, { prefix });
    const workerId = `lost-reply-${process.pid}`;
    let worker: Worker | undefined;
    t.after(async () => {
      await worker?.stop({ graceMs: 0 });
      await client.$disconnect();
      await deletePrefix(prefix);
      redis.disconnect();
      closeRecorder();
    });

    const results = await client.chaos.work.delayMany([{ key }, { key }, { key }]);
    // What the worker's loop does, except that the start script's reply never reaches it.
    const claimed = await claim({ redis, ks }, { queues: ["default"], want: 3, leaseMs: 200 });
    assert.equal(claimed.claimed.length, 3);
    await startClaimed({ redis, ks }, claimed.claimed, { workerId, maxDeliveries: 5, maxPayloadBytes: 1 << 20 });

    worker = new Worker(
      { app, dispatch },
      { prefix, id: workerId, leaseMs: 200, logger: createLogger({ level: "error" }) },
    );
    await worker.start();
    const settled = await Promise.allSettled(
      results.map((r: { get(o: object): Promise<string> }) => r.get({ timeout: 5 })),
    );
    const states = await Promise.all(results.map((r: { state(): Promise<string> }) => r.state()));
    assert.deepEqual(
      states,
      ["SUCCESS", "SUCCESS", "SUCCESS"],
      `every task ran (results: ${settled.map((s) => s.status).join(", ")})`,
    );
    const log = await runLog(redis, key);
    assert.deepEqual(
      results.map((r: { id: string }) => log.get(r.id)?.length),
      [1, 1, 1],
      "each ran exactly once",
    );
    t.diagnostic("3 tasks STARTED by a start script whose reply was lost: all 3 ran once after their leases expired");
  },
);
