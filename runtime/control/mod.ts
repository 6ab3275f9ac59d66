/** Inspect and control workers at run time (Celery's `celery inspect` / `celery control`). */
export {
  createController,
  createInspector,
  type Controller,
  type InspectOptions,
  type InspectReplies,
  type Inspector,
} from "./remote.ts";
export { INSPECT_KINDS, parseControlMessage, type ControlMessage, type InspectKind } from "./messages.ts";
export { formatRate, parseRate } from "./rate.ts";
