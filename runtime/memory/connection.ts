import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";
import type { MemoryServer } from "./server.ts";
import { ReplyError, StatusReply, type Reply } from "./store/reply.ts";
import type { ListWaiter, Subscriber } from "./store/store.ts";

type Arg = string | number | Buffer | readonly Arg[] | Record<string, string | number>;

/** ioredis flattens arrays and (for HSET/HMSET/MSET) objects into arguments; so does this. */
function flatten(args: readonly Arg[], out: string[] = []): string[] {
  for (const a of args) {
    if (typeof a === "string") out.push(a);
    else if (typeof a === "number") out.push(String(a));
    else if (Buffer.isBuffer(a)) out.push(a.toString("utf8"));
    else if (Array.isArray(a)) flatten(a, out);
    else for (const [k, v] of Object.entries(a as Record<string, string | number>)) out.push(k, String(v));
  }
  return out;
}

/**
 * ioredis's shape of a reply: status replies as strings, and (for the named methods, not for
 * `call()`) HGETALL as an object.
 */
function shape(name: string, reply: Reply): unknown {
  if (reply instanceof StatusReply) return reply.status;
  if (name === "hgetall" && Array.isArray(reply)) {
    const obj: Record<string, string> = {};
    for (let i = 0; i < reply.length; i += 2) obj[reply[i] as string] = reply[i + 1] as string;
    return obj;
  }
  if (Array.isArray(reply)) return reply.map((r) => (r instanceof StatusReply ? r.status : r));
  return reply;
}

/** The commands the facade offers as methods, like ioredis (`redis.hget(...)`). */
const METHODS = [
  "get",
  "set",
  "mget",
  "incr",
  "incrby",
  "decr",
  "decrby",
  "hset",
  "hsetnx",
  "hget",
  "hmget",
  "hdel",
  "hexists",
  "hgetall",
  "hkeys",
  "hvals",
  "hlen",
  "hincrby",
  "lpush",
  "rpush",
  "lpop",
  "rpop",
  "llen",
  "lindex",
  "lrange",
  "lrem",
  "sadd",
  "srem",
  "sismember",
  "smembers",
  "scard",
  "zadd",
  "zincrby",
  "zrem",
  "zscore",
  "zcard",
  "zrank",
  "zcount",
  "zrange",
  "zrevrange",
  "zrangebyscore",
  "zrevrangebyscore",
  "zremrangebyrank",
  "zremrangebyscore",
  "zpopmin",
  "del",
  "unlink",
  "exists",
  "type",
  "expire",
  "pexpire",
  "expireat",
  "pexpireat",
  "persist",
  "ttl",
  "pttl",
  "dbsize",
  "keys",
  "scan",
  "ping",
  "echo",
  "time",
  "publish",
  "info",
  "config",
  "select",
  "script",
  "eval",
  "evalsha",
] as const;

/** Connections of one memory server, by CLIENT ID (for CLIENT UNBLOCK). */
const registries = new WeakMap<MemoryServer, Map<number, MemoryConnection>>();

/**
 * One connection to a memory server with the ioredis methods celerity uses: data commands, scripts
 * (EVALSHA with NOSCRIPT, SCRIPT LOAD), pipelines and MULTI, BLPOP with CLIENT UNBLOCK, pub/sub,
 * `duplicate()` for a second connection on the same data. Replies come back on a later tick, as
 * from a socket, but each command runs whole when issued.
 */
