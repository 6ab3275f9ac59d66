/**
 * Epoch milliseconds with sub-millisecond resolution. `Date.now()` ticks in whole milliseconds, too
 * coarse for a sub-millisecond p50; `timeOrigin + now()` is consistent across processes on one host
 * (checked: parent/child round trips never go negative).
 */
export function hrNow(): number {
  return performance.timeOrigin + performance.now();
}
