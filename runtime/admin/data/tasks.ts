import type { BrokerConn } from "../../broker/conn.ts";
import type { StoredError, TaskState } from "../../task/types.ts";
import { intOr, msOrNull, parseStoredJson } from "./json.ts";
import { scanRecent } from "./recent-scan.ts";

export const TASK_STATES: readonly TaskState[] = ["PENDING", "STARTED", "RETRY", "SUCCESS", "FAILURE", "REVOKED"];

/** A row of the task list. */
export interface TaskSummary {
  id: string;
  name: string;
  state: TaskState;
  queue: string;
  priority: number;
  retries: number;
  createdAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  worker: string | null;
  /** Finished minus started, when both are known. */
  runtimeMs: number | null;
}

/** Everything the detail page shows about one task. */
export interface TaskDetail extends TaskSummary {
  args: unknown;
  result: unknown;
  error: StoredError | null;
  progress: unknown;
  /** Why it was revoked or dead-lettered. */
  reason: string | null;
  deliveries: number;
  etaAt: number | null;
  expiresAt: number | null;
  /** A terminate-revoke is pending for this running task. */
  revokeRequested: boolean;
  /** It is in the dead-letter set (requeue and purge apply). */
  dead: boolean;
}

export interface TaskFilter {
  state?: TaskState;
  name?: string;
  queue?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface TaskPage {
  items: TaskSummary[];
  /** Matching tasks whose records still exist (expired results drop out). */
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

const SUMMARY_FIELDS = ["n", "s", "q", "p", "r", "c", "st", "ft", "w"] as const;

function summary(id: string, v: (string | null)[]): TaskSummary {
  const [n, s, q, p, r, c, st, ft, w] = v;
  const startedAt = msOrNull(st);
  const finishedAt = msOrNull(ft);
  return {
    id,
    name: n ?? "",
    state: (s as TaskState | null) ?? "PENDING",
    queue: q ?? "",
    priority: intOr(p, 0),
    retries: intOr(r, 0),
    createdAt: msOrNull(c),
    startedAt,
    finishedAt,
    worker: w || null,
    runtimeMs: startedAt !== null && finishedAt !== null && finishedAt >= startedAt ? finishedAt - startedAt : null,
  };
}

/** Recent tasks, newest first, filtered by state and exact task name, one page of them. */
export async function listTasks(conn: BrokerConn, filter: TaskFilter): Promise<TaskPage> {
  const from = (filter.page - 1) * filter.pageSize;
  const items: TaskSummary[] = [];
  let total = 0;
  await scanRecent(conn, {
    fields: SUMMARY_FIELDS,
    visit: (row) => {
      const [n, s, q] = row.values;
      if (n === null && s === null) return;
      if (filter.state && s !== filter.state) return;
      if (filter.name && n !== filter.name) return;
      if (filter.queue && q !== filter.queue) return;
      if (total >= from && items.length < filter.pageSize) items.push(summary(row.id, row.values));
      total++;
    },
  });
  return { items, total, page: filter.page, pageSize: filter.pageSize, pages: Math.max(1, Math.ceil(total / filter.pageSize)) };
}

/** One task's record, or null when there is none (never existed, or its result expired). */
export async function getTask({ redis, ks }: BrokerConn, id: string): Promise<TaskDetail | null> {
  const [record, deadScore] = await Promise.all([redis.hgetall(ks.task(id)), redis.zscore(ks.forId(id).dead, id)]);
  if (!record || Object.keys(record).length === 0) return null;
  const get = (f: string): string | null => (Object.hasOwn(record, f) ? record[f] : null);
  const error = parseStoredJson(get("err"));
  return {
    ...summary(id, SUMMARY_FIELDS.map(get)),
    args: parseStoredJson(get("a")),
    result: parseStoredJson(get("res")),
    error: error && typeof error === "object" ? (error as StoredError) : null,
    progress: parseStoredJson(get("pg")),
    reason: get("why") || null,
    deliveries: intOr(get("d"), 0),
    etaAt: msOrNull(get("eta")),
    expiresAt: msOrNull(get("e")),
    revokeRequested: get("rv") === "terminate",
    dead: deadScore !== null,
  };
}
