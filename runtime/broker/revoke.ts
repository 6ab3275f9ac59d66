import type { Keyspace } from "../keys/keyspace.ts";
import type { BrokerConn } from "./conn.ts";
import { scripts } from "./scripts.ts";
import { canvasFailKeys, parseCanvasRecord, type CanvasRecord } from "../canvas/record.ts";
import { isLocalEffect } from "../canvas/placement.ts";
import { relayEntries } from "../canvas/relay.ts";
import { TASK_FIELDS as F } from "../keys/task-record.ts";

/**
 * KEYS of one revoke call (see revoke.lua): the task's record, then the failure keys of its canvas
 * (`canvasFailKeys`, which canvas.lua's `canvas_fail` reads from KEYS[2]; none outside a canvas),
 * or, when those lie in other slots, the record's slot's canvas outbox.
 */
export function revokeKeys(ks: Keyspace, id: string, canvasKeys: readonly string[] = []): string[] {
  return [ks.task(id), ...canvasKeys];
}

/**
 * Revokes a task (see revoke.lua); returns the state it had or now has. A task of a canvas that is
 * revoked before it runs stops its chain and fails its chord in the same script call: its canvas
 * record (written once, at enqueue) names the keys that call needs. When those lie on other shards
 * the call defers them to its shard's outbox, and they are applied from there before this returns.
 */
export async function revokeTask(
  conn: BrokerConn,
  id: string,
  options: { terminate?: boolean; ttlMs?: number } = {},
): Promise<string> {
  const { redis, ks } = conn;
  const own = ks.forId(id);
  const cv = await canvasOf(conn, id);
  const local = cv === null || isLocalEffect(ks, own.tag, "fail", cv);
  const keys = revokeKeys(ks, id, cv === null ? [] : local ? canvasFailKeys(own, cv) : [own.canvasOutbox]);
  const args = [ks.doneChannel(""), id, options.terminate ? "1" : "0", ks.controlChannel, options.ttlMs ?? 86_400_000];
  const reply = await scripts.revoke.run(redis, keys, [...args, local ? "" : "r"]);
  if (!Array.isArray(reply)) return String(reply);
  await relayEntries(conn, own, (reply[1] as unknown[]).map(String));
  return String(reply[0]);
}

async function canvasOf({ redis, ks }: BrokerConn, id: string): Promise<CanvasRecord | null> {
  // A garbage record, or a key of another type: no canvas keys (the worker dead-letters garbage).
  const cv = await redis.hget(ks.task(id), F.canvas).catch(() => null);
  if (!cv) return null;
  try {
    return parseCanvasRecord(cv);
  } catch {
    return null;
  }
}
