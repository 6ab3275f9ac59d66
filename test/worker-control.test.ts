import assert from "node:assert/strict";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import { RuntimeHarness, eventually } from "./support/runtime.ts";

describe("worker control channel", () => {
  let h: RuntimeHarness;
  beforeEach(() => (h = new RuntimeHarness("control")));
  afterEach(() => h.close());
  const k = (suffix: string) => `${h.prefix}:{rt}:${suffix}`;

  it("ignores every malformed control message with one log line each, and keeps working", async () => {
    const child = h.spawnWorker();
    await eventually(async () => (await h.redis.zcard(k("workers"))) === 1, 15_000);
    const malformed = [
      "null",
      "[]",
      "42",
      '"revoke"',
      "true",
      "{not json",
      "",
      '{"op":5,"id":"x"}',
      '{"op":"revoke"}',
      '{"op":"revoke","id":{"toString":1}}',
      '{"op":"revoke","id":null}',
      '{"op":"shutdown"}',
      '{"op":"__proto__","id":"x"}',
    ];
    const r = await h.client.util.slowpoke.delay({});
    await eventually(async () => (await r.state()) === "STARTED");
    for (const message of malformed) await h.redis.publish(k("control"), message);
    // A well-formed revoke sent after the garbage still reaches the running task.
    await r.revoke({ terminate: true });
    await assert.rejects(r.get({ timeout: 5 }), /revoked \(terminated\)/);
    assert.equal(
      await h.client.math.add.delay({ a: 2, b: 3 }).then((x: any) => x.get({ timeout: 5 })),
      5,
      "still takes work",
    );
    assert.equal(child.exitCode, null, `the worker process is alive\n${(child as any).log}`);
    const ignoredLines = () =>
      ((child as any).log as string).split("\n").filter((l) => l.includes("ignoring a malformed control message"));
    await eventually(async () => ignoredLines().length >= malformed.length);
    assert.equal(ignoredLines().length, malformed.length, "one line per malformed message");
    assert.match(ignoredLines()[0], /"message":"null"/);
  });
});

after(() => import("./fixtures/runtime-app.ts").then((m) => m.closeRecorder()));
