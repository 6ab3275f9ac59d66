/**
 * Celery's calling API around the canvas: link and link_error, get({ propagate: false }),
 * traceback, ignore_result, and a canvas record in Redis that is garbage.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { RemoteTaskError } from "../runtime/mod.ts";
import { RuntimeHarness } from "./support/runtime.ts";

describe("canvas calling API", () => {
  let h: RuntimeHarness;
  let t: any;
  before(async () => {
    h = new RuntimeHarness("canvas-calls");
    t = h.client;
    await h.startWorker({ concurrency: 4 });
  });
  after(async () => {
    await h.close();
  });
  const record = (id: string) => h.redis.hgetall(`${h.prefix}:{rt}:t:${id}`);

  test("link sends signatures with the result; they are the task's children and know their parent", async () => {
    const r = await t.cv.inc.applyAsync({ n: 1 }, { link: [t.cv.inc.s(), t.math.add.s({ a: 5 }, { resultAs: "b" })] });
    assert.deepEqual(await r.get({ timeout: "5s" }), { n: 2 });
    const children = await r.children();
    assert.equal(children.length, 2);
    assert.deepEqual(await children[0].get({ timeout: "5s" }), { n: 3 });
    // {n: 2} is not a number: the worker's own args check fails the second link.
    await assert.rejects(children[1].get({ timeout: "5s" }), (e: Error) => e.name === "TaskArgumentsError");
    assert.equal((await children[0].parent())?.id, r.id);
    assert.equal(await r.parent(), null);
  });

  test("linkError sends a signature with the failed task's id and error", async () => {
    const r = await t.cv.boom.applyAsync({}, { linkError: t.cv.errback.s() });
    const error = await r.get({ timeout: "5s", propagate: false });
    assert.ok(error instanceof RemoteTaskError);
    assert.equal(error.name, "BoomError");
    assert.match((await r.traceback()) ?? "", /BoomError: boom/);
    assert.equal(await r.failed(), true);
    const [errback] = await r.children();
    assert.equal(await errback.get({ timeout: "5s" }), `${r.id}:BoomError`);
  });

  test("ignore_result keeps the state, stores no result, and still feeds the next step", async () => {
    const alone = await t.cv.quiet.delay({ n: 21 });
    assert.equal(await alone.get({ timeout: "5s" }), null);
    assert.equal(await alone.successful(), true);
    const rec = await record(alone.id);
    assert.equal(rec.s, "SUCCESS");
    assert.equal(rec.res, "");
    const chained = await t.$chain(t.cv.quiet.s({ n: 3 }), t.math.add.s({ a: 1 }, { resultAs: "b" }));
    assert.equal(await chained.get({ timeout: "5s" }), 7);
  });

  test("a garbage canvas record is dead-lettered with a reason; the worker keeps going", async () => {
    const r = await t.cv.inc.applyAsync(
      { n: 1 },
      { taskId: `garbage-${Date.now()}`, countdown: "300ms", link: t.cv.inc.s() },
    );
    await h.redis.hset(`${h.prefix}:{rt}:t:${r.id}`, "cv", '{"nx":[{"i":"../../x","n":"cv.inc"}]}');
    const error = await r.get({ timeout: "5s", propagate: false });
    assert.equal(error.name, "CanvasRecordError");
    assert.match(error.message, /garbage canvas record: canvas record\.nx\[0\]\.i is not a task id/);
    assert.notEqual(await h.redis.zscore(`${h.prefix}:{rt}:dead`, r.id), null);
    // A garbage chord record: the header succeeds, the callback fails with the reason, the record is buried.
    const chord = await t.$chord(
      [t.cv.inc.s({ n: 1 }, { countdown: "300ms" })],
      t.cv.sum.s({}, { resultAs: "values" }),
    );
    const chordKeys = await h.redis.keys(`${h.prefix}:{rt}:chord:*`);
    assert.equal(chordKeys.length, 1);
    await h.redis.hset(chordKeys[0]!, "n", "lots");
    const cbError = await chord.get({ timeout: "5s", propagate: false });
    assert.equal(cbError.name, "ChordError");
    assert.equal(cbError.error.name, "CanvasRecordError");
    assert.match(cbError.error.message, /header size "lots" is not a positive integer/);
    const raw = Object.values(await h.redis.hgetall(`${h.prefix}:{rt}:dead-raw`)).map(
      (v) => JSON.parse(v).reason as string,
    );
    assert.ok(
      raw.some((reason) => /garbage chord record/.test(reason)),
      String(raw),
    );
    // A result key of the wrong type where a failure must be recorded: the finish still goes through.
    const boom = await t.$chain(t.cv.boom.s({}, { countdown: "300ms" }), t.cv.inc.s());
    await h.redis.set(`${h.prefix}:{rt}:t:${boom.id}`, "not a hash");
    const first = (await h.redis.zrange(`${h.prefix}:{rt}:q:default:delayed`, "0", "-1")).map((m) => m.split("|")[1]!);
    assert.equal(first.length, 1, String(first));
    const outcomes = await Promise.all(first.map((id) => t.$result(id).get({ timeout: "3s", propagate: false })));
    assert.deepEqual(
      outcomes.map((e: Error) => e.name),
      first.map(() => "BoomError"),
    );
    // And the worker still runs work.
    assert.deepEqual(await (await t.cv.inc.delay({ n: 41 })).get({ timeout: "5s" }), { n: 42 });
  });
});
