import type { RedisClient } from "../config/connect.ts";
import { enqueueBatch } from "../broker/enqueue.ts";
import { waitForReplicas, type Durability } from "../broker/replication.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { keyspace } from "../keys/keyspace.ts";
import { routeTask, shardCount } from "../keys/shard-route.ts";
import { brokerTarget } from "../memory/registry.ts";
import { TaskResult } from "../results/async-result.ts";
import type { AppSpec, TaskSpec } from "../spec/types.ts";
import type { ApplyOptions, AsyncResult, LinkOptions, Signature, SignatureOptions, TaskHandle } from "../task/types.ts";
import type { AnyStep, ChainBuilder, ChordBuilder, GroupBuilder, GroupResult } from "../canvas/types.ts";
import { planCanvas, type CanvasNode, type ResultShape, type TaskNode } from "../canvas/build.ts";
import { sendCanvas } from "../canvas/send.ts";
import { GroupHandle } from "../canvas/group-result.ts";
import { createController, createInspector, type Controller, type Inspector } from "../control/remote.ts";
import { ClientConnection } from "./connection.ts";
import { DEFAULT_ARGS_LIMITS, type ArgsLimits } from "./limits.ts";
import { prepareCall, prepareMany, type PreparedBatch } from "./prepare.ts";

export interface ClientOptions {
  /**
   * A redis:// or rediss:// URL, redis+cluster://host:port,... for a Redis Cluster, `memory://`, or
   * an ioredis instance (Redis or Cluster) to use as is. Default: REDIS_URL.
   */
  redis?: string | RedisClient;
  /**
   * "memory" selects the in-memory broker of this process (same as `redis: "memory://"`): for
   * development and tests; a worker must run in this same process. Default: "redis".
   */
  broker?: "redis" | "memory";
  /** Key prefix (default: CELERITY_PREFIX or "celerity"). */
  prefix?: string;
  /** Client-side limits on argument size and depth. */
  limits?: Partial<ArgsLimits>;
  /**
   * Resolve an enqueue only once this many replicas of each master that took it acknowledged it
   * (Redis `WAIT`), closing the window in which a master crash loses an acknowledged enqueue under
   * asynchronous replication. Default: none (resolve when the master has it). Too few in time:
   * {@link ReplicationError}.
   */
  durability?: Durability;
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
  /** Sends steps one after another, each receiving the previous result (Celery's `chain`). */
  readonly $chain: ChainBuilder;
  /** Sends steps to run in parallel (Celery's `group`). */
  readonly $group: GroupBuilder;
  /** Runs a callback once with every header's result, after all succeeded (Celery's `chord`). */
  readonly $chord: ChordBuilder;
  /** Reopens a group's result by its id. */
  $groupResult(id: string): Promise<GroupResult<unknown[]>>;
  /** Asks live workers (Celery's `inspect`): ping, active, scheduled, reserved, revoked, stats. */
  readonly $inspect: Inspector;
  /** Changes workers at run time (Celery's `control`): rate limits, shutdown. */
  readonly $control: Controller;
}

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];

function withoutResultAs(options: SignatureOptions): ApplyOptions {
  const { resultAs: _unused, ...rest } = options;
  return rest;
}

/**
 * The batch's items with their routed ids, grouped by the shard-qualified queue they go to. A
 * sharded queue: each item's id names its shard, and each shard's items go in their own calls.
 */
function routeBatch(
  app: AppSpec,
  batch: PreparedBatch,
): { items: PreparedBatch["items"]; byShard: Map<string, PreparedBatch["items"]> } {
  // One shard: ids stay as they are, one group (no route per item: delayMany sends thousands).
  if (shardCount(app, batch.queue) <= 1) return { items: batch.items, byShard: new Map([[batch.queue, batch.items]]) };
  const byShard = new Map<string, PreparedBatch["items"]>();
  const items = batch.items.map((item) => {
    const route = routeTask(app, batch.queue, item.id);
    const routed = route.id === item.id ? item : { ...item, id: route.id };
    const group = byShard.get(route.queue);
    if (group) group.push(routed);
    else byShard.set(route.queue, [routed]);
    return routed;
  });
  return { items, byShard };
}

