import type { Keyspace } from "../keys/keyspace.ts";
import type { ScriptArg } from "./lua-script.ts";
import type { CanvasRecord } from "../canvas/record.ts";
import { OUTBOX_GRACE_MS } from "../canvas/relay.ts";

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
}

export interface ClaimResult {
  claimed: Claimed[];
  /** When nothing was claimed: ms (by Redis's clock) until the next delayed task or lease deadline, or null. */
  nextDueInMs: number | null;
  /** Ids whose outcome, sent with this call, was refused: it came from a superseded delivery. */
  refused: string[];
  /** The shard's canvas outbox holds entries past their grace: their writer died; sweep them. */
  outboxStale: boolean;
}

/**
 * KEYS and ARGV tail of the claim part of a script (see claim.lua for the layout). All `queues`
 * must live on one shard (one hash tag): the dead-letter keys are that shard's.
 */
export function claimKeys(ks: Keyspace, queues: readonly string[]): string[] {
  const keys: string[] = [];
  for (const queue of queues) {
    for (let p = 0; p <= 9; p++) keys.push(ks.ready(queue, p));
    keys.push(ks.delayed(queue), ks.leases(queue), ks.signal(queue));
  }
  const shard = ks.forQueue(queues[0]);
  keys.push(shard.dead, shard.deadRaw, shard.canvasOutbox);
  return keys;
}

export function claimArgs(request: ClaimRequest): ScriptArg[] {
  return [
    request.want,
    request.leaseMs,
    request.promoteLimit ?? 1000,
    request.queues.length,
    ...request.queues,
    request.outboxGraceMs ?? OUTBOX_GRACE_MS,
  ];
}

/** Reads claim.lua's reply (its list, and the outbox flag that comes with it). */
export function parseClaimReply(reply: unknown, stale: unknown, queues: readonly string[]): ClaimResult {
  const flat = reply as (string | number)[];
  const outboxStale = Number(stale) === 1;
  if (flat.length === 1) {
    const due = Number(flat[0]);
    return { claimed: [], nextDueInMs: due < 0 ? null : due, refused: [], outboxStale };
  }
  const claimed: Claimed[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    const priority = Number(flat[i + 1]);
    const id = String(flat[i + 2]);
    claimed.push({ id, queue: queues[Number(flat[i])], priority, member: `${priority}|${id}` });
  }
  return { claimed, nextDueInMs: null, refused: [], outboxStale };
}
