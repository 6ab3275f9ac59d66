import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * True for a loopback address literal: 127.0.0.0/8 written as a valid dotted quad, ::1, or an
 * IPv4-mapped ::ffff:127.x.y.z. A *name* that merely starts with "127." (`127.attacker.example`) is a
 * DNS name its owner can point anywhere, so it is not loopback.
 */
export function isLoopbackAddress(address: string): boolean {
  const a = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const family = isIP(a);
  if (family === 4) return a.startsWith("127.");
  if (family === 6) {
    const lower = a.toLowerCase();
    if (lower === "::1" || lower === "0:0:0:0:0:0:0:1") return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    return mapped !== null && isIP(mapped[1]) === 4 && mapped[1].startsWith("127.");
  }
  return false;
}

/** True when the server listens on a loopback interface only. */
export function isLoopback(bindHost: string): boolean {
  return bindHost.toLowerCase() === "localhost" || isLoopbackAddress(bindHost);
}

/** The host name of a Host header, lower-cased, without the port ("[::1]:5555" -> "[::1]"); null when malformed. */
export function hostName(header: string | undefined): string | null {
  const host = (header ?? "").trim().toLowerCase();
  if (host === "") return null;
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    if (end < 0 || (end + 1 < host.length && !/^:\d{1,5}$/.test(host.slice(end + 1)))) return null;
    return host.slice(0, end + 1);
  }
  const [name, port, extra] = host.split(":");
  if (extra !== undefined || (port !== undefined && !/^\d{1,5}$/.test(port))) return null;
  return name;
}

/**
 * Which Host headers the server answers. A DNS-rebinding page reaches this server under the
 * attacker's own DNS name, so only names that cannot be rebound are served: `localhost`, loopback
 * address literals, and the names configured in `allowedHosts` (what a reverse proxy forwards).
 * On a non-loopback bind any IP-address literal is served too (a rebinding attack always uses a
 * name); other names must be listed.
 */
export function hostAllowed(
  req: IncomingMessage,
  options: { bindHost: string; allowedHosts: readonly string[] },
): boolean {
  const name = hostName(req.headers.host);
  if (name === null) return false;
  if (name === "localhost" || isLoopbackAddress(name)) return true;
  if (options.allowedHosts.some((allowed) => allowed.toLowerCase() === name)) return true;
  if (isLoopback(options.bindHost)) return false;
  const bare = name.startsWith("[") ? name.slice(1, -1) : name;
  return isIP(bare) !== 0;
}
