import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { claim, enqueueBatch, finish, finishAndClaim, scripts, startClaimed } from "../../runtime/broker/mod.ts";
import type { Claimed, Outcome } from "../../runtime/broker/mod.ts";
import { keyspace } from "../../runtime/keys/keyspace.ts";
import { WorkerProcess } from "../child/worker-process.ts";
import { SYSTEM_NAMES } from "../config.ts";
import { createSystem } from "../systems/index.ts";
import type { SystemName } from "../systems/system.ts";
import { noopArgs } from "../workloads/args.ts";
import { persistedAt } from "../workloads/persisted.ts";

// `tsx bench/profile/instructions.ts --workload single|bulk|drain|cycle [--systems ...] [--count N]`:
// instructions Redis executes per task, counted by callgrind. Wall time and INFO cpu on a shared
// 2-core host move by 2-3x between runs; instruction counts repeat to within 1%, so a change to a
// script can be judged from one run. Needs a redis-server of its own under callgrind, e.g.
//   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg/cg.out redis-server --port 6391 --save ''
// (--port and --dir name them). Counters are zeroed and dumped around the measured part, so they
// include everything that Redis did meanwhile (network handling too: PING costs about 2.3k).
//   single  awaited enqueues one by one (each system's producer), per call
//   bulk    one batch of --count (each system's batch API), per task
//   drain   --count enqueued, then a worker process drains them (start-up included), per task
//   cycle   celerity's scripts alone, batches of --batch: start, then finish+claim, per task
//   wake    celerity's scripts alone, one task at a time as an idle worker sees it: enqueue, BLPOP
//           of the signal, claim, start, finish; with the claim starting the task the signal names
//           and with a separate start call, each twice, alternating, per task

const { values } = parseArgs({
  options: {
    workload: { type: "string", default: "single" },
    systems: { type: "string", default: "celerity" },
    count: { type: "string" },
    batch: { type: "string", default: "25" },
    port: { type: "string", default: "6391" },
    dir: { type: "string", default: "/tmp/cg" },
  },
});
const port = Number(values.port);
const url = `redis://127.0.0.1:${port}/0`;
const admin = new Redis(url);
const pid = execFileSync("pgrep", ["-f", `valgrind.*redis-server.*${port}`])
  .toString()
  .trim()
  .split("\n")[0];
if (!pid) throw new Error(`no redis-server under valgrind on port ${port}`);
if ((await admin.dbsize()) > 0) throw new Error(`the Redis on port ${port} is not empty; this tool flushes it`);

/** Instructions since the last call (callgrind_control --dump writes them out and zeroes them). */
function instructions(): number {
  execFileSync("callgrind_control", ["--dump", pid], { stdio: "ignore" });
  const dumps = readdirSync(values.dir!).filter((f) => /\.\d+$/.test(f));
  dumps.sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
  const text = readFileSync(join(values.dir!, dumps[dumps.length - 1]), "utf8");
  return Number(/^summary: (\d+)/m.exec(text)?.[1] ?? NaN);
}

const print = (label: string, ir: number, n: number, unit = "task") =>
  console.log(`${label.padEnd(34)} ${Math.round(ir / n).toLocaleString("en-US")} instructions per ${unit}`);

/** A bench.noop task as the client prepares it, due now, with a fresh id. */
const noopItem = () => ({
  id: randomUUID(),
  name: "bench.noop",
  argsJson: '{"i":1}',
  eta: 0,
  countdownMs: null,
  expiresAt: 0,
  expiresInMs: null,
  resultExpiresMs: 86_400_000,
});

