import type { RedisOptions } from "ioredis";
import { ConfigurationError } from "../errors/configuration-error.ts";

/** The Redis celerity talks to when nothing else is said. */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0";

/**
 * Parses `redis://[user:password@]host[:port][/db]` and `rediss://` (TLS) into ioredis options.
 * Done here rather than by ioredis so a typo fails with a message naming the URL's problem.
 */
export function parseRedisUrl(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(`REDIS_URL "${url}" is not a URL (expected redis://host:port/db or rediss://...)`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new ConfigurationError(
      `REDIS_URL "${url}" must start with redis:// or rediss:// (redis+cluster://host:port,host:port for a Cluster)`,
    );
  }
  const db = parsed.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db)) throw new ConfigurationError(`REDIS_URL database "${db}" is not a number`);
  const options: RedisOptions = {
    host: parsed.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 6379,
    db: db === "" ? 0 : Number(db),
  };
  if (parsed.username) options.username = decodeURIComponent(parsed.username);
  if (parsed.password) options.password = decodeURIComponent(parsed.password);
  if (parsed.protocol === "rediss:") {
    const insecure = parsed.searchParams.get("tls_reject_unauthorized") === "false";
    options.tls = { servername: options.host, rejectUnauthorized: !insecure };
  }
  return options;
}

/** Returns the connection target from the explicit option, then REDIS_URL, then the default. */
export function resolveRedisUrl(explicit?: string): string {
  return explicit ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
}
