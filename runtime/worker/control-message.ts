/** A control message workers act on; published by `revokeTask(..., { terminate: true })`. */
export interface RevokeControl {
  op: "revoke";
  id: string;
}

/** Every control message a worker understands (revoke with terminate is the only one so far). */
export type ControlMessage = RevokeControl;

/**
 * Reads a message from the control channel. Anyone who can PUBLISH on the Redis server can write
 * there, so the message is untrusted: anything but a known op with well-typed fields comes back as
 * the reason it was refused, never as an exception inside the subscriber's event handler (which
 * would take the whole worker process down).
 */
export function parseControlMessage(message: string): ControlMessage | { refused: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return { refused: "not JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { refused: `not a JSON object (${parsed === null ? "null" : Array.isArray(parsed) ? "array" : typeof parsed})` };
  }
  const { op, id } = parsed as Record<string, unknown>;
  if (op !== "revoke") return { refused: typeof op === "string" ? `unknown op "${op.slice(0, 50)}"` : "op is not a string" };
  if (typeof id !== "string" || id.length === 0) return { refused: "revoke without a task id string" };
  return { op, id };
}
