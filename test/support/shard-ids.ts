import { routeTask } from "../../runtime/keys/shard-route.ts";
import type { AppSpec } from "../../runtime/spec/types.ts";

/**
 * `n` task ids `<tag>-<i>` of `queue` whose CRC16 routes the k-th to shard `k % shards` (a random id
 * picks its shard by chance; tests that need every shard pick ids like this). With one shard, the
 * first `n` names.
 */
export function idsOnShards(
  app: Pick<AppSpec, "shards" | "defaultShards">,
  queue: string,
  tag: string,
  n: number,
): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.length < n; i++) {
    const id = `${tag}-${i}`;
    const shard = routeTask(app, queue, id).shard;
    if (!shard || shard.index === ids.length % shard.count) ids.push(id);
  }
  return ids;
}
