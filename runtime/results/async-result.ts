import type { Redis } from "ioredis";
import { RemoteTaskError } from "../errors/remote-task-error.ts";
import { TaskRevokedError } from "../errors/task-revoked-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import { revokeTask } from "../broker/revoke.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import { durationToMs } from "../core/mod.ts";
import type { AsyncResult, GetOptions, TaskState } from "../task/types.ts";
import { FINAL_STATES, readSnapshot, type TaskSnapshot } from "./record.ts";
import type { ResultWaiter } from "./waiter.ts";

/** What an AsyncResult needs from its client. */
export interface ResultBackend {
  redis: Redis;
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

  async get(options: GetOptions = {}): Promise<R> {
    const timeoutMs = options.timeout === undefined ? null : durationToMs(options.timeout, "timeout");
    const snapshot = await this.#waitFinal(timeoutMs);
    return this.#settle(snapshot);
  }

  async state(): Promise<TaskState> {
    return (await this.#snapshot()).state;
  }

  async ready(): Promise<boolean> {
    return FINAL_STATES.has(await this.state());
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
    const timedOut = timeoutMs === null ? null : new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    try {
      for (;;) {
        const snapshot = await this.#snapshot();
        if (FINAL_STATES.has(snapshot.state)) return snapshot;
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
