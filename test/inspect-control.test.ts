/**
 * Inspect and control (Celery's `celery inspect` / `celery control`) against live workers over
 * Redis: replies from every worker until the timeout, run-time rate limits that persist, a warm
 * shutdown asked for remotely, and malformed control messages ignored.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { controlCommand, inspectCommand } from "../cli/commands/remote.ts";
import { eventually, exited, RuntimeHarness, sleep } from "./support/runtime.ts";

describe("inspect and control", () => {
  let h: RuntimeHarness;
  let t: any;
  before(async () => {
    h = new RuntimeHarness("inspect");
    t = h.client;
    await h.startWorker({ id: "w-one", concurrency: 4 });
    await h.startWorker({ id: "w-two", concurrency: 4 });
  });
  after(async () => {
    await h.close();
  });
  const cli = async (run: typeof inspectCommand, argv: string[]) => {
    let out = "";
    let err = "";
    const code = await run([...argv, "--registry", "test/fixtures/runtime-registry.ts", "--prefix", h.prefix], {
      io: { stdout: (s) => (out += s), stderr: (s) => (err += s) },
    });
    return { code, out, err };
  };

  test("ping and stats answer from every live worker; --worker asks one", async () => {
    assert.deepEqual(await t.$inspect.ping({ timeout: "500ms" }), { "w-one": { ok: "pong" }, "w-two": { ok: "pong" } });
    assert.deepEqual(Object.keys(await t.$inspect.ping({ worker: "w-two", timeout: "300ms" })), ["w-two"]);
    const stats = await t.$inspect.stats({ timeout: "300ms" });
    assert.equal(stats["w-one"].concurrency, 4);
    assert.equal(stats["w-one"].pid, process.pid);
    const { code, out } = await cli(inspectCommand, ["ping", "--timeout", "300ms"]);
    assert.equal(code, 0);
    assert.match(out, /-> w-one: \{"ok":"pong"\}\n-> w-two: \{"ok":"pong"\}\n\n2 workers replied/);
    assert.deepEqual(await t.$inspect.scheduled({ timeout: "200ms" }), { "w-one": [], "w-two": [] });
  });

  test("active lists running tasks, and the admin's worker record shows them", async () => {
    // Held at a gate until both views are checked: the worker record is written every heartbeat
    // (2 s), so a task that merely sleeps could finish between two of them.
    const gate = h.key("active-gate");
    const r = await t.util.record.delay({ key: h.key("active"), gate });
    await eventually(async () => (await r.state()) === "STARTED");
    const active = await t.$inspect.active({ timeout: "300ms" });
    const all = [...active["w-one"], ...active["w-two"]];
    assert.deepEqual(
      all.map((a: { id: string; name: string }) => [a.id, a.name]),
      [[r.id, "util.record"]],
    );
    const owner = active["w-one"].length === 1 ? "w-one" : "w-two";
    await eventually(
      async () => JSON.parse((await h.redis.hget(`${h.prefix}:{rt}:worker:${owner}`, "active")) ?? "[]").length === 1,
      5000,
    );
    await h.redis.rpush(gate, "open");
    await r.get({ timeout: "5s" });
  });

  test("rate-limit changes a task's global limit at run time until --reset", async () => {
    const set = await cli(controlCommand, ["rate-limit", "util.record", "1/s"]);
    assert.equal(set.code, 0, set.err);
    assert.equal(await h.redis.hget(`${h.prefix}:{rt}:rate-overrides`, "util.record"), "1/s");
    await eventually(async () => {
      const stats = await t.$inspect.stats({ timeout: "200ms" });
      return (
        stats["w-one"]?.rateLimits["util.record"]?.limit === 1 && stats["w-two"]?.rateLimits["util.record"]?.limit === 1
      );
    });
    const key = h.key("rated");
    const results = await t.util.record.delayMany([{ key }, { key }, { key }]);
    for (const r of results) await r.get({ timeout: "10s" });
    const times = (await h.redis.lrange(`${key}:times`, 0, -1)).map(Number).sort();
    // Starts are spaced 1 s apart across both workers: 3 starts span at least 2 s (minus clock granularity).
    assert.ok(times[2]! - times[0]! >= 1900, `3 starts within ${times[2]! - times[0]!} ms under 1/s`);
    const reset = await cli(controlCommand, ["rate-limit", "util.record", "--reset"]);
    assert.equal(reset.code, 0);
    assert.equal(await h.redis.hexists(`${h.prefix}:{rt}:rate-overrides`, "util.record"), 0);
    await eventually(async () => {
      const stats = await t.$inspect.stats({ timeout: "200ms" });
      return (
        stats["w-one"] &&
        !stats["w-one"].rateLimits["util.record"] &&
        stats["w-two"] &&
        !stats["w-two"].rateLimits["util.record"]
      );
    });
    const bad = await cli(controlCommand, ["rate-limit", "util.record", "fast"]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /not a rate such as 100\/s/);
    const unknown = await cli(controlCommand, ["rate-limit", "util.nope", "1/s"]);
    assert.match(unknown.err, /no task named "util\.nope"/);
  });

  test("malformed control messages are ignored; the workers keep answering", async () => {
    for (const junk of [
      "not json",
      "[]",
      '{"op":"inspect","what":"everything","reply":"x"}',
      '{"op":"shutdown"}',
      '{"op":"revoke","id":5}',
    ]) {
      await h.redis.publish(`${h.prefix}:{rt}:control`, junk);
    }
    assert.deepEqual(Object.keys(await t.$inspect.ping({ timeout: "300ms" })), ["w-one", "w-two"]);
  });

  test("control shutdown warm-stops one worker process, which exits 0", async () => {
    const child = h.spawnWorker(["--id", "w-remote", "--concurrency", "2"]);
    await eventually(async () => "w-remote" in (await t.$inspect.ping({ timeout: "200ms" })), 20_000);
    const r = await t.util.sleep.delay({ ms: 400 });
    await sleep(50);
    const { code, out } = await cli(controlCommand, ["shutdown", "w-remote"]);
    assert.equal(code, 0);
    assert.match(out, /asked w-remote to shut down/);
    assert.deepEqual(await exited(child), { code: 0, signal: null });
    await r.get({ timeout: "5s" });
    assert.deepEqual(Object.keys(await t.$inspect.ping({ timeout: "300ms" })).sort(), ["w-one", "w-two"]);
  });
});
