/**
 * celerity's testing toolkit: `generated/testing.ts` builds on it. A test app runs the app's real
 * handlers in this process on the memory broker under a fake clock (or on a real Redis).
 * @module
 */
export {
  createTestHarness,
  type DrainReport,
  type TestApp,
  type TestAppOptions,
  type TestAppRegistry,
} from "./test-app.ts";
export type { ScheduledEntry, ScheduledTask } from "./broker-state.ts";
export { DrainTimeoutError, HandlerLoadError, RealClockError } from "./errors.ts";
export { FakeClock } from "./fake-clock.ts";
