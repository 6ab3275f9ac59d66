import { CLUSTER_SLOTS, keySlot } from "./slot.ts";

/**
 * Shard `i` of `n`: the token `<n>s<i>` that names it in task ids (`<id>.<n>s<i>`) and in
 * shard-qualified queue names (`<queue>#<n>s<i>`). One token per (n, i), shared by every queue with
 * n shards, so a worker claims all its queues' shard i in one script call.
 */
export interface ShardRef {
  readonly count: number;
  readonly index: number;
}

/** Most shards a queue may have: more than any cluster has masters, few enough to search tags for. */
export const MAX_SHARDS = 1024;

const ID_SUFFIX = /\.([1-9]\d{0,3})s(\d{1,4})$/;
const QUEUE_SUFFIX = /#([1-9]\d{0,3})s(\d{1,4})$/;
const cache = new Map<string, string>();

function ref(match: RegExpExecArray | null): ShardRef | null {
  if (!match) return null;
  const count = Number(match[1]);
  const index = Number(match[2]);
  return count > 1 && count <= MAX_SHARDS && index < count ? { count, index } : null;
}

/**
 * The hash tag of shard `index` of `count` for `app`: `app` itself for one shard (today's layout),
 * else `<app>:<count>s<index>` plus the first `.<k>` (k = 0, 1, ...) that puts the tag in the middle
 * half of slot range `index` of `count` equal ranges of the 16,384 slots (the middle, so a split
 * that is off by a few slots still puts it in the same place). A cluster whose masters each own one
 * contiguous equal range (what `redis-cli --cluster create` makes) then holds shard i on master
 * `floor(i * masters / count)`: 3 shards on 3 masters land one per master.
 */
export function shardTag(app: string, shard: ShardRef | null): string {
  if (!shard || shard.count === 1) return app;
  const name = `${app}:${shard.count}s${shard.index}`;
  let tag = cache.get(name);
  if (tag !== undefined) return tag;
  const width = CLUSTER_SLOTS / shard.count;
  const from = Math.floor(shard.index * width + width / 4);
  const to = Math.max(from + 1, Math.floor(shard.index * width + (3 * width) / 4));
  for (let k = 0; ; k++) {
    const slot = keySlot(`${name}.${k}`);
    if (slot >= from && slot < to) {
      tag = `${name}.${k}`;
      break;
    }
  }
  cache.set(name, tag);
  return tag;
}

/** The shard a task id names by its `.<n>s<i>` suffix; null for ids of unsharded queues. */
export function shardOfId(id: string): ShardRef | null {
  // Every task key is built through here; the ids clients make (UUIDs) have no dot at all.
  return id.includes(".") ? ref(ID_SUFFIX.exec(id)) : null;
}

/** The id with shard `shard`'s suffix (unchanged when it already names that shard). */
export function withShardSuffix(id: string, shard: ShardRef): string {
  const own = shardOfId(id);
  if (own && own.count === shard.count && own.index === shard.index) return id;
  return `${id}.${shard.count}s${shard.index}`;
}

/** `<queue>#<n>s<i>`: the queue's part on one shard (plain `queue` when it has one shard). */
export function shardQueue(queue: string, shard: ShardRef | null): string {
  return shard && shard.count > 1 ? `${queue}#${shard.count}s${shard.index}` : queue;
}

/** Splits a shard-qualified queue name into the queue and its shard (null: unsharded). */
export function parseShardQueue(name: string): { queue: string; shard: ShardRef | null } {
  const m = QUEUE_SUFFIX.exec(name);
  const shard = ref(m);
  return shard ? { queue: name.slice(0, m!.index), shard } : { queue: name, shard: null };
}

/** Every shard-qualified name of a queue with `count` shards, shard 0 first. */
export function queueShards(queue: string, count: number): string[] {
  if (count <= 1) return [queue];
  return Array.from({ length: count }, (_, index) => shardQueue(queue, { count, index }));
}