function makeHandle(
  app: AppSpec,
  spec: TaskSpec,
  conn: ClientConnection,
  limits: ArgsLimits,
  durability?: Durability,
): TaskHandle<unknown, unknown> {
  const send = async (batch: PreparedBatch): Promise<AsyncResult<unknown>[]> => {
    await whenSafe(conn);
    const { items, byShard } = routeBatch(app, batch);
    await Promise.all(
      [...byShard].map(([queue, group]) => enqueueBatch(conn, group, { queue, priority: batch.priority })),
    );
    if (durability)
      await waitForReplicas(
        conn.redis,
        [...byShard.values()].map((group) => conn.ks.task(group[0].id)),
        durability,
      );
    return items.map((item) => new TaskResult<unknown>(conn, item.id, spec.name));
  };
  const applyAsync = async (
    args: unknown,
    options: ApplyOptions & LinkOptions<unknown> = {},
  ): Promise<AsyncResult<unknown>> => {
    const { link, linkError, ...apply } = options;
    if (link === undefined && linkError === undefined)
      return (await send(prepareCall(spec, args, { apply, limits })))[0];
    // With links the call is a small canvas: the links ride in the task's record.
    if (apply.eta !== undefined)
      throw new ConfigurationError("applyAsync with link or linkError takes a countdown, not an eta");
    prepareCall(spec, args, { apply, limits });
    const node: TaskNode = {
      kind: "task",
      task: spec.name,
      args: args ?? {},
      options: { ...apply, expires: apply.expires as never },
    };
    const plan = planCanvas(app, node, {
      limits,
      link: asList(link) as AnyStep[],
      linkError: asList(linkError) as AnyStep[],
    });
    await whenSafe(conn);
    await sendCanvas(conn, plan, { durability });
    return new TaskResult<unknown>(conn, plan.roots[0].i, spec.name);
  };
  const sig = (args: unknown, options: SignatureOptions = {}): Signature<unknown, unknown> => {
    // Complete args are checked now; partial ones (resultAs) when the canvas is built.
    if (args !== undefined && options.resultAs === undefined) prepareCall(spec, args, { apply: options, limits });
    return {
      kind: "task",
      task: spec.name,
      args,
      options,
      applyAsync: (more = {}) => applyAsync(args ?? {}, { ...withoutResultAs(options), ...more }),
    };
  };
  return {
    taskName: spec.name,
    delay: (args) => applyAsync(args),
    applyAsync,
    signature: (args, options = {}) => sig(args, options),
    s: ((args?: unknown, options?: SignatureOptions) => sig(args, options)) as TaskHandle<unknown, unknown>["s"],
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
  const conn = new ClientConnection(brokerTarget(options.broker, options.redis), keyspace(app.app, options.prefix), {
    allowEviction: options.allowEviction,
  });
  const limits: ArgsLimits = { ...DEFAULT_ARGS_LIMITS, ...options.limits };
  const root: Record<string, unknown> = {};
  for (const spec of Object.values(app.tasks)) {
    const segments = spec.name.split(".");
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    node[segments[segments.length - 1]] = makeHandle(app, spec, conn, limits, options.durability);
  }
  const controls: ClientControls = {
    $disconnect: () => conn.close(),
    $result: (id, taskName = "") => {
      if (typeof id !== "string" || id === "") throw new ConfigurationError("$result needs a task id");
      return new TaskResult<unknown>(conn, id, taskName);
    },
    $app: app,
    ...canvasControls(app, conn, limits, options.durability),
    $inspect: createInspector(conn),
    $control: createController(conn, app),
  };
  return Object.assign(root, controls) as T & ClientControls;
}

/** The handle a planned canvas's result is read through. */
function resultOf(conn: ClientConnection, shape: ResultShape): AsyncResult<unknown> | GroupHandle<unknown> {
  if (shape.kind === "task") return new TaskResult<unknown>(conn, shape.id, shape.task);
  return new GroupHandle<unknown>(
    shape.id,
    shape.members.map((m) => resultOf(conn, m)),
  );
}

function canvasControls(
  app: AppSpec,
  conn: ClientConnection,
  limits: ArgsLimits,
  durability?: Durability,
): Pick<ClientControls, "$chain" | "$group" | "$chord" | "$groupResult"> {
  const run = async (node: CanvasNode): Promise<never> => {
    const plan = planCanvas(app, node, { limits });
    await whenSafe(conn);
    await sendCanvas(conn, plan, { durability });
    return resultOf(conn, plan.result) as never;
  };
  const chainNode = (steps: readonly unknown[]): CanvasNode => ({ kind: "chain", steps: steps as CanvasNode[] });
  const groupNode = (members: readonly unknown[]): CanvasNode => {
    if (!Array.isArray(members)) throw new ConfigurationError("$group takes an array of signatures");
    return { kind: "group", members: members as CanvasNode[] };
  };
  const chordNode = (header: readonly unknown[], callback: unknown): CanvasNode => {
    if (!Array.isArray(header))
      throw new ConfigurationError("$chord takes an array of header signatures and a callback signature");
    return { kind: "chord", header: header as CanvasNode[], callback: callback as CanvasNode };
  };
  const $chain = Object.assign((...steps: unknown[]) => run(chainNode(steps)), {
    s: (...steps: unknown[]) => chainNode(steps) as never,
  }) as unknown as ChainBuilder;
  const $group = Object.assign((members: unknown[]) => run(groupNode(members)), {
    s: (members: unknown[]) => groupNode(members) as never,
  }) as unknown as GroupBuilder;
  const $chord = Object.assign((header: unknown[], callback: unknown) => run(chordNode(header, callback)), {
    s: (header: unknown[], callback: unknown) => chordNode(header, callback) as never,
  }) as unknown as ChordBuilder;
  return {
    $chain,
    $group,
    $chord,
    async $groupResult(id: string): Promise<GroupResult<unknown[]>> {
      if (typeof id !== "string" || id === "") throw new ConfigurationError("$groupResult needs a group id");
      const raw = await conn.redis.get(conn.ks.group(id));
      let members: unknown = null;
      try {
        members = raw === null ? null : JSON.parse(raw);
      } catch {
        members = null;
      }
      if (!Array.isArray(members) || !members.every((m) => typeof m === "string")) {
        throw new ConfigurationError(
          raw === null
            ? `no group ${id} (unknown, or its results expired)`
            : `group record ${id} is not a list of task ids`,
        );
      }
      return GroupHandle.reopen(conn, id, members as string[]);
    },
  };
}

/** Every write a client makes, task or canvas, first waits for its one eviction-policy check. */
async function whenSafe(conn: ClientConnection): Promise<void> {
  const check = conn.ensureSafe();
  if (check) await check;
}
