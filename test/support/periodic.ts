import type { PeriodicSpec } from "../../runtime/mod.ts";

/** The fields of a periodic entry that the manifest leaves at their defaults unless told otherwise. */
export const PERIODIC_DEFAULTS = {
  queue: null,
  priority: null,
  expiresMs: null,
  enabled: true,
  oneOff: false,
  startTime: null,
  description: null,
} as const satisfies Omit<PeriodicSpec, "name" | "task" | "schedule" | "args">;
