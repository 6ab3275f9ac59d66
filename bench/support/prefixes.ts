import type { Redis } from "ioredis";
import type { SystemName } from "../systems/system.ts";
import { deleteUnder } from "./keys.ts";

const ROOT = "celerity-bench";

/** This run's key prefix for one system: `celerity-bench-<pid>:<system>`. */
export function prefixFor(system: SystemName): string {
  return `${ROOT}-${process.pid}:${system}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Deletes keys left by bench runs that were killed (their pid is gone); live runs are untouched. */
export async function deleteStaleRuns(redis: Redis): Promise<number> {
  const pids = new Set<number>();
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${ROOT}-*`, "COUNT", 2000);
    cursor = next;
    for (const key of keys) {
      const pid = Number(/^celerity-bench-(\d+):/.exec(key)?.[1]);
      if (pid) pids.add(pid);
    }
  } while (cursor !== "0");
  let deleted = 0;
  for (const pid of pids) if (pid !== process.pid && !alive(pid)) deleted += await deleteUnder(redis, `${ROOT}-${pid}`);
  return deleted;
}
