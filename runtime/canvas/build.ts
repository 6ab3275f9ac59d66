import { randomUUID } from "node:crypto";
import { QUEUE_NAME_PATTERN } from "../keys/queue-name.ts";
import { CanvasError, UnknownTaskError } from "../errors/canvas-errors.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { TaskArgumentsError, describeViolations } from "../errors/task-arguments-error.ts";
import type { AppSpec, TaskSpec } from "../spec/types.ts";
import { durationToMs } from "../core/mod.ts";
import { assertJsonArgs } from "../client/args-shape.ts";
import { assertSize, type ArgsLimits } from "../client/limits.ts";
import type { CanvasRecord, DoomTarget, Envelope } from "./record.ts";
import type { AnyStep } from "./types.ts";
import { checkStepFits } from "./schema-fit.ts";
import { routeTask } from "../keys/shard-route.ts";
import { shardOfId, withShardSuffix } from "../keys/shard-tags.ts";

/** A task signature as the runtime holds it (what `.s()` returns). */
export interface TaskNode {
  kind: "task";
  task: string;
  args: unknown;
  options: {
    resultAs?: string;
    queue?: string;
    priority?: number;
    countdown?: number | string;
    expires?: number | string | Date;
    taskId?: string;
  };
}
export type CanvasNode =
  | TaskNode
  | { kind: "chain"; steps: readonly CanvasNode[] }
  | { kind: "group"; members: readonly CanvasNode[] }
  | { kind: "chord"; header: readonly CanvasNode[]; callback: CanvasNode };

/** Where a canvas's result can be read: one task's id, or a group of such. */
export type ResultShape =
  { kind: "task"; id: string; task: string } | { kind: "group"; id: string; members: ResultShape[] };

/** Everything one send writes: chord and group records, and the tasks to enqueue now. */
export interface CanvasPlan {
  roots: Envelope[];
  chords: { id: string; n: number; callback: Envelope[]; /** First task of each header member. */ header: string[] }[];
  groups: { id: string; members: string[]; ttlMs: number }[];
  result: ResultShape;
}

/** What planning takes besides the canvas. */
export interface PlanOptions {
  limits: ArgsLimits;
  /** Steps sent with the root's result on success (`applyAsync`'s `link`). */
  link?: readonly (AnyStep | CanvasNode)[];
  /** Steps sent with `{ taskId, error }` when the root fails (`linkError`). */
  linkError?: readonly (AnyStep | CanvasNode)[];
  /** The root task's id (`applyAsync`'s `taskId`). */
  taskId?: string;
}

interface Cont {
  nx: Envelope[];
  ch?: { k: string; i: number; cb: [string, string, number][] };
  df: DoomTarget[];
  ne?: Envelope[];
}

interface Planned {
  roots: Envelope[];
  result: ResultShape;
  /** Ids whose results end this node: what a failure before them dooms. */
  terminals: string[];
}

interface Ctx {
  app: AppSpec;
  limits: ArgsLimits;
  chords: CanvasPlan["chords"];
  groups: CanvasPlan["groups"];
  /** How each envelope was asked for, to finish the ones sent now (they receive no input). */
  nodes: Map<Envelope, { node: TaskNode; spec: TaskSpec }>;
}

const asNode = (step: AnyStep | CanvasNode): CanvasNode => {
  const kind = (step as { kind?: unknown }).kind;
  if (kind !== "task" && kind !== "chain" && kind !== "group" && kind !== "chord") {
    throw new CanvasError(
      "CANVAS_INVALID",
      "a canvas step must be a signature (.s()), or a $chain.s / $group.s / $chord.s",
    );
  }
  return step as CanvasNode;
};

/**
 * Plans a canvas: checks every step (unknown tasks, arguments against their schemas, declared result
 * schemas against the next step's arguments) and assigns every task its id, before anything is sent.
 */
export function planCanvas(app: AppSpec, root: AnyStep | CanvasNode, options: PlanOptions): CanvasPlan {
  const ctx: Ctx = { app, limits: options.limits, chords: [], groups: [], nodes: new Map() };
  // Links are steps of their own that receive the result (or the failure) of the root.
  const links = (options.link ?? []).flatMap((l) => plan(ctx, asNode(l), { nx: [], df: [] }).roots);
  const errorLinks = (options.linkError ?? []).flatMap((l) => plan(ctx, asNode(l), { nx: [], df: [] }).roots);
  const planned = plan(ctx, asNode(root), { nx: links, df: [], ne: errorLinks });
  for (const env of planned.roots) finishRoot(ctx, env);
  return { roots: planned.roots, chords: ctx.chords, groups: ctx.groups, result: planned.result };
}

