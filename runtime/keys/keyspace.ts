/**
 * Redis key names. Everything of one app shares the `{app}` hash tag, so the whole app lives in one
 * Cluster slot and every multi-key script is legal there.
 */
export interface Keyspace {
  readonly base: string;
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
  /** HASH of one chord: header size, callback envelopes, one result field per header. */
  chord(id: string): string;
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
  const base = `${prefix}:{${app}}`;
  return {
    base,
    task: (id) => `${base}:t:${id}`,
    ready: (queue, priority) => `${base}:q:${queue}:${priority}`,
    delayed: (queue) => `${base}:q:${queue}:delayed`,
    leases: (queue) => `${base}:q:${queue}:leases`,
    signal: (queue) => `${base}:q:${queue}:signal`,
    stats: (queue) => `${base}:q:${queue}:stats`,
    recent: `${base}:recent`,
    dead: `${base}:dead`,
    deadRaw: `${base}:dead-raw`,
    chord: (id) => `${base}:chord:${id}`,
    group: (id) => `${base}:g:${id}`,
    rateOverrides: `${base}:rate-overrides`,
    replyChannel: (requestId) => `${base}:reply:${requestId}`,
    rate: (taskName) => `${base}:rate:${taskName}`,
    workers: `${base}:workers`,
    worker: (id) => `${base}:worker:${id}`,
    doneChannel: (id) => `${base}:done:${id}`,
    controlChannel: `${base}:control`,
    beat: (suffix) => `${base}:beat:${suffix}`,
  };
}
