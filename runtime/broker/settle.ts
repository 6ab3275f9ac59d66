import type { BrokerConn } from "./conn.ts";
import { claimArgs, claimKeys, parseClaimReply, type ClaimRequest, type ClaimResult } from "./claim.ts";
import { finishLayout, type Outcome } from "./finish.ts";
import { scripts } from "./scripts.ts";

/** Leases up to `want` ready tasks of the given queues. */
export async function claim({ redis, ks }: BrokerConn, request: ClaimRequest): Promise<ClaimResult> {
  const reply = await scripts.claim.run(redis, claimKeys(ks, request.queues), [Date.now(), ...claimArgs(request)]);
  return parseClaimReply(reply, request.queues);
}

/** Records outcomes of finished runs. */
export async function finish({ redis, ks }: BrokerConn, outcomes: readonly Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const layout = finishLayout(ks, outcomes);
  await scripts.finish.run(redis, layout.keys, [Date.now(), ks.doneChannel(""), ...layout.args]);
}

/** Records outcomes and claims the next batch in one round trip. */
export async function finishAndClaim(conn: BrokerConn, outcomes: readonly Outcome[], request: ClaimRequest): Promise<ClaimResult> {
  if (outcomes.length === 0) return claim(conn, request);
  const { redis, ks } = conn;
  const layout = finishLayout(ks, outcomes);
  const keys = [...layout.keys, ...claimKeys(ks, request.queues)];
  const args = [Date.now(), ks.doneChannel(""), ...claimArgs(request), ...layout.args];
  return parseClaimReply(await scripts.finishClaim.run(redis, keys, args), request.queues);
}
