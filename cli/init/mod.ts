/**
 * `celerity init`: scaffolds a project in a directory, deciding everything first (plan) and then
 * writing it all or nothing (apply).
 * @module
 */
export { applyInit } from "./apply.ts";
export { InitError, type InitErrorCode } from "./errors.ts";
export { planInit, type InitPlan, type InitWrite } from "./plan.ts";
export { formatReport } from "./report.ts";
