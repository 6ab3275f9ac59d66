import type { BrokerConn } from "./conn.ts";
import { scripts } from "./scripts.ts";
import { abortCanvas } from "../canvas/abort.ts";

/** Revokes a task (see revoke.lua); returns the state it had or now has. */
export async function revokeTask({ redis, ks }: BrokerConn, id: string, options: { terminate?: boolean; ttlMs?: number } = {}): Promise<string> {
  const args = [ks.doneChannel(""), id, options.terminate ? "1" : "0", ks.controlChannel, options.ttlMs ?? 86_400_000];
  const state = String(await scripts.revoke.run(redis, [ks.task(id)], args));
  // Revoked before it ran: a chain it is part of stops, a chord it heads fails.
  if (state === "REVOKED") await abortCanvas({ redis, ks }, id, await redis.hget(ks.task(id), "cv"));
  return state;
}
