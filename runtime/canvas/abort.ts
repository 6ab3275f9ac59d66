import type { BrokerConn } from "../broker/conn.ts";
import { scripts } from "../broker/scripts.ts";
import { isLocalEffect } from "./placement.ts";
import { CanvasRecordInvalid, canvasFailKeys, parseCanvasRecord, type CanvasRecord } from "./record.ts";
import { relayEntries } from "./relay.ts";

/**
 * Sets off a canvas task's failure when it ended without a run (revoked before it started,
 * expired, poison): its chain stops, its chord's callback fails, its error links are sent.
 * Idempotent. A canvas record that is garbage is left alone here (the worker dead-letters it).
 */
export async function abortCanvas(conn: BrokerConn, id: string, canvasJson: string | null): Promise<void> {
  if (!canvasJson) return;
  const { redis, ks } = conn;
  let cv: CanvasRecord;
  try {
    cv = parseCanvasRecord(canvasJson);
  } catch (error) {
    if (error instanceof CanvasRecordInvalid) return;
    throw error;
  }
  const own = ks.forId(id);
  const local = isLocalEffect(ks, own.tag, "fail", cv);
  const keys = local ? canvasFailKeys(own, cv) : [own.canvasOutbox];
  if (keys.length === 0) return;
  const deferred = await scripts.canvasAbort.run(
    redis,
    [ks.task(id), ...keys],
    [ks.doneChannel(""), id, local ? "" : "r"],
  );
  await relayEntries(conn, own, (deferred as unknown[]).map(String));
}
