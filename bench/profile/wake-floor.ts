import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { claim, enqueueBatch, finish, scripts, startClaimed } from "../../runtime/broker/mod.ts";
import type { Outcome, SkippedRecord, StartedRecord } from "../../runtime/broker/mod.ts";
import { keyspace } from "../../runtime/keys/keyspace.ts";
import { hrNow } from "../child/clock.ts";
import { FULL_SIZES } from "../config.ts";
import { percentileSorted } from "../support/stats.ts";
import { offer } from "../workloads/latency.ts";

// `tsx bench/profile/wake-floor.ts [--calls 0,1,2]`: the enqueue-to-start latency of the bench's
// latency workload (same producer pacing, rate and count) when neither side does any work: the
// producer's enqueue is one EVALSHA that LPUSHes its send time, the consumer (a process of its own)
// BLPOPs it and then makes `calls` awaited EVALSHA round trips of `return 1` before it "starts".
// calls=1 is the shape of Bee-Queue's wake-up (BRPOPLPUSH, HGET) and of celerity's when the signal
// names the task (BLPOP, claim); calls=2 adds celerity's start call. What a queue's latency is
// above the floor of its shape is the cost of what it does; a queue at the floor cannot go lower
// without fewer round trips.
//
// `--scripts` adds the floor of celerity's own Redis work: the producer calls the broker's enqueue
// (the script `delay()` sends, without the client's validation), the consumer BLPOPs the signal and
// sends the claim naming the task, as an idle worker does, and "starts" when the claim's reply (or,
// for a task the claim leased but did not start, the start call's) is in; outcomes are recorded
// behind it, unawaited, as the worker records them. No handler, no worker loop: what is left of
// celerity's latency above this is its client and worker code. `--lanes N` (default 1) gives the
// consumer N claim loops, each blocking on its own connection; `--want N` (default 25, the worker's
// claim size at the bench's concurrency) is what each claim asks for, so `--want 1` leases only the
// task the signal named.
//
// `--defer-start` (with `--scripts`) is the floor of the redesign that carries the message in the
// queue entry: the claim names no task, the consumer "starts" each task it leases when the claim's
// reply is in, and the start call (which that redesign would still send, for the record's state,
// worker and deliveries) follows unawaited. The redesign's claim would do at least what this one
// does, and its enqueue at least what today's does, so its latency cannot be below this shape's.

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "0,1,2" },
    role: { type: "string", default: "run" },
    key: { type: "string" },
    count: { type: "string" },
    scripts: { type: "boolean", default: false },
    lanes: { type: "string", default: "1" },
    want: { type: "string", default: "25" },
    "defer-start": { type: "boolean", default: false },
  },
});
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const NOOP = "return 1";
const PUSH = "return redis.call('LPUSH', KEYS[1], ARGV[1])";

/** The consumer process: BLPOP, `calls` no-op round trips, sample; prints the samples as JSON. */
async function consume(key: string, calls: number, count: number): Promise<void> {
  const blocker = new Redis(redisUrl);
  const redis = new Redis(redisUrl);
  const sha = (await redis.script("LOAD", NOOP)) as string;
  const samples: number[] = [];
  process.stdout.write("ready\n");
  while (samples.length < count) {
    const [, sent] = (await blocker.blpop(key, 0))!;
    for (let i = 0; i < calls; i++) await redis.evalsha(sha, 0);
    samples.push(hrNow() - Number(sent));
  }
  process.stdout.write(JSON.stringify(samples) + "\n");
  blocker.disconnect();
  redis.disconnect();
}

const START = { workerId: "wake-floor", maxDeliveries: 5, maxPayloadBytes: 1 << 20 };

/** celerity's scripts, nothing else: BLPOP the signal, claim naming its task, start what it did not. */
async function consumeScripts(
  prefix: string,
  count: number,
  { lanes, want, deferStart }: { lanes: number; want: number; deferStart: boolean },
): Promise<void> {
  const blocker = new Redis(redisUrl);
  const conn = { redis: new Redis(redisUrl), ks: keyspace("bench", prefix) };
  for (const s of Object.values(scripts)) await s.ensureLoaded(conn.redis);
  const samples: number[] = [];
  const recording: Promise<unknown>[] = [];
  const take = (records: (StartedRecord | SkippedRecord)[], at: number) => {
    const done: Outcome[] = [];
    for (const r of records) {
      if (r.kind !== "run") throw new Error(`task not started: ${r.reason}`);
      samples.push(at - (JSON.parse(r.argsJson) as { t: number }).t);
      done.push({ kind: "ok", claimed: r.claimed, resultJson: "null" });
    }
    recording.push(finish(conn, done));
    if (samples.length >= count) allIn();
  };
  process.stdout.write("ready\n");
  // Each lane waits on a connection of its own, as Bee-Queue's concurrent BRPOPLPUSH calls do.
  const blockers = [blocker, ...Array.from({ length: lanes - 1 }, () => new Redis(redisUrl))];
  let byClaim = 0;
  let allIn!: () => void;
  const done = new Promise<void>((resolve) => (allIn = resolve));
  const lane = async (waiter: Redis) => {
    while (samples.length < count) {
      // Disconnected once every sample is in.
      const woke = await waiter.blpop(conn.ks.signal("bench"), 0).catch(() => null);
      if (!woke) return;
      if (deferStart) {
        const result = await claim(conn, { queues: ["bench"], want, leaseMs: 30_000 });
        const at = hrNow();
        // The start call's reply carries the args, hence the send time; the sample is stamped `at`.
        if (result.claimed.length > 0)
          recording.push(startClaimed(conn, result.claimed, START).then((r) => take(r, at)));
        continue;
      }
      const request = { queues: ["bench"], want, leaseMs: 30_000, start: { ids: [woke[1]], options: START } };
      const result = await claim(conn, request);
      byClaim += result.started.length;
      take(result.started, hrNow());
      const started = new Set(result.started.map((r) => r.claimed.id));
      const rest = result.claimed.filter((c) => !started.has(c.id));
      if (rest.length > 0) take(await startClaimed(conn, rest, START), hrNow());
    }
  };
  const lanesDone = Promise.all(blockers.map(lane));
  await done;
  for (const waiter of blockers) waiter.disconnect();
  await lanesDone;
  await Promise.all(recording);
  process.stderr.write(`(started by their own claim: ${byClaim} of ${samples.length})\n`);
  process.stdout.write(JSON.stringify(samples) + "\n");
  conn.redis.disconnect();
}

