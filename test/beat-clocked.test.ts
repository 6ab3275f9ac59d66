// A clocked (`at:`) manifest entry whose time passed before beat first saw it fires once, at once,
// as django-celery-beat does (issue 11); the run-time API refuses a past time instead.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { PeriodicEntryError } from "../runtime/beat/mod.ts";
import { manifestEntry } from "./fixtures/beat-app.ts";
import { BeatHarness, eventually } from "./fixtures/beat-harness.ts";

const AT = "2026-01-01T09:00:00.000Z";
const launch = manifestEntry("launch", { task: "emails.announce", schedule: { kind: "at", at: AT } });

describe("clocked entries whose time has passed", () => {
  let h: BeatHarness;
  beforeEach(() => (h = new BeatHarness("clocked", { periodic: [launch] })));
  afterEach(() => h.close());

  it("a manifest entry is due at its clocked time when first synced, so beat fires it once at once", async () => {
    await h.store.syncManifest();
    const synced = await h.store.get("launch");
    assert.equal(synced?.nextRunAt, AT, "due (overdue) at its own time, not dropped");
    await h.startBeat({ pollMs: 20 });
    await eventually(async () => (await h.runIdsOf("launch")).length > 0);
    assert.deepEqual(await h.runIdsOf("launch"), [`periodic:launch:${Date.parse(AT)}`]);
    const fired = await eventually(async () => {
      const e = await h.store.get("launch");
      return e && e.totalRunCount === 1 ? e : null;
    });
    assert.equal(fired.nextRunAt, null);
    // A later beat start syncs the same manifest again: the one-off run is not repeated.
    await h.store.syncManifest();
    assert.equal((await h.store.get("launch"))?.nextRunAt, null);
    assert.equal((await h.store.get("launch"))?.totalRunCount, 1);
  });

  it("the run-time API refuses a clocked time in the past, naming the field", async () => {
    await assert.rejects(
      h.store.add({ name: "late", task: "core.ping", schedule: { kind: "at", at: "2020-01-01T00:00:00Z" } }),
      (e: unknown) => e instanceof PeriodicEntryError && e.field === "schedule.at" && /in the past/.test(e.message),
    );
  });
});