export class MemoryConnection extends EventEmitter implements Subscriber {
  readonly server: MemoryServer;
  readonly id: number;
  readonly options: { memory: true; connectionName?: string };
  status: "ready" | "end" = "ready";
  readonly #channels = new Set<string>();
  #blocked: {
    waiter: ListWaiter;
    resolve: (v: [string, string] | null) => void;
    reject: (e: Error) => void;
    timer?: NodeJS.Timeout;
  } | null = null;

  constructor(server: MemoryServer, options: { name?: string } = {}) {
    super();
    this.server = server;
    this.id = server.nextClientId();
    this.options = { memory: true, connectionName: options.name };
    let reg = registries.get(server);
    if (!reg) registries.set(server, (reg = new Map()));
    reg.set(this.id, this);
    setImmediate(() => {
      if (this.status !== "ready") return;
      this.emit("connect");
      this.emit("ready");
    });
  }

  /** Runs any command now; its reply comes as ioredis's `call()` gives it (HGETALL as a flat array). */
  call(name: string, ...args: Arg[]): Promise<unknown> {
    return this.run(name, args, false);
  }

  /** Runs a command now and returns its reply on a later tick; `method` shapes it as ioredis's named methods do. */
  run(name: string, args: Arg[], method: boolean): Promise<unknown> {
    if (this.status !== "ready") return Promise.reject(new Error("Connection is closed."));
    try {
      const reply = this.server.command(name, flatten(args));
      return Promise.resolve(shape(method ? name.toLowerCase() : "", reply));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** A new connection to the same data (ioredis' duplicate()). */
  duplicate(): MemoryConnection {
    return new MemoryConnection(this.server, { name: this.options.connectionName });
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  pipeline(commands?: [string, ...Arg[]][]): MemoryPipeline {
    const p = new MemoryPipeline(this);
    for (const [name, ...args] of commands ?? []) p.queue(name, args);
    return p;
  }

  multi(): MemoryPipeline {
    return this.pipeline();
  }

  client(sub: string, ...args: Arg[]): Promise<unknown> {
    const s = sub.toUpperCase();
    if (this.status !== "ready") return Promise.reject(new Error("Connection is closed."));
    if (s === "ID") return Promise.resolve(this.id);
    if (s === "SETNAME") return Promise.resolve("OK");
    if (s === "GETNAME") return Promise.resolve(this.options.connectionName ?? null);
    if (s === "UNBLOCK") {
      const target = registries.get(this.server)?.get(Number(flatten(args)[0]));
      return Promise.resolve(target?.unblock() ? 1 : 0);
    }
    return Promise.reject(new ReplyError(`ERR the memory broker does not implement CLIENT ${sub}`));
  }

  /** Ends a pending BLPOP with a nil reply (CLIENT UNBLOCK). */
  unblock(): boolean {
    const b = this.#blocked;
    if (!b) return false;
    this.#endBlock();
    b.resolve(null);
    return true;
  }

  #endBlock(): void {
    const b = this.#blocked;
    if (!b) return;
    clearTimeout(b.timer);
    this.server.keyspace.removeWaiter(b.waiter);
    this.#blocked = null;
  }

  /** BLPOP key [key ...] timeout: pops at once, or waits for a push, the timeout or CLIENT UNBLOCK. */
  blpop(...rawArgs: Arg[]): Promise<[string, string] | null> {
    if (this.status !== "ready") return Promise.reject(new Error("Connection is closed."));
    const args = flatten(rawArgs);
    const timeoutS = Number(args.pop());
    const keys = args;
    const ks = this.server.keyspace;
    for (const key of keys) {
      try {
        const list = ks.get(key, "list");
        if (list && list.length > 0) {
          const value = list.popFront()!;
          ks.dropIfEmpty(key);
          return Promise.resolve([key, value]);
        }
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise((resolve, reject) => {
      const waiter: ListWaiter = {
        keys,
        serve: (key, value) => {
          this.#endBlock();
          setImmediate(() => resolve([key, value]));
        },
      };
      this.#blocked = { waiter, resolve, reject };
      ks.addWaiter(waiter);
      if (timeoutS > 0) {
        this.#blocked.timer = setTimeout(() => this.unblock(), timeoutS * 1000);
        this.#blocked.timer.unref?.();
      }
    });
  }

  subscribe(...channels: string[]): Promise<number> {
    if (this.status !== "ready") return Promise.reject(new Error("Connection is closed."));
    for (const c of channels) {
      this.#channels.add(c);
      let subs = this.server.keyspace.channels.get(c);
      if (!subs) this.server.keyspace.channels.set(c, (subs = new Set()));
      subs.add(this);
    }
    return Promise.resolve(this.#channels.size);
  }

  unsubscribe(...channels: string[]): Promise<number> {
    for (const c of channels.length > 0 ? channels : [...this.#channels]) {
      this.#channels.delete(c);
      const subs = this.server.keyspace.channels.get(c);
      subs?.delete(this);
      if (subs?.size === 0) this.server.keyspace.channels.delete(c);
    }
    return Promise.resolve(this.#channels.size);
  }

  /** Called by the store for a message on a subscribed channel. */
  deliver(channel: string, message: string): void {
    if (this.status === "ready" && this.#channels.has(channel)) this.emit("message", channel, message);
  }

  quit(): Promise<string> {
    this.#close();
    return Promise.resolve("OK");
  }

  disconnect(): void {
    this.#close();
  }

  #close(): void {
    if (this.status === "end") return;
    const b = this.#blocked;
    this.#endBlock();
    b?.reject(new Error("Connection is closed."));
    void this.unsubscribe();
    this.status = "end";
    registries.get(this.server)?.delete(this.id);
    setImmediate(() => {
      this.emit("close");
      this.emit("end");
    });
  }

  /** This connection typed as the ioredis client the runtime expects. */
  asRedis(): Redis {
    return this as unknown as Redis;
  }
}

/** Commands queued for one `exec()`; also stands in for MULTI (every command here is atomic anyway). */
export class MemoryPipeline {
  readonly #conn: MemoryConnection;
  readonly #queued: [string, Arg[]][] = [];

  constructor(conn: MemoryConnection) {
    this.#conn = conn;
  }

  get length(): number {
    return this.#queued.length;
  }

  queue(name: string, args: Arg[]): this {
    this.#queued.push([name, args]);
    return this;
  }

  call(name: string, ...args: Arg[]): this {
    return this.queue(name, args);
  }

  /** Runs every queued command in order; resolves with `[error, reply]` per command, like ioredis. */
  exec(): Promise<[Error | null, unknown][]> {
    if (this.#conn.status !== "ready") return Promise.reject(new Error("Connection is closed."));
    const out: [Error | null, unknown][] = [];
    for (const [name, args] of this.#queued) {
      try {
        out.push([null, shape(name.toLowerCase(), this.#conn.server.command(name, flatten(args)))]);
      } catch (error) {
        out.push([error as Error, null]);
      }
    }
    return Promise.resolve(out);
  }
}

for (const name of METHODS) {
  Object.defineProperty(MemoryConnection.prototype, name, {
    value(this: MemoryConnection, ...args: Arg[]) {
      return this.run(name, args, true);
    },
  });
  Object.defineProperty(MemoryPipeline.prototype, name, {
    value(this: MemoryPipeline, ...args: Arg[]) {
      return this.queue(name, args);
    },
  });
}
