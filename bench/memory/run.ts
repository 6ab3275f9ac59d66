// `npm run bench:memory [-- --quick] [-- --rounds N]`: the memory broker's single-enqueue and drain
// figures beside Redis's, each with its worker in this process (medians of the rounds).
import { parseArgs } from "node:util";
import { forgetMemoryBroker } from "../../runtime/memory/mod.ts";
import { deleteUnder } from "../support/keys.ts";
import { measureBroker, type BrokerFigures } from "./measure.ts";
import { Redis } from "ioredis";

const { values } = parseArgs({
  options: { quick: { type: "boolean" }, rounds: { type: "string" }, redis: { type: "string" } },
});
const redisUrl = values.redis ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const rounds = Number(values.rounds ?? 3);
const sizes = values.quick
  ? { single: 1_000, drain: 5_000, concurrency: 50 }
  : { single: 5_000, drain: 20_000, concurrency: 50 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const results: Record<string, BrokerFigures[]> = { memory: [], redis: [] };
const admin = new Redis(redisUrl);
for (let round = 1; round <= rounds; round++) {
  for (const backend of ["memory", "redis"] as const) {
    const prefix = `celerity-bench-memory-${process.pid}-${round}`;
    const url = backend === "memory" ? `memory://bench-${round}` : redisUrl;
    const figures = await measureBroker(url, { prefix, ...sizes });
    if (backend === "memory") forgetMemoryBroker(url);
    else await deleteUnder(admin, prefix);
    results[backend]!.push(figures);
    process.stderr.write(
      `[bench:memory] round ${round} ${backend}: single ${figures.singlePerSec.toFixed(0)}/s, drain ${figures.drainPerSec.toFixed(0)}/s\n`,
    );
  }
}
admin.disconnect();
const row = (name: string, list: BrokerFigures[]) =>
  `| ${name} | ${median(list.map((f) => f.singlePerSec)).toFixed(0)} /s (${median(list.map((f) => f.singleUsPerCall)).toFixed(0)} µs/call) | ${median(list.map((f) => f.drainPerSec)).toFixed(0)} /s |`;
console.log(
  `single enqueue: ${sizes.single} sequential awaited delay() calls; drain: ${sizes.drain} tasks, one in-process worker, concurrency ${sizes.concurrency}; median of ${rounds} rounds`,
);
console.log("| broker | single enqueue | drain |\n| --- | --- | --- |");
console.log(row("memory (fengari Lua, in process)", results.memory!));
console.log(row(`Redis (${redisUrl})`, results.redis!));
