import type { Redis } from "ioredis";

/** Visits every key under `<prefix>:` in SCAN pages (bench-only: never on a hot path). */
export async function forEachKeyPage(
  redis: Redis,
  prefix: string,
  visit: (keys: string[]) => Promise<void>,
): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${escapeGlob(prefix)}:*`, "COUNT", 2000);
    cursor = next;
    if (keys.length > 0) await visit(keys);
  } while (cursor !== "0");
}

/** Deletes exactly the keys under `<prefix>:`; other users of this Redis are left alone. */
export async function deleteUnder(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  await forEachKeyPage(redis, prefix, async (keys) => {
    deleted += await redis.unlink(...keys);
  });
  return deleted;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
