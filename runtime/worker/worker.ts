import { connectRedis, isCluster, type RedisClient } from "../config/connect.ts";
import { checkEvictionPolicy } from "../config/eviction-policy.ts";
import { finish, finishAndClaim, type Settled } from "../broker/settle.ts";
import { relayEntries, sweepOutbox } from "../canvas/relay.ts";
import { startableHint, type Claimed, type ClaimResult } from "../broker/claim.ts";
import type { BrokerConn } from "../broker/conn.ts";
import type { Outcome } from "../broker/finish.ts";
import { renewLeases } from "../broker/leases.ts";
import { startClaimed, type SkippedRecord, type StartedRecord, type StartOptions } from "../broker/start.ts";
import { scripts } from "../broker/scripts.ts";
import { isWrongTypeError, logQuarantinesWith, quarantineWrongTypes } from "../broker/quarantine.ts";
import { measureClockOffset } from "../time/redis-clock.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { keyspace, type Keyspace } from "../keys/keyspace.ts";
import { expandQueues } from "../keys/shard-route.ts";
import { QUEUE_NAME_PATTERN } from "../keys/queue-name.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import type { AppSpec } from "../spec/types.ts";
import type { Handler } from "../task/types.ts";
import { beat, unregister } from "./heartbeat.ts";
import { logOutcome } from "./log-outcome.ts";
import { resolveWorkerOptions, type ResolvedWorkerOptions, type WorkerOptions } from "./options.ts";
import { runRecord, type RunEnv, type RunHandle } from "./run-record.ts";
import { parseControlMessage, type ControlMessage, type InspectKind } from "../control/messages.ts";
import { parseRate } from "../control/rate.ts";
import type { RateLimitSpec } from "../spec/types.ts";
import { hostname } from "node:os";
import { abortCanvas } from "../canvas/abort.ts";

/** The generated registry a worker runs: the app's spec and its handlers. */
export interface WorkerApp {
  app: AppSpec;
  dispatch: Readonly<Record<string, Handler<any, any>>>;
}

/**
 * The queues (shard-qualified) that live under one hash tag: one claim call covers them all. An
 * unsharded app has one group; each shard of a sharded queue adds one. Each group has its own
 * blocking connection, so an idle shard costs a parked BLPOP, never a poll.
 */
interface ClaimGroup {
  readonly tag: string;
  readonly queues: readonly string[];
  blocker: RedisClient;
  blockerId: number | null;
  /** A lane of this group waits on Redis for work; its other lanes park instead of blocking too. */
  blocking: boolean;
  turn: number;
  /** A sweep of this shard's canvas outbox is under way. */
  sweeping: boolean;
  /** Ids wake-up signals named: the next claim on this shard, by whichever lane, starts them too. */
  hints: string[];
  /** Lanes parked while another lane of this shard blocks on Redis: a full claim wakes them. */
  parked: (() => void)[];
}

interface Running {
  claimed: Claimed;
  /** The task's name, for the outcome's log line. */
  name: string;
  handle: RunHandle;
  /** When this worker started it (its own clock: for display only). */
  startedAt: number;
  /** A renewal found the lease gone (said once in the log). */
  leaseLost?: boolean;
}

const HEARTBEAT_MS = 2_000;
/** A clock offset to Redis worth a log line. */
const CLOCK_WARN_MS = 1_000;
const MAX_IDLE_BLOCK_MS = 5_000;
/**
 * Claim loops per worker. With two, Redis runs one loop's script while Node runs the other's
 * handlers, instead of each waiting for the other; slots are still never leased beyond `concurrency`.
 */
const LANES = 2;
/** Below this concurrency a second loop only makes batches smaller. */
const MIN_CONCURRENCY_FOR_LANES = 8;

/**
 * Consumes tasks: claims batches up to its free slots, runs handlers concurrently, and records each
 * outcome atomically with releasing its lease. When saturated it records finished runs and claims the
 * next batch in one script call; when idle it blocks on Redis (BLPOP on the queues' signal lists)
 * until work arrives or the next delayed task is due.
 */
