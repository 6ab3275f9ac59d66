import type { Keyspace } from "../keys/keyspace.ts";
import type { BrokerConn } from "./conn.ts";
import { scripts } from "./scripts.ts";
import { canvasFailKeys, parseCanvasRecord } from "../canvas/record.ts";
import { TASK_FIELDS as F } from "../keys/task-record.ts";

/**
 * KEYS of one revoke call (see revoke.lua): the task's record, then the failure keys of its canvas
 * (`canvasFailKeys`; none outside a canvas), which canvas.lua's `canvas_fail` reads from KEYS[2].
 */
export function revokeKeys(ks: Keyspace, id: string, canvasKeys: readonly string[] = []): string[] {
  return [ks.task(id), ...canvasKeys];
}

/**
 * Revokes a task (see revoke.lua); returns the state it had or now has. A task of a canvas that is
 * revoked before it runs stops its chain and fails its chord in the same script call: its canvas
 * record (written once, at enqueue) names the keys that call needs.
 */
export async function revokeTask(
  { redis, ks }: BrokerConn,
  id: string,
  options: { terminate?: boolean; ttlMs?: number } = {},
): Promise<string> {
  const args = [ks.doneChannel(""), id, options.terminate ? "1" : "0", ks.controlChannel, options.ttlMs ?? 86_400_000];
  return String(await scripts.revoke.run(redis, revokeKeys(ks, id, await canvasKeysOf({ redis, ks }, id)), args));
}

async function canvasKeysOf({ redis, ks }: BrokerConn, id: string): Promise<string[]> {
  // A garbage record, or a key of another type: no canvas keys (the worker dead-letters garbage).
  const cv = await redis.hget(ks.task(id), F.canvas).catch(() => null);
  if (!cv) return [];
  try {
    return canvasFailKeys(ks, parseCanvasRecord(cv));
  } catch {
    return [];
  }
}
