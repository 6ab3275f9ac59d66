import assert from "node:assert/strict";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import { ConfigurationError, createTaskTree, parseRedisUrl } from "../runtime/mod.ts";
import { buildApp } from "./fixtures/runtime-app.ts";
import { RuntimeHarness, eventually, sleep } from "./support/runtime.ts";
import { deletePrefix, uniquePrefix } from "./support/redis.ts";

describe("REDIS_URL", () => {
  it("parses host, port, database, user and password, and rediss:// as TLS", () => {
    assert.deepEqual(parseRedisUrl("redis://127.0.0.1:6379/0"), { host: "127.0.0.1", port: 6379, db: 0 });
    assert.deepEqual(parseRedisUrl("redis://app:s%40cret@cache.internal:6380/4"), {
      host: "cache.internal",
      port: 6380,
      db: 4,
      username: "app",
      password: "s@cret",
    });
    assert.deepEqual(parseRedisUrl("redis://:pw@localhost"), { host: "localhost", port: 6379, db: 0, password: "pw" });
    assert.deepEqual(parseRedisUrl("rediss://h:6390").tls, { servername: "h", rejectUnauthorized: true });
    assert.equal(
      (parseRedisUrl("rediss://h?tls_reject_unauthorized=false").tls as { rejectUnauthorized: boolean })
        .rejectUnauthorized,
      false,
    );
    assert.deepEqual(parseRedisUrl("redis://[::1]:6379/2"), { host: "::1", port: 6379, db: 2 });
  });

  it("rejects what is not a Redis URL with a message naming the problem", () => {
    assert.throws(
      () => parseRedisUrl("localhost:6379"),
      (e: unknown) => e instanceof ConfigurationError && /must start with redis:\/\/ or rediss:\/\//.test(e.message),
    );
    assert.throws(() => parseRedisUrl("http://x"), /must start with redis:\/\//);
    assert.throws(() => parseRedisUrl("redis://h/abc"), /database "abc" is not a number/);
    assert.throws(() => parseRedisUrl("not a url"), /is not a URL/);
  });
});

describe("connecting", () => {
  const admin = new Redis();
  const user = `celerity-test-${process.pid}`;
  after(async () => {
    await admin.acl("DELUSER", user);
    admin.disconnect();
  });

  it("works with an ACL user and password and a database number", async () => {
    await admin.acl("SETUSER", user, "on", ">s3cret pass", "~*", "&*", "+@all");
    const url = `redis://${user}:${encodeURIComponent("s3cret pass")}@127.0.0.1:6379/3`;
    const h = new RuntimeHarness("acl", buildApp());
    const client = createTaskTree<any>(h.app, { redis: url, prefix: h.prefix });
    await h.startWorker({ redis: url });
    try {
      const r = await client.math.add.delay({ a: 2, b: 3 });
      assert.equal(await r.get({ timeout: 5 }), 5);
      const inDb3 = new Redis({ db: 3 });
      assert.equal(await inDb3.hget(`${h.prefix}:{rt}:t:${r.id}`, "s"), "SUCCESS", "keys live in database 3");
      assert.equal(await admin.exists(`${h.prefix}:{rt}:t:${r.id}`), 0, "not in database 0");
      await deletePrefix(h.prefix, "redis://127.0.0.1:6379/3");
      inDb3.disconnect();
    } finally {
      await client.$disconnect();
      await h.close();
    }
    const wrong = createTaskTree<any>(h.app, { redis: `redis://${user}:nope@127.0.0.1:6379/3`, prefix: h.prefix });
    await assert.rejects(
      Promise.race([wrong.math.add.delay({ a: 1, b: 1 }), sleep(3000).then(() => assert.fail("no answer"))]),
      /WRONGPASS|invalid username-password/,
    );
    wrong.$disconnect().catch(() => {});
  });
});

describe("TLS", () => {
  let dir: string;
  let server: ChildProcess;
  const port = 16_000 + (process.pid % 1000);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "celerity-tls-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
      ],
      { stdio: "ignore" },
    );
    server = spawn(
      "redis-server",
      [
        "--port",
        "0",
        "--tls-port",
        String(port),
        "--tls-cert-file",
        join(dir, "cert.pem"),
        "--tls-key-file",
        join(dir, "key.pem"),
        "--tls-ca-cert-file",
        join(dir, "cert.pem"),
        "--tls-auth-clients",
        "no",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
      ],
      { stdio: "ignore" },
    );
    await sleep(300);
  });
  after(() => {
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs tasks over rediss://", async () => {
    const url = `rediss://localhost:${port}/0?tls_reject_unauthorized=false`;
    const prefix = uniquePrefix("tls");
    const h = new RuntimeHarness("tls-unused", buildApp());
    const client = createTaskTree<any>(h.app, { redis: url, prefix });
    await h.startWorker({ redis: url, prefix });
    try {
      const r = await client.math.add.delay({ a: 20, b: 22 });
      assert.equal(await r.get({ timeout: 5 }), 42);
    } finally {
      await client.$disconnect();
      await h.close();
    }
  });
});

describe("connection faults", () => {
  it("client, worker and result waiters reconnect by themselves after their connections are killed", async () => {
    const h = new RuntimeHarness("reconnect");
    const admin = new Redis();
    try {
      await h.startWorker();
      const first = await h.client.util.sleep.delay({ ms: 300 });
      const waiting = first.get({ timeout: 15 });
      await sleep(100);
      // Kill every connection this process opened for celerity (client, results, worker, control).
      const list = (await admin.client("LIST")) as string;
      const ids = list
        .split("\n")
        .filter((l) => new RegExp(` name=celerity-[a-z-]+-${process.pid} `).test(l))
        .map((l) => /id=(\d+)/.exec(l)![1]);
      assert.ok(ids.length >= 5, `found ${ids.length} connections to kill`);
      for (const id of ids) await admin.client("KILL", "ID", id);
      assert.deepEqual(await waiting, { slept: 300, deliveries: 1 });
      const after = await h.client.math.add.delayMany(Array.from({ length: 50 }, (_, i) => ({ a: i, b: 0 })));
      assert.equal((await Promise.all(after.map((r: any) => r.get({ timeout: 10 })))).length, 50);
      await eventually(async () => (await admin.zcard(`${h.prefix}:{rt}:workers`)) === 1);
    } finally {
      admin.disconnect();
      await h.close();
    }
  });
});

after(() => import("./fixtures/runtime-app.ts").then((m) => m.closeRecorder()));
