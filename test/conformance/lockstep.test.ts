// Lockstep: random sequences of broker operations run on the memory broker and on Redis side by
// side, with the same ids, must give the same replies and leave the same state after every step.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import type { RedisClient } from "../../runtime/mod.ts";
import { claim, finish } from "../../runtime/broker/settle.ts";
import { revokeTask } from "../../runtime/broker/revoke.ts";
import { startClaimed } from "../../runtime/broker/start.ts";
import type { Claimed } from "../../runtime/broker/claim.ts";
import { connectRedis, createTaskTree, keyspace } from "../../runtime/mod.ts";
import { forgetMemoryBroker } from "../../runtime/memory/mod.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../support/redis.ts";
import { conformanceApp } from "./support/app.ts";

type Op =
  | { op: "enqueue"; priority: number; delayed: boolean }
  | { op: "claim"; want: number }
  | { op: "start" }
  | { op: "finish"; pick: number; kind: "ok" | "fail" | "retry" | "release" }
  | { op: "revoke"; pick: number; terminate: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("enqueue" as const),
      priority: fc.integer({ min: 0, max: 9 }),
      delayed: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("claim" as const), want: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.constant({ op: "start" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("finish" as const),
      pick: fc.nat(),
      kind: fc.constantFrom("ok" as const, "fail" as const, "retry" as const, "release" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("revoke" as const), pick: fc.nat(), terminate: fc.boolean() }) },
);

/** One backend's side of the lockstep run. */
class Side {
  readonly redis: RedisClient;
  readonly client: any;
  readonly ks;
  claimed: Claimed[] = [];
  started: Claimed[] = [];
  constructor(
    readonly url: string,
    readonly prefix: string,
  ) {
    const app = conformanceApp("lock");
    this.ks = keyspace(app.app, prefix);
    this.redis = connectRedis(url, { name: "lockstep" });
    this.client = createTaskTree(app, { redis: url, prefix });
  }
  get conn() {
    return { redis: this.redis, ks: this.ks };
  }

  async apply(op: Op, ids: string[]): Promise<unknown> {
    switch (op.op) {
      case "enqueue": {
        const id = `t${ids.length}`;
        ids.push(id);
        // Far-off or none: no decision may depend on the millisecond either clock is at.
        await this.client.util.record.applyAsync(
          { key: id },
          { taskId: id, priority: op.priority, ...(op.delayed ? { countdown: "1h" } : {}) },
        );
        return id;
      }
      case "claim": {
        const r = await claim(this.conn, { queues: ["default"], want: op.want, leaseMs: 3_600_000 });
        this.claimed.push(...r.claimed);
        return {
          ids: r.claimed.map((c) => `${c.priority}|${c.id}`),
          waits: r.nextDueInMs === null ? "none" : r.nextDueInMs > 0 ? "later" : "now",
        };
      }
      case "start": {
        const batch = this.claimed.splice(0);
        if (batch.length === 0) return [];
        const recs = await startClaimed(this.conn, batch, {
          workerId: "lockstep",
          maxDeliveries: 5,
          maxPayloadBytes: 1 << 20,
        });
        for (const r of recs) if (r.kind === "run") this.started.push(r.claimed);
        return recs.map((r) =>
          r.kind === "run" ? ["run", r.claimed.id, r.retries, r.deliveries] : ["skip", r.claimed.id, r.reason],
        );
      }
      case "finish": {
        if (this.started.length === 0) return null;
        const [c] = this.started.splice(op.pick % this.started.length, 1);
        const claimed = c!;
        const outcome =
          op.kind === "ok"
            ? { kind: "ok" as const, claimed, resultJson: '"done"' }
            : op.kind === "fail"
              ? { kind: "fail" as const, claimed, errorJson: JSON.stringify({ name: "Boom", message: "no" }) }
              : op.kind === "retry"
                ? {
                    kind: "retry" as const,
                    claimed,
                    errorJson: JSON.stringify({ name: "Net", message: "later" }),
                    due: { inMs: 3_600_000 },
                    retries: 1,
                  }
                : { kind: "release" as const, claimed, inMs: 3_600_000 };
        return finish(this.conn, [outcome]);
      }
      case "revoke":
        if (ids.length === 0) return null;
        return revokeTask(this.conn, ids[op.pick % ids.length]!, { terminate: op.terminate });
    }
  }

  /** Everything the scripts keep, without timestamps (the two clocks differ by milliseconds). */
  async state(ids: readonly string[]): Promise<unknown> {
    const ready: string[][] = [];
    for (let p = 0; p <= 9; p++) ready.push(await this.redis.lrange(this.ks.ready("default", p), 0, -1));
    const records: Record<string, unknown> = {};
    for (const id of ids) {
      const [s, r, d, why, rv] = await this.redis.hmget(this.ks.task(id), "s", "r", "d", "why", "rv");
      records[id] = { s, r, d, why, rv };
    }
    return {
      ready,
      // Sorted by member: their scores are times, which tie or not depending on the millisecond.
      delayed: (await this.redis.zrange(this.ks.delayed("default"), "0", "-1")).sort(),
      leases: (await this.redis.zrange(this.ks.leases("default"), "0", "-1")).sort(),
      dead: (await this.redis.zrange(this.ks.dead, "0", "-1")).sort(),
      records,
    };
  }

  async close(): Promise<void> {
    await this.client.$disconnect();
    this.redis.disconnect();
  }
}

describe("lockstep: memory broker and Redis", () => {
  const used: string[] = [];
  after(async () => {
    for (const p of used) await deletePrefix(p);
  });

  it("random operation sequences give the same replies and state on both", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const prefix = uniquePrefix(`lockstep${run}`);
        const memUrl = `memory://lockstep-${process.pid}-${run++}`;
        used.push(prefix);
        const mem = new Side(memUrl, prefix);
        const real = new Side(REDIS_URL, prefix);
        const memIds: string[] = [];
        const realIds: string[] = [];
        try {
          for (const [i, op] of ops.entries()) {
            const [a, b] = [await mem.apply(op, memIds), await real.apply(op, realIds)];
            assert.deepEqual(a, b, `reply of step ${i} (${JSON.stringify(op)})`);
            assert.deepEqual(
              await mem.state(memIds),
              await real.state(realIds),
              `state after step ${i} (${JSON.stringify(op)})`,
            );
          }
        } finally {
          await mem.close();
          await real.close();
          forgetMemoryBroker(memUrl);
        }
      }),
      { numRuns: 40 },
    );
  });
});
