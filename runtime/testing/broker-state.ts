import type { RedisClient } from "../config/connect.ts";
import { beatKeys } from "../beat/keys.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import { execBatch, type BatchCommand } from "./slot-pipeline.ts";

/** A task waiting for its time: countdown, eta or retry backoff. */
export interface ScheduledTask {
  id: string;
  task: string;
  /** When it becomes due (ISO 8601, by the broker's clock). */
  dueAt: string;
}

/** A periodic entry's next run. */
export interface ScheduledEntry {
  name: string;
  nextRunAt: string;
}

/** What the broker holds for an app right now, by the broker's clock `now`. */
export interface BrokerState {
  ready: number;
  leased: number;
  /** Delayed tasks due by now (the next claim promotes them). */
  dueDelayed: number;
  dueEntries: number;
  /** Earliest due time among delayed tasks and periodic entries, or null. */
  nextDueAt: number | null;
  scheduled: ScheduledTask[];
  periodic: ScheduledEntry[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Reads queue depths, delayed tasks and periodic entries in one pipeline per slot (tests only). */
export async function readBrokerState(
  redis: RedisClient,
  ks: Keyspace,
  options: { queues: readonly string[]; now: number },
): Promise<BrokerState> {
  const { queues, now } = options;
  const commands: BatchCommand[] = [];
  const add = (key: string, queue: BatchCommand["queue"]) => commands.push({ key, queue });
  for (const q of queues) {
    for (let pr = 0; pr <= 9; pr++) add(ks.ready(q, pr), (p) => p.llen(ks.ready(q, pr)));
    add(ks.leases(q), (p) => p.zcard(ks.leases(q)));
    add(ks.delayed(q), (p) => p.zrange(ks.delayed(q), "0", "-1", "WITHSCORES"));
  }
  const due = beatKeys(ks).due;
  add(due, (p) => p.zrange(due, "0", "-1", "WITHSCORES"));
  const rows = await execBatch(redis, commands);
  const state: BrokerState = {
    ready: 0,
    leased: 0,
    dueDelayed: 0,
    dueEntries: 0,
    nextDueAt: null,
    scheduled: [],
    periodic: [],
  };
  const noteDue = (ms: number) => (state.nextDueAt = state.nextDueAt === null ? ms : Math.min(state.nextDueAt, ms));
  const delayed: { id: string; at: number }[] = [];
  let i = 0;
  for (const _ of queues) {
    for (let pr = 0; pr <= 9; pr++) state.ready += Number(rows[i++]);
    state.leased += Number(rows[i++]);
    const flat = rows[i++] as string[];
    for (let j = 0; j < flat.length; j += 2) {
      const at = Number(flat[j + 1]);
      const member = flat[j]!;
      delayed.push({ id: member.slice(member.indexOf("|") + 1), at });
      if (at <= now) state.dueDelayed++;
      noteDue(at);
    }
  }
  const entries = rows[i] as string[];
  for (let j = 0; j < entries.length; j += 2) {
    const at = Number(entries[j + 1]);
    state.periodic.push({ name: entries[j]!, nextRunAt: iso(at) });
    if (at <= now) state.dueEntries++;
    noteDue(at);
  }
  if (delayed.length > 0) {
    const got = await execBatch(
      redis,
      delayed.map((d) => ({ key: ks.task(d.id), queue: (p) => p.hget(ks.task(d.id), "n") })),
    );
    delayed.forEach((d, k) => state.scheduled.push({ id: d.id, task: String(got[k] ?? "?"), dueAt: iso(d.at) }));
    state.scheduled.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }
  return state;
}
