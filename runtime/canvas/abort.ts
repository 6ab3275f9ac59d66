import type { BrokerConn } from "../broker/conn.ts";
import { scripts } from "../broker/scripts.ts";
import { CanvasRecordInvalid, canvasFailKeys, parseCanvasRecord } from "./record.ts";

/**
 * Sets off a canvas task's failure when it ended without a run (revoked before it started,
 * expired, poison): its chain stops, its chord's callback fails, its error links are sent.
 * Idempotent. A canvas record that is garbage is left alone here (the worker dead-letters it).
 */
export async function abortCanvas({ redis, ks }: BrokerConn, id: string, canvasJson: string | null): Promise<void> {
  if (!canvasJson) return;
  let keys: string[];
  try {
    keys = canvasFailKeys(ks, parseCanvasRecord(canvasJson));
  } catch (error) {
    if (error instanceof CanvasRecordInvalid) return;
    throw error;
  }
  if (keys.length === 0) return;
  await scripts.canvasAbort.run(redis, [ks.task(id), ...keys], [ks.doneChannel(""), id]);
}
