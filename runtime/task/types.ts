/** Types a handler author and a caller see. */
import type { ResultGetOptions, Signature, SignatureOptions, Step } from "../canvas/types.ts";
export type * from "../canvas/types.ts";

/** A duration: a number of seconds (as in Celery) or a string such as "250ms", "30s", "5m", "2h", "1d". */
export type Duration = number | string;

/** Task states, as in Celery. Unknown ids read PENDING. */
export type TaskState = "PENDING" | "STARTED" | "RETRY" | "SUCCESS" | "FAILURE" | "REVOKED";

/** An error as stored in the result backend. */
export interface StoredError {
  name: string;
  message: string;
  stack?: string;
  /** Class names from the error's prototype chain, most derived first. */
  chain?: string[];
}

/** What `ctx.retry()` accepts; mirrors Celery's `self.retry(exc=, countdown=, eta=, max_retries=)`. */
export interface RetryRequestOptions {
  /** The error to record, and to fail with once retries are used up. */
  error?: unknown;
  /** Wait this long; wins over `eta` when both are given (as in Celery). Default: the policy's retry_delay. */
  countdown?: Duration;
  eta?: Date | string;
  /** This call's retry limit; undefined or null (as Celery's None) means the task's own `max_retries`. */
  maxRetries?: number | null;
}

export interface TaskLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The second argument of every handler. */
export interface TaskContext {
  readonly id: string;
  readonly name: string;
  /** How many retries happened before this run (0 on the first run). */
  readonly retries: number;
  /** How many times this run was handed to a worker (above 1 after a crash redelivery). */
  readonly deliveries: number;
  readonly queue: string;
  /** Aborts at the soft time limit, on revoke and at cold shutdown. */
  readonly signal: AbortSignal;
  /** Schedules a retry and stops this run: `throw` is implied, the call never returns. */
  retry(options?: RetryRequestOptions): never;
  /** Stores progress (0..1) and optional info, visible through `AsyncResult.info()` and the admin UI. */
  progress(fraction: number, info?: unknown): Promise<void>;
  readonly log: TaskLogger;
}

/** A task implementation: `(args, ctx) => result`. */
export type Handler<A, R> = (args: A, ctx: TaskContext) => R | Promise<R>;

/** Options of `applyAsync`, as in Celery's `apply_async`. */
export interface ApplyOptions {
  /** Run no earlier than this long from now. */
  countdown?: Duration;
  /** Run no earlier than this time. */
  eta?: Date | string;
  /** Not started by then: REVOKED with reason "expired". A duration from now or a time. */
  expires?: Duration | Date;
  /** 0 (lowest) .. 9 (highest); defaults to the task's manifest priority. */
  priority?: number;
  queue?: string;
  /** Enqueueing an id that exists already is a no-op that returns the existing result. */
  taskId?: string;
}

/** `applyAsync`'s canvas options, typed by the task's result `R`. */
export interface LinkOptions<R> {
  /** Sent on success with the result (Celery's `link`): a signature, a canvas, or a list of them. */
  link?: Step<R, unknown> | readonly Step<R, unknown>[];
  /** Sent on failure with `{ taskId, error }` (Celery's `link_error`). */
  linkError?:
    | Step<import("../canvas/types.ts").LinkErrorArgs, unknown>
    | readonly Step<import("../canvas/types.ts").LinkErrorArgs, unknown>[];
}

/** Options of `AsyncResult.get`. */
export interface GetOptions {
  /** Give up waiting after this long (a TimeoutError); waits forever when absent. */
  timeout?: Duration;
}

/** A handle on one task's result, typed by the task's result schema. */
export interface AsyncResult<R> {
  readonly id: string;
  readonly taskName: string;
  /** Waits for SUCCESS (resolves), FAILURE or REVOKED (rejects); `propagate: false` resolves with the error. */
  get(options?: ResultGetOptions & { propagate?: true }): Promise<R>;
  get(options: ResultGetOptions & { propagate: false }): Promise<R | Error>;
  /** SUCCESS. */
  successful(): Promise<boolean>;
  /** FAILURE, or a failure earlier in its canvas means it will never run. */
  failed(): Promise<boolean>;
  /** The stack of the error it failed with, null otherwise. */
  traceback(): Promise<string | null>;
  /** The task whose result started this one (previous chain step, link), null for none. */
  parent(): Promise<AsyncResult<unknown> | null>;
  /** The tasks this one's success sends (next chain steps, links). */
  children(): Promise<AsyncResult<unknown>[]>;
  state(): Promise<TaskState>;
  ready(): Promise<boolean>;
  /** Progress info of a running task, the error of a failed one, null otherwise. */
  info(): Promise<unknown>;
  revoke(options?: { terminate?: boolean }): Promise<void>;
  forget(): Promise<void>;
}

/** What the typed client exposes for one task. */
export interface TaskHandle<A, R> {
  readonly taskName: string;
  delay(args: A): Promise<AsyncResult<R>>;
  applyAsync(args: A, options?: ApplyOptions & LinkOptions<R>): Promise<AsyncResult<R>>;
  /** Validates now, sends later (a step that ignores the previous result in a canvas). */
  signature(args: A, options?: ApplyOptions): Signature<A, R, unknown>;
  /** A step that receives the previous step's result as its whole arguments (Celery's `.s()`). */
  s(): Signature<A, R, A>;
  s(args: undefined, options: SignatureOptions & { resultAs?: undefined }): Signature<A, R, A>;
  /** A step that receives the previous step's result as field `K`; the other fields are given now. */
  s<K extends keyof A & string>(args: Omit<A, K>, options: SignatureOptions & { resultAs: K }): Signature<A, R, A[K]>;
  /** A step with all its arguments, ignoring the previous result (Celery's immutable `.si()`). */
  s(args: A, options?: SignatureOptions): Signature<A, R, unknown>;
  /** A handle on an existing task id. */
  result(id: string): AsyncResult<R>;
  /** Enqueues many calls in few round trips; all are validated first, so it is all or nothing. */
  delayMany(argsList: readonly A[], options?: Omit<ApplyOptions, "taskId">): Promise<AsyncResult<R>[]>;
}
