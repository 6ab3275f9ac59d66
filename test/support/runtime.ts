import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { createTaskTree, type AppSpec } from "../../runtime/mod.ts";
import { Worker, type WorkerOptions } from "../../runtime/worker/mod.ts";
import { createLogger } from "../../runtime/log/logger.ts";
import type { BrokerConn } from "../../runtime/broker/conn.ts";
import { keyspace, type Keyspace } from "../../runtime/keys/keyspace.ts";
import { buildApp, closeRecorder, dispatch } from "../fixtures/runtime-app.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "./redis.ts";

/** A quiet logger for in-process workers (set TEST_LOG=1 to see it). */
export const testLogger = createLogger({ level: process.env.TEST_LOG ? "debug" : "error", format: "pretty" });

/** One test's world: its own prefix, a client, a plain Redis connection and any workers it starts. */
export class RuntimeHarness {
  readonly prefix: string;
  readonly app: AppSpec;
  readonly client: any;
  readonly redis: Redis;
  /** The app's key names under this harness's prefix. */
  readonly ks: Keyspace;
  readonly workers: Worker[] = [];
  readonly children: ChildProcess[] = [];

  constructor(label: string, app: AppSpec = buildApp()) {
    this.prefix = uniquePrefix(label);
    this.app = app;
    this.client = createTaskTree(app, { prefix: this.prefix });
    this.redis = new Redis(REDIS_URL);
    this.ks = keyspace(app.app, this.prefix);
  }

  /** The plain connection and key names, as the broker's functions take them. */
  get conn(): BrokerConn {
    return { redis: this.redis, ks: this.ks };
  }

  /** Key helper for data the fixture handlers record (`<key>:runs`, `<key>:order`). */
  key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  async startWorker(options: WorkerOptions = {}): Promise<Worker> {
    const worker = new Worker({ app: this.app, dispatch }, { prefix: this.prefix, logger: testLogger, ...options });
    await worker.start();
    this.workers.push(worker);
    return worker;
  }

  /** A real worker process running test/fixtures/runtime-worker-process.ts. */
  spawnWorker(args: string[] = []): ChildProcess {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/fixtures/runtime-worker-process.ts", "--prefix", this.prefix, ...args],
      {
        cwd: new URL("../..", import.meta.url).pathname,
        env: { ...process.env, TEST_APP: this.app.app, CELERITY_LOG_FORMAT: "json", CELERITY_LOG_LEVEL: "info" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    child.stderr!.setEncoding("utf8");
    let log = "";
    child.stderr!.on("data", (d: string) => (log += d));
    Object.defineProperty(child, "log", { get: () => log });
    this.children.push(child);
    return child;
  }

  async runs(key: string): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.key(key) + ":runs");
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
  }

  async close(): Promise<void> {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await Promise.all(this.workers.map((w) => w.stop({ graceMs: 0 })));
    await this.client.$disconnect();
    await deletePrefix(this.prefix);
    this.redis.disconnect();
    // The fixture handlers' connection reopens on demand; left open it would keep the test process alive.
    await closeRecorder();
  }
}

export { eventually, exited, sleep } from "./wait.ts";
