import type { ChainableCommander } from "ioredis";
import { isCluster, type RedisClient } from "../config/connect.ts";
import { keySlot } from "../keys/slot.ts";

/** One command of a batch: the key it touches (which decides where a Cluster sends it) and how to queue it. */
export interface BatchCommand {
  key: string;
  queue: (pipeline: ChainableCommander) => void;
}

/**
 * Sends `commands` in one pipeline, or on a Cluster in one pipeline per slot (ioredis refuses a
 * pipeline whose keys span nodes, as a sharded queue's do), and returns their replies in order.
 * Rejects with the first command's error.
 */
export async function execBatch(redis: RedisClient, commands: readonly BatchCommand[]): Promise<unknown[]> {
  const groups = new Map<number, number[]>();
  commands.forEach((c, i) => {
    const slot = isCluster(redis) ? keySlot(c.key) : 0;
    groups.set(slot, [...(groups.get(slot) ?? []), i]);
  });
  const replies: unknown[] = Array.from({ length: commands.length });
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const p = redis.pipeline();
      for (const i of indexes) commands[i].queue(p);
      const rows = (await p.exec()) ?? [];
      rows.forEach(([error, value], j) => {
        if (error) throw error;
        replies[indexes[j]] = value;
      });
    }),
  );
  return replies;
}
