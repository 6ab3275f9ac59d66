/**
 * `npm run demo`: codegen, a worker and beat against REDIS_URL, a few tasks of the example app
 * through the generated client (one retrying, then succeeding), a periodic entry firing, clean exit.
 */
import { spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { resolveRedisUrl } from "../runtime/mod.ts";
import { PeriodicStore } from "../runtime/beat/mod.ts";
import { startChild, stopChild } from "./processes.ts";
import { redisAnswers } from "./redis-check.ts";

const url = resolveRedisUrl();
if (!(await redisAnswers(url))) {
  console.error(`No Redis answers at ${url}: start one with \`redis-server --daemonize yes\` (or apt-get install redis-server), or set REDIS_URL.`);
  process.exit(1);
}

const root = new URL("..", import.meta.url).pathname;
console.log("1. codegen: tasks.yaml -> generated/");
const codegen = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", "codegen"], { cwd: root, stdio: "inherit" });
if (codegen.status !== 0) process.exit(codegen.status ?? 1);

// Imported only now, so that the demo runs on freshly generated code.
const { createClient } = await import("../generated/client.ts");
const { app } = await import("../generated/registry.ts");

const prefix = `celerity-demo-${process.pid}`;
const env = { CELERITY_PREFIX: prefix, REDIS_URL: url };
console.log(`2. starting a worker and beat (key prefix ${prefix})`);
const worker = startChild("worker", "generated/worker.ts", { env, args: ["--concurrency", "8"] });
const beat = startChild("beat", "generated/beat.ts", { env });

const tasks = createClient({ prefix });
const periodic = new PeriodicStore(app, { prefix });
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
  const [workerCode, beatCode] = await Promise.all([stopChild(worker), stopChild(beat)]);
  console.log(`   worker exited ${workerCode}, beat exited ${beatCode}`);
  await periodic.close();
  await tasks.$disconnect();
  await deleteDemoKeys(url, prefix);
}
process.exit(failed ? 1 : 0);

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
