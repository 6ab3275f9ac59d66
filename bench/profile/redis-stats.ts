import type { Redis } from "ioredis";

/** Per-command call counts and time from INFO commandstats, plus the server's CPU seconds. */
export interface RedisSnapshot {
  commands: Map<string, { calls: number; usec: number }>;
  cpuSeconds: number;
}

/** Reads counters without resetting them (CONFIG RESETSTAT would disturb other users of this Redis). */
export async function snapshot(redis: Redis): Promise<RedisSnapshot> {
  const [stats, cpu] = await Promise.all([redis.info("commandstats"), redis.info("cpu")]);
  const commands = new Map<string, { calls: number; usec: number }>();
  for (const m of stats.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm))
    commands.set(m[1], { calls: Number(m[2]), usec: Number(m[3]) });
  const user = Number(/used_cpu_user:([\d.]+)/.exec(cpu)?.[1] ?? 0);
  const sys = Number(/used_cpu_sys:([\d.]+)/.exec(cpu)?.[1] ?? 0);
  return { commands, cpuSeconds: user + sys };
}

/** What happened between two snapshots, per task: commands (including those run inside Lua) and CPU. */
export function perTask(
  before: RedisSnapshot,
  after: RedisSnapshot,
  tasks: number,
): { cpuUsPerTask: number; rows: { command: string; callsPerTask: number; usPerTask: number; usPerCall: number }[] } {
  const rows = [];
  for (const [command, a] of after.commands) {
    const b = before.commands.get(command) ?? { calls: 0, usec: 0 };
    const calls = a.calls - b.calls;
    if (calls <= 0) continue;
    rows.push({
      command,
      callsPerTask: calls / tasks,
      usPerTask: (a.usec - b.usec) / tasks,
      usPerCall: (a.usec - b.usec) / calls,
    });
  }
  rows.sort((x, y) => y.usPerTask - x.usPerTask);
  return { cpuUsPerTask: ((after.cpuSeconds - before.cpuSeconds) * 1e6) / tasks, rows };
}
