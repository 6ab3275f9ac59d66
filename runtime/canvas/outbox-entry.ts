import type { CanvasPlan } from "./build.ts";
import { isRecord } from "../core/mod.ts";
import { CanvasRecordInvalid, parseCanvasJson, parseCanvasValue, type CanvasRecord } from "./record.ts";
import type { EffectKind } from "./placement.ts";

/** What a finished (or revoked, or aborted) canvas task sets off in other slots; canvas_defer() in canvas.lua writes it. */
export interface EffectEntry {
  o: EffectKind;
  /** The task whose outcome this is. */
  i: string;
  /** Its task name. */
  n: string;
  /** Its result JSON (ok) or error JSON (fail). */
  r: string;
  /** Result ttl ms of what it dooms or fails. */
  x: number;
  cv: CanvasRecord;
}

/** A client's canvas send that spans slots, written before any part of it (so a crash mid-send is finished by a worker). */
export interface SendEntry {
  o: "send";
  /** Unique per send, so two equal canvases are two entries. */
  i: string;
  p: Pick<CanvasPlan, "chords" | "groups" | "roots">;
}

export type OutboxEntry = EffectEntry | SendEntry;

/** Parses an outbox entry; throws {@link CanvasRecordInvalid} naming what is wrong (it is then buried as garbage). */
export function parseOutboxEntry(json: string): OutboxEntry {
  const v = parseCanvasJson(json, "outbox entry");
  if (!isRecord(v)) throw new CanvasRecordInvalid("outbox entry is not an object");
  if (typeof v.i !== "string" || v.i === "") throw new CanvasRecordInvalid("outbox entry has no id");
  if (v.o === "send") {
    const p = v.p;
    if (!isRecord(p) || !Array.isArray(p.chords) || !Array.isArray(p.groups) || !Array.isArray(p.roots))
      throw new CanvasRecordInvalid("outbox send entry has no plan of chords, groups and roots");
    // The roots' envelopes are checked like any canvas record's.
    parseCanvasValue({ nx: p.roots }, "outbox send entry's roots");
    for (const c of p.chords) {
      if (!isRecord(c) || typeof c.id !== "string" || !Number.isInteger(c.n) || !Array.isArray(c.callback))
        throw new CanvasRecordInvalid("outbox send entry has a chord that is not { id, n, callback, header }");
      parseCanvasValue({ nx: c.callback }, "outbox send entry's chord callback");
    }
    for (const g of p.groups) {
      if (!isRecord(g) || typeof g.id !== "string" || !Array.isArray(g.members) || !Number.isInteger(g.ttlMs))
        throw new CanvasRecordInvalid("outbox send entry has a group that is not { id, members, ttlMs }");
    }
    return v as unknown as SendEntry;
  }
  if (v.o !== "ok" && v.o !== "fail")
    throw new CanvasRecordInvalid(`outbox entry kind ${JSON.stringify(v.o)} is not ok, fail or send`);
  if (typeof v.n !== "string") throw new CanvasRecordInvalid("outbox entry has no task name");
  if (typeof v.r !== "string") throw new CanvasRecordInvalid("outbox entry's payload is not a JSON string");
  if (!Number.isInteger(v.x) || (v.x as number) <= 0)
    throw new CanvasRecordInvalid("outbox entry's ttl is not a positive integer");
  const cv = parseCanvasValue(v.cv, "outbox entry's canvas record");
  return { o: v.o, i: v.i, n: v.n, r: v.r, x: v.x as number, cv };
}
