import type { Keyspace } from "../keys/keyspace.ts";
import type { ScriptArg } from "./lua-script.ts";
import type { CanvasRecord } from "../canvas/record.ts";

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
}

export interface ClaimResult {
  claimed: Claimed[];
  /** When nothing was claimed: ms (by Redis's clock) until the next delayed task or lease deadline, or null. */
  nextDueInMs: number | null;
  /** Ids whose outcome, sent with this call, was refused: it came from a superseded delivery. */
  refused: string[];
}

/** KEYS and ARGV tail of the claim part of a script (see claim.lua for the layout). */
export function claimKeys(ks: Keyspace, queues: readonly string[]): string[] {
  const keys: string[] = [];
  for (const queue of queues) {
    for (let p = 0; p <= 9; p++) keys.push(ks.ready(queue, p));
    keys.push(ks.delayed(queue), ks.leases(queue), ks.signal(queue));
  }
  keys.push(ks.dead, ks.deadRaw);
  return keys;
}

export function claimArgs(request: ClaimRequest): ScriptArg[] {
  return [request.want, request.leaseMs, request.promoteLimit ?? 1000, request.queues.length, ...request.queues];
}

export function parseClaimReply(reply: unknown, queues: readonly string[]): ClaimResult {
  const flat = reply as (string | number)[];
  if (flat.length === 1) {
    const due = Number(flat[0]);
    return { claimed: [], nextDueInMs: due < 0 ? null : due, refused: [] };
  }
  const claimed: Claimed[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    const priority = Number(flat[i + 1]);
    const id = String(flat[i + 2]);
    claimed.push({ id, queue: queues[Number(flat[i])], priority, member: `${priority}|${id}` });
  }
  return { claimed, nextDueInMs: null, refused: [] };
}
