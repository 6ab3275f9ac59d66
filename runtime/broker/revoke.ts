import type { BrokerConn } from "./conn.ts";
import { scripts } from "./scripts.ts";

/** Revokes a task (see revoke.lua); returns the state it had or now has. */
export async function revokeTask({ redis, ks }: BrokerConn, id: string, options: { terminate?: boolean; ttlMs?: number } = {}): Promise<string> {
  const args = [ks.doneChannel(""), id, options.terminate ? "1" : "0", ks.controlChannel, options.ttlMs ?? 86_400_000];
  return String(await scripts.revoke.run(redis, [ks.task(id)], args));
}
