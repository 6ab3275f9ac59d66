import { CelerityError } from "../errors/celerity-error.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { MemoryConnection } from "./connection.ts";
import { MemoryServer, type MemoryServerOptions } from "./server.ts";

/** The URL that selects the in-memory broker (`memory://NAME` picks a separate one by name). */
export const MEMORY_URL = "memory://";

/** Set in the environment of the process that owns memory brokers, so its children can tell. */
const OWNER_ENV = "CELERITY_MEMORY_BROKER_PID";

/** What the memory broker says when something expects it to be shared between processes. */
export class MemoryBrokerProcessError extends CelerityError {
  constructor(message: string) {
    super("MEMORY_BROKER_ONE_PROCESS", message);
  }
}

const servers = new Map<string, MemoryServer>();

/** `memory://` -> "default", `memory://NAME` -> "NAME". */
const brokerName = (url: string) => url.replace(/^memory:\/\//i, "").replace(/\/+$/, "") || "default";

/** True for `memory://` and `memory://NAME`. */
export function isMemoryUrl(url: string | undefined): url is string {
  return typeof url === "string" && /^memory:\/\//i.test(url);
}

/** True when `value` is a connection to a memory broker. */
export function isMemoryConnection(value: unknown): value is MemoryConnection {
  return value instanceof MemoryConnection;
}

/**
 * Refuses a memory broker in a process that inherited the URL from the process that owns one: it
 * would get an empty broker of its own, and enqueue into (or wait on) something nobody else sees.
 */
export function assertMemoryOwner(url: string): void {
  const owner = process.env[OWNER_ENV];
  if (owner !== undefined && owner !== String(process.pid)) {
    throw new MemoryBrokerProcessError(
      `the memory broker lives in one process (pid ${owner}); this process (pid ${process.pid}) was given ${url} but cannot reach it. ` +
        "Run worker, beat and client in that one process (as `npm run demo` does without Redis, or createTestApp()), or set REDIS_URL to a Redis server.",
    );
  }
}

/**
 * Refuses `memory://` for a standalone process (`role`: "a worker", "a beat", ...): the memory
 * broker lives inside one process, so such a process would serve an empty broker nobody reaches.
 */
export function refuseMemoryForProcess(url: string | undefined, role: string): void {
  if (!isMemoryUrl(url)) return;
  throw new MemoryBrokerProcessError(
    `the memory broker lives in one process; ${role} started on its own with ${url} would see an empty broker that no client can reach. ` +
      "Run it inside the process that enqueues (createTestApp(), or `npm run demo` with no Redis), or set REDIS_URL to a Redis server.",
  );
}

/** The memory server a URL names, created on first use in this process. */
export function memoryServerFor(url: string): MemoryServer {
  assertMemoryOwner(url);
  const name = brokerName(url);
  let server = servers.get(name);
  if (!server) {
    server = new MemoryServer();
    servers.set(name, server);
    process.env[OWNER_ENV] = String(process.pid);
  }
  return server;
}

/**
 * Creates the memory broker a URL names with its own options (a fake clock for tests); fails if
 * one by that name exists already.
 */
export function createMemoryBroker(url: string, options: MemoryServerOptions = {}): MemoryServer {
  // No owner check: this process makes a broker of its own (a test app), it expects no sharing.
  const name = brokerName(url);
  if (servers.has(name))
    throw new ConfigurationError(`a memory broker named ${JSON.stringify(name)} exists already in this process`);
  const server = new MemoryServer(options);
  servers.set(name, server);
  process.env[OWNER_ENV] = String(process.pid);
  return server;
}

/** A new connection to the memory broker a URL names, or to the broker of a connection. */
export function connectMemory(target: string | MemoryConnection, options: { name?: string } = {}): MemoryConnection {
  if (target instanceof MemoryConnection) return new MemoryConnection(target.server, options);
  return new MemoryConnection(memoryServerFor(target), options);
}

/** Drops a named memory broker's data (the next use starts empty). */
export function forgetMemoryBroker(url: string): void {
  servers.delete(brokerName(url));
}

/**
 * The connection target for a client's `broker` choice: "memory" means `memory://` (or the memory
 * URL given as `redis`); anything else leaves `redis` as it is.
 */
export function brokerTarget<T>(broker: "redis" | "memory" | undefined, redis: T): T | string {
  if (broker === undefined || broker === "redis") return redis;
  if (broker !== "memory")
    throw new ConfigurationError(`broker must be "redis" or "memory", got ${JSON.stringify(broker)}`);
  if (redis === undefined) return MEMORY_URL;
  if (isMemoryUrl(redis as unknown as string) || isMemoryConnection(redis)) return redis;
  throw new ConfigurationError(
    `broker "memory" and redis ${typeof redis === "string" ? JSON.stringify(redis) : "(a Redis connection)"} disagree: pass one of them`,
  );
}