async function cycle(count: number, batch: number): Promise<void> {
  const ks = keyspace("bench", "instructions");
  const conn = { redis: admin, ks };
  for (const s of Object.values(scripts)) await s.ensureLoaded(admin);
  await enqueueBatch(conn, Array.from({ length: count + batch }, noopItem), { queue: "bench", priority: 5 });
  const request = { queues: ["bench"], want: batch, leaseMs: 30_000 };
  let claimed: Claimed[] = (await claim(conn, request)).claimed;
  let start = 0;
  let settle = 0;
  let n = 0;
  while (n < count) {
    instructions();
    const records = await startClaimed(conn, claimed, { workerId: "w", maxDeliveries: 5, maxPayloadBytes: 1 << 20 });
    start += instructions();
    const outcomes: Outcome[] = records.map((r) => ({ kind: "ok", claimed: r.claimed, resultJson: "null" }));
    claimed = (await finishAndClaim(conn, outcomes, request)).claimed;
    settle += instructions();
    n += records.length;
  }
  print(`celerity start (batches of ${batch})`, start, n);
  print(`celerity finish+claim`, settle, n);
  print(`celerity both`, start + settle, n);
}

async function wake(count: number): Promise<void> {
  const ks = keyspace("bench", "instructions");
  const conn = { redis: admin, ks };
  for (const s of Object.values(scripts)) await s.ensureLoaded(admin);
  const options = { workerId: "w", maxDeliveries: 5, maxPayloadBytes: 1 << 20 };
  // One count around all the tasks of a variant: Redis's own timers run meanwhile, and around
  // each step they would outweigh it.
  for (const named of [true, false, true, false]) {
    let calls = 0;
    instructions();
    for (let i = 0; i < count; i++) {
      await enqueueBatch(conn, [noopItem()], { queue: "bench", priority: 5 });
      const [, signalled] = (await admin.blpop(ks.signal("bench"), 1))!;
      const request = { queues: ["bench"], want: 25, leaseMs: 30_000 };
      const result = await claim(conn, named ? { ...request, start: { ids: [signalled], options } } : request);
      let records = result.started;
      if (records.length < result.claimed.length) {
        records = await startClaimed(conn, result.claimed, options);
        calls++;
      }
      await finish(
        conn,
        records.map((r): Outcome => ({ kind: "ok", claimed: r.claimed, resultJson: "null" })),
      );
      calls += 4;
    }
    const label = named ? "the claim starts the named task" : "a separate start call";
    print(`celerity wake, ${label} (${(calls / count).toFixed(0)} calls)`, instructions(), count);
  }
}

const workload = values.workload!;
if (workload === "cycle") await cycle(Number(values.count ?? 2_000), Number(values.batch));
else if (workload === "wake") await wake(Number(values.count ?? 1_000));
else
  for (const name of values.systems!.split(",") as SystemName[]) {
    if (!SYSTEM_NAMES.includes(name)) throw new Error(`unknown system ${name}`);
    const system = createSystem(name, { redisUrl: url, prefix: `instructions-${name}`, admin });
    await system.open();
    try {
      for (let i = 0; i < 50; i++) await system.enqueueOne({ i });
      await admin.flushdb();
      if (workload === "single") {
        const count = Number(values.count ?? 2_000);
        for (let i = 0; i < 50; i++) await system.enqueueOne({ i });
        instructions();
        for (let i = 0; i < count; i++) await system.enqueueOne({ i });
        print(`${name} single enqueue`, instructions(), count, "call");
      } else if (workload === "bulk") {
        const count = Number(values.count ?? 10_000);
        instructions();
        await system.enqueueBulk(noopArgs(count));
        print(`${name} bulk enqueue`, instructions(), count);
      } else if (workload === "drain") {
        const count = Number(values.count ?? 5_000);
        await system.enqueueBulk(noopArgs(count));
        const worker = new WorkerProcess(system.workerCommand(50), { watch: [count] });
        try {
          await worker.ready;
          instructions();
          await worker.handled(count, 600_000);
          await persistedAt(system, count, 120_000);
          print(`${name} drain`, instructions(), count);
        } finally {
          await worker.stop();
        }
      } else throw new Error("--workload must be single, bulk, drain or cycle");
    } finally {
      await system.close();
      await admin.flushdb();
    }
  }
await admin.flushdb();
admin.disconnect();
process.exit(0);
