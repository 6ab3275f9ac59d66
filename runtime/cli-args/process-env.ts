import { DEFAULT_REDIS_URL } from "../config/redis-url.ts";
import { DEFAULT_PREFIX } from "../keys/keyspace.ts";

/** Environment variables the worker and beat processes read, for `--help`. */
export const PROCESS_ENV: Readonly<Record<string, string>> = {
  REDIS_URL: `the Redis to use when --redis is absent (default ${DEFAULT_REDIS_URL})`,
  CELERITY_PREFIX: `key prefix when --prefix is absent (default ${DEFAULT_PREFIX})`,
  CELERITY_LOG_LEVEL: "debug, info (default), warn or error",
  CELERITY_LOG_FORMAT: "json or pretty (default: pretty on a terminal, else json)",
};
