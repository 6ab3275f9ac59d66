import { randomUUID } from "node:crypto";
import type { ChainableCommander } from "ioredis";
import { Beat } from "../beat/beat.ts";
import { beatKeys } from "../beat/keys.ts";
import { createTaskTree, type ClientControls } from "../client/task-tree.ts";
import { connectRedis, type RedisClient } from "../config/connect.ts";
import { expandQueues } from "../keys/shard-route.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { keyspace, type Keyspace } from "../keys/keyspace.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import { createMemoryBroker, forgetMemoryBroker } from "../memory/registry.ts";
import type { AppSpec } from "../spec/types.ts";
import type { Duration, Handler } from "../task/types.ts";
import { durationToMs } from "../core/duration.ts";
import { Worker } from "../worker/worker.ts";
import { readBrokerState, type BrokerState, type ScheduledEntry, type ScheduledTask } from "./broker-state.ts";
import { deleteUnder } from "./delete-under.ts";
import { execBatch } from "./slot-pipeline.ts";
import { DrainTimeoutError, HandlerLoadError, RealClockError } from "./errors.ts";
import { FakeClock } from "./fake-clock.ts";

/** Options of `createTestApp()`. */
export interface TestAppOptions {
  /** Run on this Redis (under a fresh prefix, removed on close) instead of the memory broker; the clock is then real. */
  redis?: string;
  /** Where the fake clock starts (memory broker only). Default: now. */
  startAt?: Date | number;
  /** Worker slots. Default 4. */
  concurrency?: number;
  /** Longest real time `drain()` waits for running handlers before it fails. Default 10 s. */
  drainTimeout?: Duration;
  /** Logs of the in-process worker and beat. Default: errors only. */
  logger?: Logger;
}

/** What `drain()` and `advance()` resolve with: what is left waiting for its time. */
export interface DrainReport {
  /** Broker time when the broker went idle (ISO 8601). */
  now: string;
  /** Tasks waiting for a countdown, eta or retry backoff. */
  scheduled: ScheduledTask[];
  /** Periodic entries and their next runs. */
  periodic: ScheduledEntry[];
}

/** A test app: the typed client, an in-process worker and beat, and control over time. */
export interface TestApp<T> {
  /** The same typed client as `createClient()`. */
  readonly tasks: T & ClientControls;
  /** Resolves when nothing is ready or running; says what is still scheduled. */
  drain(): Promise<DrainReport>;
  /**
   * Moves the fake clock forward, stopping at every due time on the way (countdowns, retry backoff,
   * periodic entries, time limits) to run what became due, then drains. Memory broker only.
   */
  advance(duration: Duration): Promise<DrainReport>;
  /** Broker time in epoch ms. */
  now(): number;
  /** Stops worker and beat, closes connections and removes the app's data. */
  close(): Promise<void>;
}

/** The generated pieces a test app runs: the app spec and a loader of its handlers. */
export interface TestAppRegistry {
  app: AppSpec;
  /** Imports the dispatch table (lazily, so a handler module that fails to load is a clear error). */
  loadDispatch(): Promise<Readonly<Record<string, Handler<any, any>>>>;
}

// Leases count by the fake clock but are renewed on real timers; long enough that no advance()
// makes a running handler's lease run out (and short enough for Node's 2^31 ms timer limit / 3).
const TEST_LEASE_MS = 6_000_000_000;
const TEST_LOCK_TTL_MS = 86_400_000;

let count = 0;

/**
 * Builds a test app for a generated registry: `generated/testing.ts` calls this. On the memory
 * broker (default) time is a fake clock moved by `advance()`; with `{ redis }` it is real.
 */
