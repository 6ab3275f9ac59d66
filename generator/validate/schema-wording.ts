import { DURATION_EXPECTED } from "../../runtime/core/mod.ts";
import { RATE_LIMIT_EXPECTED } from "../util/rate-limit.ts";

/**
 * What each definition of manifest.schema.json accepts, in words, keyed by the definition's
 * `title` (ajv hands us the failing subschema, and its title survives `$ref` inlining).
 */
export const EXPECTED_BY_TITLE: Readonly<Record<string, string>> = {
  "celerity manifest": "a mapping with version, app and tasks",
  "manifest version": "1",
  "app name": "a name made of letters, digits, _, . and -",
  "queue name": "a name made of letters, digits, _, . and -",
  "task name": "dotted identifier segments such as emails.send_welcome",
  "retry policy name": "a name starting with a letter or _, then letters, digits, _ or -",
  "periodic entry name": "a name made of letters, digits, _, . and -",
  "handler reference": "./path/to/module.ts#exportName (relative to the manifest file)",
  duration: DURATION_EXPECTED,
  backoff: `false, true (= 1s), or ${DURATION_EXPECTED}`,
  "rate limit": RATE_LIMIT_EXPECTED,
  priority: "an integer from 0 (lowest) to 9 (highest)",
  max_retries: "a whole number of retries, or null to retry forever",
  "error name": "an error class name such as NetworkError",
  "list of error names": "a list of error class names such as [NetworkError, TimeoutError]",
  "true or false": "true or false",
  text: "a string",
  timestamp: "an ISO 8601 time with a zone, such as 2027-01-01T09:00:00Z",
  "JSON Schema": "a JSON Schema (a mapping, or true/false)",
  "retry policy": "a mapping of retry settings (autoretry_for, max_retries, backoff, ...)",
  "retry setting": "a retry policy name, false, or a mapping { policy, ...overrides }",
  defaults: "a mapping of default task settings",
  task: "a mapping with at least a handler",
  "periodic entry": "a mapping with a task and one of every, cron or at",
  tasks: "a mapping of task names to tasks",
  "periodic entries": "a mapping of entry names to periodic entries",
  "retry policies": "a mapping of policy names to retry policies",
};

/** What a subschema accepts, falling back to its JSON type when it has no known title. */
export function expectedFor(schema: unknown): string | undefined {
  if (schema === null || typeof schema !== "object") return undefined;
  const { title, type } = schema as { title?: unknown; type?: unknown };
  if (typeof title === "string" && EXPECTED_BY_TITLE[title]) return EXPECTED_BY_TITLE[title];
  if (typeof type === "string") return TYPE_WORDS[type];
  return undefined;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  null: "null",
};
