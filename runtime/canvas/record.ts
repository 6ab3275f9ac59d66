import type { Keyspace } from "../keys/keyspace.ts";
import { isRecord } from "../core/mod.ts";
import { TASK_ID_PATTERN } from "../keys/task-id.ts";
import { QUEUE_NAME_BODY } from "../keys/queue-name.ts";

/**
 * One task to send as part of a canvas (see broker/lua/canvas.lua for the Lua side). `a` is the
 * args JSON: full args, partial args merged with the input under `k` (a JSON-quoted field name),
 * or absent when the input is the whole args object.
 */
export interface Envelope {
  i: string;
  n: string;
  q: string;
  p: number;
  rx: number;
  a?: string;
  k?: string;
  cd?: number;
  ei?: number;
  cv?: CanvasRecord;
  g?: string;
  /** The chord it is a header or the callback of (for the admin's links). */
  c?: string;
  /** '1': ignore_result (state kept, result not stored). */
  ir?: string;
}

/** A result a failure dooms; `c` names the chord it crosses (the error becomes a ChordError). */
export interface DoomTarget {
  i: string;
  c?: string;
}

/** What a task's success or failure sets off: stored in its record's `cv` field. */
export interface CanvasRecord {
  nx?: Envelope[];
  ch?: { k: string; i: number; cb: [string, string, number][] };
  df?: DoomTarget[];
  ne?: Envelope[];
}

/** A canvas record that is not what this module writes: the task is dead-lettered with the reason. */
export class CanvasRecordInvalid extends Error {}

// A queue name, or a sharded queue's part on one shard (`<queue>#<n>s<i>`, keys/shard-tags.ts).
const QUEUE = new RegExp(`^${QUEUE_NAME_BODY}(#[1-9]\\d{0,3}s\\d{1,4})?$`);

function envelope(v: unknown, at: string): Envelope {
  if (!isRecord(v)) throw new CanvasRecordInvalid(`${at} is not an object`);
  if (typeof v.i !== "string" || !TASK_ID_PATTERN.test(v.i)) throw new CanvasRecordInvalid(`${at}.i is not a task id`);
  if (typeof v.n !== "string" || v.n === "") throw new CanvasRecordInvalid(`${at}.n is not a task name`);
  if (typeof v.q !== "string" || !QUEUE.test(v.q)) throw new CanvasRecordInvalid(`${at}.q is not a queue name`);
  if (!Number.isInteger(v.p) || (v.p as number) < 0 || (v.p as number) > 9)
    throw new CanvasRecordInvalid(`${at}.p is not a priority 0..9`);
  if (v.a !== undefined && typeof v.a !== "string") throw new CanvasRecordInvalid(`${at}.a is not a JSON string`);
  if (v.k !== undefined && typeof v.k !== "string") throw new CanvasRecordInvalid(`${at}.k is not a field name`);
  if (v.cv !== undefined) parseCanvasValue(v.cv, `${at}.cv`);
  return v as unknown as Envelope;
}

function envelopes(v: unknown, at: string): void {
  if (v === undefined) return;
  // Lua's cjson writes an empty list as {}.
  if (isRecord(v) && Object.keys(v).length === 0) return;
  if (!Array.isArray(v)) throw new CanvasRecordInvalid(`${at} is not a list`);
  v.forEach((e, j) => envelope(e, `${at}[${j}]`));
}

/**
 * Checks a parsed canvas record (`at` names it in the error); throws {@link CanvasRecordInvalid}
 * naming what is wrong. For records that arrive inside other JSON (canvas outbox entries).
 */
export function parseCanvasValue(v: unknown, at: string): CanvasRecord {
  if (!isRecord(v)) throw new CanvasRecordInvalid(`${at} is not an object`);
  envelopes(v.nx, `${at}.nx`);
  envelopes(v.ne, `${at}.ne`);
  if (v.ch !== undefined) {
    const ch = v.ch;
    if (!isRecord(ch) || typeof ch.k !== "string" || !TASK_ID_PATTERN.test(ch.k) || !Number.isInteger(ch.i))
      throw new CanvasRecordInvalid(`${at}.ch is not a chord membership`);
    const cb = isRecord(ch.cb) && Object.keys(ch.cb).length === 0 ? [] : ch.cb;
    if (
      !Array.isArray(cb) ||
      !cb.every(
        (e) =>
          Array.isArray(e) &&
          typeof e[0] === "string" &&
          TASK_ID_PATTERN.test(e[0]) &&
          typeof e[1] === "string" &&
          QUEUE.test(e[1]) &&
          Number.isInteger(e[2]),
      )
    ) {
      throw new CanvasRecordInvalid(`${at}.ch.cb is not a list of [id, queue, priority]`);
    }
    ch.cb = cb;
  }
  if (v.df !== undefined && !(isRecord(v.df) && Object.keys(v.df).length === 0)) {
    if (!Array.isArray(v.df) || !v.df.every((t) => isRecord(t) && typeof t.i === "string" && TASK_ID_PATTERN.test(t.i)))
      throw new CanvasRecordInvalid(`${at}.df is not a list of result ids`);
  }
  return v as CanvasRecord;
}

/** Parses and checks a task's `cv` field; throws {@link CanvasRecordInvalid} naming what is wrong. */
export function parseCanvasRecord(json: string): CanvasRecord {
  return parseCanvasValue(parseCanvasJson(json, "canvas record"), "canvas record");
}

/** JSON.parse for canvas data read from Redis; throws {@link CanvasRecordInvalid} naming `what` when it is not JSON. */
export function parseCanvasJson(json: string, what: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new CanvasRecordInvalid(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** A canvas record's list field (Lua's cjson writes an empty one as `{}`). */
export const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
const envKeys = (ks: Keyspace, id: string, queue: string, priority: number): string[] => [
  ks.task(id),
  ks.ready(queue, priority),
  ks.delayed(queue),
  ks.signal(queue),
];

/**
 * Keys the finish script needs after a success, in the order canvas_ok() in canvas.lua takes them.
 * With `relayCallbacks` the chord's callbacks and doomed results lie in other slots: this slot's
 * outbox stands in for their keys (canvas_ok's relay_at).
 */
export function canvasOkKeys(ks: Keyspace, cv: CanvasRecord, options: { relayCallbacks?: boolean } = {}): string[] {
  const nx = list(cv.nx);
  if (nx.length === 0 && !cv.ch) return [];
  const keys = [ks.recent];
  for (const e of nx) keys.push(...envKeys(ks, e.i, e.q, e.p));
  if (cv.ch) {
    keys.push(ks.chord(cv.ch.k), ks.deadRaw);
    if (options.relayCallbacks) keys.push(ks.canvasOutbox);
    else {
      for (const [id, q, p] of cv.ch.cb) keys.push(...envKeys(ks, id, q, p));
      for (const t of list(cv.df)) keys.push(ks.task(t.i));
    }
  }
  return keys;
}

/** Keys the finish script needs after a failure, in the order canvas_fail() takes them. */
export function canvasFailKeys(ks: Keyspace, cv: CanvasRecord): string[] {
  const keys: string[] = [];
  if (cv.ch) keys.push(ks.chord(cv.ch.k));
  for (const t of list(cv.df)) keys.push(ks.task(t.i));
  const ne = list(cv.ne);
  if (ne.length > 0) {
    keys.push(ks.recent);
    for (const e of ne) keys.push(...envKeys(ks, e.i, e.q, e.p));
  }
  return keys;
}