export async function createTestHarness<T>(
  registry: TestAppRegistry,
  options: TestAppOptions = {},
): Promise<TestApp<T>> {
  let dispatch: Readonly<Record<string, Handler<any, any>>>;
  try {
    dispatch = await registry.loadDispatch();
  } catch (error) {
    throw new HandlerLoadError(
      `could not load the handlers of app "${registry.app.app}" (dispatch.ts imports them): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const app = registry.app;
  const fake =
    options.redis === undefined
      ? new FakeClock(options.startAt === undefined ? Date.now() : Number(options.startAt))
      : null;
  const url = options.redis ?? `memory://test-app-${process.pid}-${++count}-${randomUUID().slice(0, 8)}`;
  if (fake) createMemoryBroker(url, { clock: fake });
  const prefix = fake ? "celerity" : `celerity-test-${randomUUID()}`;
  const ks = keyspace(app.app, prefix);
  const drainTimeoutMs = durationToMs(options.drainTimeout ?? "10s", "drainTimeout");
  const logger = options.logger ?? createLogger({ level: "error" });
  const tasks = createTaskTree<T>(app, { redis: url, prefix });
  const inspect = connectRedis(url, { name: "celerity-test-app" });
  const worker = new Worker(
    { app, dispatch },
    {
      redis: url,
      prefix,
      concurrency: options.concurrency ?? 4,
      logger,
      ...(fake ? { leaseMs: TEST_LEASE_MS, timers: fake } : {}),
    },
  );
  const beat = new Beat(app, {
    redis: url,
    prefix,
    logger,
    ...(fake ? { now: () => fake.now(), lockTtlMs: TEST_LOCK_TTL_MS } : {}),
  });
  await worker.start();
  await beat.start();
  const env: HarnessEnv = { app, ks, inspect, worker, fake, drainTimeoutMs };
  let closed = false;
  return {
    tasks,
    drain: () => drain(env),
    advance: (duration) => advance(env, durationToMs(duration, "advance")),
    now: () => (fake ? fake.now() : Date.now()),
    async close() {
      if (closed) return;
      closed = true;
      await worker.stop({ graceMs: 0 });
      await beat.stop();
      await tasks.$disconnect();
      if (fake) forgetMemoryBroker(url);
      else await deleteUnder(inspect, prefix);
      inspect.disconnect();
    },
  };
}

interface HarnessEnv {
  app: AppSpec;
  ks: Keyspace;
  inspect: RedisClient;
  worker: Worker;
  fake: FakeClock | null;
  drainTimeoutMs: number;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Wakes the worker's idle claim loop and the beat so they look again (after the clock moved). */
async function nudge(env: HarnessEnv): Promise<void> {
  // As the broker does: one signal at most, so an awake worker does not spin on stale ones.
  const signal = "if redis.call('LLEN', KEYS[1]) == 0 then redis.call('LPUSH', KEYS[1], '1') end";
  const changed = beatKeys(env.ks).changed;
  await execBatch(env.inspect, [
    ...expandQueues(env.app, env.app.queues).map((q) => ({
      key: env.ks.signal(q),
      queue: (p: ChainableCommander) => p.eval(signal, 1, env.ks.signal(q)),
    })),
    { key: changed, queue: (p) => p.publish(changed, "*") },
  ]);
}

/** Rounds (a few event-loop turns each) that running handlers must stay put before advance() moves time under them. */
const STUCK_ROUNDS = 25;

/**
 * Waits until nothing is ready or running, seen on three reads a few event-loop turns apart (so
 * outcomes being flushed and runs being started count). With `timerWait`, also returns when the
 * only runs left have not moved for a while and fake timers are pending: handlers waiting on the
 * fake clock (a time limit), which only advance() can serve.
 */
async function settle(env: HarnessEnv, options: { timerWait: boolean }): Promise<BrokerState> {
  const deadline = performance.now() + env.drainTimeoutMs;
  let quiet = 0;
  let stuck = 0;
  let lastInFlight = -1;
  for (;;) {
    const now = env.fake ? env.fake.now() : Date.now();
    const state = await readBrokerState(env.inspect, env.ks, { queues: expandQueues(env.app, env.app.queues), now });
    const nothingReady = state.ready === 0 && state.dueDelayed === 0 && state.dueEntries === 0;
    // A canvas step crossing shards is in no queue while the worker carries it (worker.relaying).
    if (nothingReady && state.leased === 0 && env.worker.inFlight === 0 && env.worker.relaying === 0) {
      if (++quiet >= 3) return state;
    } else quiet = 0;
    const inFlight = env.worker.inFlight;
    stuck = nothingReady && inFlight > 0 && inFlight === lastInFlight ? stuck + 1 : 0;
    lastInFlight = inFlight;
    if (options.timerWait && stuck >= STUCK_ROUNDS && env.fake?.nextTimerAt() != null) return state;
    if (performance.now() > deadline) {
      throw new DrainTimeoutError(
        `drain(): after ${env.drainTimeoutMs} ms of real time, ${env.worker.inFlight} task(s) still running and ${state.ready + state.dueDelayed} ready. ` +
          (env.fake
            ? "A handler waiting on time (a sleep, a time limit) needs advance() to move the fake clock."
            : "Handlers are still running."),
      );
    }
    if (state.dueDelayed > 0 || state.dueEntries > 0) await nudge(env);
    for (let i = 0; i < 4; i++) await tick();
    if (quiet === 0) await new Promise((r) => setTimeout(r, 1));
  }
}

function report(state: BrokerState, now: number): DrainReport {
  return { now: new Date(now).toISOString(), scheduled: state.scheduled, periodic: state.periodic };
}

async function drain(env: HarnessEnv): Promise<DrainReport> {
  await nudge(env);
  const state = await settle(env, { timerWait: false });
  return report(state, env.fake ? env.fake.now() : Date.now());
}

async function advance(env: HarnessEnv, ms: number): Promise<DrainReport> {
  const fake = env.fake;
  if (!fake) {
    throw new RealClockError(
      "advance() needs the fake clock: this test app runs on a real Redis, whose clock cannot be moved. Use createTestApp() (the memory broker) for tests that move time, or wait.",
    );
  }
  if (!(ms >= 0)) throw new ConfigurationError(`advance() takes a duration of zero or more, got ${ms} ms`);
  const target = fake.now() + ms;
  for (;;) {
    const state = await settle(env, { timerWait: true });
    const timer = fake.nextTimerAt();
    const next = [state.nextDueAt, timer]
      .filter((t): t is number => t !== null && t > fake.now())
      .reduce((a, b) => Math.min(a, b), Infinity);
    if (next > target) break;
    fake.moveTo(next);
    await nudge(env);
  }
  fake.moveTo(target);
  await nudge(env);
  // Not drain(): a handler still waiting on the fake clock (its time limit is later) may stay running.
  const state = await settle(env, { timerWait: true });
  return report(state, fake.now());
}
