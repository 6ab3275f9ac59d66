import type { BrokerConn } from "../broker/conn.ts";
import type { AppSpec } from "../spec/types.ts";
import { readOverview } from "./data/overview.ts";
import { queueParts } from "./data/shards.ts";
import { scanRecent } from "./data/recent-scan.ts";
import { TASK_STATES } from "./data/tasks.ts";
import { msOrNull } from "./data/json.ts";
import { TASK_FIELDS as F } from "../keys/task-record.ts";

/** Histogram bucket bounds of task run time, in seconds. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] as const;

/** Tasks whose names are not in the manifest share this label, so stray data cannot explode cardinality. */
const OTHER = "(other)";

function label(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labels(pairs: Record<string, string>): string {
  const body = Object.entries(pairs)
    .map(([k, v]) => `${k}="${label(v)}"`)
    .join(",");
  return body === "" ? "" : `{${body}}`;
}

class Exposition {
  readonly lines: string[] = [];
  family(name: string, type: "gauge" | "counter" | "histogram", help: string): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  }
  sample(name: string, pairs: Record<string, string>, value: number): void {
    this.lines.push(`${name}${labels(pairs)} ${Number.isFinite(value) ? value : 0}`);
  }
}

interface DurationHistogram {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * Renders the Prometheus text exposition (format 0.0.4). Task states and durations are computed
 * over the recent-task index (the newest 10,000 tasks), so they are gauges of that window, not
 * all-time counters; queue depths, dead letters and workers are exact.
 */
export async function renderMetrics(conn: BrokerConn, app: AppSpec): Promise<string> {
  const overview = await readOverview(conn, app);
  const byState = new Map<string, Map<string, number>>();
  const durations = new Map<string, DurationHistogram>();
  await scanRecent(
    { ...conn, app },
    {
      fields: [F.name, F.state, F.startedAt, F.finishedAt],
      visit: ({ values: [n, s, st, ft] }) => {
        if (n === null || s === null) return;
        const task = Object.hasOwn(app.tasks, n) ? n : OTHER;
        const states = byState.get(task) ?? new Map<string, number>();
        states.set(s, (states.get(s) ?? 0) + 1);
        byState.set(task, states);
        const started = msOrNull(st);
        const finished = msOrNull(ft);
        if ((s === "SUCCESS" || s === "FAILURE") && started !== null && finished !== null && finished >= started) {
          const seconds = (finished - started) / 1000;
          const h = durations.get(task) ?? { counts: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
          DURATION_BUCKETS.forEach((le, i) => {
            if (seconds <= le) h.counts[i]++;
          });
          h.sum += seconds;
          h.count++;
          durations.set(task, h);
        }
      },
    },
  );

  const out = new Exposition();
  out.family(
    "celerity_queue_depth",
    "gauge",
    "Tasks per queue: ready to run, delayed (countdown, eta, retry backoff), in flight (leased by a worker).",
  );
  for (const q of overview.queues) {
    out.sample("celerity_queue_depth", { queue: q.name, state: "ready" }, q.ready);
    out.sample("celerity_queue_depth", { queue: q.name, state: "delayed" }, q.delayed);
    out.sample("celerity_queue_depth", { queue: q.name, state: "in_flight" }, q.inFlight);
  }
  out.family("celerity_queue_dead_letters", "gauge", "Dead letters per queue among the newest 10,000.");
  for (const q of overview.queues) out.sample("celerity_queue_dead_letters", { queue: q.name }, q.dead);
  out.family("celerity_dead_letters", "gauge", "Dead letters in total.");
  out.sample("celerity_dead_letters", {}, overview.deadTotal);
  out.family(
    "celerity_queue_runs_last_minute",
    "gauge",
    "Runs finished in the last 60 seconds per queue, by outcome (ok, fail, retry).",
  );
  for (const q of overview.queues) {
    out.sample("celerity_queue_runs_last_minute", { queue: q.name, outcome: "ok" }, q.completedPerMinute);
    out.sample("celerity_queue_runs_last_minute", { queue: q.name, outcome: "fail" }, q.failedPerMinute);
    out.sample("celerity_queue_runs_last_minute", { queue: q.name, outcome: "retry" }, q.retriedPerMinute);
  }
  out.family(
    "celerity_fenced_total",
    "counter",
    "Outcomes (finish, retry, progress) refused per queue because they came from a superseded delivery: the run's lease had expired and the task was delivered again.",
  );
  const fenced = await Promise.all(
    overview.queues.map(async (q) => {
      const parts = await Promise.all(
        queueParts({ ...conn, app }, q.name).map((part) => conn.redis.hget(conn.ks.stats(part), "fenced")),
      );
      return parts.reduce((a, v) => a + Number(v ?? 0), 0);
    }),
  );
  overview.queues.forEach((q, i) => out.sample("celerity_fenced_total", { queue: q.name }, fenced[i]));
  out.family("celerity_tasks", "gauge", "Tasks in the recent-task index (newest 10,000) by task and state.");
  for (const task of [...byState.keys()].sort()) {
    const states = byState.get(task)!;
    for (const state of TASK_STATES) out.sample("celerity_tasks", { task, state }, states.get(state) ?? 0);
  }
  out.family(
    "celerity_task_duration_seconds",
    "histogram",
    "Run time of finished tasks in the recent-task index, started to finished.",
  );
  for (const task of [...durations.keys()].sort()) {
    const h = durations.get(task)!;
    DURATION_BUCKETS.forEach((le, i) =>
      out.sample("celerity_task_duration_seconds_bucket", { task, le: String(le) }, h.counts[i]),
    );
    out.sample("celerity_task_duration_seconds_bucket", { task, le: "+Inf" }, h.count);
    out.sample("celerity_task_duration_seconds_sum", { task }, Math.round(h.sum * 1e6) / 1e6);
    out.sample("celerity_task_duration_seconds_count", { task }, h.count);
  }
  out.family("celerity_workers", "gauge", "Live workers (heartbeat within the liveness window).");
  out.sample("celerity_workers", {}, overview.workers.length);
  out.family("celerity_worker_in_flight", "gauge", "Tasks a worker is running.");
  for (const w of overview.workers) out.sample("celerity_worker_in_flight", { worker: w.id, host: w.host }, w.inFlight);
  out.family("celerity_worker_concurrency", "gauge", "Concurrency slots of a worker.");
  for (const w of overview.workers)
    out.sample("celerity_worker_concurrency", { worker: w.id, host: w.host }, w.concurrency);
  return out.lines.join("\n") + "\n";
}
