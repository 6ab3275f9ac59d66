// The admin's reads and actions (dashboard figures, dead letters, requeue, purge): the same on every backend.
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { purgeAllDeadLetters } from "../../runtime/admin/actions/purge-dead.ts";
import { requeueDeadTask } from "../../runtime/admin/actions/requeue-dead.ts";
import { listDeadLetters } from "../../runtime/admin/data/dead-letters.ts";
import { readOverview } from "../../runtime/admin/data/overview.ts";
import { RemoteTaskError } from "../../runtime/mod.ts";
import { conformance, eventually, World } from "./support/world.ts";

conformance("admin data and actions", (backend) => {
  let w: World;
  beforeEach(() => (w = new World(backend)));
  afterEach(() => w.close());
  const conn = () => ({ redis: w.redis, ks: w.ks });

  it("the dashboard counts ready, delayed and completed tasks and lists the live worker", async () => {
    await w.client.util.record.delay({ key: w.key("a") });
    await w.client.util.record.applyAsync({ key: w.key("a") }, { countdown: "1h" });
    let overview = await readOverview(conn(), w.app);
    const q = () => overview.queues.find((x) => x.name === "default")!;
    assert.equal(q().ready, 1);
    assert.equal(q().delayed, 1);
    const worker = await w.startWorker();
    await eventually(async () => w.runs("a").length === 1);
    overview = await eventually(async () => {
      const o = await readOverview(conn(), w.app);
      return o.queues.find((x) => x.name === "default")!.completedPerMinute === 1 ? o : null;
    });
    assert.equal(q().ready, 0);
    assert.deepEqual(
      overview.workers.map((x) => x.id),
      [worker.options.id],
    );
  });

  it("lists dead letters, requeues one that runs again, and purges the rest", async () => {
    await w.startWorker();
    const failed = await w.client.util.fail.delay({ key: w.key("dead") });
    await assert.rejects(failed.get({ timeout: "5s" }), RemoteTaskError);
    await w.redis.lpush(w.ks.ready("default", 5), "not a valid id!");
    await w.redis.lpush(w.ks.signal("default"), "1");
    await eventually(async () => (await listDeadLetters(conn(), { page: 1, pageSize: 10 })).total === 2);
    const page = await listDeadLetters(conn(), { page: 1, pageSize: 10 });
    assert.deepEqual(page.items.map((d) => d.kind).sort(), ["raw", "task"]);
    const task = page.items.find((d) => d.kind === "task")!;
    assert.equal(task.member, failed.id);
    assert.match(task.reason, /TypeError: broken on purpose/);

    await requeueDeadTask(conn(), { app: w.app, id: failed.id });
    await eventually(async () => w.runs("dead").length === 2, 5000);
    await assert.rejects(failed.get({ timeout: "5s" }), RemoteTaskError);
    const { removed, remaining } = await purgeAllDeadLetters(conn());
    assert.equal(removed, 2);
    assert.equal(remaining, 0);
    assert.equal(await failed.state(), "PENDING", "a purged task's FAILURE record is gone too");
  });
});
