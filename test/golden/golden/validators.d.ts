// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:89983e1edf06fc8a
// Precompiled ajv validators (see validators.js). They apply schema defaults in place.
import type { ValidateFunction } from "celerity";

/** Validates the args of `a.b_c`. */
export declare const args_a$b_c: ValidateFunction;
/** Validates the result of `a.b_c`. */
export declare const result_a$b_c: ValidateFunction;

/** Validates the args of `a_b.c`. */
export declare const args_a_b$c: ValidateFunction;
/** Validates the result of `a_b.c`. */
export declare const result_a_b$c: ValidateFunction;

/** Validates the args of `billing.invoice.create`. */
export declare const args_billing$invoice$create: ValidateFunction;
/** Validates the result of `billing.invoice.create`. */
export declare const result_billing$invoice$create: ValidateFunction;

/** Validates the args of `billing.refund`. */
export declare const args_billing$refund: ValidateFunction;
/** Validates the result of `billing.refund`. */
export declare const result_billing$refund: ValidateFunction;

/** Validates the args of `ping`. */
export declare const args_ping: ValidateFunction;

/** Validates the args of `reports.run`. */
export declare const args_reports$run: ValidateFunction;
/** Validates the result of `reports.run`. */
export declare const result_reports$run: ValidateFunction;
