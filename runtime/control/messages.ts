/** Control-channel messages: what a client broadcasts and every worker reads. */
import { isRecord } from "../core/mod.ts";

/** What `celerity inspect` can ask a worker. */
export const INSPECT_KINDS = ["ping", "active", "scheduled", "reserved", "revoked", "stats"] as const;
export type InspectKind = (typeof INSPECT_KINDS)[number];

export type ControlMessage =
  | { op: "revoke"; id: string }
  | { op: "inspect"; what: InspectKind; reply: string; worker?: string }
  | { op: "rate_limit"; task: string }
  | { op: "shutdown"; worker: string };

const str = (v: unknown, max = 300): v is string => typeof v === "string" && v.length > 0 && v.length <= max;

/** Parses a control message; null for anything malformed (the worker logs and ignores it). */
export function parseControlMessage(text: string): ControlMessage | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(v)) return null;
  switch (v.op) {
    case "revoke":
      return str(v.id) ? { op: "revoke", id: v.id } : null;
    case "inspect":
      if (!INSPECT_KINDS.includes(v.what as InspectKind) || !str(v.reply, 500)) return null;
      if (v.worker !== undefined && !str(v.worker)) return null;
      return {
        op: "inspect",
        what: v.what as InspectKind,
        reply: v.reply,
        ...(v.worker !== undefined ? { worker: v.worker as string } : {}),
      };
    case "rate_limit":
      return str(v.task) ? { op: "rate_limit", task: v.task } : null;
    case "shutdown":
      return str(v.worker) ? { op: "shutdown", worker: v.worker } : null;
    default:
      return null;
  }
}