function plan(ctx: Ctx, node: CanvasNode, cont: Cont): Planned {
  switch (node.kind) {
    case "task":
      return planTask(ctx, node, cont);
    case "chain":
      return planChain(ctx, node.steps.map(asNode), cont);
    case "group":
      return planGroup(ctx, node.members.map(asNode), cont);
    case "chord":
      return planChord(ctx, node.header.map(asNode), asNode(node.callback), cont);
  }
}

function specOf(ctx: Ctx, name: unknown): TaskSpec {
  if (typeof name !== "string" || !Object.hasOwn(ctx.app.tasks, name))
    throw new UnknownTaskError(String(name), Object.keys(ctx.app.tasks));
  return ctx.app.tasks[name];
}

function record(cont: Cont): CanvasRecord | undefined {
  const cv: CanvasRecord = {};
  if (cont.nx.length > 0) cv.nx = cont.nx;
  if (cont.ch) cv.ch = cont.ch;
  if (cont.df.length > 0) cv.df = cont.df;
  if (cont.ne && cont.ne.length > 0) cv.ne = cont.ne;
  return Object.keys(cv).length > 0 ? cv : undefined;
}

function planTask(ctx: Ctx, node: TaskNode, cont: Cont): Planned {
  const spec = specOf(ctx, node.task);
  const o = node.options ?? {};
  const priority = o.priority ?? spec.priority;
  if (!Number.isInteger(priority) || priority < 0 || priority > 9)
    throw new ConfigurationError(`priority must be an integer 0..9, got ${priority}`);
  const queue = o.queue ?? spec.queue;
  if (!QUEUE_NAME_PATTERN.test(queue))
    throw new ConfigurationError(`queue "${queue}" is not a valid queue name ([A-Za-z0-9_.-], at most 100)`);
  // A sharded queue's step goes to the shard its id picks, like any task of that queue.
  const route = routeTask(ctx.app, queue, o.taskId ?? randomUUID());
  const env: Envelope = { i: route.id, n: spec.name, q: route.queue, p: priority, rx: spec.resultExpiresMs };
  if (o.countdown !== undefined) env.cd = durationToMs(o.countdown, "countdown");
  if (o.expires instanceof Date)
    throw new ConfigurationError("a canvas step's expires is a duration (it counts from when the step is sent)");
  const expires = o.expires !== undefined ? durationToMs(o.expires, "expires") : spec.expiresMs;
  if (expires !== null) env.ei = expires;
  if (spec.ignoreResult) env.ir = "1";
  if (o.resultAs !== undefined) {
    if (typeof o.resultAs !== "string" || o.resultAs === "")
      throw new ConfigurationError("resultAs must be a field name");
    const partial = { ...((node.args ?? {}) as Record<string, unknown>) };
    delete partial[o.resultAs];
    env.a = serialize(ctx, spec, partial, o.resultAs);
    env.k = JSON.stringify(o.resultAs);
  } else if (node.args !== undefined) {
    env.a = serialize(ctx, spec, node.args, null);
  }
  const cv = record(cont);
  if (cv) env.cv = cv;
  ctx.nodes.set(env, { node, spec });
  return { roots: [env], result: { kind: "task", id: env.i, task: spec.name }, terminals: [env.i] };
}

/** A chain whose nested chains are spliced in and where a group followed by a step is a chord (as in Celery). */
function normalizeChain(steps: readonly CanvasNode[]): CanvasNode[] {
  const flat: CanvasNode[] = [];
  for (const s of steps) {
    if (s.kind === "chain") flat.push(...normalizeChain(s.steps.map(asNode)));
    else flat.push(s);
  }
  const out: CanvasNode[] = [];
  for (let i = 0; i < flat.length; i++) {
    const s = flat[i];
    if (s.kind === "group" && i + 1 < flat.length) {
      out.push({ kind: "chord", header: s.members, callback: flat[++i] });
    } else out.push(s);
  }
  return out;
}

function planChain(ctx: Ctx, raw: readonly CanvasNode[], cont: Cont): Planned {
  const steps = normalizeChain(raw);
  if (steps.length === 0) throw new CanvasError("CANVAS_EMPTY", "a chain needs at least one step");
  for (let i = 0; i + 1 < steps.length; i++) checkStepFits(ctx.app, steps[i], steps[i + 1]);
  const last = plan(ctx, steps[steps.length - 1], cont);
  let next = last;
  // A failing step stops the chain: what the chain's last step would have produced fails with its error.
  const doomed: DoomTarget[] = [...last.terminals.map((i) => ({ i })), ...cont.df];
  for (let i = steps.length - 2; i >= 0; i--) {
    next = plan(ctx, steps[i], { nx: next.roots, df: doomed });
  }
  return { roots: next.roots, result: last.result, terminals: last.terminals };
}

