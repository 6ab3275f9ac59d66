/**
 * Pure helpers the generator and the runtime share: durations, name suggestions, sorted JSON and
 * stored-JSON parsing. Nothing here imports Redis, the generator's dependencies or Node built-ins,
 * so both halves (and a browser, Deno or Bun) can load it.
 * @module
 */
export { DURATION_EXPECTED, DURATION_PATTERN, durationFromText, durationToMs, parseDuration } from "./duration.ts";
export { compareStrings, isRecord, sortedJson, sortKeysDeep } from "./sorted-json.ts";
export { nestsDeeperThan, parseStoredJson, parseStoredObject, type StoredJsonOptions } from "./stored-json.ts";
export { editDistance, suggest } from "./suggest.ts";
