// Periodic entries fire through beat on every backend.
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { PeriodicStore } from "../../runtime/beat/store.ts";
import type { PeriodicSpec } from "../../runtime/mod.ts";
import { conformance, eventually, World } from "./support/world.ts";
import { PERIODIC_DEFAULTS } from "../support/periodic.ts";

conformance("beat", (backend) => {
  let w: World;
  beforeEach(() => (w = new World(backend)));
  afterEach(() => w.close());

  it("fires a manifest entry every interval and counts its runs", async () => {
    const tick: PeriodicSpec = {
      name: "tick",
      task: "util.record",
      schedule: { kind: "every", everyMs: 200 },
      args: { key: w.key("tick") },
      ...PERIODIC_DEFAULTS,
    };
    const app = { ...w.app, periodic: [tick] };
    await w.startWorker();
    await w.startBeat(app, { pollMs: 50 });
    await eventually(async () => w.runs("tick").length >= 3, 5000);
    const store = new PeriodicStore(app, { redis: w.url, prefix: w.prefix });
    const entry = await store.get("tick");
    await store.close();
    assert.ok(entry && entry.totalRunCount >= 3, `runs counted: ${entry?.totalRunCount}`);
    // Deterministic ids: periodic:<name>:<due ms>, each due time fired once.
    const ids = w.runs("tick").map((r) => r.id);
    assert.ok(ids.every((id) => id.startsWith("periodic:tick:")));
    assert.equal(new Set(ids).size, ids.length);
  });

  it("picks up an entry added at run time, and stops firing it once removed", async () => {
    await w.startWorker();
    await w.startBeat(w.app, { pollMs: 50 });
    const store = new PeriodicStore(w.app, { redis: w.url, prefix: w.prefix });
    await store.add({
      name: "added",
      task: "util.record",
      schedule: { kind: "every", everyMs: 150 },
      args: { key: w.key("added") },
    });
    await eventually(async () => w.runs("added").length >= 2, 5000);
    await store.remove("added");
    const n = w.runs("added").length;
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(w.runs("added").length <= n + 1, "at most one in-flight run after removal");
    await store.close();
  });
});
