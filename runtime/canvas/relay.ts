import type { BrokerConn } from "../broker/conn.ts";
import { scripts } from "../broker/scripts.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import { parseOutboxEntry, type OutboxEntry } from "./outbox-entry.ts";
import { partKeys, splitEffect } from "./placement.ts";
import { CanvasRecordInvalid } from "./record.ts";
import { applySend } from "./send.ts";

/** How long an outbox entry waits for the process that wrote it before a sweeping worker applies it. */
export const OUTBOX_GRACE_MS = 10_000;

/** KEYS of canvas-outbox.lua's put, take and done: the slot's outbox. */
export const outboxKeys = (ks: Keyspace): string[] => [ks.canvasOutbox];

/** KEYS of canvas-outbox.lua's bury: the outbox, then the slot's dead set and payload store. */
export const outboxBuryKeys = (ks: Keyspace): string[] => [ks.canvasOutbox, ks.dead, ks.deadRaw];

/** Most entries one sweep takes from one slot. */
const TAKE_LIMIT = 100;

/**
 * Applies entries of `source`'s canvas outbox in every slot they reach, then removes them. An entry
 * that fails to apply stays for a sweeper (and the first error is thrown); one that is not an entry
 * at all is buried in `source`'s dead letters with the reason.
 */
export async function relayEntries(conn: BrokerConn, source: Keyspace, entries: readonly string[]): Promise<void> {
  if (entries.length === 0) return;
  const applied: string[] = [];
  const results = await Promise.allSettled(
    entries.map(async (json) => {
      let entry: OutboxEntry;
      try {
        entry = parseOutboxEntry(json);
      } catch (error) {
        if (!(error instanceof CanvasRecordInvalid)) throw error;
        const reason = `garbage canvas outbox entry: ${error.message}`;
        await scripts.canvasOutbox.run(conn.redis, outboxBuryKeys(source), ["bury", json, reason]);
        return;
      }
      await applyEntry(conn, entry);
      applied.push(json);
    }),
  );
  if (applied.length > 0) await scripts.canvasOutbox.run(conn.redis, outboxKeys(source), ["done", ...applied]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * Takes the entries of each slot's outbox that waited past `graceMs` (their writer died or lost its
 * connection before applying them) and applies them. Returns how many it took.
 */
export async function sweepOutbox(
  conn: BrokerConn,
  slots: readonly Keyspace[],
  options: { graceMs?: number } = {},
): Promise<number> {
  let taken = 0;
  for (const ks of slots) {
    const args = ["take", options.graceMs ?? OUTBOX_GRACE_MS, TAKE_LIMIT];
    const due = (await scripts.canvasOutbox.run(conn.redis, outboxKeys(ks), args)) as unknown[];
    taken += due.length;
    await relayEntries(conn, ks, due.map(String));
  }
  return taken;
}

async function applyEntry(conn: BrokerConn, entry: OutboxEntry): Promise<void> {
  if (entry.o === "send") return applySend(conn, entry);
  await Promise.all(
    splitEffect(conn.ks, entry.o, entry.cv).map(async (part) => {
      const { keys, relayAt } = partKeys(entry.o, part);
      if (keys.length === 0) return;
      const args = [
        entry.o,
        JSON.stringify(part.cv),
        entry.i,
        entry.n,
        entry.r,
        entry.x,
        conn.ks.doneChannel(""),
        relayAt,
      ];
      const deferred = (await scripts.canvasApply.run(conn.redis, [...keys, part.ks.dead], args)) as unknown[];
      await relayEntries(conn, part.ks, deferred.map(String));
    }),
  );
}
