import type { BrokerConn } from "../broker/conn.ts";
import { scripts } from "../broker/scripts.ts";
import type { CanvasPlan } from "./build.ts";

/** Writes a planned canvas in one script call: its chord and group records and its first tasks, all or nothing. */
export async function sendCanvas({ redis, ks }: BrokerConn, plan: CanvasPlan): Promise<void> {
  const keys: string[] = [ks.recent];
  const args: (string | number)[] = [plan.chords.length, plan.groups.length];
  for (const c of plan.chords) {
    keys.push(ks.chord(c.id));
    args.push(c.n, JSON.stringify(c.callback), JSON.stringify(c.header));
  }
  for (const g of plan.groups) {
    keys.push(ks.group(g.id));
    args.push(JSON.stringify(g.members), g.ttlMs);
  }
  for (const env of plan.roots) {
    keys.push(ks.task(env.i), ks.ready(env.q, env.p), ks.delayed(env.q), ks.signal(env.q));
    args.push(JSON.stringify(env));
  }
  await scripts.canvasSend.run(redis, keys, args);
}
