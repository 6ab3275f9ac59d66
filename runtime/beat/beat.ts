import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { RedisClient } from "../config/connect.ts";
import { connectRedis } from "../config/connect.ts";
import { checkEvictionPolicy } from "../config/eviction-policy.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { keyspace, type Keyspace } from "../keys/keyspace.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import type { AppSpec } from "../spec/types.ts";
import { fireDue, type DueEntry } from "./fire-due.ts";
import { beatKeys, type BeatKeys } from "./keys.ts";
import { LeaderLock } from "./leader-lock.ts";
import {
  isWrongTypeError,
  logQuarantinesWith,
  onQuarantine,
  quarantineOnWrongType,
  quarantineWrongTypes,
  repairingWrongTypes,
} from "../broker/quarantine.ts";
import { restoreSchedule } from "./restore-schedule.ts";
import { beatScripts } from "./scripts.ts";
import { measureClockOffset } from "../time/redis-clock.ts";
import { PeriodicStore } from "./store.ts";

export interface BeatOptions {
  /** A redis:// URL or an ioredis instance (left open on stop). Default: REDIS_URL. */
  redis?: string | RedisClient;
  prefix?: string;
  /** Leader lock TTL; a dead leader is replaced within about TTL + TTL/5. Default 5 s. */
  lockTtlMs?: number;
  /** Longest sleep between looks at the earliest due time: the safety net should a change announcement be lost (e.g. during a reconnect). Default 250 ms. */
  pollMs?: number;
  logger?: Logger;
  /** Run even if Redis's maxmemory-policy can evict keys (default: CELERITY_ALLOW_EVICTION). */
  allowEviction?: boolean;
  /**
   * The scheduling clock in epoch ms (tests). Default: Redis's clock, as this process's clock plus
   * its measured offset to Redis `TIME` (re-measured at every lock check), so a beat whose clock is
   * off neither fires early nor sleeps past due slots. Lock timing always uses real time.
   */
  now?: () => number;
}

/** Entries fired per script batch; more due at once just loops again without sleeping. */
const BATCH = 200;
const ERROR_BACKOFF_MS = 1_000;
const GAP_CHECK_MS = 5_000;
/** Sleep when the firing script says an entry is not due yet by Redis's clock (our offset estimate is a little ahead). */
const EARLY_RETRY_MS = 5;
/** An offset this large is logged: harmless to scheduling, but worth knowing about. */
const SKEW_WARN_MS = 1_000;

/**
 * The periodic scheduler. Syncs the manifest's entries at start, then competes for the leader lock;
 * the leader sleeps until the earliest due time (one ZRANGE of the due ZSET's head per wake-up, so
 * 10,000 entries cost no more than ten) and fires what is due with one atomic script per entry.
 * The store announces new next runs on a pub/sub channel, which cuts the sleep short, so run-time
 * changes apply at once; the head is re-read every `pollMs` regardless.
 * Followers retry the lock every TTL/5. Safe to run several: firing is compare-and-set with
 * deterministic task ids, so even overlapping leaders cannot send a run twice.
 */
export class Beat {
  readonly #app: AppSpec;
  readonly #options: BeatOptions;
  readonly #ks: Keyspace;
  readonly #keys: BeatKeys;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #renewMs: number;
  readonly #pollMs: number;
  readonly #token = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  #redis!: RedisClient;
  #ownsRedis = false;
  /** Hears the store announce new next runs, so the leader re-reads the head at once. */
  #subscriber: RedisClient | null = null;
  /** A change arrived while not asleep: the next sleep must not happen. */
  #changed = false;
  #lock!: LeaderLock;
  #leader = false;
  /** performance.now() until which our lock is surely still ours (last successful renew + TTL). */
  #leaderUntil = 0;
  #running = false;
  #lockTimer: NodeJS.Timeout | undefined;
  #lockBusy = false;
  #loopDone: Promise<void> = Promise.resolve();
  #wake: (() => void) | null = null;
  #unlisten: (() => void) | null = null;
  /** A beat key was quarantined: rebuild the schedule before firing again. */
  #restoreNeeded = false;
  /** performance.now() of the last check for enabled entries missing from an empty due set. */
  #lastGapCheck = -Infinity;
  /** Redis's clock minus ours, from the last measurement. */
  #offsetMs = 0;
  #skewLogged = false;

