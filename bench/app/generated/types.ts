// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:6211fa06038e5345

/**
 * Arguments of `bench.collect`.
 * A chord callback; reports when it started and when the last header finished.
 */
export interface BenchCollectArgs {
  values: Array<{
    at: number;
  }>;
}

/** Result of `bench.collect`. */
export interface BenchCollectResult {
  startedAt: number;
  lastHeaderAt: number;
}

/**
 * Arguments of `bench.latency`.
 * Records enqueue-to-start latency from the enqueue timestamp it carries.
 */
export interface BenchLatencyArgs {
  /** Epoch ms (fractional) taken just before the enqueue call. */
  t: number;
}

/** Result of `bench.latency`. */
export type BenchLatencyResult = null;

/**
 * Arguments of `bench.noop`.
 * Does nothing; counted by the bench probe. Used for enqueue, drain and memory.
 */
export interface BenchNoopArgs {
  i?: number;
  t?: number;
}

/** Result of `bench.noop`. */
export type BenchNoopResult = null;

/**
 * Arguments of `bench.quiet`.
 * Like bench.step with ignore_result; measures the Redis bytes a stored result costs.
 */
export interface BenchQuietArgs {
  n: number;
  at?: number;
}

/** Result of `bench.quiet`. */
export interface BenchQuietResult {
  n: number;
  at: number;
}

/**
 * Arguments of `bench.step`.
 * A canvas step (chain step, chord header); its result is the next step's args.
 */
export interface BenchStepArgs {
  n: number;
  at?: number;
}

/** Result of `bench.step`. */
export interface BenchStepResult {
  n: number;
  /** Epoch ms (fractional) when the handler finished. */
  at: number;
}

/** Argument type of each task, by name. */
export interface TaskArgs {
  "bench.collect": BenchCollectArgs;
  "bench.latency": BenchLatencyArgs;
  "bench.noop": BenchNoopArgs;
  "bench.quiet": BenchQuietArgs;
  "bench.step": BenchStepArgs;
}

/** Result type of each task, by name. */
export interface TaskResults {
  "bench.collect": BenchCollectResult;
  "bench.latency": BenchLatencyResult;
  "bench.noop": BenchNoopResult;
  "bench.quiet": BenchQuietResult;
  "bench.step": BenchStepResult;
}

/** Every task name in tasks.yaml. */
export type TaskName = keyof TaskArgs;
