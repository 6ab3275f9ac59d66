import { TASK_ID_PATTERN } from "../../keys/task-id.ts";
import { QUEUE_NAME_PATTERN } from "../../keys/queue-name.ts";
import { notFound } from "../http/errors.ts";

/**
 * Dead letters without a record are stored under `raw:<sha1 of the payload>` (see bury_raw in lib.lua),
 * wrong-type keys moved aside under `quarantine:<sha1 of the new key name>` (see quarantine.lua).
 */
const RAW_REF = /^(raw|quarantine):[0-9a-f]{40}$/;

/** Returns the id when it can be a task id, else a 404 (never builds a key from garbage). */
export function taskIdOr404(id: string): string {
  if (!TASK_ID_PATTERN.test(id)) throw notFound(`task ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}

export function isRawRef(member: string): boolean {
  return RAW_REF.test(member);
}

/** A dead letter for a wrong-type key that was moved aside (a raw ref too). */
export function isQuarantineRef(member: string): boolean {
  return member.startsWith("quarantine:") && RAW_REF.test(member);
}

/** A dead-letter member: a raw ref or a task id. */
export function deadMemberOr404(member: string): string {
  if (!RAW_REF.test(member) && !TASK_ID_PATTERN.test(member))
    throw notFound(`dead letter ${JSON.stringify(member.slice(0, 80))}`);
  return member;
}

export function isQueueName(name: string): boolean {
  return QUEUE_NAME_PATTERN.test(name);
}
