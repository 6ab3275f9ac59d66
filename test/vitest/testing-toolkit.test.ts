// The testing toolkit under Vitest, as a user writes it: the same scenario as the node:test suite.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RemoteTaskError } from "../../runtime/mod.ts";
import { calls } from "../fixtures/manifests/testing-app/handlers/billing.ts";
import { createTestApp } from "../fixtures/manifests/testing-app/generated/testing.ts";

describe("createTestApp() under Vitest", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    calls.length = 0;
    t = await createTestApp({ startAt: Date.parse("2027-03-01T09:00:00Z") });
  });
  afterEach(() => t.close());

  it("retries under a 10-minute backoff, an hourly entry and a day's countdown pass in well under a second", async () => {
    const wall = performance.now();
    const charge = await t.tasks.payments.charge.delay({ orderId: 7, failTimes: 2 });
    const reminder = await t.tasks.emails.reminder.applyAsync({ orderId: 7 }, { countdown: "1d" });
    const report = await t.drain();
    expect(report.scheduled.map((s) => s.task)).toEqual(["payments.charge", "emails.reminder"]);
    await t.advance("30m");
    await expect(charge.get()).resolves.toEqual({ orderId: 7, attempts: 3 });
    await t.advance("1d");
    await expect(reminder.get()).resolves.toBe("reminded order 7");
    expect(calls.filter((c) => c.task === "reports.hourly")).toHaveLength(24);
    // No waiting for simulated time (the backoff alone is 10 minutes); loose for a loaded CI machine.
    expect(performance.now() - wall).toBeLessThan(3000);
  });

  it("a task out of retries rejects get() with its error", async () => {
    const r = await t.tasks.payments.charge.delay({ orderId: 1, failTimes: 99 });
    await t.advance("12h");
    await expect(r.get()).rejects.toBeInstanceOf(RemoteTaskError);
  });
});
