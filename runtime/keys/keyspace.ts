import { parseShardQueue, shardOfId, shardTag } from "./shard-tags.ts";

/**
 * Redis key names. Everything of one app shares the `{app}` hash tag, so an unsharded app lives in
 * one Cluster slot and every multi-key script is legal there. A sharded queue's part on shard i
 * (named `<queue>#<n>s<i>`, see shard-tags.ts) and the records of its tasks (ids ending `.<n>s<i>`)
 * live under that shard's tag instead: queue keys follow the queue name, `task(id)` follows the id.
 */
export interface Keyspace {
  readonly base: string;
  /** The hash tag this keyspace's own keys (recent, dead, dead-raw, stats...) live under. */
  readonly tag: string;
  /**
   * The keyspace of the shard a (possibly shard-qualified) queue name lives on: its `dead`,
   * `deadRaw` and `recent` are the ones a script touching that queue may touch with it.
   */
  forQueue(queue: string): Keyspace;
  /** The keyspace of the shard a task id lives on. */
  forId(id: string): Keyspace;
  task(id: string): string;
  /** Ready ids of one priority (0..9), a LIST: LPUSH to enqueue, RPOP to take the oldest. */
  ready(queue: string, priority: number): string;
  /** ZSET of `<priority>|<id>` by due time (countdown, eta, retry backoff). */
  delayed(queue: string): string;
  /** ZSET of `<priority>|<id>` by lease deadline: tasks a worker is running. */
  leases(queue: string): string;
  /** LIST idle workers block on; any push wakes one. */
  signal(queue: string): string;
  /** HASH of per-minute counters `<minute>:<ok|fail|retry>`. */
  stats(queue: string): string;
  /** ZSET of task ids by creation time, capped: the admin's task list. */
  readonly recent: string;
  /** ZSET of dead-lettered task ids by time. */
  readonly dead: string;
  /** HASH `raw:<sha1>` -> JSON of garbage found in queues (no task record to attach it to). */
  readonly deadRaw: string;
  /**
   * HASH of one chord: header size, callback envelopes, one result field per header. It follows the
   * chord id like `task(id)` does: a chord id carries its first callback's shard suffix.
   */
  chord(id: string): string;
  /**
   * ZSET of canvas effects to carry to other slots (a chain step, chord header count or doom whose
   * keys are not in this slot), each a JSON entry scored by when it was written or last taken. A
   * script records its own slot's outcome and the entry at once; the worker then applies the
   * entry slot by slot, and an entry left by a crashed process is taken again after a grace time.
   */
  readonly canvasOutbox: string;
  /** STRING: JSON of a group's member result ids, for `$groupResult(id)`. */
  group(id: string): string;
  /** HASH task name -> rate (`10/s`) set at run time by `celerity control rate-limit`, over the manifest's. */
  readonly rateOverrides: string;
  /** Pub/sub channel an inspect request's replies come back on. */
  replyChannel(requestId: string): string;
  /** Rate limiter state of one task name. */
  rate(taskName: string): string;
  /** ZSET of live worker ids by last heartbeat. */
  readonly workers: string;
  worker(id: string): string;
  /** Pub/sub channel announcing a task's final state. */
  doneChannel(id: string): string;
  /** Pub/sub channel for worker control (revoke with terminate). */
  readonly controlChannel: string;
  /** Beat scheduler keys. */
  beat(suffix: string): string;
}

export const DEFAULT_PREFIX = "celerity";

/** Builds the key names of one app under one prefix (`CELERITY_PREFIX`, default "celerity"). */
export function keyspace(app: string, prefix: string = process.env.CELERITY_PREFIX ?? DEFAULT_PREFIX): Keyspace {
  const shards = new Map<string, Keyspace>();
  const at = (tag: string): Keyspace => {
    let ks = shards.get(tag);
    if (!ks) shards.set(tag, (ks = build(app, prefix, tag, at)));
    return ks;
  };
  return at(app);
}

function build(app: string, prefix: string, tag: string, at: (tag: string) => Keyspace): Keyspace {
  const base = `${prefix}:{${tag}}`;
  const appBase = `${prefix}:{${app}}`;
  const q = (queue: string, suffix: string | number) => {
    const { queue: name, shard } = parseShardQueue(queue);
    return `${prefix}:{${shardTag(app, shard)}}:q:${name}:${suffix}`;
  };
  return {
    base,
    tag,
    forQueue: (queue) => at(shardTag(app, parseShardQueue(queue).shard)),
    forId: (id) => at(shardTag(app, shardOfId(id))),
    task: (id) => `${prefix}:{${shardTag(app, shardOfId(id))}}:t:${id}`,
    ready: (queue, priority) => q(queue, priority),
    delayed: (queue) => q(queue, "delayed"),
    leases: (queue) => q(queue, "leases"),
    signal: (queue) => q(queue, "signal"),
    stats: (queue) => q(queue, "stats"),
    recent: `${base}:recent`,
    dead: `${base}:dead`,
    deadRaw: `${base}:dead-raw`,
    chord: (id) => `${prefix}:{${shardTag(app, shardOfId(id))}}:chord:${id}`,
    canvasOutbox: `${base}:canvas-outbox`,
    // Group records stay with the keyspace's own tag (the app's, unless a caller picks a shard's).
    group: (id) => `${base}:g:${id}`,
    // App-wide (one slot): touched by scripts that touch nothing else.
    rateOverrides: `${appBase}:rate-overrides`,
    replyChannel: (requestId) => `${appBase}:reply:${requestId}`,
    rate: (taskName) => `${appBase}:rate:${taskName}`,
    workers: `${appBase}:workers`,
    worker: (id) => `${appBase}:worker:${id}`,
    doneChannel: (id) => `${appBase}:done:${id}`,
    controlChannel: `${appBase}:control`,
    beat: (suffix) => `${appBase}:beat:${suffix}`,
  };
}
