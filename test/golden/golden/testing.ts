// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:89983e1edf06fc8a
// The `fixture` app under test: its real handlers on an in-process worker and beat, on the memory
// broker with a fake clock (or on Redis with `{ redis: url }`).
import { createTestHarness } from "celerity/testing";
import type { TestApp, TestAppOptions } from "celerity/testing";
import type { Tasks } from "./client.ts";
import { app } from "./registry.ts";

/**
 * Starts a test app: `tasks` is the typed client, `drain()` waits until nothing is ready or running,
 * `advance("10m")` moves the fake clock (countdowns, retries, expiry, time limits and periodic
 * entries fall due without waiting), `close()` stops everything and removes its data.
 *
 * @example
 * const t = await createTestApp();
 * const r = await t.tasks.a.b_c.delay(args);
 * await t.drain();
 * console.log(await r.get());
 * await t.close();
 */
export function createTestApp(options: TestAppOptions = {}): Promise<TestApp<Tasks>> {
  // Handlers load lazily, so one that fails to import is a clear error from createTestApp().
  return createTestHarness<Tasks>(
    { app, loadDispatch: async () => (await import("./dispatch.ts")).dispatch },
    options,
  );
}
