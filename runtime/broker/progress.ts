import type { Keyspace } from "../keys/keyspace.ts";
import type { BrokerConn } from "./conn.ts";
import { scripts } from "./scripts.ts";

/** KEYS of one progress call (see progress.lua): the task's record and its queue's stats (the fenced counter). */
export function progressKeys(ks: Keyspace, id: string, queue: string): string[] {
  return [ks.task(id), ks.stats(queue)];
}

/**
 * Stores a running task's progress JSON, if `token` is its current delivery's. Resolves to
 * "stored", "not-running" (finished, or forgotten: never re-created) or "refused" (superseded).
 */
export async function storeProgress(
  { redis, ks }: BrokerConn,
  run: { id: string; queue: string; token: string },
  progressJson: string,
): Promise<"stored" | "not-running" | "refused"> {
  const reply = await scripts.progress.run(redis, progressKeys(ks, run.id, run.queue), [progressJson, run.token]);
  return reply === 1 ? "stored" : reply === -1 ? "refused" : "not-running";
}
