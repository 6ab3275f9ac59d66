// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:9d3c8a22d8200fa8

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

/** Argument type of each task, by name. */
export interface TaskArgs {
  "bench.latency": BenchLatencyArgs;
  "bench.noop": BenchNoopArgs;
}

/** Result type of each task, by name. */
export interface TaskResults {
  "bench.latency": BenchLatencyResult;
  "bench.noop": BenchNoopResult;
}

/** Every task name in tasks.yaml. */
export type TaskName = keyof TaskArgs;
