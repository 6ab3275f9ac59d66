import { DEFAULT_REDIS_URL } from "../config/redis-url.ts";
import { DEFAULT_PREFIX } from "../keys/keyspace.ts";
import { formatHelp, type FlagSpec } from "./help.ts";
import { scriptName } from "./script-name.ts";

/** Environment variables the worker and beat processes read, for `--help`. */
export const PROCESS_ENV: Readonly<Record<string, string>> = {
  REDIS_URL: `the Redis to use when --redis is absent (default ${DEFAULT_REDIS_URL})`,
  CELERITY_PREFIX: `key prefix when --prefix is absent (default ${DEFAULT_PREFIX})`,
  CELERITY_LOG_LEVEL: "debug, info (default), warn or error",
  CELERITY_LOG_FORMAT: "json or pretty (default: pretty on a terminal, else json)",
  CELERITY_ALLOW_EVICTION: "1: run even if Redis's maxmemory-policy may evict keys (as --allow-eviction)",
};

/** `--redis` and `--prefix`, which worker and beat take alike; `peers` says who else must use the same prefix. */
export function connectionFlags(peers: string): FlagSpec[] {
  return [
    {
      name: "redis",
      value: "URL",
      default: `$REDIS_URL, else ${DEFAULT_REDIS_URL}`,
      help: "the Redis to use (redis://, rediss://, or redis+cluster://host:port,host:port)",
    },
    {
      name: "prefix",
      value: "PREFIX",
      default: `$CELERITY_PREFIX, else ${DEFAULT_PREFIX}`,
      help: `key prefix, shared with ${peers}`,
    },
  ];
}

/** The `--help` text of a worker or beat process: usage line from the script's path, `summary`, `flags`, then {@link PROCESS_ENV}. */
export function processHelp(fallbackName: string, summary: string, flags: readonly FlagSpec[]): string {
  return formatHelp({ usage: `${scriptName(fallbackName)} [options]`, summary, env: PROCESS_ENV }, flags);
}
