import type { Keyspace } from "../keys/keyspace.ts";
import { canvasFailKeys, canvasOkKeys, list, type CanvasRecord } from "./record.ts";

/** Which way a finished canvas task went: what its success or its failure sets off. */
export type EffectKind = "ok" | "fail";

/** One slot's share of a canvas effect: what to apply there, with that slot's keyspace. */
export interface EffectPart {
  ks: Keyspace;
  cv: CanvasRecord;
  /** The part counts a chord whose callbacks (or the results it dooms) lie in other slots. */
  relayCallbacks: boolean;
}

/**
 * Splits what a canvas record sets off by the slot each piece lives in: a successor's record, a
 * chord's record (its id carries its slot), a doomed result, an error link. Each part's keys lie in
 * one slot, so a script can apply it; every piece is idempotent, so the parts apply independently.
 */
export function splitEffect(ks: Keyspace, kind: EffectKind, cv: CanvasRecord): EffectPart[] {
  const parts = new Map<string, EffectPart>();
  const at = (target: Keyspace): EffectPart => {
    let part = parts.get(target.tag);
    if (!part) parts.set(target.tag, (part = { ks: target, cv: {}, relayCallbacks: false }));
    return part;
  };
  if (kind === "ok") {
    for (const e of list(cv.nx)) (at(ks.forId(e.i)).cv.nx ??= []).push(e);
    if (cv.ch) {
      const part = at(ks.forId(cv.ch.k));
      part.cv.ch = cv.ch;
      const doomed = list(cv.df);
      if (doomed.length > 0) part.cv.df = doomed;
      const elsewhere = (id: string) => ks.forId(id).tag !== part.ks.tag;
      part.relayCallbacks = cv.ch.cb.some(([id]) => elsewhere(id)) || doomed.some((t) => elsewhere(t.i));
    }
  } else {
    if (cv.ch) at(ks.forId(cv.ch.k)).cv.ch = cv.ch;
    for (const t of list(cv.df)) (at(ks.forId(t.i)).cv.df ??= []).push(t);
    for (const e of list(cv.ne)) (at(ks.forId(e.i)).cv.ne ??= []).push(e);
  }
  return [...parts.values()];
}

/** Whether all a canvas record sets off (for `kind`) lies in the slot of `ownTag`: then the script recording the outcome applies it. */
export function isLocalEffect(ks: Keyspace, ownTag: string, kind: EffectKind, cv: CanvasRecord): boolean {
  return splitEffect(ks, kind, cv).every((p) => p.ks.tag === ownTag && !p.relayCallbacks);
}

/** The keys a script needs to apply one part, and the 1-based KEYS index of the outbox when it relays callbacks (else 0). */
export function partKeys(kind: EffectKind, part: EffectPart): { keys: string[]; relayAt: number } {
  if (kind === "fail") return { keys: canvasFailKeys(part.ks, part.cv), relayAt: 0 };
  const keys = canvasOkKeys(part.ks, part.cv, { relayCallbacks: part.relayCallbacks });
  return { keys, relayAt: part.relayCallbacks ? keys.length : 0 };
}
