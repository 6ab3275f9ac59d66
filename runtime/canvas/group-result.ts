import { durationToMs } from "../core/mod.ts";
import type { ResultBackend } from "../results/async-result.ts";
import { TaskResult } from "../results/async-result.ts";
import type { AsyncResult, GetOptions } from "../task/types.ts";
import type { GroupResult } from "./types.ts";

/** A result a group member can be: one task's, or a nested group's. */
type MemberResult = AsyncResult<unknown> | GroupHandle<unknown>;

/** The results of a group's members, in order; `tasks.$groupResult(id)` reopens it. */
export class GroupHandle<Outs> implements GroupResult<Outs> {
  readonly id: string;
  readonly results: readonly AsyncResult<unknown>[];

  constructor(id: string, results: readonly MemberResult[]) {
    this.id = id;
    this.results = results as AsyncResult<unknown>[];
  }

  async get(options: GetOptions = {}): Promise<Outs> {
    // One deadline for the whole group, not one per member.
    const deadline =
      options.timeout === undefined ? null : performance.now() + durationToMs(options.timeout, "timeout");
    const out: unknown[] = [];
    for (const r of this.results) {
      const left = deadline === null ? undefined : `${Math.max(1, Math.round(deadline - performance.now()))}ms`;
      out.push(await r.get(left === undefined ? {} : { timeout: left }));
    }
    return out as Outs;
  }

  async ready(): Promise<boolean> {
    for (const r of this.results) if (!(await r.ready())) return false;
    return true;
  }

  async completedCount(): Promise<number> {
    let n = 0;
    for (const r of this.results) if (await r.successful()) n++;
    return n;
  }

  async successful(): Promise<boolean> {
    return (await this.completedCount()) === this.results.length;
  }

  async failed(): Promise<boolean> {
    for (const r of this.results) if (await r.failed()) return true;
    return false;
  }

  async revoke(options: { terminate?: boolean } = {}): Promise<void> {
    for (const r of this.results) await r.revoke(options);
  }

  // The members of a group reopened by id: every one is a task's result.
  static reopen(backend: ResultBackend, id: string, memberIds: readonly string[]): GroupHandle<unknown[]> {
    return new GroupHandle<unknown[]>(
      id,
      memberIds.map((m) => new TaskResult<unknown>(backend, m, "")),
    );
  }
}
