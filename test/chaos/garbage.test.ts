// Scenario 3: garbage written straight into every queue key (ready lists, delayed ZSET, leases ZSET,
// the signal list) and into task records. Each piece must end up in dead letters with a reason, the
// worker process must survive it all, and good tasks queued around the garbage must still run.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { queueDepth, runLog, stateCounts, waitFor } from "../fixtures/chaos/observe.ts";
import { chaosWorld } from "../fixtures/chaos/world.ts";

const TEN_MB = 10 * 1024 * 1024;
const sha1 = (raw: string | Buffer) => createHash("sha1").update(raw).digest("hex");

/** A task record the way enqueue writes it, with `fields` overriding (or `omit` removing) parts. */
function envelope(fields: Record<string, string>, omit: string[] = []): Record<string, string> {
  const base: Record<string, string> = {
    n: "chaos.work",
    a: "{}",
    q: "default",
    p: "5",
    s: "PENDING",
    r: "0",
    d: "0",
    c: String(Date.now()),
    eta: "0",
    e: "0",
    rx: "600000",
  };
  const merged = { ...base, ...fields };
  for (const f of omit) delete merged[f];
  return merged;
}

test(
  "garbage in every queue key is dead-lettered with a reason; the worker survives and keeps working",
  { timeout: 90_000 },
  async (t) => {
    const { prefix, ks, key, redis, client, fleet } = chaosWorld(t, "chaos-garbage");
    const good = async (n: number) =>
      (await client.chaos.work.delayMany(Array.from({ length: n }, () => ({ key })))).map(
        (r: { id: string }) => r.id,
      ) as string[];

    // Task records that decode badly: id -> the reason the dead letter must give.
    const records: Record<string, { fields: Record<string, string>; omit?: string[]; error: string; why: RegExp }> = {
      "g-not-json": {
        fields: { a: "{not json" },
        error: "MessageDecodeError",
        why: /^MessageDecodeError: args are not valid JSON/,
      },
      "g-no-envelope": {
        fields: {},
        omit: ["n", "a", "q", "r", "d", "c", "eta", "e", "rx"],
        error: "UnknownTaskError",
        why: /^UnknownTaskError: no task named ""/,
      },
      "g-unknown-task": {
        fields: { n: "evil.drop_tables" },
        error: "UnknownTaskError",
        why: /^UnknownTaskError: no task named "evil.drop_tables"/,
      },
      "g-proto-task": {
        fields: { n: "__proto__" },
        error: "UnknownTaskError",
        why: /^UnknownTaskError: no task named "__proto__"/,
      },
      "g-schema": {
        fields: { n: "chaos.strict", a: JSON.stringify({ n: "not a number" }) },
        error: "TaskArgumentsError",
        why: /^TaskArgumentsError: .*args\.n must be integer/,
      },
      "g-not-object": {
        fields: { n: "chaos.strict", a: "[1,2,3]" },
        error: "TaskArgumentsError",
        why: /^TaskArgumentsError: .*must be object/,
      },
      "g-10mb": {
        fields: { a: JSON.stringify({ key, pad: "x".repeat(TEN_MB) }) },
        error: "PayloadTooLargeError",
        why: /^args payload of \d+ bytes exceeds the limit of 1048576 bytes/,
      },
      "g-bad-counter": {
        fields: { d: "lots" },
        error: "CorruptTaskError",
        why: /^corrupt task record: deliveries counter "lots" is not an integer/,
      },
    };
    // Garbage with no usable task record: the raw value -> the reason stored with it in dead-raw.
    const raw: { value: string | Buffer; where: string; reason: RegExp }[] = [];
    const NOT_AN_ID = /^not a task id/;
    const NO_RECORD = /^no task record/;

    const before = await good(40);
    for (const [id, r] of Object.entries(records)) await redis.hset(ks.task(id), envelope(r.fields, r.omit));
    await redis.lpush(ks.ready("default", 5), ...Object.keys(records));
    // A task key that is not a hash at all.
    await redis.set(ks.task("g-wrong-type"), "garbage");
    await redis.lpush(ks.ready("default", 5), "g-wrong-type");
    raw.push({ value: "g-wrong-type", where: "record of the wrong type", reason: /not a hash/ });
    // A record without a state is no record.
    await redis.hset(ks.task("g-no-state"), envelope({}, ["s"]));
    await redis.lpush(ks.ready("default", 5), "g-no-state");
    raw.push({ value: "g-no-state", where: "record without state", reason: NO_RECORD });

    const readyGarbage: [string, RegExp][] = [
      ["not json {{{ at all", NOT_AN_ID],
      [JSON.stringify({ id: "x", task: "chaos.work", args: {} }), NOT_AN_ID],
      ["", NOT_AN_ID],
      ["g".repeat(TEN_MB), NOT_AN_ID],
      ["ghost-ready", NO_RECORD],
    ];
    for (const [value, reason] of readyGarbage) {
      await redis.lpush(ks.ready("default", 3), value);
      raw.push({ value, where: "ready list", reason });
    }
    const delayedGarbage: [string, string, RegExp][] = [
      ["7|ghost-delayed", "ghost-delayed", NO_RECORD],
      ["garbage member with spaces", "garbage member with spaces", NOT_AN_ID],
      ["12|x", "12|x", NOT_AN_ID],
    ];
    for (const [member, value, reason] of delayedGarbage) {
      await redis.zadd(ks.delayed("default"), 0, member);
      raw.push({ value, where: "delayed ZSET", reason });
    }
    const binary = Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x0a]);
    await redis.zadd(ks.leases("default"), 0, "5|ghost-lease");
    raw.push({ value: "ghost-lease", where: "leases ZSET", reason: NO_RECORD });
    await redis.zadd(ks.leases("default"), 0, binary);
    raw.push({ value: binary, where: "leases ZSET", reason: NOT_AN_ID });
    await redis.lpush(ks.signal("default"), "garbage", "{}", "x".repeat(1000));
    const after = await good(40);

    const worker = fleet.spawn("worker", "test/fixtures/chaos/worker-process.ts", [
      "--prefix",
      prefix,
      "--concurrency",
      "8",
      "--lease",
      "1s",
    ]);
    const goodIds = [...before, ...after];
    // + 1: the wrong-type record is also moved aside (a quarantine letter), freeing its id.
    const expectedDead = Object.keys(records).length + raw.length + 1;
    try {
      await waitFor(
        "good tasks done and garbage dead-lettered",
        async () => {
          const counts = await stateCounts(redis, ks, goodIds);
          return counts.SUCCESS === goodIds.length && (await redis.zcard(ks.dead)) >= expectedDead;
        },
        30_000,
        100,
      );
    } catch (error) {
      const counts = await stateCounts(redis, ks, goodIds);
      const dead = await redis.zrange(ks.dead, "0", "-1");
      throw new Error(
        `${(error as Error).message}: good ${JSON.stringify(counts)}, dead ${dead.length}/${expectedDead} [${dead.join(", ")}], ` +
          `queue ${JSON.stringify(await queueDepth(redis, ks, "default"))}, leases [${(await redis.zrange(ks.leases("default"), "0", "-1")).join(", ")}]\n${fleet.logs()}`,
      );
    }

    for (const [id, r] of Object.entries(records)) {
      const [state, why, err] = await redis.hmget(ks.task(id), "s", "why", "err");
      assert.equal(state, "FAILURE", `${id} failed`);
      assert.match(why ?? "", r.why, `${id}: reason`);
      assert.equal(JSON.parse(err ?? "{}").name, r.error, `${id}: error name`);
      assert.notEqual(await redis.zscore(ks.dead, id), null, `${id} is a dead letter`);
    }
    for (const r of raw) {
      const ref = `raw:${sha1(r.value)}`;
      const stored = await redis.hget(ks.deadRaw, ref);
      assert.ok(stored, `garbage from the ${r.where} (${String(r.value).slice(0, 40)}) is a dead letter`);
      const entry = JSON.parse(stored) as { reason: string; size: number; raw: string };
      assert.match(entry.reason, r.reason, `reason for the garbage from the ${r.where}`);
      assert.equal(entry.size, Buffer.byteLength(r.value));
      assert.ok(entry.raw.length <= 4096, "stored truncated");
      assert.notEqual(await redis.zscore(ks.dead, ref), null);
    }
    const quarantined = (await redis.zrange(ks.dead, "0", "-1")).filter((m) => m.startsWith("quarantine:"));
    assert.equal(quarantined.length, 1);
    assert.equal(
      JSON.parse((await redis.hget(ks.deadRaw, quarantined[0]))!).key,
      ks.task("g-wrong-type"),
      "the wrong-type record was moved aside",
    );
    assert.equal(await redis.exists(ks.task("g-wrong-type")), 0);
    assert.equal(await redis.zcard(ks.dead), expectedDead, "exactly the garbage is dead, no good task");

    // Still alive, still working.
    const later = await good(20);
    await waitFor(
      "tasks enqueued after the garbage to succeed",
      async () => (await stateCounts(redis, ks, later)).SUCCESS === later.length,
      15_000,
      50,
    );
    const log = await runLog(redis, key);
    for (const id of [...goodIds, ...later]) assert.equal(log.get(id)?.length, 1, `good task ${id} ran exactly once`);
    assert.ok(worker.alive(), "the worker process never crashed");
    assert.deepEqual(
      await queueDepth(redis, ks, "default"),
      { ready: 0, delayed: 0, leased: 0 },
      "no garbage left in the queue",
    );
    assert.doesNotMatch(worker.log(), /claim failed|run crashed|uncaught/i, "no failed claims on the way");

    t.diagnostic(
      `garbage: ${Object.keys(records).length} bad task records + ${raw.length} raw values (ready lists, delayed, leases, wrong-type and state-less records, two of 10 MB) ` +
        `-> ${expectedDead} dead letters with reasons; ${goodIds.length + later.length} good tasks around them each ran once; worker alive, queue empty`,
    );
  },
);
