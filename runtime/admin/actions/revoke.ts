import type { BrokerConn } from "../../broker/conn.ts";
import { revokeTask } from "../../broker/revoke.ts";
import { notFound } from "../http/errors.ts";

/**
 * Revokes a known task: waiting ones never run; a running one is aborted only with `terminate`.
 * Unknown ids are refused here (the broker would otherwise create a REVOKED tombstone for them).
 */
export async function revokeKnownTask(
  conn: BrokerConn,
  options: { id: string; terminate: boolean },
): Promise<{ state: string }> {
  if ((await conn.redis.exists(conn.ks.task(options.id))) === 0) throw notFound(`task ${JSON.stringify(options.id)}`);
  return { state: await revokeTask(conn, options.id, { terminate: options.terminate }) };
}