export class Worker {
  readonly options: ResolvedWorkerOptions;
  readonly #app: WorkerApp;
  readonly #ks: Keyspace;
  readonly #log: Logger;
  /** What every start of this worker's deliveries passes (fixed once the options are resolved). */
  readonly #startOptions: StartOptions;
  #conn!: BrokerConn;
  #groups: ClaimGroup[] = [];
  #control!: RedisClient;
  readonly #running = new Map<string, Running>();
  #outcomes: Outcome[] = [];
  #flushScheduled = false;
  #flushing: Promise<void> = Promise.resolve();
  /** Lanes parked for want of free slots: a freed slot (or shutdown) wakes them. */
  #slotWaiters: (() => void)[] = [];
  /** Slots a lane has asked Redis for and not yet started: counted as busy so lanes never over-lease. */
  #reserved = 0;
  /** Ids between claim and run in some lane: a lease that ran out meanwhile may hand one out twice. */
  readonly #starting = new Set<string>();
  // One per worker: building it per task cost an object and a closure each.
  #runEnv: RunEnv | null = null;
  #accepting = false;
  #loopDone: Promise<void> = Promise.resolve();
  #timers: NodeJS.Timeout[] = [];
  #beats = 0;
  /** Canvas effects being carried to other shards (off the claim loop's path; awaited at shutdown). */
  readonly #relays = new Set<Promise<void>>();
  readonly #startedAt = Date.now();
  /** Rate limits set at run time (`celerity control rate-limit`), over the manifest's. */
  readonly #rateOverrides = new Map<string, RateLimitSpec>();
  /** Ids this worker was told to revoke (most recent last), for `inspect revoked`. */
  readonly #revoked: string[] = [];
  readonly #processed: Record<string, number> = {};
  #resolveStopped: () => void = () => {};
  /** Resolves once a warm shutdown (a signal, `stop()`, or `celerity control shutdown`) is done. */
  readonly stopped: Promise<void> = new Promise((resolve) => (this.#resolveStopped = resolve));

  constructor(app: WorkerApp, options: WorkerOptions = {}) {
    this.#app = app;
    this.options = resolveWorkerOptions(options, app.app.queues);
    for (const q of this.options.queues) {
      if (!QUEUE_NAME_PATTERN.test(q)) throw new ConfigurationError(`queue "${q}" is not a valid queue name`);
    }
    if (!Number.isInteger(this.options.concurrency) || this.options.concurrency < 1) {
      throw new ConfigurationError(`concurrency must be a positive integer, got ${this.options.concurrency}`);
    }
    this.#ks = keyspace(app.app.app, options.prefix);
    this.#startOptions = {
      workerId: this.options.id,
      maxDeliveries: this.options.maxDeliveries,
      maxPayloadBytes: this.options.maxPayloadBytes,
    };
    this.#log = (options.logger ?? createLogger()).child({ worker: this.options.id });
  }

  /** Number of runs in progress. */
  get inFlight(): number {
    return this.#running.size;
  }

  /** Number of canvas effects being carried to other shards right now (a test toolkit waits for them too). */
  get relaying(): number {
    return this.#relays.size;
  }

  async start(): Promise<void> {
    const target = this.options.redis;
    this.#conn = { redis: connectRedis(target, { name: "celerity-worker" }), ks: this.#ks };
    logQuarantinesWith(this.#conn.redis, this.#log);
    try {
      await checkEvictionPolicy(this.#conn.redis, {
        allowEviction: this.options.allowEviction,
        role: "worker",
        log: this.#log,
      });
    } catch (error) {
      this.#conn.redis.disconnect();
      throw error;
    }
    const byTag = new Map<string, string[]>();
    for (const q of expandQueues(this.#app.app, this.options.queues)) {
      const tag = this.#ks.forQueue(q).tag;
      const group = byTag.get(tag);
      if (group) group.push(q);
      else byTag.set(tag, [q]);
    }
    this.#groups = [...byTag].map(([tag, queues]) => {
      const group: ClaimGroup = {
        tag,
        queues,
        blocker: connectRedis(target, { name: "celerity-worker-wait", blocking: true }),
        blockerId: null,
        blocking: false,
        turn: 0,
        sweeping: false,
        hints: [],
        parked: [],
      };
      // A reconnect gives the blocking connection a new client id.
      group.blocker.on("ready", () => (group.blockerId = null));
      return group;
    });
    this.#control = connectRedis(target, { name: "celerity-worker-control", blocking: true });
    this.#control.on("message", (_channel: string, message: string) => this.#onControl(message));
    await this.#control.subscribe(this.#ks.controlChannel);
    await Promise.all(Object.values(scripts).map((s) => s.ensureLoaded(this.#conn.redis)));
    await this.#checkClock();
    await this.#loadRateOverrides();
    await this.#heartbeat();
    this.#timers.push(setInterval(() => void this.#heartbeat(), HEARTBEAT_MS));
    this.#timers.push(setInterval(() => void this.#renew(), Math.max(50, Math.floor(this.options.leaseMs / 3))));
    this.#accepting = true;
    this.#loopDone = this.#loop();
    this.#log.info("worker started", { queues: this.options.queues, concurrency: this.options.concurrency });
  }

  /**
   * Warm shutdown: stop claiming, let running tasks finish within the grace period, put back the
   * ones that did not, record every outcome, unregister and close connections.
   */
  async stop(options: { graceMs?: number } = {}): Promise<void> {
    if (!this.#accepting) return;
    this.#accepting = false;
    this.#wakeAll();
    for (const g of this.#groups) g.blocker.disconnect();
    await this.#loopDone;
    const graceMs = options.graceMs ?? this.options.shutdownGraceMs;
    // Monotonic: a clock stepped during shutdown must not stretch or cut the grace period.
    const deadline = performance.now() + graceMs;
    while (this.#running.size > 0 && performance.now() < deadline) {
      await Promise.race([
        ...[...this.#running.values()].map((r) => r.handle.outcome),
        sleep(deadline - performance.now()),
      ]);
      await Promise.resolve();
    }
    if (this.#running.size > 0) {
      this.#log.warn("grace period over; returning unfinished tasks to their queues", { count: this.#running.size });
      for (const r of this.#running.values()) {
        r.handle.controller.abort(new Error("worker shutting down"));
        this.#outcomes.push({ kind: "release", claimed: r.claimed, inMs: 0 });
      }
      this.#running.clear();
    }
    await this.#flush();
    for (const t of this.#timers) clearInterval(t);
    await Promise.allSettled([...this.#relays]);
    await unregister(this.#conn, this.options.id).catch(() => {});
    await Promise.allSettled([this.#conn.redis.quit(), this.#control.quit()]);
    this.#log.info("worker stopped");
    this.#resolveStopped();
  }

  async #loop(): Promise<void> {
    // Several shards already give several loops; more per shard would only split batches.
    const lanes = this.#groups.length === 1 && this.options.concurrency >= MIN_CONCURRENCY_FOR_LANES ? LANES : 1;
    const cap = Math.ceil(this.options.concurrency / lanes);
    await Promise.all(this.#groups.flatMap((group) => Array.from({ length: lanes }, () => this.#lane(group, cap))));
  }

  /** One claim loop on one shard: record finished runs and lease up to `cap` free slots per call, then start them. */
  async #lane(group: ClaimGroup, cap: number): Promise<void> {
    let failures = 0;
    while (this.#accepting) {
      const want = Math.min(cap, this.options.concurrency - this.#running.size - this.#reserved);
      if (want <= 0) {
        await this.#waitForWake(this.#slotWaiters);
        continue;
      }
      const outcomes = this.#outcomes.splice(0);
      this.#reserved += want;
      // A task already running here whose lease came back keeps its run (see #launch): never start it anew.
      const hinted = group.hints.splice(0).filter((id) => !this.#running.has(id) && !this.#starting.has(id));
      let result: ClaimResult & Settled;
      try {
        result = await finishAndClaim(this.#conn, outcomes, {
          queues: this.#rotatedQueues(group),
          want,
          leaseMs: this.options.leaseMs,
          outboxGraceMs: this.options.canvasOutboxGraceMs,
          start: hinted.length > 0 ? { ids: hinted, options: this.#startOptions } : undefined,
        });
      } catch (error) {
        this.#reserved -= want;
        // Not applied (or applied and re-sent on reconnect, which the finish script tolerates).
        this.#outcomes.unshift(...outcomes);
        if (!this.#accepting) break;
        failures++;
        this.#log.warn("claim failed; retrying", { error: (error as Error).message });
        await sleep(Math.min(2000, 50 * 2 ** failures));
        continue;
      }
      failures = 0;
      this.#settled(result);
      if (result.outboxStale) this.#sweepOutbox(group);
      if (result.claimed.length > 0) {
        try {
          await this.#launch(result.claimed, want, result.started);
        } catch (error) {
          // The outcomes above are recorded; these claimed tasks keep their leases, which bring them back.
          this.#log.warn("starting claimed tasks failed; their leases will return them", {
            error: (error as Error).message,
            count: result.claimed.length,
          });
          await sleep(200);
          continue;
        }
        // A full claim may have left more: claim again at once, and parked lanes may take part of
        // it. A short one emptied the ready lists, so what comes next arrives by a signal, which
        // names it (and the claim after it starts it): no claim polls for it.
        if (!result.short) {
          this.#wake(group.parked);
          continue;
        }
      } else this.#reserved -= want;
      if (!this.#accepting) break;
      // Lanes of other shards may be parked for want of the slots this claim held: each must look
      // once, then block on its own shard's signal (never poll it).
      if (this.#groups.length > 1) this.#wakeAll();
      // Relative, by Redis's clock: this worker's own clock may be off by any amount.
      const waitMs = result.nextDueInMs === null ? MAX_IDLE_BLOCK_MS : Math.min(MAX_IDLE_BLOCK_MS, result.nextDueInMs);
      if (group.blocking) {
        // The blocking lane may have planned its wake-up before this due time existed, and the signal
        // announcing it may be the one that woke this lane: so park no longer than the due time.
        await this.#waitForWake(group.parked, Math.max(0, waitMs));
        continue;
      }
      if (waitMs > 0) {
        group.blocking = true;
        try {
          await this.#block(group, waitMs);
        } finally {
          // Work arrived (or a due time passed): this lane claims it, and wakes the parked lanes
          // if its claim comes back full.
          group.blocking = false;
        }
      }
    }
  }

  #rotatedQueues(group: ClaimGroup): readonly string[] {
    const q = group.queues;
    if (q.length < 2) return q;
    const turn = group.turn++ % q.length;
    return [...q.slice(turn), ...q.slice(0, turn)];
  }

  // Redis checks blocking timeouts only on its cron tick (100 ms at the default hz), too coarse for
  // "start within 50 ms of due time"; so a local timer ends the wait with CLIENT UNBLOCK instead.
  async #block(group: ClaimGroup, ms: number): Promise<void> {
    const keys = group.queues.map((q) => this.#ks.signal(q));
    let timer: NodeJS.Timeout | undefined;
    try {
      if (isCluster(group.blocker)) {
        // CLIENT ID and CLIENT UNBLOCK would reach arbitrary nodes, not the one BLPOP blocks on, so
        // the wait ends by BLPOP's own (fractional) timeout: due times are met to Redis's cron tick.
        this.#noteWake(group, await group.blocker.blpop(...keys, Math.max(ms, 10) / 1000));
        return;
      }
      group.blockerId ??= Number(await group.blocker.client("ID"));
      const blockerId = group.blockerId;
      timer = setTimeout(() => void this.#conn.redis.client("UNBLOCK", blockerId).catch(() => {}), ms);
      this.#noteWake(group, await group.blocker.blpop(...keys, (MAX_IDLE_BLOCK_MS + 1000) / 1000));
    } catch (error) {
      // A signal list of the wrong type would make BLPOP fail at once, forever: a busy loop.
      if (isWrongTypeError(error))
        await quarantineWrongTypes(this.#conn.redis, keys, { context: "worker BLPOP" }).catch(() => []);
      // Otherwise disconnected for shutdown, or a connection fault: the loop decides what happens next.
    } finally {
      clearTimeout(timer);
    }
  }

  /** A signal read by BLPOP names a task: the shard's next claim starts it, if it may (see startableHint). */
  #noteWake(group: ClaimGroup, woke: [string, string] | null): void {
    if (woke && startableHint(this.#ks, group.queues, woke[1])) group.hints.push(woke[1]);
  }

  /** Parks a lane on `waiters` until it is woken (or shutdown), or `timeoutMs` passes. */
  #waitForWake(waiters: (() => void)[], timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      waiters.push(wake);
      if (timeoutMs === undefined) return;
      timer = setTimeout(() => {
        const at = waiters.indexOf(wake);
        if (at >= 0) waiters.splice(at, 1);
        resolve();
      }, timeoutMs);
    });
  }

  #wake(waiters: (() => void)[]): void {
    for (const resolve of waiters.splice(0)) resolve();
  }

  #wakeAll(): void {
    this.#wake(this.#slotWaiters);
    for (const group of this.#groups) this.#wake(group.parked);
  }

  /**
   * Starts claimed tasks (those the claim has not started itself: `started`) and hands back the
   * `reserved` slots their claim held.
   */
  async #launch(claimed: Claimed[], reserved: number, started: (StartedRecord | SkippedRecord)[]): Promise<void> {
    // A lease that ran out while its handler still runs (or starts) here can come back to us: keep
    // the run we have (its renewals and finish cover the new lease). Anything else is started, even a
    // record already STARTED by this worker: that is a start whose reply was lost, never run.
    const startedIds = new Set(started.map((r) => r.claimed.id));
    const fresh = claimed.filter((c) => !startedIds.has(c.id) && !this.#running.has(c.id) && !this.#starting.has(c.id));
    // What the claim started runs now, not after the start call of the rest.
    for (const rec of started) this.#run(rec);
    let records: (StartedRecord | SkippedRecord)[] = [];
    for (const c of fresh) this.#starting.add(c.id);
    try {
      if (fresh.length > 0) records = await startClaimed(this.#conn, fresh, this.#startOptions);
    } finally {
      for (const c of fresh) this.#starting.delete(c.id);
      // From here the started runs count in #running (set below, in this same tick).
      this.#reserved -= reserved;
    }
    if (started.length + records.length < reserved) this.#wake(this.#slotWaiters);
    for (const rec of records) this.#run(rec);
  }

  /** Runs a started record, or cleans up after one its start refused. */
  #run(rec: StartedRecord | SkippedRecord): void {
    if (rec.kind === "skip") {
      this.#log.warn("task not run", { id: rec.claimed.id.slice(0, 200), reason: rec.reason });
      // The start script buries a record of the wrong type but leaves the key, which would make its
      // id unusable (an enqueue sees it as existing): move it aside too.
      if (rec.reason.startsWith("corrupt task record (")) {
        void quarantineWrongTypes(this.#conn.redis, [this.#ks.task(rec.claimed.id)], {
          context: "worker start",
        }).catch(() => []);
      }
      if (rec.canvasJson !== "") {
        abortCanvas(this.#conn, rec.claimed.id, rec.canvasJson).catch((error) =>
          this.#log.warn("stopping the canvas of a task not run failed", {
            id: rec.claimed.id,
            error: (error as Error).message,
          }),
        );
      }
      return;
    }
    this.#runEnv ??= {
      app: this.#app.app,
      dispatch: this.#app.dispatch,
      ...this.#conn,
      log: this.#log,
      timeLimitGraceMs: this.options.timeLimitGraceMs,
      timers: this.options.timers,
      emit: (outcome) => this.#record(outcome, false),
      rateLimitOf: (spec) => this.#rateOverrides.get(spec.name) ?? spec.rateLimit,
    };
    const handle = runRecord(rec, this.#runEnv);
    this.#running.set(rec.claimed.id, { claimed: rec.claimed, name: rec.name, handle, startedAt: Date.now() });
    handle.outcome.then(
      (outcome) => this.#settle(rec.claimed, outcome),
      (error) => {
        this.#log.error("run crashed", { id: rec.claimed.id, error: String(error) });
        this.#settle(rec.claimed, { kind: "release", claimed: rec.claimed, inMs: 0 });
      },
    );
  }

  #settle(claimed: Claimed, outcome: Outcome): void {
    const running = this.#running.get(claimed.id);
    if (!running || running.claimed !== claimed) return;
    this.#running.delete(claimed.id);
    this.#processed[outcome.kind] = (this.#processed[outcome.kind] ?? 0) + 1;
    logOutcome(this.#log, running.name, outcome);
    this.#record(outcome, true);
  }

  // A saturated loop takes the outcome with its next claim (one round trip); otherwise flush it now.
  #record(outcome: Outcome, freesSlot: boolean): void {
    this.#outcomes.push(outcome);
    if (freesSlot && this.#slotWaiters.length > 0 && this.#accepting) {
      this.#wake(this.#slotWaiters);
      return;
    }
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => {
        this.#flushScheduled = false;
        void this.#flush();
      });
    }
  }

  #flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      const outcomes = this.#outcomes.splice(0);
      if (outcomes.length === 0) return;
      try {
        this.#settled(await finish(this.#conn, outcomes));
      } catch (error) {
        this.#log.error("recording outcomes failed; will retry", { error: (error as Error).message });
        this.#outcomes.unshift(...outcomes);
        setTimeout(() => void this.#flush(), 200);
      }
    });
    return this.#flushing;
  }

  /** After outcomes are recorded: note the refused ones and carry deferred canvas effects to their shards. */
  #settled(settled: Settled): void {
    this.#noteRefused(settled.refused);
    for (const { source, entries } of settled.deferred) {
      this.#relay(
        relayEntries(this.#conn, source, entries).catch((error) =>
          this.#log.warn("carrying a canvas step to another shard failed; a sweeping worker will retry it", {
            error: (error as Error).message,
          }),
        ),
      );
    }
  }

