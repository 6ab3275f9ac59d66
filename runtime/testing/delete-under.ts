import { isCluster, type RedisClient } from "../config/connect.ts";
import { keySlot } from "../keys/slot.ts";

/** SCAN MATCH treats these as pattern syntax; a prefix is matched literally. */
const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/**
 * Deletes every key under `prefix` (`<prefix>:*`) and returns how many went. Tests only: SCAN is
 * fine here (never in the runtime's hot paths). SCAN walks the node it is sent to, so on a Cluster
 * every master is scanned (a Cluster client would send it to one arbitrary node and miss the keys
 * of the others), and deletes go through the Cluster client one slot per call, since a multi-key
 * UNLINK must stay in one slot.
 */
export async function deleteUnder(redis: RedisClient, prefix: string): Promise<number> {
  const match = `${escapeGlob(prefix)}:*`;
  if (!isCluster(redis)) return deleteMatching(redis, match, (keys) => redis.unlink(...keys));
  // A Cluster knows its masters only once its slot map is in.
  if (redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
  const counts = await Promise.all(
    redis.nodes("master").map((node) =>
      deleteMatching(node, match, async (keys) => {
        const bySlot = new Map<number, string[]>();
        for (const key of keys) bySlot.set(keySlot(key), [...(bySlot.get(keySlot(key)) ?? []), key]);
        const removed = await Promise.all([...bySlot.values()].map((group) => redis.unlink(...group)));
        return removed.reduce((a, b) => a + b, 0);
      }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function deleteMatching(
  node: Pick<RedisClient, "scan">,
  match: string,
  unlink: (keys: string[]) => Promise<number>,
): Promise<number> {
  let removed = 0;
  let cursor = "0";
  do {
    const [next, keys] = await node.scan(cursor, "MATCH", match, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) removed += await unlink(keys);
  } while (cursor !== "0");
  return removed;
}
