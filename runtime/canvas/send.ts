import { randomUUID } from "node:crypto";
import type { BrokerConn } from "../broker/conn.ts";
import { scripts } from "../broker/scripts.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import { waitForReplicas, type Durability } from "../broker/replication.ts";
import type { CanvasPlan } from "./build.ts";
import { outboxKeys, relayEntries } from "./relay.ts";
import type { SendEntry } from "./outbox-entry.ts";

type SendPart = Pick<CanvasPlan, "chords" | "groups" | "roots">;

/**
 * Writes a planned canvas: its chord and group records and its first tasks. In one slot (an app
 * without sharded queues) that is one script call, all or nothing. Spread over slots, the whole
 * plan is first written to the app slot's canvas outbox, then applied slot by slot, records before
 * tasks; a client that dies halfway leaves the entry, and a worker finishes the send.
 */
export async function sendCanvas(
  conn: BrokerConn,
  plan: CanvasPlan,
  options: { durability?: Durability } = {},
): Promise<void> {
  const parts = splitSend(conn.ks, plan);
  // With durability, the call resolves once replicas of every slot written hold the writes.
  const slots = [...parts.values()].map((p) => keyspaceOf(conn.ks, p).recent);
  if (parts.size <= 1) {
    await sendPart(conn, keyspaceOf(conn.ks, plan), plan);
    if (options.durability) await waitForReplicas(conn.redis, slots, options.durability);
    return;
  }
  const entry: SendEntry = {
    o: "send",
    i: randomUUID(),
    p: { chords: plan.chords, groups: plan.groups, roots: plan.roots },
  };
  const json = JSON.stringify(entry);
  await scripts.canvasOutbox.run(conn.redis, outboxKeys(conn.ks), ["put", json]);
  await relayEntries(conn, conn.ks, [json]);
  if (options.durability) await waitForReplicas(conn.redis, [conn.ks.canvasOutbox, ...slots], options.durability);
}

/** Applies a send entry: every slot's chord and group records first, then every slot's first tasks. */
export async function applySend(conn: BrokerConn, entry: SendEntry): Promise<void> {
  const parts = [...splitSend(conn.ks, entry.p).values()];
  const records = parts.filter((p) => p.chords.length + p.groups.length > 0);
  await Promise.all(records.map((p) => sendPart(conn, keyspaceOf(conn.ks, p), { ...p, roots: [] })));
  const tasks = parts.filter((p) => p.roots.length > 0);
  await Promise.all(
    tasks.map((p) => sendPart(conn, keyspaceOf(conn.ks, p), { chords: [], groups: [], roots: p.roots })),
  );
}

/** One slot's part of a plan in one script call (canvas-send.lua): records, then tasks. */
async function sendPart({ redis }: BrokerConn, ks: Keyspace, part: SendPart): Promise<void> {
  const keys: string[] = [ks.recent];
  const args: (string | number)[] = [part.chords.length, part.groups.length];
  for (const c of part.chords) {
    keys.push(ks.chord(c.id));
    args.push(c.n, JSON.stringify(c.callback), JSON.stringify(c.header));
  }
  for (const g of part.groups) {
    keys.push(ks.group(g.id));
    args.push(JSON.stringify(g.members), g.ttlMs);
  }
  for (const env of part.roots) {
    keys.push(ks.task(env.i), ks.ready(env.q, env.p), ks.delayed(env.q), ks.signal(env.q));
    args.push(JSON.stringify(env));
  }
  await scripts.canvasSend.run(redis, keys, args);
}

/** A plan's records and first tasks by the hash tag of the slot each lives in (groups: the app's). */
function splitSend(ks: Keyspace, plan: SendPart): Map<string, SendPart> {
  const parts = new Map<string, SendPart>();
  const at = (tag: string): SendPart => {
    let part = parts.get(tag);
    if (!part) parts.set(tag, (part = { chords: [], groups: [], roots: [] }));
    return part;
  };
  for (const c of plan.chords) at(ks.forId(c.id).tag).chords.push(c);
  for (const g of plan.groups) at(ks.tag).groups.push(g);
  for (const env of plan.roots) at(ks.forId(env.i).tag).roots.push(env);
  return parts;
}

function keyspaceOf(ks: Keyspace, part: SendPart): Keyspace {
  const id = part.roots[0]?.i ?? part.chords[0]?.id;
  return id === undefined ? ks : ks.forId(id);
}
