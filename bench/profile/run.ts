import { randomUUID } from "node:crypto";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { LuaScript } from "../../runtime/broker/lua-script.ts";
import { claim, scripts } from "../../runtime/broker/mod.ts";
import { keyspace } from "../../runtime/keys/keyspace.ts";
import { hrNow } from "../child/clock.ts";
import { WorkerProcess } from "../child/worker-process.ts";
import { FULL_SIZES, SYSTEM_NAMES } from "../config.ts";
import { createSystem } from "../systems/index.ts";
import type { QueueSystem, SystemName } from "../systems/system.ts";
import { deleteUnder } from "../support/keys.ts";
import { prefixFor } from "../support/prefixes.ts";
import { noopArgs } from "../workloads/args.ts";
import { persistedAt } from "../workloads/persisted.ts";
import { summarizeProfile } from "./cpuprofile.ts";
import { perTask, snapshot } from "./redis-stats.ts";

// `tsx bench/profile/run.ts --workload drain|bulk|single|ping [--systems celerity] [--cpu-prof]`: one workload with
// per-task Redis cost (INFO commandstats and used_cpu deltas, commands run inside Lua included),
// worker or producer CPU per task, and optionally a V8 CPU profile of the worker child summarized.

const { values } = parseArgs({
  options: {
    workload: { type: "string", default: "drain" },
    systems: { type: "string", default: "celerity" },
    count: { type: "string" },
    "cpu-prof": { type: "boolean", default: false },
  },
});
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const admin = new Redis(redisUrl);
const names = values.systems!.split(",") as SystemName[];
for (const n of names) if (!SYSTEM_NAMES.includes(n)) throw new Error(`unknown system ${n}`);
const PROFILE_DIR = fileURLToPath(new URL("../profiles/", import.meta.url));

