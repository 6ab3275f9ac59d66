/**
 * Pins the exact text `celerity codegen` prints for bad manifests: position, code frame, what was
 * expected, "did you mean", and the count. Each manifest sits next to a handlers/emails.ts that
 * exports `sendWelcome` and `notify`.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatIssues, generate, ManifestError } from "../generator/mod.ts";
import { tempDir, writeTree } from "./generator-helpers.ts";

const HANDLERS = {
  "handlers/emails.ts": "export const sendWelcome = async () => ({});\nexport function notify() {}\n",
};

/** What codegen prints for `manifest` (as tasks.yaml in the working directory). */
async function errorText(manifest: string): Promise<string> {
  const { dir, cleanup } = await tempDir("errors");
  try {
    await writeTree(dir, { ...HANDLERS, "tasks.yaml": manifest });
    await generate("tasks.yaml", "generated", { cwd: dir });
  } catch (error) {
    if (error instanceof ManifestError) return formatIssues(error.issues, error.text);
    throw error;
  } finally {
    await cleanup();
  }
  return "(no error)";
}

/** The start of a manifest with one task, `emails.send_welcome`, and the two retry policies. */
const ONE_TASK = `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
`;

/** A manifest whose one periodic entry has `cron`, and the error codegen must give for it. */
function cronCase(name: string, cron: string, message: string): { name: string; manifest: string; expected: string } {
  return {
    name,
    manifest: `${ONE_TASK}periodic:
  nightly:
    task: emails.send_welcome
    cron: "${cron}"
`,
    expected: `tasks.yaml:12:11 error: invalid cron expression "${cron}": ${message}
  10 |   nightly:
  11 |     task: emails.send_welcome
> 12 |     cron: "${cron}"
     |           ${"^".repeat(cron.length + 2)}
  expected: a cron expression of 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, such as "0 3 * * *"

1 error
`,
  };
}

/** A manifest whose task's `userId` argument has `type: <type>`, and the error pointing at `at` in it. */
function argTypeCase(
  name: string,
  type: string,
  error: { at: string; message: string; expected: string; suggestion?: string },
): { name: string; manifest: string; expected: string } {
  const line = `        userId: { type: ${type} }`;
  const column = line.indexOf(error.at) + 1;
  const suggestion = error.suggestion ? `\n  did you mean "${error.suggestion}"?` : "";
  return {
    name,
    manifest: `${ONE_TASK}    args:
      type: object
      properties:
${line}
`,
    expected: `tasks.yaml:12:${column} error: invalid JSON Schema: ${error.message}
  10 |       type: object
  11 |       properties:
> 12 | ${line}
     | ${" ".repeat(column - 1)}${"^".repeat(error.at.length)}
  expected: ${error.expected}${suggestion}

1 error
`,
  };
}

const SCHEMA_TYPES = "one of array, boolean, integer, null, number, object, string";

const FIELD_COUNT = "expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds first)";

