import { CanvasError } from "../errors/canvas-errors.ts";
import type { AppSpec } from "../spec/types.ts";
import type { CanvasNode } from "./build.ts";

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

function types(s: Schema): Set<string> | null {
  if (typeof s.type === "string") return new Set([s.type]);
  if (Array.isArray(s.type)) return new Set(s.type.map(String));
  if (Array.isArray(s.enum) || "const" in s) return null;
  return null;
}

/**
 * Why a value valid against `from` may be refused by `to`, or null when it plainly fits. A
 * conservative structural check (types, required and unknown properties); it never calls a
 * fitting pair a mismatch, it only catches the plain mistakes a person makes.
 */
export function whyNotFits(from: unknown, to: unknown, path: string): string | null {
  if (!isSchema(from) || !isSchema(to)) return null;
  const ft = types(from);
  const tt = types(to);
  if (ft && tt) {
    const bad = [...ft].filter((t) => !tt.has(t) && !(t === "integer" && tt.has("number")));
    if (bad.length > 0) return `${path} is ${[...ft].join(" or ")}, the arguments need ${[...tt].join(" or ")}`;
  }
  if (ft?.size === 1 && ft.has("object") && tt?.has("object")) {
    const fp = isSchema(from.properties) ? from.properties : {};
    const tp = isSchema(to.properties) ? to.properties : {};
    const freq = new Set(Array.isArray(from.required) ? from.required.map(String) : []);
    for (const r of Array.isArray(to.required) ? to.required.map(String) : []) {
      const hasDefault = isSchema(tp[r]) && "default" in (tp[r] as Schema);
      if (!freq.has(r) && !hasDefault) return `${path} does not always have "${r}", which the arguments require`;
    }
    if (to.additionalProperties === false) {
      for (const k of Object.keys(fp)) if (!(k in tp)) return `${path} has "${k}", which the arguments do not allow`;
    }
    for (const k of Object.keys(fp)) {
      if (k in tp) {
        const why = whyNotFits(fp[k], tp[k], `${path}.${k}`);
        if (why) return why;
      }
    }
  }
  return null;
}

/** The task whose result a step ends with (a chord's callback, a chain's last step), if a single task. */
function lastTask(node: CanvasNode): string | null {
  if (node.kind === "task") return node.task;
  if (node.kind === "chain")
    return node.steps.length > 0 ? lastTask(node.steps[node.steps.length - 1] as CanvasNode) : null;
  if (node.kind === "chord") return lastTask(node.callback);
  return null;
}

/** The tasks that receive a step's input, with the field it lands in (null: the whole args). */
function firstTasks(node: CanvasNode): { task: string; field: string | null; fixed: boolean }[] {
  if (node.kind === "task")
    return [
      {
        task: node.task,
        field: node.options?.resultAs ?? null,
        fixed: node.args !== undefined && node.options?.resultAs === undefined,
      },
    ];
  if (node.kind === "chain") return node.steps.length > 0 ? firstTasks(node.steps[0] as CanvasNode) : [];
  if (node.kind === "group") return node.members.flatMap((m) => firstTasks(m as CanvasNode));
  return node.header.flatMap((m) => firstTasks(m as CanvasNode));
}

/** Refuses, naming both tasks, a step whose declared result schema cannot be the next step's arguments. */
export function checkStepFits(app: AppSpec, prev: CanvasNode, next: CanvasNode): void {
  const from = lastTask(prev);
  if (from === null || !Object.hasOwn(app.tasks, from)) return;
  const result = app.tasks[from].resultSchema;
  for (const to of firstTasks(next)) {
    if (to.fixed || !Object.hasOwn(app.tasks, to.task)) continue;
    const args = app.tasks[to.task].argsSchema;
    if (!isSchema(args)) continue;
    const target = to.field === null ? args : isSchema(args.properties) ? args.properties[to.field] : undefined;
    if (to.field !== null && target === undefined && args.additionalProperties === false) {
      throw new CanvasError(
        "CANVAS_STEP_MISMATCH",
        `the result of ${from} cannot go into ${to.task}: its arguments have no field "${to.field}"`,
      );
    }
    const why = whyNotFits(result, target, "the result");
    if (why)
      throw new CanvasError(
        "CANVAS_STEP_MISMATCH",
        `the result of ${from} cannot be the arguments of ${to.task}${to.field ? ` (as "${to.field}")` : ""}: ${why}`,
      );
  }
}
