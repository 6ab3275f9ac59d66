import type { BrokerConn } from "../../broker/conn.ts";
import type { StoredError, TaskState } from "../../task/types.ts";
import { intOr, msOrNull, parseStoredJson } from "./json.ts";
import { scanRecent } from "./recent-scan.ts";
import { RECORD_DEFAULTS, TASK_FIELDS as F } from "../../keys/task-record.ts";

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
  /** Where it sits in a canvas (chain, group, chord, links). */
  canvas: CanvasLinks;
}

/** A task's neighbours in its canvas, as ids the admin links to. */
export interface CanvasLinks {
  /** The task whose result started it (previous chain step, last chord header, linked-from task). */
  parent: string | null;
  /** What its outcome sends: next chain steps, links, error links. */
  children: string[];
  group: { id: string; members: string[] } | null;
  chord: { id: string; header: string[]; callback: string[] } | null;
}

const idList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(0, 1000) : [];

async function canvasLinks({ redis, ks }: BrokerConn, get: (f: string) => string | null): Promise<CanvasLinks> {
  const cv = parseStoredJson(get(F.canvas)) as { nx?: unknown; ne?: unknown; ch?: { k?: unknown } } | null;
  const envIds = (list: unknown) =>
    Array.isArray(list)
      ? list
          .map((e) => (e && typeof e === "object" ? (e as { i?: unknown }).i : null))
          .filter((i): i is string => typeof i === "string")
      : [];
  const children = cv && typeof cv === "object" ? [...envIds(cv.nx), ...envIds(cv.ne)] : [];
  const groupId = get(F.group);
  const chordId =
    get(F.chord) ?? (cv && typeof cv === "object" && cv.ch && typeof cv.ch.k === "string" ? cv.ch.k : null);
  const [groupRaw, chordRaw] = await Promise.all([
    groupId ? redis.get(ks.group(groupId)).catch(() => null) : null,
    chordId ? redis.hmget(ks.chord(chordId), "h", "cb").catch(() => [null, null]) : null,
  ]);
  return {
    parent: get(F.parent),
    children,
    group: groupId ? { id: groupId, members: idList(parseStoredJson(groupRaw)) } : null,
    chord:
      chordId && chordRaw
        ? { id: chordId, header: idList(parseStoredJson(chordRaw[0])), callback: envIds(parseStoredJson(chordRaw[1])) }
        : null,
  };
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

const SUMMARY_FIELDS = [
  F.name,
  F.state,
  F.queue,
  F.priority,
  F.retries,
  F.createdAt,
  F.startedAt,
  F.finishedAt,
  F.worker,
] as const;

function summary(id: string, v: (string | null)[]): TaskSummary {
  const [n, s, q, p, r, c, st, ft, w] = v;
  const startedAt = msOrNull(st);
  const finishedAt = msOrNull(ft);
  return {
    id,
    name: n ?? "",
    state: (s as TaskState | null) ?? "PENDING",
    queue: q ?? "",
    priority: intOr(p, RECORD_DEFAULTS.priority),
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
  return {
    items,
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    pages: Math.max(1, Math.ceil(total / filter.pageSize)),
  };
}

/** One task's record, or null when there is none (never existed, or its result expired). */
export async function getTask(conn: BrokerConn, id: string): Promise<TaskDetail | null> {
  const { redis, ks } = conn;
  const [record, deadScore] = await Promise.all([redis.hgetall(ks.task(id)), redis.zscore(ks.forId(id).dead, id)]);
  if (!record || Object.keys(record).length === 0) return null;
  const get = (f: string): string | null => (Object.hasOwn(record, f) ? record[f] : null);
  const error = parseStoredJson(get(F.error));
  return {
    ...summary(id, SUMMARY_FIELDS.map(get)),
    args: parseStoredJson(get(F.args)),
    result: parseStoredJson(get(F.result)),
    error: error && typeof error === "object" ? (error as StoredError) : null,
    progress: parseStoredJson(get(F.progress)),
    reason: get(F.reason) || null,
    deliveries: intOr(get(F.deliveries), 0),
    etaAt: msOrNull(get(F.eta)),
    expiresAt: msOrNull(get(F.expiresAt)),
    revokeRequested: get(F.revoke) === "terminate",
    dead: deadScore !== null,
    canvas: await canvasLinks(conn, get),
  };
}
