import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RedisClient } from "../config/connect.ts";
import { PeriodicStore } from "../beat/mod.ts";
import { connectRedis } from "../config/connect.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { keyspace } from "../keys/keyspace.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import type { AppSpec } from "../spec/types.ts";
import { createTaskHandles } from "./actions/task-handles.ts";
import { resolveCredentials } from "./auth/credentials.ts";
import { DeviceCookies } from "./auth/device-cookie.ts";
import { AuthThrottle, type AuthThrottleOptions } from "./auth/auth-throttle.ts";
import { SessionStore } from "./auth/session.ts";
import type { AdminContext } from "./context.ts";
import { createRequestHandler } from "./handle-request.ts";
import { buildRouter } from "./routes.ts";

export interface AdminOptions {
  /** A redis:// URL, or an ioredis instance to use as is (left open on close). Default: REDIS_URL. */
  redis?: string | RedisClient;
  /** Key prefix (default: CELERITY_PREFIX or "celerity"). */
  prefix?: string;
  /** Interface to bind. Default 127.0.0.1: reachable from this machine only. */
  host?: string;
  /** Port; 0 picks a free one. Default 5555 (Flower's). */
  port?: number;
  /** Bearer and login token. Default CELERITY_ADMIN_TOKEN; random when neither it nor a password is set. */
  token?: string;
  /** Login password. Default CELERITY_ADMIN_PASSWORD. */
  password?: string;
  /**
   * Host names to serve besides localhost and loopback addresses, e.g. the name a reverse proxy
   * forwards. Default: CELERITY_ADMIN_ALLOWED_HOSTS (comma-separated), else none.
   */
  allowedHosts?: readonly string[];
  /** Tuning of the throttle on wrong tokens and passwords (see AuthThrottle). */
  throttle?: AuthThrottleOptions;
  /** Connection deadlines; the defaults are the exported *_TIMEOUT_MS constants. */
  timeouts?: Partial<AdminTimeouts>;
  logger?: Logger;
}

/** A running admin server. */
export interface AdminServer {
  /** Base URL, e.g. http://127.0.0.1:5555/ */
  readonly url: string;
  /** The token made up for this run when none was configured (print it for the user); null otherwise. */
  readonly generatedToken: string | null;
  close(): Promise<void>;
}

export const DEFAULT_ADMIN_PORT = 5555;

/** How long the admin server lets a connection take; each is a Node http.Server setting. */
export interface AdminTimeouts {
  /** A request's headers must arrive within this long (headersTimeout). */
  headersMs: number;
  /** A whole request, headers and body, must arrive within this long (requestTimeout). */
  requestMs: number;
  /** An idle keep-alive connection is closed after this long without a new request (keepAliveTimeout). */
  keepAliveMs: number;
  /** A socket with no traffic either way for this long is closed (server.timeout). */
  idleMs: number;
}

/** 10 s for headers, 30 s per request, 5 s keep-alive, 60 s of silence. */
export const DEFAULT_TIMEOUTS: AdminTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  idleMs: 60_000,
};
export const DEFAULT_ADMIN_HOST = "127.0.0.1";

/**
 * Starts the admin web UI and JSON API for one app. Every request is authenticated; nothing it
 * serves can enqueue anything but the app's manifest tasks (via the typed client and the periodic store).
 */
export async function startAdmin(app: AppSpec, options: AdminOptions = {}): Promise<AdminServer> {
  const credentials = resolveCredentials(options);
  const host = options.host ?? DEFAULT_ADMIN_HOST;
  const port = options.port ?? DEFAULT_ADMIN_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigurationError(`port must be 0..65535, got ${port}`);
  const log = (options.logger ?? createLogger()).child({ component: "admin" });
  const ownsRedis = !(options.redis && typeof options.redis === "object");
  const redis = ownsRedis ? connectRedis(options.redis, { name: "celerity-admin" }) : (options.redis as RedisClient);
  redis.on("error", (e: Error) => log.debug("redis connection error", { error: e.message }));
  const ctx: AdminContext = {
    app,
    redis,
    ks: keyspace(app.app, options.prefix),
    periodic: new PeriodicStore(app, { redis, prefix: options.prefix }),
    handles: createTaskHandles(app, { redis, prefix: options.prefix }),
    log,
  };
  const handler = createRequestHandler(ctx, {
    app: app.app,
    credentials,
    sessions: new SessionStore(),
    throttle: new AuthThrottle(options.throttle),
    devices: new DeviceCookies(credentials),
    router: buildRouter(),
    bindHost: host,
    allowedHosts:
      options.allowedHosts ??
      (process.env.CELERITY_ADMIN_ALLOWED_HOSTS ?? "")
        .split(",")
        .map((h) => h.trim())
        .filter((h) => h !== ""),
  });
  const t: AdminTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = createServer(
    {
      headersTimeout: t.headersMs,
      requestTimeout: t.requestMs,
      keepAliveTimeout: t.keepAliveMs,
      // Node checks the header and request deadlines on this interval (default 30 s, which would
      // let a silent connection live three times the headers timeout).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(t.headersMs / 4))),
    },
    handler,
  );
  // Without this a socket that goes silent mid-response (a client that stops reading) lives forever.
  server.timeout = t.idleMs;
  try {
    await listen(server, port, host);
  } catch (error) {
    if (ownsRedis) redis.disconnect();
    throw new ConfigurationError(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}/`;
  log.info("admin listening", { url });
  return {
    url,
    generatedToken: credentials.generated ? credentials.token : null,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await ctx.handles.close();
      await ctx.periodic.close();
      if (ownsRedis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
