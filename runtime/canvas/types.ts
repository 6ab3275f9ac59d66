/**
 * The canvas's types: each step carries what it accepts from the step before it (`In`) and what it
 * produces (`Out`), so `tsc` checks that a chain's results fit the next step's arguments.
 */
import type { ApplyOptions, AsyncResult, GetOptions, StoredError } from "../task/types.ts";

/** Phantom keys: never set at run time, only read by the type checker. */
declare const STEP_IN: unique symbol;
declare const STEP_OUT: unique symbol;

/** Anything that can be a canvas step: a task signature, a chain, a group or a chord. */
export interface Step<In, Out> {
  readonly kind: "task" | "chain" | "group" | "chord";
  /** What the previous step's result must be assignable to (contravariant). */
  readonly [STEP_IN]?: (input: In) => void;
  readonly [STEP_OUT]?: () => Out;
}

// `any` here is the universal step, not a loss of checking: each call site infers its own types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStep = Step<any, any>;
/** What a step produces. */
export type StepOut<S> = S extends Step<any, infer O> ? O : never;
/** What a step accepts from the one before it. */
export type StepIn<S> = S extends Step<infer I, any> ? I : never;
/** The results of a list of steps, in order (a tuple for a tuple). */
export type StepOuts<S extends readonly unknown[]> = { -readonly [K in keyof S]: StepOut<S[K]> };

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Last<S extends readonly unknown[]> = S extends readonly [...unknown[], infer L] ? L : S[number];
type Outs<S extends readonly unknown[]> = S extends readonly [infer H, ...infer T]
  ? [StepOut<H>, ...Outs<T>]
  : S extends readonly (infer E)[]
    ? StepOut<E>[]
    : [];
/** What the step at `K` receives: the previous step's result (for a spread rest, any earlier step's). */
type PrevOut<S extends readonly unknown[], K> = K extends `${number}`
  ? [unknown, ...Outs<S>][K & keyof [unknown, ...Outs<S>]]
  : Outs<S>[number];

/**
 * A chain's steps as `tsc` checks them: each step after the first must accept the previous step's
 * result, so a step that does not is the argument `tsc` marks.
 */
export type ChainSteps<S extends readonly AnyStep[]> = {
  [K in keyof S]: K extends "0" ? S[K] : Step<PrevOut<S, K>, StepOut<S[K]>>;
};

/** Where a step's options differ from `applyAsync`'s: `resultAs` merges the input under a field. */
export interface SignatureOptions extends Omit<ApplyOptions, "taskId" | "eta"> {
  /** Receive the previous step's result as this field of the arguments (the rest given now). */
  resultAs?: string;
}

/** A frozen call (Celery's signature): task name, args and options, applied later or in a canvas. */
export interface Signature<A, R, In = unknown> extends Step<In, R> {
  readonly kind: "task";
  readonly task: string;
  /** The arguments given now: all of them, part of them (with `resultAs`), or none. */
  readonly args: A | Partial<A> | undefined;
  readonly options: SignatureOptions;
  /** Sends this call on its own (its args must be complete). */
  applyAsync(options?: ApplyOptions): Promise<AsyncResult<R>>;
}

/** A chain not yet sent (`$chain.s(...)`), to nest in another canvas. */
export interface ChainSignature<In, Out> extends Step<In, Out> {
  readonly kind: "chain";
  readonly steps: readonly AnyStep[];
}

/** A group not yet sent (`$group.s([...])`). */
export interface GroupSignature<In, Outs> extends Step<In, Outs> {
  readonly kind: "group";
  readonly members: readonly AnyStep[];
}

/** A chord not yet sent (`$chord.s([...], callback)`). */
export interface ChordSignature<In, Out> extends Step<In, Out> {
  readonly kind: "chord";
  readonly header: readonly AnyStep[];
  readonly callback: AnyStep;
}

/** `$chain(a, b, c)` sends at once; `$chain.s(a, b, c)` builds a nested step. */
export interface ChainBuilder {
  <const S extends readonly [AnyStep, ...AnyStep[]]>(...steps: ChainSteps<S>): Promise<AsyncResult<StepOut<Last<S>>>>;
  s<const S extends readonly [AnyStep, ...AnyStep[]]>(
    ...steps: ChainSteps<S>
  ): ChainSignature<StepIn<S[0]>, StepOut<Last<S>>>;
}

/** `$group([a, b])` sends at once; `$group.s([a, b])` builds a nested step. */
export interface GroupBuilder {
  <const S extends readonly AnyStep[]>(members: S): Promise<GroupResult<StepOuts<S>>>;
  s<const S extends readonly AnyStep[]>(members: S): GroupSignature<Intersect<StepIn<S[number]>>, StepOuts<S>>;
}

/** `$chord([headers], callback)` sends at once; `$chord.s(...)` builds a nested step. */
export interface ChordBuilder {
  <const H extends readonly AnyStep[], R>(header: H, callback: Step<StepOuts<H>, R>): Promise<AsyncResult<R>>;
  s<const H extends readonly AnyStep[], R>(
    header: H,
    callback: Step<StepOuts<H>, R>,
  ): ChordSignature<Intersect<StepIn<H[number]>>, R>;
}

/** Options of `get()` on a result. */
export interface ResultGetOptions extends GetOptions {
  /** false: resolve with the error instead of throwing it (Celery's `propagate=False`). */
  propagate?: boolean;
}

/** The results of a group, in order. */
export interface GroupResult<Outs> {
  /** Reopen it with `tasks.$groupResult(id)`. */
  readonly id: string;
  /** One handle per member, in order. */
  readonly results: readonly AsyncResult<unknown>[];
  /** Waits for every member; rejects with the first failure (in member order). */
  get(options?: GetOptions): Promise<Outs>;
  /** Every member finished (successfully or not). */
  ready(): Promise<boolean>;
  /** Members that finished successfully. */
  completedCount(): Promise<number>;
  /** Every member succeeded. */
  successful(): Promise<boolean>;
  /** Some member failed or was revoked. */
  failed(): Promise<boolean>;
  revoke(options?: { terminate?: boolean }): Promise<void>;
}

/** How a link error callback receives the failure: the failed task's id and its error. */
export interface LinkErrorArgs {
  taskId: string;
  error: StoredError;
}
