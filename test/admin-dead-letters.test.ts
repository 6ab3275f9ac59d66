// Admin dead letters: list, inspect, requeue (task letters only) and purge, checked in Redis.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { AdminHarness, eventually } from "./admin-support.ts";

describe("admin: dead letters", () => {
  let h: AdminHarness;
  let failed: string;
  let rawRef: string;
  const garbage = "not a task id <b>bold</b>";

  before(async () => {
    h = await new AdminHarness("dead").start();
    const worker = await h.startWorker();
    failed = (await h.client.stock.reserve.delay({ sku: "A-1" })).id;
    // Garbage in a ready list is buried by the claim script as a raw dead letter.
    await h.redis.lpush(h.ks.ready("default", 5), garbage);
    await h.redis.lpush(h.ks.signal("default"), "1");
    rawRef = `raw:${createHash("sha1").update(garbage).digest("hex")}`;
    await eventually(
      async () =>
        (await h.redis.zscore(h.ks.dead, failed)) !== null && (await h.redis.zscore(h.ks.dead, rawRef)) !== null,
    );
    await worker.stop({ graceMs: 0 });
  });
  after(() => h.close());

  it("lists task and raw dead letters with their reasons", async () => {
    const page = (await (await h.api("/api/dead")).json()) as {
      total: number;
      items: { member: string; kind: string; reason: string; queue: string | null; name: string | null }[];
    };
    assert.equal(page.total, 2);
    const task = page.items.find((d) => d.member === failed)!;
    assert.deepEqual(
      [task.kind, task.name, task.queue, task.reason],
      ["task", "stock.reserve", "default", "InventoryError: sku A-1 is out of stock"],
    );
    const raw = page.items.find((d) => d.member === rawRef)!;
    assert.deepEqual([raw.kind, raw.queue], ["raw", "default"]);
    assert.match(raw.reason, /not a task id/);
    const html = await (await h.api("/dead")).text();
    assert.match(html, /InventoryError: sku A-1 is out of stock/);
    assert.match(html, /Purge all 2/);
  });

  it("inspects a raw letter, showing its payload as text", async () => {
    const api = (await (await h.api(`/api/dead/${rawRef}`)).json()) as { raw: string; size: number };
    assert.equal(api.raw, garbage);
    assert.equal(api.size, garbage.length);
    const page = await (await h.api(`/dead/${rawRef}`)).text();
    assert.match(page, /not a task id &lt;b&gt;bold&lt;\/b&gt;/);
    assert.match(page, /cannot be requeued/);
  });

  it("refuses to requeue a raw letter (409) and leaves it in place", async () => {
    const res = await h.api(`/api/dead/${rawRef}/requeue`, { method: "POST" });
    assert.equal(res.status, 409);
    assert.match(
      ((await res.json()) as { error: { message: string } }).error.message,
      /raw dead letters .* cannot be requeued/,
    );
    assert.notEqual(await h.redis.zscore(h.ks.dead, rawRef), null);
  });

  it("requeues a dead task: record reset to PENDING, off the dead set, on its ready list, queue woken", async () => {
    await h.redis.del(h.ks.signal("default"));
    const res = await h.api(`/api/dead/${failed}/requeue`, { method: "POST" });
    assert.equal(res.status, 200);
    const rec = await h.redis.hgetall(h.ks.task(failed));
    assert.equal(rec.s, "PENDING");
    assert.equal(rec.r, "0");
    assert.equal(rec.d, "0");
    assert.equal(rec.err, undefined);
    assert.equal(rec.why, undefined);
    assert.equal(rec.ft, undefined);
    assert.equal(rec.a, JSON.stringify({ sku: "A-1" }));
    assert.equal(await h.redis.zscore(h.ks.dead, failed), null);
    assert.deepEqual(await h.redis.lrange(h.ks.ready("default", 5), 0, -1), [failed]);
    assert.equal(await h.redis.llen(h.ks.signal("default")), 1);
    assert.equal((await h.api(`/api/dead/${failed}/requeue`, { method: "POST" })).status, 404, "not dead any more");
  });

  it("a requeued task runs again under its id (and, failing again, comes back as a dead letter)", async () => {
    await h.startWorker();
    await eventually(async () => (await h.redis.zscore(h.ks.dead, failed)) !== null);
    assert.equal(await h.redis.hget(h.ks.task(failed), "s"), "FAILURE");
    assert.equal(await h.redis.hget(h.ks.task(failed), "d"), "1");
  });

  it("refuses to requeue a task whose stored args no longer pass its schema", async () => {
    await h.redis.hset(h.ks.task("broken"), {
      n: "math.add",
      a: '{"a":"x"}',
      s: "FAILURE",
      q: "default",
      p: "5",
      why: "bad",
    });
    await h.redis.zadd(h.ks.dead, Date.now(), "broken");
    const res = await h.api("/api/dead/broken/requeue", { method: "POST" });
    assert.equal(res.status, 409);
    assert.equal(await h.redis.llen(h.ks.ready("default", 5)), 0);
  });

  it("purges one letter: a task's record goes too, a raw letter's payload goes too", async () => {
    assert.deepEqual(await (await h.api(`/api/dead/${failed}/purge`, { method: "POST" })).json(), { purged: 1 });
    assert.equal(await h.redis.zscore(h.ks.dead, failed), null);
    assert.equal(await h.redis.exists(h.ks.task(failed)), 0);
    assert.deepEqual(await (await h.api(`/api/dead/${rawRef}/purge`, { method: "POST" })).json(), { purged: 1 });
    assert.equal(await h.redis.hexists(h.ks.deadRaw, rawRef), 0);
    assert.equal((await h.api(`/api/dead/${rawRef}/purge`, { method: "POST" })).status, 404);
  });

  it("purges all letters in batches", async () => {
    for (let i = 0; i < 450; i++)
      await h.redis.zadd(h.ks.dead, i, `raw:${createHash("sha1").update(String(i)).digest("hex")}`);
    const res = (await (await h.api("/api/dead/purge", { method: "POST" })).json()) as {
      purged: number;
      remaining: number;
    };
    assert.equal(res.purged, 451);
    assert.equal(res.remaining, 0);
    assert.equal(await h.redis.zcard(h.ks.dead), 0);
  });
});
