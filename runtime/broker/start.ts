import type { Keyspace } from "../keys/keyspace.ts";
import type { BrokerConn } from "./conn.ts";
import type { Claimed } from "./claim.ts";
import { scripts } from "./scripts.ts";
import { CanvasRecordInvalid, parseCanvasRecord, type CanvasRecord } from "../canvas/record.ts";

/** A claimed task that may run: the raw record, still to be decoded and validated by the worker. */
export interface StartedRecord {
  kind: "run";
  claimed: Claimed;
  name: string;
  argsJson: string;
  retries: number;
  deliveries: number;
  expiresAt: number;
  /** A revoke with terminate arrived before this delivery. */
  revoked: boolean;
  /** The task's canvas record (JSON, see canvas.lua), '' when it is not part of a canvas. */
  canvasJson: string;
  /** Why the canvas record is garbage (the run is dead-lettered with it), else null. */
  canvasError: string | null;
}

/** A claimed task the script refused (expired, revoked, finished, poison, garbage); already cleaned up. */
export interface SkippedRecord {
  kind: "skip";
  claimed: Claimed;
  reason: string;
  /** Its canvas record (JSON), '' when none: a task that ended without running still fails its canvas. */
  canvasJson: string;
}

export interface StartOptions {
  workerId: string;
  maxDeliveries: number;
  maxPayloadBytes: number;
}

/**
 * KEYS of one start call (see start.lua): the shard's dead-letter set and payload store, then per
 * task its record and its queue's lease set. Claimed together means claimed from one shard, so
 * the dead-letter keys are the first task's shard's.
 */
export function startKeys(ks: Keyspace, claimed: readonly Pick<Claimed, "id" | "queue">[]): string[] {
  const shard = ks.forQueue(claimed[0]?.queue ?? "");
  const keys = [shard.dead, shard.deadRaw];
  for (const c of claimed) keys.push(ks.task(c.id), ks.leases(c.queue));
  return keys;
}

/** Marks claimed tasks STARTED in one script call and returns what to run. */
export async function startClaimed(
  { redis, ks }: BrokerConn,
  claimed: readonly Claimed[],
  options: StartOptions,
): Promise<(StartedRecord | SkippedRecord)[]> {
  const args: (string | number)[] = [
    options.workerId,
    options.maxDeliveries,
    options.maxPayloadBytes,
    ks.doneChannel(""),
  ];
  for (const c of claimed) args.push(c.member);
  const reply = (await scripts.start.run(redis, startKeys(ks, claimed), args)) as (string | number)[][];
  const byId = new Map(claimed.map((c) => [c.id, c]));
  return reply.map((row) => parseStartRow(row, byId.get(String(row[0]))!));
}

/** One row of start_task (start-fn.lua) for the claimed task it started. */
export function parseStartRow(row: (string | number)[], claimedTask: Claimed): StartedRecord | SkippedRecord {
  if (row[1] === "skip")
    return { kind: "skip", claimed: claimedTask, reason: String(row[2]), canvasJson: row[3] ? String(row[3]) : "" };
  const canvasJson = row[9] === undefined || row[9] === null ? "" : String(row[9]);
  let canvas: CanvasRecord | undefined;
  let canvasError: string | null = null;
  if (canvasJson !== "") {
    try {
      canvas = parseCanvasRecord(canvasJson);
    } catch (error) {
      if (!(error instanceof CanvasRecordInvalid)) throw error;
      canvasError = error.message;
    }
  }
  return {
    kind: "run",
    claimed: { ...claimedTask, token: String(row[8]), canvas },
    name: String(row[2]),
    argsJson: String(row[3]),
    retries: Number(row[4]) || 0,
    deliveries: Number(row[5]) || 1,
    expiresAt: Number(row[6]) || 0,
    revoked: row[7] === "terminate",
    canvasJson,
    canvasError,
  };
}
