import { Redis } from "ioredis";
import { parseRedisUrl, resolveRedisUrl } from "../runtime/mod.ts";

/** Pings Redis once with a short timeout; false when nothing answers. */
export async function redisAnswers(url = resolveRedisUrl()): Promise<boolean> {
  const redis = new Redis({
    ...parseRedisUrl(url),
    lazyConnect: true,
    connectTimeout: 1500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
