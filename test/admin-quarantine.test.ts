// Admin dead letters for wrong-type keys a worker moved aside: listed as QUARANTINED with the reason
// and the key's new name, inspectable, not requeueable.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AdminHarness, eventually } from "./admin-support.ts";

describe("admin: quarantined keys", () => {
  let h: AdminHarness;
  let ref: string;

  before(async () => {
    h = await new AdminHarness("quarantine").start();
    await h.redis.set(h.ks.leases("default"), "<b>not a zset</b>");
    const worker = await h.startWorker();
    ref = await eventually(async () =>
      (await h.redis.zrange(h.ks.dead, "0", "-1")).find((m) => m.startsWith("quarantine:")),
    );
    await worker.stop({ graceMs: 0 });
  });
  after(() => h.close());

  it("lists the moved key with its reason and queue, and shows where it went", async () => {
    const page = (await (await h.api("/api/dead")).json()) as {
      items: {
        member: string;
        kind: string;
        reason: string;
        queue: string | null;
        movedTo: string | null;
        raw: string | null;
      }[];
    };
    const letter = page.items.find((d) => d.member === ref)!;
    assert.equal(letter.kind, "quarantine");
    assert.equal(letter.queue, "default");
    assert.equal(letter.raw, h.ks.leases("default"));
    assert.match(letter.reason, /^wrong-type key: the lease set of queue default was a string, not a zset/);
    assert.ok(letter.movedTo?.startsWith(`${h.ks.base}:quarantine:`));
    assert.equal(await h.redis.get(letter.movedTo!), "<b>not a zset</b>", "its content is kept there");
    const list = await (await h.api("/dead")).text();
    assert.match(list, /QUARANTINED/);
    const detail = await (await h.api(`/dead/${ref}`)).text();
    assert.match(detail, /wrong-type key, moved aside/);
    assert.ok(detail.includes(letter.movedTo!), "the new key name is shown");
  });

  it("a page meeting a wrong-type key moves it aside and answers 503 once; the reload works", async () => {
    await h.redis.set(h.ks.ready("default", 3), "junk");
    const first = await h.api("/api/overview");
    assert.equal(first.status, 503);
    assert.match(
      ((await first.json()) as { error: { message: string } }).error.message,
      /1 key of the wrong type was moved aside/,
    );
    assert.equal((await h.api("/api/overview")).status, 200);
    assert.notEqual(await h.redis.type(h.ks.ready("default", 3)), "string");
  });

  it("refuses to requeue it (409)", async () => {
    const res = await h.api(`/api/dead/${ref}/requeue`, { method: "POST" });
    assert.equal(res.status, 409);
  });
});
