import type { Keyspace } from "../keys/keyspace.ts";
import type { ScriptArg } from "./lua-script.ts";
import type { CanvasRecord } from "../canvas/record.ts";
import { OUTBOX_GRACE_MS } from "../canvas/relay.ts";
import { TASK_ID_PATTERN } from "../keys/task-id.ts";
import { parseStartRow, type SkippedRecord, type StartedRecord, type StartOptions } from "./start.ts";

/** A leased task id, not yet started. */
export interface Claimed {
  id: string;
  queue: string;
  priority: number;
  /** The lease ZSET member, `<priority>|<id>`. */
  member: string;
  /**
   * This delivery's fencing token, set once the start script has made it the current delivery.
   * Finish, retry, progress and renewal present it; a superseded delivery's token is refused.
   */
  token?: string;
  /** The task's canvas record (what its outcome sets off), read when it started. */
  canvas?: CanvasRecord;
}

export interface ClaimRequest {
  queues: readonly string[];
  want: number;
  leaseMs: number;
  /** Due delayed tasks and expired leases moved per queue per call. */
  promoteLimit?: number;
  /** Canvas outbox entries older than this are reported stale (`ClaimResult.outboxStale`). Default 10 s. */
  outboxGraceMs?: number;
  /**
   * Ids this claim should also start if it leases them (`ClaimResult.started`), sparing the start
   * call: the id a wake-up signal named is the one the claim takes first. Their records must live on
   * the queues' shard (`startableHint` checks); ids it does not lease are left alone.
   */
  start?: { ids: readonly string[]; options: StartOptions };
}

export interface ClaimResult {
  claimed: Claimed[];
  /**
   * When the claim came back short of `want` (nothing more is ready): ms (by Redis's clock) until
   * the next delayed task or lease deadline, or null when none is due.
   */
  nextDueInMs: number | null;
  /** Fewer than `want` were ready: the queues' ready lists are empty now. */
  short: boolean;
  /** Ids whose outcome, sent with this call, was refused: it came from a superseded delivery. */
  refused: string[];
  /** The shard's canvas outbox holds entries past their grace: their writer died; sweep them. */
  outboxStale: boolean;
  /** What starting the claimed ids named in `ClaimRequest.start` gave; the rest still need `startClaimed`. */
  started: (StartedRecord | SkippedRecord)[];
}

/**
 * KEYS and ARGV tail of the claim part of a script (see claim.lua for the layout). All `queues`
 * must live on one shard (one hash tag): the dead-letter keys are that shard's, and so must the
 * records of `startIds` be.
 */
export function claimKeys(ks: Keyspace, queues: readonly string[], startIds: readonly string[] = []): string[] {
  const keys: string[] = [];
  for (const queue of queues) {
    for (let p = 0; p <= 9; p++) keys.push(ks.ready(queue, p));
    keys.push(ks.delayed(queue), ks.leases(queue), ks.signal(queue));
  }
  const shard = ks.forQueue(queues[0]);
  keys.push(shard.dead, shard.deadRaw, shard.canvasOutbox);
  for (const id of startIds) keys.push(ks.task(id));
  return keys;
}

/** The claim's ARGV (claim-entry.lua), the ids to start last (`claim_starts` in claim.lua). */
export function claimArgs(ks: Keyspace, request: ClaimRequest): ScriptArg[] {
  const args: ScriptArg[] = [
    request.want,
    request.leaseMs,
    request.promoteLimit ?? 1000,
    request.queues.length,
    ...request.queues,
    request.outboxGraceMs ?? OUTBOX_GRACE_MS,
  ];
  const start = request.start;
  if (!start || start.ids.length === 0) {
    args.push(0);
    return args;
  }
  const { workerId, maxDeliveries, maxPayloadBytes } = start.options;
  args.push(start.ids.length, workerId, maxDeliveries, maxPayloadBytes, ks.doneChannel(""), ...start.ids);
  return args;
}

/**
 * Whether `id`, read from a wake-up signal of `queues` (which anyone can write to), may be passed
 * to their claim as an id to start: a plausible id whose record lives on their shard, since a
 * script touching another slot fails on a Cluster.
 */
export function startableHint(ks: Keyspace, queues: readonly string[], id: string): boolean {
  return TASK_ID_PATTERN.test(id) && ks.forId(id).tag === ks.forQueue(queues[0]).tag;
}

/** Reads claim.lua's reply (its list, the outbox flag and the start rows that come with it). */
export function parseClaimReply(
  replies: { reply: unknown; stale: unknown; started: unknown; wait: unknown },
  queues: readonly string[],
): ClaimResult {
  const flat = replies.reply as (string | number)[];
  const outboxStale = Number(replies.stale) === 1;
  const wait = Number(replies.wait);
  const nextDueInMs = wait < 0 ? null : wait;
  if (flat.length === 1) return { claimed: [], nextDueInMs, short: true, refused: [], outboxStale, started: [] };
  const claimed: Claimed[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    const priority = Number(flat[i + 1]);
    const id = String(flat[i + 2]);
    claimed.push({ id, queue: queues[Number(flat[i])], priority, member: `${priority}|${id}` });
  }
  const rows = (replies.started ?? []) as (string | number)[][];
  const byId = rows.length > 0 ? new Map(claimed.map((c) => [c.id, c])) : undefined;
  const started = rows.map((row) => parseStartRow(row, byId!.get(String(row[0]))!));
  return { claimed, nextDueInMs, short: wait !== -2, refused: [], outboxStale, started };
}