  /** Runs canvas relay work off the claim loop's path; `stop()` and the test toolkit wait for it. */
  #relay(work: Promise<void>): void {
    const tracked = work.finally(() => this.#relays.delete(tracked));
    this.#relays.add(tracked);
  }

  /** Applies canvas effects a crashed process left in the outbox of one of this worker's shards (a claim found them). */
  #sweepOutbox(group: ClaimGroup): void {
    if (group.sweeping) return;
    group.sweeping = true;
    const slot = this.#ks.forQueue(group.queues[0]);
    this.#relay(
      sweepOutbox(this.#conn, [slot], { graceMs: this.options.canvasOutboxGraceMs })
        .then((taken) => {
          if (taken > 0) this.#log.info("applied canvas steps another process left unfinished", { count: taken });
        })
        .catch((error) => this.#log.warn("sweeping the canvas outbox failed", { error: (error as Error).message }))
        .finally(() => (group.sweeping = false)),
    );
  }

  /** Outcomes the finish script refused: this worker's delivery had been superseded (fencing). */
  #noteRefused(ids: readonly string[]): void {
    for (const id of ids) {
      this.#log.warn(
        "outcome refused: this run's lease had expired and the task was delivered again; the live delivery's outcome stands",
        { id },
      );
    }
  }

  async #renew(): Promise<void> {
    try {
      const lost = await renewLeases(
        this.#conn,
        [...this.#running.values()].map((r) => r.claimed),
        { leaseMs: this.options.leaseMs },
      );
      for (const id of lost) {
        const running = this.#running.get(id);
        if (!running || running.leaseLost) continue;
        running.leaseLost = true;
        this.#log.warn(
          "lease lost: this run stalled past its lease; the task may run elsewhere and this run's outcome will be refused if so",
          { id },
        );
      }
    } catch (error) {
      this.#log.warn("lease renewal failed", { error: (error as Error).message });
    }
  }

  // Harmless (every time decision is Redis's), but a clock this far off usually means NTP is broken.
  async #checkClock(): Promise<void> {
    const { offsetMs } = await measureClockOffset(this.#conn.redis);
    if (Math.abs(offsetMs) > CLOCK_WARN_MS) {
      this.#log.warn("this machine's clock differs from Redis's; leases, due times and expiry follow Redis's clock", {
        offsetMs,
      });
    }
  }

  async #heartbeat(): Promise<void> {
    try {
      const info = {
        id: this.options.id,
        queues: this.options.queues,
        queueParts: this.#groups.flatMap((g) => g.queues),
        concurrency: this.options.concurrency,
        startedAt: this.#startedAt,
        inFlight: () => this.#running.size,
        active: () => this.#active().slice(0, 50),
      };
      await beat(this.#conn, info, { pruneStats: this.#beats++ % 30 === 0 });
    } catch (error) {
      this.#log.debug("heartbeat failed", { error: (error as Error).message });
    }
  }

  #onControl(text: string): void {
    const message = parseControlMessage(text);
    if (message === null) {
      this.#log.warn("ignoring a malformed control message", { message: text.slice(0, 200) });
      return;
    }
    void this.#control_(message).catch((error) =>
      this.#log.warn("control message failed", { op: message.op, error: (error as Error).message }),
    );
  }

  async #control_(message: ControlMessage): Promise<void> {
    switch (message.op) {
      case "revoke": {
        this.#revoked.push(message.id);
        if (this.#revoked.length > 1000) this.#revoked.shift();
        const running = this.#running.get(message.id);
        if (running) {
          this.#log.info("terminating revoked task", { id: message.id });
          running.handle.controller.abort(new Error("revoked"));
        }
        return;
      }
      case "inspect":
        if (message.worker !== undefined && message.worker !== this.options.id) return;
        await this.#conn.redis.publish(
          message.reply,
          JSON.stringify({ worker: this.options.id, reply: this.#inspect(message.what) }),
        );
        return;
      case "rate_limit":
        await this.#loadRateOverrides();
        this.#log.info("rate limits changed", {
          task: message.task,
          rate: this.#rateOverrides.has(message.task)
            ? `${this.#rateOverrides.get(message.task)!.limit} per ${this.#rateOverrides.get(message.task)!.intervalMs} ms`
            : "manifest",
        });
        return;
      case "shutdown":
        if (message.worker !== this.options.id) return;
        this.#log.info("warm shutdown requested over the control channel");
        await this.stop();
        return;
    }
  }

  #active(): { id: string; name: string; queue: string; startedAt: number }[] {
    return [...this.#running.values()].map((r) => ({
      id: r.claimed.id,
      name: r.name,
      queue: r.claimed.queue,
      startedAt: r.startedAt,
    }));
  }

  #inspect(what: InspectKind): unknown {
    switch (what) {
      case "ping":
        return { ok: "pong" };
      case "active":
        return this.#active();
      // Delayed tasks (countdown, eta, retry backoff) wait in Redis, never in a worker: nothing is scheduled here.
      case "scheduled":
        return [];
      case "reserved":
        return [...this.#starting];
      case "revoked":
        return [...this.#revoked];
      case "stats":
        return {
          id: this.options.id,
          host: hostname(),
          pid: process.pid,
          queues: this.options.queues,
          concurrency: this.options.concurrency,
          inFlight: this.#running.size,
          uptimeMs: Date.now() - this.#startedAt,
          processed: { ...this.#processed },
          rateLimits: Object.fromEntries([...this.#rateOverrides].map(([k, v]) => [k, v])),
        };
    }
  }

  // Bad entries are skipped with a log line: a typo in one must not stop the worker or the others.
  async #loadRateOverrides(): Promise<void> {
    const raw = await this.#conn.redis.hgetall(this.#ks.rateOverrides);
    this.#rateOverrides.clear();
    for (const [task, rate] of Object.entries(raw)) {
      try {
        this.#rateOverrides.set(task, parseRate(rate));
      } catch {
        this.#log.warn("ignoring a run-time rate limit that is not a rate", { task, rate: rate.slice(0, 50) });
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
