/**
 * celerity's runtime: what generated code imports. Keep this surface small and documented.
 * @module
 */
export type * from "./spec/mod.ts";
export type * from "./task/types.ts";
