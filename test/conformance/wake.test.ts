// Wake-ups that name their task (issue 14), on every backend and on one slot and 3 shards: the woken
// worker's claim starts the named task, and a signal naming anything else (garbage, an id whose
// record is in another slot, which a Cluster would refuse in the claim's call) changes nothing.
import assert from "node:assert/strict";
import { afterEach, it } from "node:test";
import { createLogger } from "../../runtime/log/logger.ts";
import { scripts } from "../../runtime/broker/scripts.ts";
import { routeTask } from "../../runtime/keys/shard-route.ts";
import { ScriptRuns } from "../support/script-runs.ts";
import { idsOnShards } from "../support/shard-ids.ts";
import { eventually } from "../support/wait.ts";
import { conformanceApp } from "./support/app.ts";
import { conformance, World } from "./support/world.ts";

const layouts = [
  ["named wake-ups on one slot", () => conformanceApp()],
  ["named wake-ups on a queue of 3 shards", () => ({ ...conformanceApp(), shards: { default: 3 } })],
] as const;

for (const [title, app] of layouts) {
  conformance(title, (backend) => {
    let w: World;
    afterEach(() => w.close());

    it("a worker woken by a task's signal runs it without a start call, and shrugs off bad signals", async () => {
      w = new World(backend, app());
      const lines: string[] = [];
      const logger = createLogger({ level: "warn", format: "json", write: (line) => lines.push(line) });
      const claims = new ScriptRuns(scripts.claim);
      const starts = new ScriptRuns(scripts.start);
      try {
        await w.startWorker({ concurrency: 4, logger });
        // Its first claims found nothing: from here on a task arrives by its signal (a claim still
        // in flight when it is sent would lease it without being told of it).
        await eventually(async () => claims.count >= 1);
        // Shards 0, 1 and 2 (all one slot when the queue has one shard), suffixed as routed.
        const [id, otherShardsId, thirdShardsId] = idsOnShards(w.app, "default", `wake-${w.prefix}`, 3).map(
          (base) => routeTask(w.app, "default", base).id,
        );
        const r = await w.client.util.record.applyAsync({ key: w.key("named") }, { taskId: id });
        assert.deepEqual(await r.get({ timeout: "5s" }), { id });
        assert.equal(starts.count, 0, "the claim started it");

        // Signals naming garbage and ids of the other shards (on one slot, ids never enqueued).
        const queue = routeTask(w.app, "default", id).queue;
        const signal = w.ks.signal(queue);
        for (const junk of ["has spaces", "x".repeat(300), otherShardsId, thirdShardsId, "periodic:x"])
          await w.redis.lpush(signal, junk);
        const after = await w.client.util.record.delay({ key: w.key("after") });
        assert.deepEqual(await after.get({ timeout: "5s" }), { id: after.id });
        assert.deepEqual(
          lines.filter((l) => JSON.parse(l).level !== "debug"),
          [],
          "no claim failed (a call across slots would, on a Cluster) and nothing was refused",
        );
      } finally {
        claims.stop();
        starts.stop();
      }
    });
  });
}
