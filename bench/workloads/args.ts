import type { NoopArgs } from "../systems/system.ts";

/** `count` no-op argument objects, built before the clock starts (the same for every system). */
export function noopArgs(count: number, offset = 0): NoopArgs[] {
  return Array.from({ length: count }, (_, i) => ({ i: offset + i }));
}
