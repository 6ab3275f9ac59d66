// Client input that JSON or the scheduler cannot honour is refused at the call site with a named
// error, and nothing reaches Redis (issue 11, break 8).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ConfigurationError, TaskArgumentsError } from "../runtime/mod.ts";
import { RuntimeHarness } from "./support/runtime.ts";

describe("client: arguments JSON cannot carry, and out-of-range options", () => {
  let h: RuntimeHarness;
  before(() => (h = new RuntimeHarness("client-input")));
  after(() => h.close());

  const nothingEnqueued = async () => {
    assert.equal(await h.redis.zcard(`${h.prefix}:{rt}:recent`), 0);
    assert.equal(await h.redis.llen(`${h.prefix}:{rt}:q:default:5`), 0);
  };

  it("refuses a BigInt with a TaskArgumentsError naming its path (not a bare TypeError)", async () => {
    await assert.rejects(h.client.util.record.delay({ key: "k", extra: { count: 10n } }), (e: unknown) => {
      assert.ok(e instanceof TaskArgumentsError, `got ${(e as Error).name}`);
      assert.equal(e.code, "TASK_ARGUMENTS_INVALID");
      assert.deepEqual(
        e.violations.map((v) => v.path),
        ["args.extra.count"],
      );
      assert.match(e.message, /BigInt/);
      return true;
    });
    await nothingEnqueued();
  });

  it("refuses functions and symbols instead of silently dropping them, naming every path", async () => {
    const args = { key: "k", onDone: () => 1, list: [1, Symbol("s"), { fn() {} }], [Symbol("hidden")]: 1 };
    await assert.rejects(h.client.util.record.delay(args), (e: unknown) => {
      assert.ok(e instanceof TaskArgumentsError);
      assert.deepEqual(e.violations.map((v) => v.path).sort(), [
        "args",
        "args.list[1]",
        "args.list[2].fn",
        "args.onDone",
      ]);
      return true;
    });
    await assert.rejects(h.client.util.record.delayMany([{ key: "a" }, { key: "b", cb: () => 0 }]), TaskArgumentsError);
    await nothingEnqueued();
  });

  it("still sends Dates as ISO strings and leaves undefined fields out", async () => {
    const r = await h.client.util.record.applyAsync(
      { key: "k", at: new Date(0), gone: undefined },
      { countdown: "1h" },
    );
    assert.equal(
      await h.redis.hget(`${h.prefix}:{rt}:t:${r.id}`, "a"),
      JSON.stringify({ key: "k", at: "1970-01-01T00:00:00.000Z", ms: 0 }),
    );
    await r.forget();
    await h.redis.del(`${h.prefix}:{rt}:recent`, `${h.prefix}:{rt}:q:default:delayed`);
  });

  it("refuses a task id that is not a string, or is empty or too long", async () => {
    for (const taskId of [123, 0, "", "x".repeat(201), { id: "x" }]) {
      await assert.rejects(
        h.client.math.add.applyAsync({ a: 1, b: 2 }, { taskId }),
        (e: unknown) => e instanceof ConfigurationError && /taskId/.test(e.message),
        String(taskId),
      );
    }
    await nothingEnqueued();
  });

  it("reserves the periodic: id namespace for beat, so a client cannot displace a scheduled run", async () => {
    const due = Date.now() + 60_000;
    await assert.rejects(
      h.client.math.add.applyAsync({ a: 1, b: 2 }, { taskId: `periodic:nightly:${due}` }),
      (e: unknown) => e instanceof ConfigurationError && /reserved for beat/.test(e.message),
    );
    await nothingEnqueued();
  });

  it("refuses countdowns, etas and expiries that are not finite or lie more than 10 years ahead", async () => {
    const tooFar = new Date(Date.now() + 3651 * 86_400_000); // MAX_SCHEDULE_AHEAD_MS is 3650 days
    for (const apply of [
      { countdown: 1e20 },
      { countdown: Infinity },
      { countdown: "4000d" },
      { eta: tooFar },
      { eta: new Date(NaN) },
      { expires: 1e20 },
      { expires: tooFar },
    ]) {
      await assert.rejects(
        h.client.math.add.applyAsync({ a: 1, b: 2 }, apply),
        ConfigurationError,
        JSON.stringify(apply),
      );
    }
    await nothingEnqueued();
    const r = await h.client.math.add.applyAsync({ a: 1, b: 2 }, { countdown: 3649 * 86_400 });
    await r.forget();
    await h.redis.del(`${h.prefix}:{rt}:recent`, `${h.prefix}:{rt}:q:default:delayed`);
  });
});
