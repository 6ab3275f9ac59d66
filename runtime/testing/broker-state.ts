import type { RedisClient } from "../config/connect.ts";
import { beatKeys } from "../beat/keys.ts";
import type { Keyspace } from "../keys/keyspace.ts";

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

/** Reads queue depths, delayed tasks and periodic entries in one pipeline (tests only). */
export async function readBrokerState(
  redis: RedisClient,
  ks: Keyspace,
  options: { queues: readonly string[]; now: number },
): Promise<BrokerState> {
  const { queues, now } = options;
  const p = redis.pipeline();
  for (const q of queues) {
    for (let pr = 0; pr <= 9; pr++) p.llen(ks.ready(q, pr));
    p.zcard(ks.leases(q));
    p.zrange(ks.delayed(q), "0", "-1", "WITHSCORES");
  }
  p.zrange(beatKeys(ks).due, "0", "-1", "WITHSCORES");
  const rows = ((await p.exec()) ?? []).map(([err, v]) => {
    if (err) throw err;
    return v;
  });
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
  const due = rows[i] as string[];
  for (let j = 0; j < due.length; j += 2) {
    const at = Number(due[j + 1]);
    state.periodic.push({ name: due[j]!, nextRunAt: iso(at) });
    if (at <= now) state.dueEntries++;
    noteDue(at);
  }
  if (delayed.length > 0) {
    const names = redis.pipeline();
    for (const d of delayed) names.hget(ks.task(d.id), "n");
    const got = (await names.exec()) ?? [];
    delayed.forEach((d, k) => state.scheduled.push({ id: d.id, task: String(got[k]?.[1] ?? "?"), dueAt: iso(d.at) }));
    state.scheduled.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }
  return state;
}