/** What the consumer child of a shape runs and what the producer sends it. */
interface Shape {
  label: string;
  role: string[];
  open(producer: Redis, key: string): Promise<(sentAt: number) => Promise<void>>;
  cleanup(producer: Redis, key: string): Promise<void>;
}

function noopShape(calls: number): Shape {
  return {
    label: `BLPOP + ${calls} round trip${calls === 1 ? "" : "s"} (no work on either side)`,
    role: ["--role", "consume", "--calls", String(calls)],
    async open(producer, key) {
      const sha = (await producer.script("LOAD", PUSH)) as string;
      return async (t) => void (await producer.evalsha(sha, 1, key, t));
    },
    cleanup: async (producer, key) => void (await producer.del(key)),
  };
}

const scriptsShape: Shape = {
  label: values["defer-start"]
    ? "celerity's scripts, start deferred: enqueue; BLPOP, claim (its reply starts every task), start unawaited"
    : "celerity's scripts: enqueue; BLPOP, claim starting the task (and a start call for others)",
  role: [
    "--role",
    "consume-scripts",
    "--lanes",
    values.lanes!,
    "--want",
    values.want!,
    ...(values["defer-start"] ? ["--defer-start"] : []),
  ],
  async open(producer, key) {
    const conn = { redis: producer, ks: keyspace("bench", key) };
    for (const s of Object.values(scripts)) await s.ensureLoaded(producer);
    const item = { name: "bench.latency", eta: 0, countdownMs: null, expiresAt: 0, expiresInMs: null };
    return (t) =>
      enqueueBatch(conn, [{ ...item, id: randomUUID(), argsJson: `{"t":${t}}`, resultExpiresMs: 86_400_000 }], {
        queue: "bench",
        priority: 5,
      }).then(() => undefined);
  },
  async cleanup(producer, key) {
    let cursor = "0";
    do {
      const [next, keys] = await producer.scan(cursor, "MATCH", `${key}:*`, "COUNT", 1000);
      if (keys.length > 0) await producer.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  },
};

/** One shape: its consumer child, fed at the bench's rate and pacing by this process. */
async function measure(shape: Shape, tag: string): Promise<{ p50: number; p99: number; offered: number }> {
  const total = FULL_SIZES.latencyRate * FULL_SIZES.latencySeconds;
  const warm = FULL_SIZES.latencyWarmup;
  const key = `celerity-bench-wake-floor:${process.pid}:${tag}`;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), ...shape.role, "--key", key, "--count", String(warm + total)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.setEncoding("utf8");
  const ready = new Promise<void>((resolve) =>
    child.stdout.on("data", (d: string) => {
      out += d;
      if (out.startsWith("ready\n")) resolve();
    }),
  );
  const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await ready;
  const producer = new Redis(redisUrl);
  const system = { enqueueLatency: await shape.open(producer, key) };
  await offer(system, FULL_SIZES.latencyRate, warm);
  const offered = await offer(system, FULL_SIZES.latencyRate, total);
  await done;
  await shape.cleanup(producer, key);
  producer.disconnect();
  const samples = Float64Array.from((JSON.parse(out.slice("ready\n".length)) as number[]).slice(warm)).sort();
  return { p50: percentileSorted(samples, 50), p99: percentileSorted(samples, 99), offered };
}

if (values.role === "consume") {
  await consume(values.key!, Number(values.calls), Number(values.count));
} else if (values.role === "consume-scripts") {
  await consumeScripts(values.key!, Number(values.count), {
    lanes: Number(values.lanes),
    want: Number(values.want),
    deferStart: values["defer-start"]!,
  });
} else {
  const shapes = values.calls!.split(",").map((calls) => [calls, noopShape(Number(calls))] as const);
  for (const [tag, shape] of values.scripts ? [...shapes, ["scripts", scriptsShape] as const] : shapes) {
    const r = await measure(shape, tag);
    console.log(
      `== ${shape.label}: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (${r.offered.toFixed(0)}/s offered)`,
    );
  }
}