const CASES: Array<{ name: string; manifest: string; expected: string }> = [
  {
    name: "unknown key, with a suggestion",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    queu: emails
`,
    expected: `tasks.yaml:9:5 error: unknown key "queu" in "emails.send_welcome"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     queu: emails
    |     ^^^^
  expected: one of acks_late, args, description, expires, handler, ignore_result, priority, queue, rate_limit, result, retry, time_limit
  did you mean "queue"?

1 error
`,
  },
  {
    name: "unknown top-level key",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
periodics: {}
`,
    expected: `tasks.yaml:9:1 error: unknown key "periodics"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 | periodics: {}
    | ^^^^^^^^^
  expected: one of app, defaults, periodic, queues, retry_policies, tasks, version
  did you mean "periodic"?

1 error
`,
  },
  {
    name: "wrong type",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    priority: high
`,
    expected: `tasks.yaml:9:15 error: wrong type for "priority": got a string ("high")
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     priority: high
    |               ^^^^
  expected: an integer from 0 (lowest) to 9 (highest)

1 error
`,
  },
  {
    name: "bad duration",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    time_limit: 5 minutes
`,
    expected: `tasks.yaml:9:17 error: invalid duration "5 minutes"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     time_limit: 5 minutes
    |                 ^^^^^^^^^
  expected: a duration such as 250ms, 30s, 5m, 2h, 1d, or a number of seconds

1 error
`,
  },
  {
    name: "duration of zero where it must be positive",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    expires: 0s
`,
    expected: `tasks.yaml:9:14 error: expires "0s" must be longer than zero
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     expires: 0s
    |              ^^
  expected: a duration greater than 0, such as 30s

1 error
`,
  },
  {
    name: "bad rate limit",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    rate_limit: 100/sec
`,
    expected: `tasks.yaml:9:17 error: invalid rate limit "100/sec"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     rate_limit: 100/sec
    |                 ^^^^^^^
  expected: a rate such as 100/s, 10/m or 1000/h, or a whole number of tasks per second

1 error
`,
  },
  {
    name: "priority out of range",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    priority: 12
`,
    expected: `tasks.yaml:9:15 error: priority 12 is out of range
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     priority: 12
    |               ^^
  expected: an integer from 0 (lowest) to 9 (highest)

1 error
`,
  },
  {
    name: "unsupported version",
    manifest: `version: 2
app: demo
tasks: {}
`,
    expected: `tasks.yaml:1:10 error: unsupported manifest version 2
> 1 | version: 2
    |          ^
  expected: 1

1 error
`,
  },
  {
    name: "missing required key",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    queue: emails
`,
    expected: `tasks.yaml:7:3 error: missing required key "handler" in "emails.send_welcome"
  5 |   fast: { max_retries: 1, backoff: 100ms }
  6 | tasks:
> 7 |   emails.send_welcome:
    |   ^^^^^^^^^^^^^^^^^^^

1 error
`,
  },
  {
    name: "invalid task name",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send-welcome:
    handler: ./handlers/emails.ts#sendWelcome
`,
    expected: `tasks.yaml:7:3 error: invalid task name "emails.send-welcome"
  5 |   fast: { max_retries: 1, backoff: 100ms }
  6 | tasks:
> 7 |   emails.send-welcome:
    |   ^^^^^^^^^^^^^^^^^^^
  expected: dotted identifier segments such as emails.send_welcome

1 error
`,
  },
  {
    name: "task name that is both a task and a prefix",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
  emails.send_welcome.retry:
    handler: ./handlers/emails.ts#notify
`,
    expected: `tasks.yaml:9:3 error: task "emails.send_welcome.retry" is nested under task "emails.send_welcome"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |   emails.send_welcome.retry:
    |   ^^^^^^^^^^^^^^^^^^^^^^^^^
  expected: a name that is not also a prefix of another task (the client would need "emails.send_welcome" to be both a task and a namespace)

1 error
`,
  },
  {
    name: "unknown retry policy",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    retry: standrd
`,
    expected: `tasks.yaml:9:12 error: unknown retry policy "standrd"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     retry: standrd
    |            ^^^^^^^
  expected: one of the names under retry_policies (fast, standard)
  did you mean "standard"?

1 error
`,
  },
  {
    name: "unknown retry policy in overrides",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    retry: { policy: fsat, max_retries: 2 }
`,
    expected: `tasks.yaml:9:22 error: unknown retry policy "fsat"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     retry: { policy: fsat, max_retries: 2 }
    |                      ^^^^
  expected: one of the names under retry_policies (fast, standard)
  did you mean "fast"?

1 error
`,
  },
  {
    name: "retry: true",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    retry: true
`,
    expected: `tasks.yaml:9:12 error: invalid retry setting true
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     retry: true
    |            ^^^^
  expected: a retry policy name, false, or a mapping { policy, ...overrides }

1 error
`,
  },
  {
    name: "handler file missing",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/email.ts#sendWelcome
`,
    expected: `tasks.yaml:8:14 error: handler file not found: ./handlers/email.ts
  6 | tasks:
  7 |   emails.send_welcome:
> 8 |     handler: ./handlers/email.ts#sendWelcome
    |              ^^^^^^^^^^^^^^^^^^^
  expected: a module path relative to the manifest file
  did you mean "./handlers/emails.ts"?

1 error
`,
  },
  {
    name: "handler export missing",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcom
`,
    expected: `tasks.yaml:8:35 error: ./handlers/emails.ts has no export named "sendWelcom"
  6 | tasks:
  7 |   emails.send_welcome:
> 8 |     handler: ./handlers/emails.ts#sendWelcom
    |                                   ^^^^^^^^^^
  expected: one of its exports (notify, sendWelcome)
  did you mean "sendWelcome"?

1 error
`,
  },
  {
    name: "duplicate key",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    queue: emails
    priority: 3
    queue: mail
`,
    expected: `tasks.yaml:11:5 error: duplicate key "queue"
   9 |     queue: emails
  10 |     priority: 3
> 11 |     queue: mail
     |     ^^^^^
  expected: each key at most once in a mapping

1 error
`,
  },
  argTypeCase("invalid JSON Schema type in args", "integr", {
    at: "integr",
    message: 'unknown type "integr"',
    expected: SCHEMA_TYPES,
    suggestion: "integer",
  }),
  argTypeCase("a type list naming an unknown type points at that element", "[string, integr]", {
    at: "integr",
    message: 'unknown type "integr"',
    expected: SCHEMA_TYPES,
    suggestion: "integer",
  }),
  // Found by the manifest fuzzer: String() of this value threw inside the error reporter.
  argTypeCase("a type list holding a mapping whose toString is not a function", "[{ toString: true }]", {
    at: "{ toString: true }",
    message: '"type" must be a type name, not a mapping',
    expected: SCHEMA_TYPES,
  }),
  argTypeCase("a type list naming a type twice", "[string, string]", {
    at: "[string, string]",
    message: "a list of types must name each type once",
    expected: `distinct names, each ${SCHEMA_TYPES}`,
  }),
  argTypeCase("a type that is a number", "5", {
    at: "5",
    message: '"type" must be a type name or a list of type names, not a number (5)',
    expected: SCHEMA_TYPES,
  }),
  {
    name: "unknown JSON Schema keyword in args",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    args:
      type: object
      requird: [userId]
`,
    expected: `tasks.yaml:11:7 error: invalid JSON Schema: unknown keyword "requird"
   9 |     args:
  10 |       type: object
> 11 |       requird: [userId]
     |       ^^^^^^^
  expected: a JSON Schema draft-07 keyword
  did you mean "required"?

1 error
`,
  },
  {
    name: "unknown JSON Schema format",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    args: { type: object, properties: { day: { type: string, format: dat } } }
`,
    expected: `tasks.yaml:9:70 error: invalid JSON Schema: unknown format "dat"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     args: { type: object, properties: { day: { type: string, format: dat } } }
    |                                                                      ^^^
  expected: one of binary, byte, date, date-time, double, duration, email, float, hostname, int32, int64, ipv4, ipv6, iso-date-time, iso-time, json-pointer, json-pointer-uri-fragment, password, regex, relative-json-pointer, time, uri, uri-reference, uri-template, url, uuid
  did you mean "date"?

1 error
`,
  },
  {
    name: "JSON Schema rejected by ajv strict mode",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    args: { properties: { day: { type: string } } }
`,
    expected: `tasks.yaml:9:11 error: invalid JSON Schema: missing type "object" for keyword "properties"
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     args: { properties: { day: { type: string } } }
    |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  expected: a schema that ajv compiles in strict mode (see https://ajv.js.org/strict-mode.html)

1 error
`,
  },
  {
    name: "periodic entry with an unknown task",
    manifest: `${ONE_TASK}periodic:
  hourly:
    task: emails.send_welcom
    every: 1h
`,
    expected: `tasks.yaml:11:11 error: periodic entry "hourly" refers to unknown task "emails.send_welcom"
   9 | periodic:
  10 |   hourly:
> 11 |     task: emails.send_welcom
     |           ^^^^^^^^^^^^^^^^^^
  expected: the name of a task under tasks
  did you mean "emails.send_welcome"?

1 error
`,
  },
  cronCase("bad cron expression", "0 25 * * *", "invalid value for hour: 25"),
  cronCase("a cron with 7 fields (croner takes it, beat does not)", "0 0 3 * * * 2027", `${FIELD_COUNT}, got 7`),
  cronCase("an ISO date as cron (that is what at: is for)", "2027-01-01T10:00:00", `${FIELD_COUNT}, got 1`),
  {
    name: "unknown time zone",
    manifest: `${ONE_TASK}periodic:
  nightly:
    task: emails.send_welcome
    cron: "0 3 * * *"
    timezone: Europe/Berln
`,
    expected: `tasks.yaml:13:15 error: unknown time zone "Europe/Berln"
  11 |     task: emails.send_welcome
  12 |     cron: "0 3 * * *"
> 13 |     timezone: Europe/Berln
     |               ^^^^^^^^^^^^
  expected: an IANA time zone such as UTC, Europe/Berlin or America/New_York
  did you mean "Europe/Berlin"?

1 error
`,
  },
  {
    name: "timezone without cron",
    manifest: `${ONE_TASK}periodic:
  tick:
    task: emails.send_welcome
    every: 30s
    timezone: UTC
`,
    expected: `tasks.yaml:13:5 error: timezone applies only to cron schedules
  11 |     task: emails.send_welcome
  12 |     every: 30s
> 13 |     timezone: UTC
     |     ^^^^^^^^
  expected: timezone together with cron

1 error
`,
  },
  {
    name: "periodic entries with two schedules and with none",
    manifest: `${ONE_TASK}periodic:
  tick:
    task: emails.send_welcome
    every: 30s
    cron: "* * * * *"
  tock:
    task: emails.send_welcome
`,
    expected: `tasks.yaml:13:5 error: periodic entry "tick" has more than one schedule (every, cron)
  11 |     task: emails.send_welcome
  12 |     every: 30s
> 13 |     cron: "* * * * *"
     |     ^^^^
  expected: exactly one of every, cron or at

tasks.yaml:14:3 error: periodic entry "tock" has no schedule
  12 |     every: 30s
  13 |     cron: "* * * * *"
> 14 |   tock:
     |   ^^^^
  expected: exactly one of every, cron or at

2 errors
`,
  },
  {
    name: "timestamp without a zone",
    manifest: `${ONE_TASK}periodic:
  launch:
    task: emails.send_welcome
    at: 2027-01-01 09:00
`,
    expected: `tasks.yaml:12:9 error: invalid timestamp "2027-01-01 09:00"
  10 |   launch:
  11 |     task: emails.send_welcome
> 12 |     at: 2027-01-01 09:00
     |         ^^^^^^^^^^^^^^^^
  expected: an ISO 8601 time with a zone, such as 2027-01-01T09:00:00Z

1 error
`,
  },
  {
    name: "periodic args failing the task's args schema",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    args:
      type: object
      required: [userId]
      additionalProperties: false
      properties:
        userId: { type: integer, minimum: 1 }
        locale: { type: string, enum: [en, de] }
periodic:
  welcome-bot:
    task: emails.send_welcome
    every: 1d
    args: { locale: fr, userid: 3 }
`,
    expected: `tasks.yaml:20:5 error: args of periodic entry "welcome-bot" do not match task "emails.send_welcome": missing required property "userId"
  18 |     task: emails.send_welcome
  19 |     every: 1d
> 20 |     args: { locale: fr, userid: 3 }
     |     ^^^^

tasks.yaml:20:21 error: args of periodic entry "welcome-bot" do not match task "emails.send_welcome": "locale" must be one of "en", "de"
  18 |     task: emails.send_welcome
  19 |     every: 1d
> 20 |     args: { locale: fr, userid: 3 }
     |                     ^^

tasks.yaml:20:25 error: args of periodic entry "welcome-bot" do not match task "emails.send_welcome": unknown property "userid"
  18 |     task: emails.send_welcome
  19 |     every: 1d
> 20 |     args: { locale: fr, userid: 3 }
     |                         ^^^^^^

3 errors
`,
  },
  {
    name: "YAML syntax error: unterminated flow mapping",
    manifest: `version: 1
app: demo
retry_policies:
  standard: { max_retries: 3 }
  fast: { max_retries: 1, backoff: 100ms }
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    args: { type: object
`,
    expected: `tasks.yaml:9:24 error: invalid YAML: flow map in block collection must be sufficiently indented and end with a }
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcome
> 9 |     args: { type: object
    |                        ^

1 error
`,
  },
  {
    name: "YAML syntax error: unterminated string",
    manifest: `version: 1
app: "demo
tasks: {}
`,
    expected: `tasks.yaml:2:6 error: invalid YAML: string is never closed
  1 | version: 1
> 2 | app: "demo
    |      ^
  expected: a closing " for the string that starts here

1 error
`,
  },
  {
    name: "empty manifest",
    manifest: ``,
    expected: `tasks.yaml:1:1 error: wrong type for the manifest: got null
> 1 |
    | ^
  expected: a mapping with version, app and tasks

1 error
`,
  },
  {
    name: "many errors at once, with the count",
    manifest: `version: 1
app: demo
defaults:
  queu: default
  retry: standard
tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcom
    priority: 10
    time_limit: soon
periodic:
  nightly:
    task: reports.nightly
    cron: "61 3 * * *"
    timezone: Mars/Olympus
`,
    expected: `tasks.yaml:4:3 error: unknown key "queu" in "defaults"
  2 | app: demo
  3 | defaults:
> 4 |   queu: default
    |   ^^^^
  expected: one of acks_late, priority, queue, result_expires, retry, shards, time_limit
  did you mean "queue"?

tasks.yaml:5:10 error: unknown retry policy "standard"
  3 | defaults:
  4 |   queu: default
> 5 |   retry: standard
    |          ^^^^^^^^
  expected: a policy defined under retry_policies (none are defined)

tasks.yaml:8:35 error: ./handlers/emails.ts has no export named "sendWelcom"
  6 | tasks:
  7 |   emails.send_welcome:
> 8 |     handler: ./handlers/emails.ts#sendWelcom
    |                                   ^^^^^^^^^^
  expected: one of its exports (notify, sendWelcome)
  did you mean "sendWelcome"?

tasks.yaml:9:15 error: priority 10 is out of range
  7 |   emails.send_welcome:
  8 |     handler: ./handlers/emails.ts#sendWelcom
> 9 |     priority: 10
    |               ^^
  expected: an integer from 0 (lowest) to 9 (highest)

tasks.yaml:10:17 error: invalid duration "soon"
   8 |     handler: ./handlers/emails.ts#sendWelcom
   9 |     priority: 10
> 10 |     time_limit: soon
     |                 ^^^^
  expected: a duration such as 250ms, 30s, 5m, 2h, 1d, or a number of seconds

tasks.yaml:13:11 error: periodic entry "nightly" refers to unknown task "reports.nightly"
  11 | periodic:
  12 |   nightly:
> 13 |     task: reports.nightly
     |           ^^^^^^^^^^^^^^^
  expected: the name of a task under tasks

tasks.yaml:14:11 error: invalid cron expression "61 3 * * *": invalid value for minute: 61
  12 |   nightly:
  13 |     task: reports.nightly
> 14 |     cron: "61 3 * * *"
     |           ^^^^^^^^^^^^
  expected: a cron expression of 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, such as "0 3 * * *"

tasks.yaml:15:15 error: unknown time zone "Mars/Olympus"
  13 |     task: reports.nightly
  14 |     cron: "61 3 * * *"
> 15 |     timezone: Mars/Olympus
     |               ^^^^^^^^^^^^
  expected: an IANA time zone such as UTC, Europe/Berlin or America/New_York

8 errors
`,
  },
  {
    name: "alias with no anchor (a plain string starting with *)",
    manifest: `version: 1
app: demo
tasks:
  emails.send_welcome:
    handler: *sendWelcome
`,
    expected: `tasks.yaml:5:14 error: invalid YAML: alias *sendWelcome refers to no anchor
  3 | tasks:
  4 |   emails.send_welcome:
> 5 |     handler: *sendWelcome
    |              ^^^^^^^^^^^^
  expected: an anchor (&name) defined before the alias; to start a plain string with *, quote it

1 error
`,
  },
];

for (const { name, manifest, expected } of CASES) {
  test(`error text: ${name}`, async () => {
    assert.equal(await errorText(manifest), expected);
  });
}

test("a manifest that does not exist is one positionless error", async () => {
  const { dir, cleanup } = await tempDir("errors");
  try {
    await assert.rejects(generate("tasks.yaml", "generated", { cwd: dir }), (error: unknown) => {
      assert.ok(error instanceof ManifestError);
      assert.equal(error.code, "MANIFEST_INVALID");
      assert.equal(
        formatIssues(error.issues, error.text),
        "tasks.yaml error: manifest file not found\n  expected: a tasks.yaml (pass --manifest <path> to use another file)\n\n1 error\n",
      );
      return true;
    });
  } finally {
    await cleanup();
  }
});

test("issues carry file, line, column, message, expected and suggestion", async () => {
  const { dir, cleanup } = await tempDir("errors");
  try {
    await writeTree(dir, { ...HANDLERS, "tasks.yaml": CASES[0]!.manifest });
    await assert.rejects(generate("tasks.yaml", "generated", { cwd: dir }), (error: unknown) => {
      assert.ok(error instanceof ManifestError);
      assert.deepEqual(error.issues, [
        {
          file: "tasks.yaml",
          line: 9,
          column: 5,
          length: 4,
          message: 'unknown key "queu" in "emails.send_welcome"',
          expected:
            "one of acks_late, args, description, expires, handler, ignore_result, priority, queue, rate_limit, result, retry, time_limit",
          suggestion: "queue",
        },
      ]);
      return true;
    });
  } finally {
    await cleanup();
  }
});

test("CRLF manifests report the same positions", async () => {
  const crlf = CASES[0]!.manifest.replace(/\n/g, "\r\n");
  assert.equal(await errorText(crlf), CASES[0]!.expected);
});
