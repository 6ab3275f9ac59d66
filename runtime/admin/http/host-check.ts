import type { IncomingMessage } from "node:http";

const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** True when the server listens on a loopback address only. */
export function isLoopback(bindHost: string): boolean {
  return LOOPBACK_NAMES.has(bindHost) || bindHost.startsWith("127.");
}

/**
 * On a loopback bind only loopback Host headers are served. That defeats DNS rebinding, where a
 * hostile page resolves its own name to 127.0.0.1 to talk to this server as "same origin".
 */
export function hostAllowed(req: IncomingMessage, bindHost: string): boolean {
  if (!isLoopback(bindHost)) return true;
  const host = String(req.headers.host ?? "");
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return LOOPBACK_NAMES.has(name.toLowerCase()) || name.startsWith("127.");
}
