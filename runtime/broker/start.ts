import type { BrokerConn } from "./conn.ts";
import type { Claimed } from "./claim.ts";
import { scripts } from "./scripts.ts";

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
}

/** A claimed task the script refused (expired, revoked, finished, poison, garbage); already cleaned up. */
export interface SkippedRecord {
  kind: "skip";
  claimed: Claimed;
  reason: string;
}

export interface StartOptions {
  workerId: string;
  maxDeliveries: number;
  maxPayloadBytes: number;
}

/** Marks claimed tasks STARTED in one script call and returns what to run. */
export async function startClaimed({ redis, ks }: BrokerConn, claimed: readonly Claimed[], options: StartOptions): Promise<(StartedRecord | SkippedRecord)[]> {
  const keys = [ks.dead, ks.deadRaw];
  const args: (string | number)[] = [options.workerId, options.maxDeliveries, options.maxPayloadBytes, ks.doneChannel("")];
  for (const c of claimed) {
    keys.push(ks.task(c.id), ks.leases(c.queue));
    args.push(c.member);
  }
  const reply = (await scripts.start.run(redis, keys, args)) as (string | number)[][];
  const byId = new Map(claimed.map((c) => [c.id, c]));
  return reply.map((row) => {
    const claimedTask = byId.get(String(row[0]))!;
    if (row[1] === "skip") return { kind: "skip", claimed: claimedTask, reason: String(row[2]) };
    return {
      kind: "run",
      claimed: { ...claimedTask, token: String(row[8]) },
      name: String(row[2]),
      argsJson: String(row[3]),
      retries: Number(row[4]) || 0,
      deliveries: Number(row[5]) || 1,
      expiresAt: Number(row[6]) || 0,
      revoked: row[7] === "terminate",
    };
  });
}
