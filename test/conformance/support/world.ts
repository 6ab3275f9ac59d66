/**
 * One backend-neutral test world: the same client, worker, beat and inspection connection on either
 * the memory broker or a real Redis. `conformance()` registers each suite once per backend.
 */
import { after, before, describe } from "node:test";
import type { RedisClient } from "../../../runtime/mod.ts";
import { Beat, type BeatOptions } from "../../../runtime/beat/beat.ts";
import { connectRedis, createTaskTree, keyspace, type AppSpec, type Keyspace } from "../../../runtime/mod.ts";
import type { WorkerOptions } from "../../../runtime/worker/options.ts";
import { Worker } from "../../../runtime/worker/worker.ts";
import { forgetMemoryBroker } from "../../../runtime/memory/mod.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../../support/redis.ts";
import { testLogger } from "../../support/runtime.ts";
import { LocalCluster } from "../../fixtures/cluster/local-cluster.ts";
import { conformanceApp, dispatch, runs } from "./app.ts";

export type BackendName = "memory" | "redis" | "cluster";

/**
 * The backends every conformance suite runs on: the memory broker, the shared Redis, and a local
 * Redis Cluster (3 masters, 3 replicas, started per suite by test/fixtures/cluster).
 * CONFORMANCE_BACKENDS=memory (or redis, cluster, or a comma list) narrows it.
 */
export const BACKENDS: BackendName[] = (process.env.CONFORMANCE_BACKENDS?.split(",") ?? [
  "memory",
  "redis",
  "cluster",
]) as BackendName[];

let worldCount = 0;
/** The running cluster of the "cluster" backend, shared by every suite of one file. */
let cluster: { started: Promise<LocalCluster>; url: string | null; users: number } | null = null;

export class World {
  readonly backend: BackendName;
  readonly url: string;
  readonly prefix: string;
  readonly app: AppSpec;
  readonly ks: Keyspace;
  readonly client: any;
  /** A plain connection for inspecting state (works on both backends). */
  readonly redis: RedisClient;
  readonly #workers: Worker[] = [];
  readonly #beats: Beat[] = [];

  constructor(backend: BackendName, app: AppSpec = conformanceApp()) {
    this.backend = backend;
    this.prefix = uniquePrefix("conf");
    if (backend === "cluster" && !cluster?.url)
      throw new Error("the cluster backend's cluster is not up (worlds are made inside conformance())");
    this.url =
      backend === "memory"
        ? `memory://conformance-${process.pid}-${++worldCount}`
        : backend === "cluster"
          ? cluster!.url!
          : REDIS_URL;
    this.app = app;
    this.ks = keyspace(app.app, this.prefix);
    this.client = createTaskTree(app, { redis: this.url, prefix: this.prefix });
    this.redis = connectRedis(this.url, { name: "conformance" });
  }

  /** A key name for recorded runs; unique per world. */
  key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  runs(name: string) {
    return runs.get(this.key(name)) ?? [];
  }

  async startWorker(options: WorkerOptions = {}): Promise<Worker> {
    const worker = new Worker(
      { app: this.app, dispatch },
      { redis: this.url, prefix: this.prefix, logger: testLogger, ...options },
    );
    await worker.start();
    this.#workers.push(worker);
    return worker;
  }

  async startBeat(app: AppSpec, options: BeatOptions = {}): Promise<Beat> {
    const beat = new Beat(app, { redis: this.url, prefix: this.prefix, logger: testLogger, ...options });
    await beat.start();
    this.#beats.push(beat);
    return beat;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.stop({ graceMs: 0 })));
    await Promise.all(this.#beats.map((b) => b.stop()));
    await this.client.$disconnect();
    this.redis.disconnect();
    for (const key of [...runs.keys()]) if (key.startsWith(this.prefix)) runs.delete(key);
    if (this.backend === "redis") await deletePrefix(this.prefix);
    else if (this.backend === "memory") forgetMemoryBroker(this.url);
  }
}

/** Registers `body` as one suite per backend: `<title> [memory]`, `<title> [redis]`. */
export function conformance(title: string, body: (backend: BackendName) => void): void {
  for (const backend of BACKENDS) {
    describe(`${title} [${backend}]`, () => {
      if (backend === "cluster") {
        before(async () => {
          cluster ??= { started: LocalCluster.start(), url: null, users: 0 };
          cluster.users++;
          cluster.url = (await cluster.started).url;
        });
        after(async () => {
          if (!cluster || --cluster.users > 0) return;
          const done = cluster;
          cluster = null;
          await (await done.started).destroy();
        });
      }
      body(backend);
    });
  }
}

export { eventually, sleep } from "../../support/wait.ts";
