// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:9d3c8a22d8200fa8
// Precompiled ajv validators (see validators.js). They apply schema defaults in place.
import type { ValidateFunction } from "celerity";

/** Validates the args of `bench.latency`. */
export declare const args_bench$latency: ValidateFunction;
/** Validates the result of `bench.latency`. */
export declare const result_bench$latency: ValidateFunction;

/** Validates the args of `bench.noop`. */
export declare const args_bench$noop: ValidateFunction;
/** Validates the result of `bench.noop`. */
export declare const result_bench$noop: ValidateFunction;
