// Scenario 6: oversized or deeply nested arguments are refused by the client, before Redis is
// touched, with an error that says which limit was hit; the limits are configurable.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Redis } from "ioredis";
import { CelerityError, createTaskTree, keyspace, TaskArgumentsTooLargeError } from "../../runtime/mod.ts";
import { chaosApp } from "../fixtures/chaos/app.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../support/redis.ts";

/** `{ v: { v: ... } }` nested `depth` levels (the outer object is level 1), built without recursion. */
function nested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < depth; i++) node = { v: node };
  return node;
}

/** An object whose JSON is exactly `bytes` long: {"pad":"xxx..."}. */
const sized = (bytes: number) => ({ pad: "x".repeat(bytes - '{"pad":""}'.length) });

const tooLarge = (pattern: RegExp) => (e: unknown) =>
  e instanceof TaskArgumentsTooLargeError &&
  e instanceof CelerityError &&
  e.code === "TASK_ARGUMENTS_TOO_LARGE" &&
  pattern.test(e.message);

test(
  "oversized and deeply nested args are refused at the client, nothing is enqueued",
  { timeout: 60_000 },
  async (t) => {
    const prefix = uniquePrefix("chaos-limits");
    const app = chaosApp();
    const ks = keyspace(app.app, prefix);
    const redis = new Redis(REDIS_URL);
    const defaults = createTaskTree<any>(app, { prefix });
    const strict = createTaskTree<any>(app, { prefix, limits: { maxBytes: 1024, maxDepth: 8 } });
    t.after(async () => {
      await defaults.$disconnect();
      await strict.$disconnect();
      await deletePrefix(prefix);
      redis.disconnect();
    });
    let refused = 0;
    const refuse = async (call: () => Promise<unknown> | unknown, pattern: RegExp) => {
      await assert.rejects(async () => call(), tooLarge(pattern));
      refused++;
    };

    // Configured limits: exactly at the limit passes, one over fails, and the message names both numbers.
    await strict.chaos.any.delay(sized(1024));
    await refuse(
      () => strict.chaos.any.delay(sized(1025)),
      /^arguments of task "chaos.any" are rejected: 1025 bytes serialized, the limit is 1024$/,
    );
    await strict.chaos.any.delay(nested(8));
    await refuse(
      () => strict.chaos.any.delay(nested(9)),
      /^arguments of task "chaos.any" are rejected: nested deeper than 8 levels$/,
    );
    // Arrays count as levels too; multi-byte characters count as bytes, not characters.
    await refuse(() => strict.chaos.any.delay({ a: [[[[[[[[1]]]]]]]] }), /nested deeper than 8 levels/);
    await refuse(() => strict.chaos.any.delay({ s: "é".repeat(600) }), /1208 bytes serialized, the limit is 1024/);

    // Defaults: 1 MiB and 32 levels.
    await defaults.chaos.any.delay(sized(1 << 20));
    await refuse(
      () => defaults.chaos.any.delay(sized((1 << 20) + 1)),
      /1048577 bytes serialized, the limit is 1048576/,
    );
    await refuse(
      () => defaults.chaos.any.delay({ blob: "z".repeat(50 << 20) }),
      /bytes serialized, the limit is 1048576/,
    );
    await defaults.chaos.any.delay(nested(32));
    await refuse(() => defaults.chaos.any.delay(nested(33)), /nested deeper than 32 levels/);
    // Hostile depth must not overflow the stack anywhere on the way to the error.
    await refuse(() => defaults.chaos.any.delay(nested(200_000)), /nested deeper than 32 levels/);

    // Every way of sending checks: applyAsync, signature (at creation), and a batch refuses as a whole.
    await refuse(() => strict.chaos.any.applyAsync(sized(2000), { countdown: 1 }), /2000 bytes/);
    await refuse(() => strict.chaos.any.signature(nested(20)), /nested deeper than 8/);
    await refuse(() => strict.chaos.any.delayMany([{ ok: 1 }, sized(4096), { ok: 2 }]), /4096 bytes/);

    const accepted = 4;
    assert.equal(await redis.zcard(ks.recent), accepted, "only the accepted calls reached Redis");
    let ready = 0;
    for (let p = 0; p <= 9; p++) ready += await redis.llen(ks.ready("default", p));
    assert.equal(
      ready + (await redis.zcard(ks.delayed("default"))),
      accepted,
      "no refused call left anything in the queue",
    );
    t.diagnostic(
      `args limits: ${refused} oversized/too-deep calls refused with TaskArgumentsTooLargeError (configured 1024 B / depth 8 and defaults 1 MiB / depth 32, up to 50 MB and 200,000 levels); ${accepted} at-the-limit calls accepted; nothing refused reached Redis`,
    );
  },
);
