import { Redis } from "ioredis";
import { connectRedis } from "../../runtime/config/connect.ts";
import { isClusterUrl } from "../../runtime/config/cluster-url.ts";
import { deleteUnder } from "../../runtime/testing/delete-under.ts";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";

/** A unique key prefix per test, so suites never see each other's keys. */
export function uniquePrefix(label: string): string {
  return `celerity-test:${label}:${process.pid}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Deletes every key under a prefix, on a single Redis or (a `redis+cluster://` URL) every master of a Cluster. */
export async function deletePrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = isClusterUrl(url) ? connectRedis(url, { name: "celerity-test-cleanup" }) : new Redis(url);
  try {
    await deleteUnder(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
