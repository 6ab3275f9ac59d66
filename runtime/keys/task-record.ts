/**
 * The task record (HASH `t:<id>`): its field names, in one place. The Lua scripts use the same
 * letters (short, since every task stores them); test/schema.test.ts checks that every field a
 * script reads or writes on a record is declared here, and that lib.lua's header names them all.
 */
export const TASK_FIELDS = {
  /** Task name. */
  name: "n",
  /** Arguments, JSON. */
  args: "a",
  /** Queue name (a sharded queue's shard is in the id, not here). */
  queue: "q",
  /** Priority 0..9 (absent: {@link RECORD_DEFAULTS}.priority, the manifest's default 5). */
  priority: "p",
  /** PENDING, STARTED, RETRY, SUCCESS, FAILURE or REVOKED. */
  state: "s",
  /** Retries so far (absent: 0). */
  retries: "r",
  /** Deliveries of the current attempt (absent: 0). */
  deliveries: "d",
  /** Created, epoch ms (Redis's clock). */
  createdAt: "c",
  /** Due, epoch ms (absent or 0: now). */
  eta: "eta",
  /** Expires at, epoch ms (absent or 0: never). */
  expiresAt: "e",
  /** How long the result is kept, ms (absent: 86,400,000, one day). */
  resultTtl: "rx",
  startedAt: "st",
  finishedAt: "ft",
  /** Id of the worker that started it. */
  worker: "w",
  /** Result, JSON. */
  result: "res",
  /** Error `{ name, message, stack, ... }`, JSON. */
  error: "err",
  /** Progress `{ fraction, info }`, JSON. */
  progress: "pg",
  /** Why it was revoked or dead-lettered. */
  reason: "why",
  /** 'terminate' while a terminate-revoke is pending for a running task. */
  revoke: "rv",
  /** The current delivery's fencing token: `<deliveries><Redis time in µs, 16 digits>`, opaque to readers. */
  token: "tk",
  /** '1' once an acks_late=false run was acknowledged (at most once). */
  acked: "am",
  /** Canvas: what its outcome sends next (chain steps, links, chord membership), JSON. */
  canvas: "cv",
  /** Canvas: the task whose result started it. */
  parent: "pa",
  /** Canvas: an earlier step's failure that means it never runs, JSON. */
  upstreamFailure: "pf",
  /** Canvas: its group id. */
  group: "g",
  /** Canvas: the chord it is the callback of. */
  chord: "ck",
  /** '1' when its result is not kept (ignore_result). */
  ignoreResult: "ir",
} as const;

/**
 * What an absent field of a record means, for the fields enqueue leaves out at their usual value
 * (enqueue-fn.lua writes them only when they differ; the Lua readers use the same literals).
 */
export const RECORD_DEFAULTS = { priority: 5, resultTtlMs: 86_400_000 } as const;

export type TaskField = (typeof TASK_FIELDS)[keyof typeof TASK_FIELDS];

/** Every field letter, for checks. */
export const TASK_FIELD_NAMES: ReadonlySet<string> = new Set(Object.values(TASK_FIELDS));

/** Raw field values of a record, by their long names, from an HGETALL reply (absent: null). */
export function decodeFields(raw: Readonly<Record<string, string>>): {
  -readonly [K in keyof typeof TASK_FIELDS]: string | null;
} {
  const out = {} as { -readonly [K in keyof typeof TASK_FIELDS]: string | null };
  for (const [long, short] of Object.entries(TASK_FIELDS) as [keyof typeof TASK_FIELDS, string][])
    out[long] = Object.hasOwn(raw, short) ? raw[short] : null;
  return out;
}