function planGroup(ctx: Ctx, members: readonly CanvasNode[], cont: Cont): Planned {
  if (cont.nx.length > 0 || cont.ch) {
    throw new CanvasError(
      "CANVAS_NESTING",
      "a group cannot end a chain that is itself followed by a step or is a chord header; write the outer step as the group's chord callback",
    );
  }
  const id = randomUUID();
  const roots: Envelope[] = [];
  const results: ResultShape[] = [];
  const terminals: string[] = [];
  for (const m of members) {
    if (m.kind === "group")
      throw new CanvasError(
        "CANVAS_NESTING",
        "a group directly inside a group is not supported; list its members in the outer group",
      );
    const p = plan(ctx, m, cont);
    for (const env of p.roots) env.g ??= id;
    roots.push(...p.roots);
    results.push(p.result);
    terminals.push(...p.terminals);
  }
  const ttlMs = Math.max(86_400_000, ...Object.values(ctx.app.tasks).map((t) => t.resultExpiresMs));
  ctx.groups.push({ id, members: results.map((r) => r.id), ttlMs });
  return { roots, result: { kind: "group", id, members: results }, terminals };
}

function planChord(ctx: Ctx, header: readonly CanvasNode[], callback: CanvasNode, cont: Cont): Planned {
  if (header.length === 0) throw new CanvasError("CANVAS_EMPTY", "a chord needs at least one header task");
  const cb = plan(ctx, callback, cont);
  // The chord's record sits in its (first) callback's slot, so the last header's count fires the
  // callback in that same script call; headers on other shards carry their count there.
  const cbShard = shardOfId(cb.roots[0].i);
  const chordId = cbShard ? withShardSuffix(randomUUID(), cbShard) : randomUUID();
  const doomed: DoomTarget[] = [
    ...cb.terminals.map((i) => ({ i, c: chordId })),
    ...cont.df.map((t) => ({ i: t.i, c: t.c ?? chordId })),
  ];
  const cbKeys = cb.roots.map((e): [string, string, number] => [e.i, e.q, e.p]);
  const roots: Envelope[] = [];
  header.forEach((h, i) => {
    if (h.kind === "group")
      throw new CanvasError(
        "CANVAS_NESTING",
        "a group inside a chord header is not supported; list its members in the header",
      );
    const member = plan(ctx, h, { nx: [], ch: { k: chordId, i, cb: cbKeys }, df: doomed }).roots;
    for (const env of member) env.c ??= chordId;
    roots.push(...member);
  });
  for (const env of cb.roots) env.c ??= chordId;
  ctx.chords.push({ id: chordId, n: header.length, callback: cb.roots, header: roots.map((e) => e.i) });
  return { roots, result: cb.result, terminals: cb.terminals };
}

/** A task sent now receives no previous result: its own args must be complete. */
function finishRoot(ctx: Ctx, env: Envelope): void {
  const { node, spec } = ctx.nodes.get(env)!;
  if (env.k !== undefined) {
    throw new CanvasError(
      "CANVAS_NO_INPUT",
      `${spec.name} takes the previous step's result as "${node.options.resultAs}", but it is the first step: nothing comes before it`,
    );
  }
  if (env.a === undefined) env.a = serialize(ctx, spec, {}, null);
}

/** Validates (filling schema defaults in a copy) and serializes args; `field` is still to come. */
function serialize(ctx: Ctx, spec: TaskSpec, args: unknown, field: string | null): string {
  assertJsonArgs(spec.name, args, ctx.limits.maxDepth);
  const sent = JSON.stringify(args);
  if (sent === undefined || typeof args !== "object" || args === null || Array.isArray(args)) {
    throw new TaskArgumentsError(spec.name, [{ path: "args", message: "must be an object" }]);
  }
  const copy = JSON.parse(sent) as Record<string, unknown>;
  if (!spec.validateArgs(copy)) {
    const issues = (spec.validateArgs.errors ?? []).filter(
      (e) =>
        field === null ||
        (!(e.keyword === "required" && e.params.missingProperty === field) && !e.instancePath.startsWith(`/${field}`)),
    );
    if (issues.length > 0) throw new TaskArgumentsError(spec.name, describeViolations(issues));
  }
  // Defaults ajv filled in for the field to come would collide with it.
  if (field !== null) delete copy[field];
  const json = JSON.stringify(copy);
  assertSize(spec.name, json, ctx.limits.maxBytes);
  return json;
}
