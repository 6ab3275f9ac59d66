import type { BrokerConn } from "./conn.ts";
import { claimArgs, claimKeys, parseClaimReply, type ClaimRequest, type ClaimResult } from "./claim.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import { finishLayout, type FinishLayout, type Outcome } from "./finish.ts";
import { scripts } from "./scripts.ts";

/** Leases up to `want` ready tasks of the given queues. */
export async function claim({ redis, ks }: BrokerConn, request: ClaimRequest): Promise<ClaimResult> {
  const [reply, stale, started, wait] = (await scripts.claim.run(
    redis,
    claimKeys(ks, request.queues, request.start?.ids),
    claimArgs(ks, request),
  )) as unknown[];
  return parseClaimReply({ reply, stale, started, wait }, request.queues);
}

/** Canvas effects a finish deferred to its slot's outbox: apply them with `relayEntries(conn, source, entries)`. */
export interface Deferred {
  source: Keyspace;
  entries: string[];
}

/** What recording outcomes returned besides the next claim. */
export interface Settled {
  /**
   * Ids whose outcome was refused because it came from a superseded delivery (the task's lease
   * expired and it was delivered again); the live one stands.
   */
  refused: string[];
  deferred: Deferred[];
}

/** Records outcomes of finished runs (one script call per shard: a call may touch one slot only). */
export async function finish({ redis, ks }: BrokerConn, outcomes: readonly Outcome[]): Promise<Settled> {
  const settled: Settled = { refused: [], deferred: [] };
  if (outcomes.length === 0) return settled;
  const calls = [...byShard(ks, outcomes).values()].map(async (group) => {
    const layout = finishLayout(ks, group);
    const reply = (await scripts.finish.run(redis, layout.keys, [ks.doneChannel(""), ...layout.args])) as unknown[][];
    return toSettled(ks, group, reply[0], reply[1]);
  });
  for (const part of await Promise.all(calls)) merge(settled, part);
  return settled;
}

/** Outcomes grouped by the hash tag of their queue's shard, in first-seen order. */
export function byShard(ks: BrokerConn["ks"], outcomes: readonly Outcome[]): Map<string, Outcome[]> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const tag = ks.forQueue(o.claimed.queue).tag;
    let group = groups.get(tag);
    if (!group) groups.set(tag, (group = []));
    group.push(o);
  }
  return groups;
}

/**
 * KEYS and ARGV of one finish-and-claim call (see finish-claim-entry.lua): the finish layout's keys,
 * then the claim keys; ARGV the done channel prefix, the claim's, then the finish layout's. The
 * outcomes and `request.queues` must share one shard.
 */
export function finishClaimLayout(ks: Keyspace, outcomes: readonly Outcome[], request: ClaimRequest): FinishLayout {
  const layout = finishLayout(ks, outcomes);
  return {
    keys: [...layout.keys, ...claimKeys(ks, request.queues, request.start?.ids)],
    args: [ks.doneChannel(""), ...claimArgs(ks, request), ...layout.args],
  };
}

/**
 * Records outcomes and claims the next batch in one round trip. `request.queues` share one shard;
 * outcomes of other shards are recorded by separate calls first.
 */
export async function finishAndClaim(
  conn: BrokerConn,
  allOutcomes: readonly Outcome[],
  request: ClaimRequest,
): Promise<ClaimResult & Settled> {
  const { redis, ks } = conn;
  const tag = ks.forQueue(request.queues[0]).tag;
  const outcomes = allOutcomes.filter((o) => ks.forQueue(o.claimed.queue).tag === tag);
  const settled =
    outcomes.length === allOutcomes.length
      ? { refused: [], deferred: [] }
      : await finish(
          conn,
          allOutcomes.filter((o) => ks.forQueue(o.claimed.queue).tag !== tag),
        );
  if (outcomes.length === 0) return { ...(await claim(conn, request)), ...settled };
  const { keys, args } = finishClaimLayout(ks, outcomes, request);
  const [reply, refused, deferred, stale, started, wait] = (await scripts.finishClaim.run(redis, keys, args)) as [
    unknown,
    unknown[],
    unknown[],
    unknown,
    unknown,
    unknown,
  ];
  merge(settled, toSettled(ks, outcomes, refused, deferred));
  return { ...parseClaimReply({ reply, stale, started, wait }, request.queues), ...settled };
}

function toSettled(ks: Keyspace, group: readonly Outcome[], refused: unknown[], deferred: unknown[]): Settled {
  const entries = (deferred ?? []).map(String);
  return {
    refused: (refused ?? []).map(String),
    deferred: entries.length > 0 ? [{ source: ks.forQueue(group[0].claimed.queue), entries }] : [],
  };
}

function merge(into: Settled, part: Settled): void {
  into.refused.push(...part.refused);
  into.deferred.push(...part.deferred);
}