async function profiled(system: QueueSystem, count: number): Promise<void> {
  const dir = join(PROFILE_DIR, system.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const nodeArgs = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
  const worker = new WorkerProcess(system.workerCommand(FULL_SIZES.concurrency), { watch: [count], nodeArgs });
  const before = await snapshot(admin);
  let cpu = { user: 0, system: 0 };
  // The worker's CPU by the time it is ready: importing and compiling its code (under tsx) would
  // otherwise count as per-task cost: 300-430 ms, 6-9 µs per task of a 50,000-task run.
  let startUp = { user: 0, system: 0 };
  let ms = 0;
  try {
    const start = await worker.ready;
    const ready = await worker.status();
    startUp = { user: ready.cpuUserUs, system: ready.cpuSystemUs };
    await worker.handled(count, 600_000);
    ms = (await persistedAt(system, count)) - start;
    const status = await worker.status();
    cpu = { user: status.cpuUserUs - startUp.user, system: status.cpuSystemUs - startUp.system };
  } finally {
    await worker.stop();
  }
  const after = await snapshot(admin);
  report(
    system.name,
    count,
    ms,
    before,
    after,
    `worker CPU ${((cpu.user + cpu.system) / count).toFixed(1)} µs/task (user ${(cpu.user / count).toFixed(1)}, sys ${(cpu.system / count).toFixed(1)}) after ${((startUp.user + startUp.system) / 1000).toFixed(0)} ms of start-up`,
  );
  if (values["cpu-prof"]) {
    const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"));
    for (const f of files) {
      const s = await summarizeProfile(join(dir, f));
      console.log(`  cpu profile ${join(dir, f)}: ${s.totalMs.toFixed(0)} ms sampled`);
      console.log(
        "  by area:      " +
          s.areas
            .slice(0, 12)
            .map((a) => `${a.area} ${(a.share * 100).toFixed(1)}%`)
            .join(", "),
      );
      for (const fn of s.functions)
        console.log(
          `    ${(fn.share * 100).toFixed(1).padStart(5)}%  ${fn.selfMs.toFixed(0).padStart(6)} ms  ${fn.name}`,
        );
    }
  }
}

function report(
  name: string,
  count: number,
  ms: number,
  before: Awaited<ReturnType<typeof snapshot>>,
  after: Awaited<ReturnType<typeof snapshot>>,
  extra: string,
): void {
  const cost = perTask(before, after, count);
  console.log(
    `\n== ${name}: ${count} tasks in ${ms.toFixed(0)} ms (${((count / ms) * 1000).toFixed(0)}/s); Redis CPU ${cost.cpuUsPerTask.toFixed(1)} µs/task; ${extra}`,
  );
  for (const r of cost.rows.slice(0, 16)) {
    console.log(
      `    ${r.command.padEnd(18)} ${r.callsPerTask.toFixed(3).padStart(8)} calls/task ${r.usPerTask.toFixed(2).padStart(7)} µs/task ${r.usPerCall.toFixed(2).padStart(8)} µs/call`,
    );
  }
}

async function producer(system: QueueSystem, workload: string, count: number): Promise<void> {
  const before = await snapshot(admin);
  const cpu0 = process.cpuUsage();
  const start = hrNow();
  if (workload === "bulk") await system.enqueueBulk(noopArgs(count));
  else for (let i = 0; i < count; i++) await system.enqueueOne({ i });
  const ms = hrNow() - start;
  const cpu = process.cpuUsage(cpu0);
  const after = await snapshot(admin);
  report(system.name, count, ms, before, after, `producer CPU ${((cpu.user + cpu.system) / count).toFixed(1)} µs/task`);
}

/**
 * `--workload ping`: the floor under any awaited call on this host, measured the way the single
 * enqueue is (sequential awaits on one ioredis connection): a bare PING and a one-line script
 * (EVALSHA of `return 1`), wall time and client CPU per call; and, beside them, a claim of an empty
 * queue, the fixed part of every claim. For script calls, Redis's own time per call too.
 */
async function roundTrips(count: number): Promise<void> {
  const redis = new Redis(redisUrl);
  const sha = (await redis.script("LOAD", "return 1")) as string;
  const returnOne = new LuaScript("return-one", "return 1");
  // The single enqueue's arguments: its 5 keys and 11 ARGV, named as the bench's are.
  const ks = keyspace("bench", prefixFor("celerity"));
  const enqueueArgs = () => {
    const id = randomUUID();
    const keys = [ks.ready("bench", 5), ks.delayed("bench"), ks.signal("bench"), ks.forQueue("bench").recent];
    return [...keys, ks.task(id), "bench", 5, 10000, "bench.noop", 0, "", 0, "", 86400000, id, '{"i":1}'];
  };
  const empty = { redis, ks: keyspace("bench", `${prefixFor("celerity")}-empty`) };
  const calls: [string, () => Promise<unknown>][] = [
    ["PING", () => redis.ping()],
    ["EVALSHA return 1", () => redis.evalsha(sha, 0)],
    ["EVALSHA return 1, enqueue's 16 args", () => redis.evalsha(sha, 5, ...enqueueArgs())],
    // The same through LuaScript.run (its wrong-type repair and NOSCRIPT fallback): the wrapper's cost.
    [
      "LuaScript.run of it",
      () => {
        const all = enqueueArgs();
        return returnOne.run(redis, all.slice(0, 5) as string[], all.slice(5));
      },
    ],
    // Nothing is ever enqueued under this prefix: the claim reads and pops nothing.
    ["claim of an empty queue", () => claim(empty, { queues: ["bench"], want: 25, leaseMs: 30_000 })],
  ];
  await scripts.claim.ensureLoaded(redis);
  for (const [label, call] of calls) {
    for (let i = 0; i < 200; i++) await call();
    const before = await evalshaStats(redis);
    const cpu0 = process.cpuUsage();
    const start = hrNow();
    for (let i = 0; i < count; i++) await call();
    const us = ((hrNow() - start) * 1000) / count;
    const cpu = process.cpuUsage(cpu0);
    const after = await evalshaStats(redis);
    const inRedis =
      after.calls > before.calls
        ? `; in Redis ${((after.usec - before.usec) / (after.calls - before.calls)).toFixed(2)} µs/call`
        : "";
    console.log(
      `== ${label}: ${us.toFixed(1)} µs per awaited call (${count} calls); client CPU ${((cpu.user + cpu.system) / count).toFixed(1)} µs/call${inRedis}`,
    );
  }
  redis.disconnect();
}

/** EVALSHA's call count and total µs from `INFO commandstats`. */
async function evalshaStats(redis: Redis): Promise<{ calls: number; usec: number }> {
  const m = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(await redis.info("commandstats"));
  return { calls: Number(m?.[1] ?? 0), usec: Number(m?.[2] ?? 0) };
}

if (values.workload === "ping") {
  await roundTrips(Number(values.count ?? FULL_SIZES.single));
  admin.disconnect();
  process.exit(0);
}

for (const name of names) {
  const system = createSystem(name, { redisUrl, prefix: prefixFor(name), admin });
  await deleteUnder(admin, system.prefix);
  await system.open();
  try {
    if (values.workload === "drain") {
      const count = Number(values.count ?? FULL_SIZES.drain);
      for (let i = 0; i < count; i += 10_000) await system.enqueueBulk(noopArgs(Math.min(10_000, count - i), i));
      await profiled(system, count);
    } else if (values.workload === "bulk" || values.workload === "single") {
      const count = Number(values.count ?? (values.workload === "bulk" ? FULL_SIZES.bulk : FULL_SIZES.single));
      for (let i = 0; i < 20; i++) await system.enqueueOne({ i });
      await producer(system, values.workload, count);
    } else throw new Error(`--workload must be drain, bulk, single or ping`);
  } finally {
    await system.close();
    await deleteUnder(admin, system.prefix);
  }
}
admin.disconnect();
