/**
 * Checks of the user's project around the output directory that codegen reports but does not enforce.
 * @module
 */
export { moduleTypeWarning } from "./module-type.ts";
