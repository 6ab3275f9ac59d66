import { beatKeys } from "../../beat/keys.ts";
import { logQuarantinesWith, quarantineWrongTypes } from "../../broker/quarantine.ts";
import type { AdminContext } from "../context.ts";
import { shardSpaces } from "../data/shards.ts";
import { expandQueues } from "../../keys/shard-route.ts";
import { AdminHttpError } from "./errors.ts";

/**
 * Every key of the app whose name the admin can build without scanning: every shard's of a sharded
 * queue too (the admin reads them all, so any may be the one a page met).
 */
function appKeys(ctx: AdminContext): string[] {
  const { app, ks } = ctx;
  const keys = [ks.workers, ...Object.values(beatKeys(ks)).filter((k) => k !== beatKeys(ks).changed)];
  for (const shard of shardSpaces(ctx)) keys.push(shard.recent, shard.dead, shard.deadRaw);
  for (const q of expandQueues(app, app.queues)) {
    for (let p = 0; p <= 9; p++) keys.push(ks.ready(q, p));
    keys.push(ks.delayed(q), ks.leases(q), ks.signal(q), ks.stats(q));
  }
  for (const spec of Object.values(app.tasks)) if (spec.rateLimit) keys.push(ks.rate(spec.name));
  return keys;
}

/**
 * A page read met a key of the wrong type (WRONGTYPE): moves every wrong-type key of the app aside,
 * as workers do (see broker/quarantine.ts), and answers 503 so that a reload shows the page again,
 * with the moved keys among the dead letters.
 */
export async function movedAsideError(ctx: AdminContext): Promise<AdminHttpError> {
  logQuarantinesWith(ctx.redis, ctx.log);
  const moved = await quarantineWrongTypes(ctx.redis, appKeys(ctx), { context: "the admin" }).catch(() => []);
  const what =
    moved.length > 0
      ? `${moved.length} key${moved.length === 1 ? "" : "s"} of the wrong type ${moved.length === 1 ? "was" : "were"} moved aside (see Dead letters)`
      : "a key had the wrong type";
  return new AdminHttpError(503, "ADMIN_WRONG_TYPE_KEY", `${what}; reload the page`);
}
