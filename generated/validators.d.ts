// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:4e2d5e643dc932c0
// Precompiled ajv validators (see validators.js). They apply schema defaults in place.
import type { ValidateFunction } from "celerity";

/** Validates the args of `core.ping`. */
export declare const args_core$ping: ValidateFunction;
/** Validates the result of `core.ping`. */
export declare const result_core$ping: ValidateFunction;

/** Validates the args of `emails.announce`. */
export declare const args_emails$announce: ValidateFunction;
/** Validates the result of `emails.announce`. */
export declare const result_emails$announce: ValidateFunction;

/** Validates the args of `emails.send_welcome`. */
export declare const args_emails$send_welcome: ValidateFunction;
/** Validates the result of `emails.send_welcome`. */
export declare const result_emails$send_welcome: ValidateFunction;

/** Validates the args of `flaky.fetch`. */
export declare const args_flaky$fetch: ValidateFunction;
/** Validates the result of `flaky.fetch`. */
export declare const result_flaky$fetch: ValidateFunction;

/** Validates the args of `math.add`. */
export declare const args_math$add: ValidateFunction;
/** Validates the result of `math.add`. */
export declare const result_math$add: ValidateFunction;

/** Validates the args of `reports.nightly`. */
export declare const args_reports$nightly: ValidateFunction;
/** Validates the result of `reports.nightly`. */
export declare const result_reports$nightly: ValidateFunction;
