import type { RedisClient } from "../config/connect.ts";
import { RemoteTaskError } from "../errors/remote-task-error.ts";
import { TaskRevokedError } from "../errors/task-revoked-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import { revokeTask } from "../broker/revoke.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import { durationToMs } from "../core/mod.ts";
import type { AsyncResult, TaskState } from "../task/types.ts";
import type { ResultGetOptions } from "../canvas/types.ts";
import { parseCanvasRecord } from "../canvas/record.ts";
import { ChordError } from "../errors/canvas-errors.ts";
import { isSettled, readSnapshot, type TaskSnapshot } from "./record.ts";
import type { ResultWaiter } from "./waiter.ts";

/** What an AsyncResult needs from its client. */
export interface ResultBackend {
  redis: RedisClient;
  ks: Keyspace;
  waiter(): ResultWaiter;
}

/** A handle on one task's state and result; cheap to create, holds no connection of its own. */
export class TaskResult<R> implements AsyncResult<R> {
  readonly id: string;
  readonly taskName: string;
  readonly #backend: ResultBackend;

  constructor(backend: ResultBackend, id: string, taskName: string) {
    this.#backend = backend;
    this.id = id;
    this.taskName = taskName;
  }

  get(options?: ResultGetOptions & { propagate?: true }): Promise<R>;
  get(options: ResultGetOptions & { propagate: false }): Promise<R | Error>;
  get(options?: ResultGetOptions): Promise<R | Error>;
  async get(options: ResultGetOptions = {}): Promise<R | Error> {
    const timeoutMs = options.timeout === undefined ? null : durationToMs(options.timeout, "timeout");
    const snapshot = await this.#waitFinal(timeoutMs);
    try {
      return this.#settle(snapshot);
    } catch (error) {
      if (options.propagate === false && error instanceof Error) return error;
      throw error;
    }
  }

  async successful(): Promise<boolean> {
    return (await this.#snapshot()).state === "SUCCESS";
  }

  async failed(): Promise<boolean> {
    const s = await this.#snapshot();
    return s.state === "FAILURE" || (s.state === "PENDING" && s.upstream !== null);
  }

  async traceback(): Promise<string | null> {
    const s = await this.#snapshot();
    return s.error?.stack ?? (s.state === "PENDING" ? (s.upstream?.error.stack ?? null) : null);
  }

  async parent(): Promise<AsyncResult<unknown> | null> {
    const s = await this.#snapshot();
    return s.parentId ? new TaskResult<unknown>(this.#backend, s.parentId, "") : null;
  }

  async children(): Promise<AsyncResult<unknown>[]> {
    const s = await this.#snapshot();
    if (s.canvasJson === "") return [];
    try {
      const cv = parseCanvasRecord(s.canvasJson);
      const ids = [...(Array.isArray(cv.nx) ? cv.nx : []), ...(Array.isArray(cv.ne) ? cv.ne : [])].map((e) => [
        e.i,
        e.n,
      ]);
      return ids.map(([id, name]) => new TaskResult<unknown>(this.#backend, id, name));
    } catch {
      return [];
    }
  }

  async state(): Promise<TaskState> {
    return (await this.#snapshot()).state;
  }

  /** A final state, or a failure earlier in its canvas that means it will never run. */
  async ready(): Promise<boolean> {
    return isSettled(await this.#snapshot());
  }

  async info(): Promise<unknown> {
    const s = await this.#snapshot();
    if (s.state === "FAILURE" || s.state === "RETRY") return s.error;
    if (s.state === "SUCCESS") return s.result;
    if (s.state === "REVOKED") return { reason: s.reason };
    return s.progress;
  }

  async revoke(options: { terminate?: boolean } = {}): Promise<void> {
    await revokeTask(this.#backend, this.id, options);
  }

  async forget(): Promise<void> {
    await this.#backend.redis.del(this.#backend.ks.task(this.id));
  }

  #snapshot(): Promise<TaskSnapshot> {
    return readSnapshot(this.#backend, this.id);
  }

  #settle(s: TaskSnapshot): R {
    if (s.state === "SUCCESS") return s.result as R;
    if (s.state === "PENDING" && s.upstream) {
      const u = s.upstream;
      if (u.chord !== null) throw new ChordError(u.chord, u);
      throw new RemoteTaskError(u.id, u.error);
    }
    if (s.state === "REVOKED") throw new TaskRevokedError(this.id, s.reason ?? "revoked");
    throw new RemoteTaskError(this.id, s.error ?? { name: "Error", message: s.reason ?? "task failed" });
  }

  // Subscribe first, then read: a finish between the two is either seen by the read or published to us.
  async #waitFinal(timeoutMs: number | null): Promise<TaskSnapshot> {
    const waiter = this.#backend.waiter();
    let wake: () => void = () => {};
    let woken = new Promise<void>((resolve) => (wake = resolve));
    const onWake = () => wake();
    await waiter.watch(this.id, onWake);
    let timer: NodeJS.Timeout | undefined;
    const timedOut =
      timeoutMs === null
        ? null
        : new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    try {
      for (;;) {
        const snapshot = await this.#snapshot();
        if (isSettled(snapshot)) return snapshot;
        const outcome = await (timedOut ? Promise.race([woken, timedOut]) : woken);
        if (outcome === "timeout") throw new TimeoutError(this.id, timeoutMs!);
        woken = new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      clearTimeout(timer);
      waiter.unwatch(this.id, onWake);
    }
  }
}
