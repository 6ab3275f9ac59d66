// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:4e2d5e643dc932c0
import type { Handler } from "celerity";
import { ping } from "../handlers/core.ts";
import { announce, sendWelcome } from "../handlers/emails.ts";
import { fetchFlaky } from "../handlers/flaky.ts";
import { add } from "../handlers/math.ts";
import { nightly } from "../handlers/reports.ts";
import type { TaskArgs, TaskName, TaskResults } from "./types.ts";

/** What each task's handler must be: `(args, ctx) => result | Promise<result>`, typed from tasks.yaml. */
export type Handlers = { [K in TaskName]: Handler<TaskArgs[K], TaskResults[K]> };

/**
 * The worker's dispatch table. A handler whose signature disagrees with tasks.yaml is a type
 * error on its entry below; the comment above each entry names the manifest task it implements.
 */
export const dispatch: Handlers = {
  // core.ping: ./handlers/core.ts#ping
  "core.ping": ping,
  // emails.announce: ./handlers/emails.ts#announce
  "emails.announce": announce,
  // emails.send_welcome: ./handlers/emails.ts#sendWelcome
  "emails.send_welcome": sendWelcome,
  // flaky.fetch: ./handlers/flaky.ts#fetchFlaky
  "flaky.fetch": fetchFlaky,
  // math.add: ./handlers/math.ts#add
  "math.add": add,
  // reports.nightly: ./handlers/reports.ts#nightly
  "reports.nightly": nightly,
};
