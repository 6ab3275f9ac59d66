import type { Redis } from "ioredis";
import { revokeTask } from "../../broker/revoke.ts";
import type { Keyspace } from "../../keys/keyspace.ts";
import { notFound } from "../http/errors.ts";

/**
 * Revokes a known task: waiting ones never run; a running one is aborted only with `terminate`.
 * Unknown ids are refused here (the broker would otherwise create a REVOKED tombstone for them).
 */
export async function revokeKnownTask(redis: Redis, ks: Keyspace, options: { id: string; terminate: boolean }): Promise<{ state: string }> {
  if ((await redis.exists(ks.task(options.id))) === 0) throw notFound(`task ${JSON.stringify(options.id)}`);
  return { state: await revokeTask(redis, ks, options.id, { terminate: options.terminate }) };
}
