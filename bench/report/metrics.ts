/** How a metric reads in the table: its label, and the precision it deserves. */
export interface MetricView {
  label: string;
  digits: number;
}

const VIEWS: Record<string, MetricView> = {
  perSec: { label: "throughput (/s)", digits: 0 },
  ms: { label: "wall time (ms)", digits: 0 },
  usPerCall: { label: "µs per call", digits: 0 },
  handlersMs: { label: "last handler at (ms)", digits: 0 },
  tailMs: { label: "last handler -> persisted (ms)", digits: 1 },
  minShare: { label: "smaller worker's share of the tasks", digits: 2 },
  p50Ms: { label: "p50 (ms)", digits: 2 },
  p99Ms: { label: "p99 (ms)", digits: 2 },
  maxMs: { label: "max (ms)", digits: 1 },
  meanMs: { label: "mean (ms)", digits: 2 },
  offeredPerSec: { label: "offered rate (/s)", digits: 0 },
  rssStartMB: { label: "worker RSS at start (MB)", digits: 1 },
  redisDeltaMB: { label: "Redis used_memory delta (MB)", digits: 1 },
  prefixMB: { label: "bytes under prefix (MB, MEMORY USAGE)", digits: 1 },
  bytesPerTask: { label: "Redis bytes per kept task", digits: 0 },
  keys: { label: "keys under prefix", digits: 0 },
  chordCallbackMs: { label: "chord: last header done -> callback start (ms)", digits: 1 },
  chordTotalMs: { label: "chord: send -> result (ms)", digits: 0 },
  chainStepMs: { label: "chain: per step (ms)", digits: 2 },
  chainTotalMs: { label: "chain: send -> result (ms)", digits: 1 },
  ignoreResultSavedBytes: { label: "ignore_result: Redis bytes saved per task", digits: 0 },
  memorySinglePerSec: { label: "memory broker: single enqueue (/s)", digits: 0 },
  redisSinglePerSec: { label: "Redis: single enqueue (/s)", digits: 0 },
  memoryDrainPerSec: { label: "memory broker: drain (/s)", digits: 0 },
  redisDrainPerSec: { label: "Redis: drain (/s)", digits: 0 },
};

/** The view of a metric key; `rss50kMB` -> "worker RSS @50k (MB)". */
export function metricView(key: string): MetricView {
  if (VIEWS[key]) return VIEWS[key];
  const rss = /^rss(\d+)kMB$/.exec(key);
  if (rss) return { label: `worker RSS @${rss[1]}k (MB)`, digits: 1 };
  const heap = /^heap(\d+)kMB$/.exec(key);
  if (heap) return { label: `worker heap @${heap[1]}k (MB)`, digits: 1 };
  // The cluster section: shards<N><What> and bullmq<What>.
  const cluster = /^(shards(\d)|bullmq)(PerSec|MaxShare|MinShare|RedisUsPerTask)$/.exec(key);
  if (cluster) {
    const who = cluster[2] ? `${cluster[2]} shard${cluster[2] === "1" ? "" : "s"}` : "BullMQ (one slot)";
    const what = {
      PerSec: "throughput (/s)",
      MaxShare: "busiest master's share of Redis CPU",
      MinShare: "idlest master's share of Redis CPU",
      RedisUsPerTask: "Redis CPU per task, all masters (µs)",
    }[cluster[3]]!;
    return { label: `${who}: ${what}`, digits: cluster[3] === "PerSec" || cluster[3] === "RedisUsPerTask" ? 1 : 2 };
  }
  return { label: key, digits: 2 };
}

/** Metrics left out of the printed table (still in results.json). */
export const TABLE_HIDDEN = new Set(["meanMs", "handlersMs"]);

/** Metrics whose celerity/peer ratio says nothing (counts of different kinds of keys, the offered load). */
export const NO_RATIO = new Set(["keys", "offeredPerSec", "minShare"]);
