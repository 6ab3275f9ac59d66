/**
 * `npm run demo`: codegen, a worker and beat against REDIS_URL, a few tasks of the example app
 * through the generated client (one retrying, then succeeding), a periodic entry firing, clean exit.
 * With no Redis answering (or REDIS_URL=memory://) it runs everything in this one process on the
 * in-memory broker, and says so.
 */
import { spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { resolveRedisUrl } from "../runtime/mod.ts";
import { PeriodicStore } from "../runtime/beat/mod.ts";
import { isMemoryUrl, MEMORY_URL } from "../runtime/memory/mod.ts";
import { startEmbedded, type DemoService } from "./embedded.ts";
import { startChild, stopChild } from "./processes.ts";
import { redisAnswers } from "./redis-check.ts";

const requested = resolveRedisUrl();
const embedded = isMemoryUrl(requested) || !(await redisAnswers(requested));
const url = embedded ? (isMemoryUrl(requested) ? requested : MEMORY_URL) : requested;
if (embedded) {
  const why = isMemoryUrl(requested) ? `REDIS_URL is ${requested}` : `no Redis answers at ${requested}`;
  console.log(
    `${why}: running worker, beat and client in this one process on the in-memory broker (for development; start Redis or set REDIS_URL for several processes).`,
  );
}

const root = new URL("..", import.meta.url).pathname;
console.log("1. codegen: tasks.yaml -> generated/");
const codegen = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", "codegen"], {
  cwd: root,
  stdio: "inherit",
});
if (codegen.status !== 0) process.exit(codegen.status ?? 1);

// Imported only now, so that the demo runs on freshly generated code.
const { createClient } = await import("../generated/client.ts");
const { app } = await import("../generated/registry.ts");

const { dispatch } = await import("../generated/dispatch.ts");

const prefix = `celerity-demo-${process.pid}`;
const env = { CELERITY_PREFIX: prefix, REDIS_URL: url };
console.log(`2. starting a worker and beat (key prefix ${prefix}${embedded ? ", in this process" : ""})`);
const services: DemoService[] = embedded
  ? await startEmbedded({ app, dispatch }, { url, prefix, concurrency: 8 })
  : [
      childService("worker", "generated/worker.ts", ["--concurrency", "8"]),
      childService("beat", "generated/beat.ts", []),
    ];

const tasks = createClient({ prefix, redis: url });
const periodic = new PeriodicStore(app, { prefix, redis: url });
let failed = false;
try {
  console.log("3. calling tasks through the typed client");
  const sum = await tasks.math.add.delay({ a: 20, b: 22 });
  console.log(`   math.add(20, 22) = ${await sum.get({ timeout: "10s" })}`);
  const welcome = await tasks.emails.send_welcome.delay({ userId: 7, locale: "de" });
  console.log(`   emails.send_welcome -> ${JSON.stringify(await welcome.get({ timeout: "10s" }))}`);
  const report = await tasks.reports.nightly.applyAsync({ day: "2026-11-24" }, { countdown: "300ms", priority: 9 });
  console.log(`   reports.nightly (countdown 300ms) -> ${JSON.stringify(await report.get({ timeout: "10s" }))}`);
  try {
    await tasks.math.add.delay({ a: 1, b: "2" as unknown as number });
  } catch (error) {
    console.log(`   wrong argument rejected before enqueue: ${(error as Error).message.replace(/\n\s*/g, " ")}`);
  }

  console.log("4. a flaky task: fails twice, retried by the `quick` policy, then succeeds");
  const flaky = await tasks.flaky.fetch.delay({ failTimes: 2 });
  const seen: string[] = [];
  for (let i = 0; i < 100 && !(await flaky.ready()); i++) {
    const state = await flaky.state();
    if (seen.at(-1) !== state) seen.push(state);
    await new Promise((r) => setTimeout(r, 20));
  }
  const attempts = await flaky.get({ timeout: "10s" });
  seen.push(await flaky.state());
  console.log(`   states seen: ${seen.join(" -> ")}; result ${JSON.stringify(attempts)}`);

  console.log("5. a periodic entry added at run time (every 500ms), picked up by beat without a restart");
  await periodic.add({ name: "demo-ping", task: "core.ping", schedule: { kind: "every", everyMs: 500 } });
  await new Promise((r) => setTimeout(r, 1800));
  const entry = await periodic.get("demo-ping");
  console.log(`   demo-ping fired ${entry?.totalRunCount ?? 0} times, last at ${entry?.lastRunAt}`);
  await periodic.remove("demo-ping");
} catch (error) {
  failed = true;
  console.error("demo failed:", error);
} finally {
  console.log("6. warm shutdown");
  const [workerEnd, beatEnd] = await Promise.all(services.map((s) => s.stop()));
  console.log(`   worker ${workerEnd}, beat ${beatEnd}`);
  await periodic.close();
  await tasks.$disconnect();
  if (!embedded) await deleteDemoKeys(url, prefix);
}
process.exit(failed ? 1 : 0);

function childService(label: string, script: string, args: string[]): DemoService {
  const child = startChild(label, script, { env, args });
  return { stop: async () => `exited ${await stopChild(child)}` };
}

async function deleteDemoKeys(redisUrl: string, keyPrefix: string): Promise<void> {
  // The demo cleans up after itself; SCAN is fine in a one-off script (never in the runtime).
  const redis = new Redis(redisUrl);
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${keyPrefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== "0");
  redis.disconnect();
}
