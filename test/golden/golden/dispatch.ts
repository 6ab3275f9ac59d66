// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:89983e1edf06fc8a
import type { Handler } from "celerity";
import { createInvoice, run } from "../../fixtures/manifests/golden/handlers/billing.ts";
import {
  collideOne,
  collideTwo,
  default as miscDefault,
} from "../../fixtures/manifests/golden/handlers/misc.ts";
import { run as run2 } from "../../fixtures/manifests/golden/handlers/reports.ts";
import type { TaskArgs, TaskName, TaskResults } from "./types.ts";

/** What each task's handler must be: `(args, ctx) => result | Promise<result>`, typed from tasks.yaml. */
export type Handlers = { [K in TaskName]: Handler<TaskArgs[K], TaskResults[K]> };

/**
 * The worker's dispatch table. A handler whose signature disagrees with tasks.yaml is a type
 * error on its entry below; the comment above each entry names the manifest task it implements.
 */
export const dispatch: Handlers = {
  // a.b_c: ./handlers/misc.ts#collideTwo
  "a.b_c": collideTwo,
  // a_b.c: ./handlers/misc.ts#collideOne
  "a_b.c": collideOne,
  // billing.invoice.create: ./handlers/billing.ts#createInvoice
  "billing.invoice.create": createInvoice,
  // billing.refund: ./handlers/billing.ts#run
  "billing.refund": run,
  // ping: ./handlers/misc.ts#default
  ping: miscDefault,
  // reports.run: ./handlers/reports.ts#run
  "reports.run": run2,
};
