import type { BrokerConn } from "./conn.ts";
import { claimArgs, claimKeys, parseClaimReply, type ClaimRequest, type ClaimResult } from "./claim.ts";
import { finishLayout, type Outcome } from "./finish.ts";
import { scripts } from "./scripts.ts";

/** Leases up to `want` ready tasks of the given queues. */
export async function claim({ redis, ks }: BrokerConn, request: ClaimRequest): Promise<ClaimResult> {
  const reply = await scripts.claim.run(redis, claimKeys(ks, request.queues), claimArgs(request));
  return parseClaimReply(reply, request.queues);
}

/**
 * Records outcomes of finished runs. Returns the ids whose outcome was refused because it came from
 * a superseded delivery (the task's lease expired and it was delivered again); the live one stands.
 */
export async function finish({ redis, ks }: BrokerConn, outcomes: readonly Outcome[]): Promise<string[]> {
  if (outcomes.length === 0) return [];
  const layout = finishLayout(ks, outcomes);
  const refused = await scripts.finish.run(redis, layout.keys, [ks.doneChannel(""), ...layout.args]);
  return (refused as unknown[]).map(String);
}

/** Records outcomes and claims the next batch in one round trip. */
export async function finishAndClaim(conn: BrokerConn, outcomes: readonly Outcome[], request: ClaimRequest): Promise<ClaimResult> {
  if (outcomes.length === 0) return claim(conn, request);
  const { redis, ks } = conn;
  const layout = finishLayout(ks, outcomes);
  const keys = [...layout.keys, ...claimKeys(ks, request.queues)];
  const args = [ks.doneChannel(""), ...claimArgs(request), ...layout.args];
  const [reply, refused] = (await scripts.finishClaim.run(redis, keys, args)) as [unknown, unknown[]];
  return { ...parseClaimReply(reply, request.queues), refused: refused.map(String) };
}
