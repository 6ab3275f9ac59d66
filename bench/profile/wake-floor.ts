import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
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

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "0,1,2" },
    role: { type: "string", default: "run" },
    key: { type: "string" },
    count: { type: "string" },
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

/** One shape: a consumer child with `calls` round trips after its BLPOP, fed at the bench's rate. */
async function measure(calls: number): Promise<{ p50: number; p99: number; offered: number }> {
  const total = FULL_SIZES.latencyRate * FULL_SIZES.latencySeconds;
  const warm = FULL_SIZES.latencyWarmup;
  const key = `celerity-bench-wake-floor:${process.pid}:${calls}`;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--role",
      "consume",
      "--key",
      key,
      "--calls",
      String(calls),
      "--count",
      String(warm + total),
    ],
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
  const sha = (await producer.script("LOAD", PUSH)) as string;
  const system = { enqueueLatency: async (t: number) => void (await producer.evalsha(sha, 1, key, t)) };
  await offer(system, FULL_SIZES.latencyRate, warm);
  const offered = await offer(system, FULL_SIZES.latencyRate, total);
  await done;
  await producer.del(key);
  producer.disconnect();
  const samples = Float64Array.from((JSON.parse(out.slice("ready\n".length)) as number[]).slice(warm)).sort();
  return { p50: percentileSorted(samples, 50), p99: percentileSorted(samples, 99), offered };
}

if (values.role === "consume") {
  await consume(values.key!, Number(values.calls), Number(values.count));
} else {
  for (const calls of values.calls!.split(",").map(Number)) {
    const r = await measure(calls);
    console.log(
      `== BLPOP + ${calls} round trip${calls === 1 ? "" : "s"}: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (${r.offered.toFixed(0)}/s offered, no work on either side)`,
    );
  }
}
