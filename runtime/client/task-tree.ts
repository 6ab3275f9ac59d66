import type { Redis } from "ioredis";
import { enqueueBatch } from "../broker/enqueue.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { keyspace } from "../keys/keyspace.ts";
import { TaskResult } from "../results/async-result.ts";
import type { AppSpec, TaskSpec } from "../spec/types.ts";
import type { ApplyOptions, AsyncResult, Signature, TaskHandle } from "../task/types.ts";
import { ClientConnection } from "./connection.ts";
import { DEFAULT_ARGS_LIMITS, type ArgsLimits } from "./limits.ts";
import { prepareCall, prepareMany, type PreparedBatch } from "./prepare.ts";

export interface ClientOptions {
  /** A redis:// or rediss:// URL, or an ioredis instance to use as is. Default: REDIS_URL. */
  redis?: string | Redis;
  /** Key prefix (default: CELERITY_PREFIX or "celerity"). */
  prefix?: string;
  /** Client-side limits on argument size and depth. */
  limits?: Partial<ArgsLimits>;
  /**
   * Send tasks even if Redis's maxmemory-policy can evict keys (default: CELERITY_ALLOW_EVICTION).
   * Without it, the first send checks the policy and rejects with EvictionPolicyError.
   */
  allowEviction?: boolean;
}

/** Members every client has beside its task tree; `$` keeps them apart from task names. */
export interface ClientControls {
  /** Closes the client's connections (the ones it opened; a passed-in ioredis instance stays open). */
  $disconnect(): Promise<void>;
  /** A handle on any task id, e.g. one stored elsewhere. */
  $result(id: string, taskName?: string): AsyncResult<unknown>;
  readonly $app: AppSpec;
}

function makeHandle(spec: TaskSpec, conn: ClientConnection, limits: ArgsLimits): TaskHandle<unknown, unknown> {
  const send = async (batch: PreparedBatch): Promise<AsyncResult<unknown>[]> => {
    const check = conn.ensureSafe();
    if (check) await check;
    await enqueueBatch(conn, batch.items, { queue: batch.queue, priority: batch.priority });
    return batch.items.map((item) => new TaskResult<unknown>(conn, item.id, spec.name));
  };
  const applyAsync = async (args: unknown, options: ApplyOptions = {}) => (await send(prepareCall(spec, args, { apply: options, limits })))[0];
  return {
    taskName: spec.name,
    delay: (args) => applyAsync(args),
    applyAsync,
    signature(args, options = {}): Signature<unknown, unknown> {
      prepareCall(spec, args, { apply: options, limits });
      return { task: spec.name, args, options, applyAsync: (more = {}) => applyAsync(args, { ...options, ...more }) };
    },
    result: (id) => new TaskResult<unknown>(conn, id, spec.name),
    delayMany: async (argsList, options = {}) => {
      return send(prepareMany(spec, argsList, { apply: options, limits }));
    },
  };
}

/**
 * Builds the typed client: each dotted task name becomes a path (`emails.send_welcome` ->
 * `client.emails.send_welcome`). Generated `client.ts` calls this with the app's spec and its types.
 */
export function createTaskTree<T>(app: AppSpec, options: ClientOptions = {}): T & ClientControls {
  const conn = new ClientConnection(options.redis, keyspace(app.app, options.prefix), { allowEviction: options.allowEviction });
  const limits: ArgsLimits = { ...DEFAULT_ARGS_LIMITS, ...options.limits };
  const root: Record<string, unknown> = {};
  for (const spec of Object.values(app.tasks)) {
    const segments = spec.name.split(".");
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    node[segments[segments.length - 1]] = makeHandle(spec, conn, limits);
  }
  const controls: ClientControls = {
    $disconnect: () => conn.close(),
    $result: (id, taskName = "") => {
      if (typeof id !== "string" || id === "") throw new ConfigurationError("$result needs a task id");
      return new TaskResult<unknown>(conn, id, taskName);
    },
    $app: app,
  };
  return Object.assign(root, controls) as T & ClientControls;
}
