import { randomUUID } from "node:crypto";
import { connectRedis, type RedisClient } from "../config/connect.ts";
import { durationToMs } from "../core/mod.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import type { AppSpec } from "../spec/types.ts";
import type { Duration } from "../task/types.ts";
import { INSPECT_KINDS, type InspectKind } from "./messages.ts";
import { parseRate } from "./rate.ts";

/** Options of every inspect call. */
export interface InspectOptions {
  /** Ask only this worker. */
  worker?: string;
  /** How long replies are collected (default 1s). */
  timeout?: Duration;
}

/** Replies by worker id. */
export type InspectReplies<T = unknown> = Record<string, T>;

/** Celery's `app.control.inspect()`: asks every live worker, collects replies until the timeout. */
export type Inspector = { [K in InspectKind]: (options?: InspectOptions) => Promise<InspectReplies> };

/** Celery's `app.control`: run-time changes every worker applies. */
export interface Controller {
  /** Sets a task's global rate limit (`"10/s"`); null returns to the manifest's. It persists until changed. */
  rateLimit(task: string, rate: string | null): Promise<void>;
  /** Starts a warm shutdown of one worker. */
  shutdown(worker: string): Promise<void>;
}

interface Conn {
  readonly redis: RedisClient;
  readonly ks: Keyspace;
}

/** Builds `tasks.$inspect`. */
export function createInspector(conn: Conn): Inspector {
  const ask = async (what: InspectKind, options: InspectOptions = {}): Promise<InspectReplies> => {
    const timeoutMs = durationToMs(options.timeout ?? "1s", "timeout");
    const requestId = randomUUID();
    const channel = conn.ks.replyChannel(requestId);
    const sub = connectRedis(conn.redis, { name: "celerity-inspect", blocking: true });
    const replies: InspectReplies = {};
    try {
      sub.on("message", (_channel: string, text: string) => {
        try {
          const m = JSON.parse(text) as { worker?: unknown; reply?: unknown };
          if (typeof m.worker === "string") replies[m.worker] = m.reply;
        } catch {
          // A reply that is not JSON is not a worker's.
        }
      });
      await sub.subscribe(channel);
      const message = {
        op: "inspect",
        what,
        reply: channel,
        ...(options.worker !== undefined ? { worker: options.worker } : {}),
      };
      await conn.redis.publish(conn.ks.controlChannel, JSON.stringify(message));
      await new Promise((resolve) => setTimeout(resolve, timeoutMs));
      return Object.fromEntries(Object.entries(replies).sort(([a], [b]) => (a < b ? -1 : 1)));
    } finally {
      sub.disconnect();
    }
  };
  return Object.fromEntries(INSPECT_KINDS.map((k) => [k, (options?: InspectOptions) => ask(k, options)])) as Inspector;
}

/** Builds `tasks.$control`. */
export function createController(conn: Conn, app: AppSpec): Controller {
  return {
    async rateLimit(task, rate) {
      if (!Object.hasOwn(app.tasks, task))
        throw new ConfigurationError(`no task named "${task.slice(0, 200)}" in app ${app.app}`);
      if (rate === null) await conn.redis.hdel(conn.ks.rateOverrides, task);
      else {
        parseRate(rate);
        await conn.redis.hset(conn.ks.rateOverrides, task, rate);
      }
      // Workers re-read the overrides on this nudge; the hash is the truth (a worker started later reads it too).
      await conn.redis.publish(conn.ks.controlChannel, JSON.stringify({ op: "rate_limit", task }));
    },
    async shutdown(worker) {
      if (typeof worker !== "string" || worker === "") throw new ConfigurationError("shutdown needs a worker id");
      await conn.redis.publish(conn.ks.controlChannel, JSON.stringify({ op: "shutdown", worker }));
    },
  };
}
