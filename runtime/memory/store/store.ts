import { Deque } from "./deque.ts";
import { ReplyError, type Reply, wrongType } from "./reply.ts";
import { SortedSet } from "./sorted-set.ts";

/** The values Redis keys hold, by TYPE name. */
export type Value =
  | { type: "string"; value: string }
  | { type: "hash"; value: Map<string, string> }
  | { type: "list"; value: Deque }
  | { type: "set"; value: Set<string> }
  | { type: "zset"; value: SortedSet };

export type TypeName = Value["type"];

/** The JS value held for each Redis type. */
export interface ValueOf {
  string: string;
  hash: Map<string, string>;
  list: Deque;
  set: Set<string>;
  zset: SortedSet;
}

interface Entry {
  v: Value;
  /** Creation order, for SCAN's cursor: a key keeps it while it exists. */
  seq: number;
  /** Expiry in the store clock's epoch ms; absent = no TTL. */
  expireAt?: number;
}

/** Where the store reads the time: TIME, TTLs and expiry all use it. */
export interface Clock {
  now(): number;
}

/** Someone waiting in BLPOP: called with the key and popped value, once. */
export interface ListWaiter {
  keys: readonly string[];
  serve(key: string, value: string): void;
}

/** A subscriber connection as the store sees it. */
export interface Subscriber {
  deliver(channel: string, message: string): void;
}

/**
 * The keyspace of one in-memory Redis: typed values with expiry by the store's clock, list waiters
 * (BLPOP) and pub/sub channels. Commands run synchronously, so each one (and each script) is atomic.
 */
export class Keyspace {
  readonly clock: Clock;
  readonly #data = new Map<string, Entry>();
  readonly #waiters: ListWaiter[] = [];
  readonly #pushed = new Set<string>();
  readonly channels = new Map<string, Set<Subscriber>>();
  #pending: [Subscriber, string, string][] = [];
  #seq = 0;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  #live(key: string): Entry | undefined {
    const e = this.#data.get(key);
    if (e && e.expireAt !== undefined && e.expireAt <= this.clock.now()) {
      this.#data.delete(key);
      return undefined;
    }
    return e;
  }

  /** The value at `key` if it has type `type`; undefined when absent; WRONGTYPE otherwise. */
  get<T extends TypeName>(key: string, type: T): ValueOf[T] | undefined {
    const e = this.#live(key);
    if (!e) return undefined;
    if (e.v.type !== type) throw wrongType();
    return e.v.value as ValueOf[T];
  }

  /** The value at `key`, created empty when absent. */
  getOrCreate<T extends TypeName>(key: string, type: T): ValueOf[T] {
    const found = this.get(key, type);
    if (found !== undefined) return found;
    const value = (
      type === "hash"
        ? new Map()
        : type === "list"
          ? new Deque()
          : type === "set"
            ? new Set()
            : type === "zset"
              ? new SortedSet()
              : ""
    ) as ValueOf[T];
    this.#data.set(key, { v: { type, value } as Value, seq: ++this.#seq });
    return value;
  }

  /** Sets a string value; keeps the TTL only when asked (SET drops it unless KEEPTTL). */
  setString(key: string, value: string, options: { keepTtl?: boolean; expireAt?: number } = {}): void {
    const old = this.#live(key);
    const entry: Entry = { v: { type: "string", value }, seq: old?.seq ?? ++this.#seq };
    if (options.expireAt !== undefined) entry.expireAt = options.expireAt;
    else if (options.keepTtl && old?.expireAt !== undefined) entry.expireAt = old.expireAt;
    this.#data.set(key, entry);
  }

  typeOf(key: string): TypeName | "none" {
    return this.#live(key)?.v.type ?? "none";
  }

  exists(key: string): boolean {
    return this.#live(key) !== undefined;
  }

  delete(key: string): boolean {
    const had = this.#live(key) !== undefined;
    this.#data.delete(key);
    return had;
  }

  /** Drops a key whose collection became empty (Redis never keeps empty lists, hashes, sets, zsets). */
  dropIfEmpty(key: string): void {
    const e = this.#data.get(key);
    if (!e) return;
    const v = e.v;
    const size = v.type === "string" ? 1 : v.type === "list" ? v.value.length : v.value.size;
    if (size === 0) this.#data.delete(key);
  }

  expireAt(key: string): number | undefined {
    return this.#live(key)?.expireAt;
  }

  /** Sets or clears a TTL; returns false when the key does not exist. */
  setExpireAt(key: string, at: number | undefined): boolean {
    const e = this.#live(key);
    if (!e) return false;
    if (at === undefined) delete e.expireAt;
    else if (at <= this.clock.now()) this.#data.delete(key);
    else e.expireAt = at;
    return true;
  }

  /** Live keys, in creation order. */
  *keys(): IterableIterator<string> {
    for (const key of [...this.#data.keys()]) if (this.#live(key)) yield key;
  }

  /**
   * Up to `count` live keys created after cursor `after`, and the cursor to continue from (0 when
   * done). A key present for the whole scan is returned once even if others are deleted meanwhile,
   * as Redis's SCAN guarantees.
   */
  scan(after: number, count: number): { keys: string[]; cursor: number } {
    const keys: string[] = [];
    let last = after;
    for (const [key, e] of [...this.#data]) {
      if (e.seq <= after || !this.#live(key)) continue;
      if (keys.length >= count) return { keys, cursor: last };
      keys.push(key);
      last = e.seq;
    }
    return { keys, cursor: 0 };
  }

  get size(): number {
    let n = 0;
    for (const _ of this.keys()) n++;
    return n;
  }

  /** Notes that a list received elements, so blocked poppers are served after the command. */
  notePush(key: string): void {
    this.#pushed.add(key);
  }

  addWaiter(waiter: ListWaiter): void {
    this.#waiters.push(waiter);
  }

  removeWaiter(waiter: ListWaiter): void {
    const i = this.#waiters.indexOf(waiter);
    if (i >= 0) this.#waiters.splice(i, 1);
  }

  publish(channel: string, message: string): number {
    const subs = this.channels.get(channel);
    if (!subs) return 0;
    for (const s of subs) this.#pending.push([s, channel, message]);
    return subs.size;
  }

  /**
   * Runs after every command or script: serves BLPOP waiters in the order they blocked (as Redis
   * does) and then hands out published messages, asynchronously like a network would.
   */
  afterCommand(): void {
    if (this.#pushed.size > 0) {
      const pushed = [...this.#pushed];
      this.#pushed.clear();
      for (const key of pushed) {
        for (let i = 0; i < this.#waiters.length;) {
          const w = this.#waiters[i]!;
          if (!w.keys.includes(key)) {
            i++;
            continue;
          }
          const list = this.get(key, "list");
          if (!list || list.length === 0) break;
          const value = list.popFront()!;
          this.dropIfEmpty(key);
          this.#waiters.splice(i, 1);
          w.serve(key, value);
        }
      }
    }
    if (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      setImmediate(() => {
        for (const [s, channel, message] of batch) s.deliver(channel, message);
      });
    }
  }
}

/** Implements one command over the keyspace; `args` excludes the command name. */
export type CommandFn = (ks: Keyspace, args: string[]) => Reply;

/** A command and where its key arguments are (for the declared-keys check in scripts). */
export interface CommandSpec {
  run: CommandFn;
  /** Minimum argument count (without the name). */
  arity: number;
  /** Which arguments are keys: "first", "all", none, or those a function picks (LMPOP's numkeys). */
  keys?: "first" | "all" | "none" | ((args: readonly string[]) => readonly string[]);
}

export { ReplyError };