  constructor(app: AppSpec, options: BeatOptions = {}) {
    this.#app = app;
    this.#options = options;
    this.#ttlMs = options.lockTtlMs ?? 5_000;
    if (!Number.isInteger(this.#ttlMs) || this.#ttlMs < 250)
      throw new ConfigurationError(`lockTtlMs must be a whole number of at least 250 ms, got ${this.#ttlMs}`);
    this.#renewMs = Math.floor(this.#ttlMs / 5);
    this.#pollMs = options.pollMs ?? 250;
    if (!(this.#pollMs > 0)) throw new ConfigurationError(`pollMs must be positive, got ${this.#pollMs}`);
    this.#ks = keyspace(app.app, options.prefix);
    this.#keys = beatKeys(this.#ks);
    this.#now = options.now ?? (() => Date.now() + this.#offsetMs);
    this.#log = (options.logger ?? createLogger()).child({ beat: this.#token });
  }

  /** True while this process holds the leader lock and fires entries. */
  get isLeader(): boolean {
    return this.#leader;
  }

  /** Connects, syncs the manifest's entries, tries for the lock and starts scheduling in the background. */
  async start(): Promise<void> {
    if (this.#running) return;
    const target = this.#options.redis;
    this.#ownsRedis = !(target && typeof target === "object");
    this.#redis = this.#ownsRedis ? connectRedis(target, { name: "celerity-beat" }) : (target as RedisClient);
    this.#redis.on("error", (e: Error) => this.#log.debug("redis connection error", { error: e.message }));
    logQuarantinesWith(this.#redis, this.#log);
    this.#subscriber = connectRedis(this.#redis, { name: "celerity-beat-changes", blocking: true });
    this.#subscriber.on("error", (e: Error) => this.#log.debug("redis connection error", { error: e.message }));
    // An entry name: its next run changed. Empty: the leader let go of the lock.
    this.#subscriber.on("message", (_channel: string, message: string) => {
      if (message === "") {
        if (!this.#leader) void this.#lockTick();
        return;
      }
      this.#changed = true;
      this.#wake?.();
    });
    this.#lock = new LeaderLock(this.#redis, this.#keys.leader, {
      token: this.#token,
      ttlMs: this.#ttlMs,
      releasedChannel: this.#keys.changed,
    });
    let synced;
    try {
      await checkEvictionPolicy(this.#redis, {
        allowEviction: this.#options.allowEviction,
        role: "beat",
        log: this.#log,
      });
      await this.#subscriber.subscribe(this.#keys.changed);
      await Promise.all(Object.values(beatScripts).map((s) => s.ensureLoaded(this.#redis)));
      await this.#measureClock();
      const store = new PeriodicStore(this.#app, { redis: this.#redis, prefix: this.#options.prefix, now: this.#now });
      synced = await repairingWrongTypes(this.#redis, this.#allKeys(), {
        context: "beat manifest sync",
        attempt: () => store.syncManifest(),
      });
    } catch (error) {
      // An invalid manifest entry, say: leave no connection behind to keep the process alive.
      await quit(this.#subscriber);
      if (this.#ownsRedis) await quit(this.#redis);
      throw error;
    }
    this.#log.info("beat started; manifest entries synced", { ...synced, lockTtlMs: this.#ttlMs });
    this.#running = true;
    // A beat key moved aside by any of this process's calls (the firing script, say) takes schedule
    // state with it: rebuild it before the next look at the due set.
    const own = new Set(this.#allKeys());
    this.#unlisten = onQuarantine((moved) => {
      if (!moved.some((m) => own.has(m.key))) return;
      this.#restoreNeeded = true;
      this.#wake?.();
    });
    await this.#lockTick();
    this.#lockTimer = setInterval(() => void this.#lockTick(), this.#renewMs);
    this.#loopDone = this.#loop();
  }

  /** Stops scheduling, releases the lock (a follower takes over at once) and closes the connections. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#unlisten?.();
    clearInterval(this.#lockTimer);
    this.#wake?.();
    await this.#loopDone;
    if (this.#leader) {
      this.#leader = false;
      await this.#lock.release().catch(() => false);
    }
    await quit(this.#subscriber!);
    if (this.#ownsRedis) await quit(this.#redis);
    this.#log.info("beat stopped");
  }

  async #lockTick(): Promise<void> {
    if (this.#lockBusy || !this.#running) return;
    this.#lockBusy = true;
    const asked = performance.now();
    try {
      await this.#measureClock();
      if (this.#leader) {
        if (await this.#lock.renew()) this.#leaderUntil = asked + this.#ttlMs;
        else {
          this.#leader = false;
          this.#log.warn("lost the leader lock; another beat leads now");
        }
      } else if (await this.#lock.acquire()) {
        this.#leader = true;
        this.#leaderUntil = asked + this.#ttlMs;
        this.#log.info("leading: this beat now fires periodic entries");
        this.#wake?.();
      } else if ((await this.#redis.type(this.#keys.leader)) !== "string") {
        // SET NX fails on a key of any type: a hash there would keep every beat a follower forever.
        await quarantineWrongTypes(this.#redis, [this.#keys.leader], { context: "beat leader lock" });
      }
    } catch (error) {
      this.#log.warn("leader lock check failed", { error: (error as Error).message });
    } finally {
      this.#lockBusy = false;
    }
  }

  /** Re-measures the offset to Redis's clock (a clock may be stepped while beat runs). */
  async #measureClock(): Promise<void> {
    const { offsetMs, roundTripMs } = await measureClockOffset(this.#redis);
    this.#offsetMs = offsetMs;
    if (Math.abs(offsetMs) > SKEW_WARN_MS && !this.#skewLogged) {
      this.#skewLogged = true;
      this.#log.warn("this clock differs from Redis's; scheduling follows Redis's clock", {
        offsetMs,
        roundTripMs: Math.round(roundTripMs),
      });
    }
  }

  /** Leader with a lock that cannot have expired yet (renewals may be failing while Redis is away). */
  #active(): boolean {
    return this.#leader && performance.now() < this.#leaderUntil;
  }

  async #loop(): Promise<void> {
    while (this.#running) {
      if (!this.#active()) {
        await this.#sleep(this.#renewMs);
        continue;
      }
      try {
        if (this.#restoreNeeded) await this.#restore();
        await this.#sleep(await this.#tick());
      } catch (error) {
        if (!this.#running) break;
        if (
          isWrongTypeError(error) &&
          (await quarantineWrongTypes(this.#redis, this.#allKeys(), { context: "beat scheduling" }).catch(() => []))
            .length > 0
        )
          continue;
        this.#log.warn("scheduling failed; retrying", { error: (error as Error).message });
        await this.#sleep(ERROR_BACKOFF_MS);
      }
    }
  }

  /** Fires what is due and returns how long to sleep. Idle, this is one ZRANGE of the due head. */
  async #tick(): Promise<number> {
    const head = await this.#redis.zrange(this.#keys.due, 0, "0", "WITHSCORES");
    const now = this.#now();
    if (head.length === 0) {
      await this.#checkForGaps();
      return this.#pollMs;
    }
    const headDue = Number(head[1]);
    if (headDue > now) return Math.min(headDue - now, this.#pollMs);
    const flat = await this.#redis.zrangebyscore(this.#keys.due, "-inf", now, "WITHSCORES", "LIMIT", 0, BATCH);
    const due: DueEntry[] = [];
    for (let i = 0; i < flat.length; i += 2) due.push({ name: flat[i], dueMs: Number(flat[i + 1]) });
    if (!this.#active()) return 0;
    const fired = await fireDue(
      { redis: this.#redis, ks: this.#ks, keys: this.#keys, app: this.#app, log: this.#log, now },
      due,
    );
    return fired.early > 0 ? EARLY_RETRY_MS : 0;
  }

  /** Every beat key (the pub/sub channel aside): what a WRONGTYPE among beat's commands may be. */
  #allKeys(): string[] {
    const k = this.#keys;
    return [k.entries, k.due, k.disabled, k.runCount, k.lastRun, k.leader];
  }

  async #restore(): Promise<void> {
    const afterQuarantine = this.#restoreNeeded;
    this.#restoreNeeded = false;
    const restored = await restoreSchedule({ redis: this.#redis, keys: this.#keys }, this.#app, { now: this.#now() });
    if (afterQuarantine || restored.length > 0)
      this.#log.warn("schedule rebuilt: entries without a next run were rescheduled", { rescheduled: restored });
  }

  /**
   * An empty due set with enabled entries means the set was lost (quarantined by another process,
   * say): rebuild it. Two cheap counts, at most every 5 s, and only while nothing is scheduled.
   */
  async #checkForGaps(): Promise<void> {
    if (performance.now() - this.#lastGapCheck < GAP_CHECK_MS) return;
    this.#lastGapCheck = performance.now();
    const replies = await this.#redis.pipeline().hlen(this.#keys.entries).scard(this.#keys.disabled).exec();
    // A wrong-type key here is moved aside; the quarantine listener then asks for a restore.
    await quarantineOnWrongType(this.#redis, replies, { keys: this.#allKeys(), context: "beat schedule check" });
    const [[, entries], [, disabled]] = (replies ?? [[], []]) as [unknown, unknown][];
    if (Number(entries) > Number(disabled)) await this.#restore();
  }

  #sleep(ms: number): Promise<void> {
    const changed = this.#changed;
    this.#changed = false;
    if (ms <= 0 || !this.#running || changed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }
}

async function quit(redis: RedisClient): Promise<void> {
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
