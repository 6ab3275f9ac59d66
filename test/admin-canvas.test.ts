/**
 * The admin links a task to its canvas (parent, children, group, chord members) and shows each
 * worker's active tasks; on an app in one slot and on a queue of 3 shards (its canvas spread over them).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Worker } from "../runtime/worker/worker.ts";
import { AdminHarness, eventually, login, quietLogger } from "./admin-support.ts";
import { buildApp, closeRecorder, dispatch } from "./fixtures/runtime-app.ts";

for (const [label, app] of [
  ["admin: canvas links and active tasks", buildApp("rt")],
  ["admin: canvas links and active tasks on a queue of 3 shards", { ...buildApp("rt"), shards: { default: 3 } }],
] as const)
  describe(label, () => {
    let h: AdminHarness;
    let worker: Worker;
    before(async () => {
      h = await new AdminHarness("canvas", app).start();
      worker = new Worker(
        { app: h.app, dispatch },
        { prefix: h.prefix, logger: quietLogger, concurrency: 4, id: "admin-canvas-w" },
      );
      await worker.start();
    });
    after(async () => {
      await worker.stop({ graceMs: 0 });
      await h.close();
      await closeRecorder();
    });

    test("task detail links parent, children, group and chord members", async () => {
      const t = h.client;
      const header = [t.cv.inc.s({ n: 1 }), t.cv.inc.s({ n: 2 })];
      const cb = await t.$chord(header, t.cv.sum.s({}, { resultAs: "values" }));
      assert.deepEqual(await cb.get({ timeout: "5s" }), { n: 5 });
      const detail = (await (await h.api(`/api/tasks/${cb.id}`)).json()) as {
        canvas: { parent: string; chord: { header: string[]; callback: string[] } };
      };
      assert.equal(detail.canvas.chord.header.length, 2);
      assert.deepEqual(detail.canvas.chord.callback, [cb.id]);
      assert.ok(
        detail.canvas.chord.header.includes(detail.canvas.parent),
        "the parent is the header that finished last",
      );
      const head = (await (await h.api(`/api/tasks/${detail.canvas.chord.header[0]}`)).json()) as {
        canvas: { chord: { callback: string[] } };
      };
      assert.deepEqual(head.canvas.chord.callback, [cb.id]);

      const g = await t.$group([t.cv.inc.s({ n: 1 }), t.$chain.s(t.cv.inc.s({ n: 5 }), t.cv.inc.s())]);
      await g.get({ timeout: "5s" });
      const first = (await (await h.api(`/api/tasks/${g.results[0].id}`)).json()) as {
        canvas: { group: { id: string; members: string[] } };
      };
      assert.equal(first.canvas.group.id, g.id);
      assert.deepEqual(
        first.canvas.group.members,
        g.results.map((r: { id: string }) => r.id),
      );
      const last = await g.results[1].parent();
      const step = (await (await h.api(`/api/tasks/${last.id}`)).json()) as { canvas: { children: string[] } };
      assert.deepEqual(step.canvas.children, [g.results[1].id]);

      const { cookie } = await login(h);
      const page = await (await fetch(h.url(`/tasks/${g.results[1].id}`), { headers: { Cookie: cookie } })).text();
      assert.match(page, new RegExp(`<dd class="parent"><a class="mono" href="/tasks/${last.id}">${last.id}</a></dd>`));
    });

    test("the dashboard shows each worker's active tasks", async () => {
      // Held at a gate until the page shows it: the worker record is written every heartbeat (2 s).
      const gate = `${h.prefix}:active-gate`;
      const r = await h.client.util.record.delay({ key: `${h.prefix}:active`, gate });
      const { cookie } = await login(h);
      await eventually(async () => {
        const page = await (await fetch(h.url("/"), { headers: { Cookie: cookie } })).text();
        return page.includes(`<a href="/tasks/${r.id}">util.record</a>`);
      }, 6000);
      await h.redis.rpush(gate, "open");
      await r.get({ timeout: "5s" });
    });
  });
