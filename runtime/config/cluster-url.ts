import type { ClusterNode, ClusterOptions } from "ioredis";
import { ConfigurationError } from "../errors/configuration-error.ts";

/** Where a cluster URL says to start and how to authenticate to every node. */
export interface ClusterTarget {
  nodes: { host: string; port: number }[];
  redisOptions: NonNullable<ClusterOptions["redisOptions"]>;
}

const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//i;

/** True when `url` names a Redis Cluster (`redis+cluster://` or `rediss+cluster://`). */
export function isClusterUrl(url: string): boolean {
  return CLUSTER_SCHEME.test(url);
}

/**
 * Parses `redis+cluster://[user:password@]host:port,host:port[?tls_reject_unauthorized=false]`
 * (`rediss+cluster://` for TLS) into startup nodes and the options every node connection uses.
 * A few startup nodes are enough: the client learns the rest from CLUSTER SLOTS. Clusters have one
 * database only, so a `/db` path is refused rather than silently ignored.
 */
export function parseClusterUrl(url: string): ClusterTarget {
  const scheme = CLUSTER_SCHEME.exec(url);
  if (!scheme) throw new ConfigurationError(`REDIS_URL "${url}" must start with redis+cluster:// or rediss+cluster://`);
  let rest = url.slice(scheme[0].length);
  let query = "";
  const q = rest.indexOf("?");
  if (q >= 0) [rest, query] = [rest.slice(0, q), rest.slice(q + 1)];
  const at = rest.lastIndexOf("@");
  const auth = at >= 0 ? rest.slice(0, at) : "";
  let hosts = at >= 0 ? rest.slice(at + 1) : rest;
  const slash = hosts.indexOf("/");
  if (slash >= 0) {
    const path = hosts.slice(slash + 1);
    hosts = hosts.slice(0, slash);
    if (path !== "" && path !== "0")
      throw new ConfigurationError(`REDIS_URL "${url}": a Redis Cluster has only database 0, got "/${path}"`);
  }
  if (hosts === "")
    throw new ConfigurationError(
      `REDIS_URL "${url}" names no cluster node (expected redis+cluster://host:port,host:port)`,
    );
  const nodes = hosts.split(",").map((entry) => parseHostPort(entry, url));
  const redisOptions: ClusterTarget["redisOptions"] = {};
  if (auth !== "") {
    const colon = auth.indexOf(":");
    const user = colon >= 0 ? auth.slice(0, colon) : auth;
    const password = colon >= 0 ? auth.slice(colon + 1) : "";
    if (user) redisOptions.username = decodeURIComponent(user);
    if (password) redisOptions.password = decodeURIComponent(password);
  }
  if (scheme[1].toLowerCase() === "rediss") {
    const insecure = new URLSearchParams(query).get("tls_reject_unauthorized") === "false";
    redisOptions.tls = { rejectUnauthorized: !insecure };
  }
  return { nodes, redisOptions };
}

function parseHostPort(entry: string, url: string): ClusterNode & { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d+))?$/.exec(entry.trim());
  if (!m) throw new ConfigurationError(`REDIS_URL "${url}": "${entry}" is not host:port`);
  const port = m[3] ? Number(m[3]) : 6379;
  if (port < 1 || port > 65535) throw new ConfigurationError(`REDIS_URL "${url}": port ${m[3]} is out of range`);
  return { host: m[1] ?? m[2], port };
}
