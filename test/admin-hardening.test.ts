// Admin under hostile input (issue 11, break 7): Host names that only look like loopback, Bearer
// and login guessing, open redirects after login, prototype names, absurdly deep stored args, and
// connections that never send anything.
import assert from "node:assert/strict";
import { request } from "node:http";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import { AuthThrottle, sourceOf } from "../runtime/admin/auth/auth-throttle.ts";
import { safeNext } from "../runtime/admin/auth/login-flow.ts";
import { ADMIN_PASSWORD, ADMIN_TOKEN, AdminHarness } from "./admin-support.ts";

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on its own connection, with full control of Host and the local (source) address. */
function raw(
  h: AdminHarness,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string; localAddress?: string },
): Promise<RawReply> {
  const u = new URL(h.server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: options.path,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("admin: Host check against DNS rebinding", () => {
  let h: AdminHarness;
  before(
    async () => (h = await new AdminHarness("host").start({ admin: { allowedHosts: ["admin.internal.example"] } })),
  );
  after(() => h.close());

  it("refuses names that merely start with 127. or contain localhost", async () => {
    for (const host of [
      "127.attacker.example",
      "127.0.0.1.attacker.example",
      "127.1.2.3.4",
      "localhost.attacker.example",
      "attacker.localhost.example",
      "127.0.0.1:1:2",
    ]) {
      const res = await raw(h, { path: "/api/overview", headers: { Host: host, ...bearer(ADMIN_TOKEN) } });
      assert.equal(res.status, 403, host);
      assert.match(res.body, /ADMIN_HOST_REFUSED/);
    }
  });

  it("serves localhost, loopback address literals and configured names", async () => {
    const port = new URL(h.server.url).port;
    for (const host of [
      `127.0.0.1:${port}`,
      "127.0.0.1",
      "127.8.9.10",
      `localhost:${port}`,
      "LOCALHOST",
      "[::1]:5555",
      "admin.internal.example",
    ]) {
      const res = await raw(h, { path: "/api/overview", headers: { Host: host, ...bearer(ADMIN_TOKEN) } });
      assert.equal(res.status, 200, host);
    }
  });
});

describe("admin: guessing the token or password is throttled", () => {
  let h: AdminHarness;
  let now = Date.parse("2026-12-01T10:00:00Z");
  before(async () => (h = await new AdminHarness("throttle").start({ admin: { throttle: { now: () => now } } })));
  after(() => h.close());

  const login = (secret: string, localAddress = "127.0.0.1") =>
    raw(h, {
      path: "/login",
      method: "POST",
      localAddress,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(h.server.url).origin },
      body: new URLSearchParams({ secret, next: "/" }).toString(),
    });

  it("throttles wrong Bearer tokens: after 5 failures the next attempt waits, from any 127.x address", async () => {
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await raw(h, { path: "/api/overview", headers: bearer(`wrong-token-${i}-xxxxxxxxxx`) })).status,
        401,
        `guess ${i}`,
      );
    const sixth = await raw(h, { path: "/api/overview", headers: bearer("wrong-token-6-xxxxxxxxxx") });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.headers["retry-after"], "1");
    assert.match(sixth.body, /ADMIN_THROTTLED/);
    // Another loopback address is the same machine, so the same source.
    assert.equal(
      (await raw(h, { path: "/api/overview", localAddress: "127.0.0.2", headers: bearer("wrong-token-7-xxxxxxxxxx") }))
        .status,
      429,
    );
    assert.equal((await login("wrong password", "127.0.0.3")).status, 429, "the login form shares the budget");
    now += 1000;
    assert.equal(
      (await raw(h, { path: "/api/overview", localAddress: "127.0.0.4", headers: bearer("wrong-token-8-xxxxxxxxxx") }))
        .status,
      401,
    );
    assert.equal(
      (await raw(h, { path: "/api/overview", headers: bearer(ADMIN_TOKEN) })).status,
      429,
      "the next wait is 2 s",
    );
    now += 2000;
    assert.equal(
      (await raw(h, { path: "/api/overview", headers: bearer(ADMIN_TOKEN) })).status,
      200,
      "the real token works once the wait is over",
    );
  });

  it("never locks the real user out: however long the guessing, the wait is at most 60 s", async () => {
    let failures = 0;
    for (let i = 0; failures < 100; i++) {
      const res = await login(`guess ${i}`, `127.0.0.${2 + (i % 200)}`);
      if (res.status === 429) {
        const wait = Number(res.headers["retry-after"]);
        assert.ok(wait >= 1 && wait <= 60, `wait ${wait}`);
        now += wait * 1000;
      } else {
        assert.equal(res.status, 401);
        failures++;
      }
    }
    const blocked = await login(ADMIN_PASSWORD);
    assert.equal(blocked.status, 429);
    assert.equal(blocked.headers["retry-after"], "60");
    now += Number(blocked.headers["retry-after"]) * 1000;
    const ok = await login(ADMIN_PASSWORD);
    assert.equal(ok.status, 303);
    assert.match(String(ok.headers["set-cookie"]), /^celerity_admin=/);
    assert.equal((await login("one typo")).status, 401, "a success clears the source's failures");
  });
});

describe("admin: a browser that signed in before is never held back by a guesser on its address", () => {
  let h: AdminHarness;
  const now = Date.parse("2026-12-01T10:00:00Z");
  before(async () => (h = await new AdminHarness("device").start({ admin: { throttle: { now: () => now } } })));
  after(() => h.close());

  const login = (secret: string, cookie?: string) =>
    raw(h, {
      path: "/login",
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: new URL(h.server.url).origin,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new URLSearchParams({ secret, next: "/" }).toString(),
    });
  const deviceCookie = (reply: RawReply) =>
    ([] as string[])
      .concat(reply.headers["set-cookie"] ?? [])
      .find((c) => c.startsWith("celerity_device="))
      ?.split(";")[0];

  it("logs in at once with its device cookie while the shared loopback source is backing off", async () => {
    const first = await login(ADMIN_PASSWORD);
    assert.equal(first.status, 303);
    const device = deviceCookie(first);
    assert.ok(device, "a successful login marks the browser");
    assert.match(String(first.headers["set-cookie"]), /celerity_device=[^;]+; Path=\/login; HttpOnly; SameSite=Strict/);
    let refused = 0;
    for (let i = 0; i < 10; i++) if ((await login(`guess ${i}`)).status === 429) refused++;
    assert.ok(refused > 0, "the guesser is held back");
    assert.equal((await login(ADMIN_PASSWORD)).status, 429, "without the cookie the real user would wait too");
    const again = await login(ADMIN_PASSWORD, device);
    assert.equal(again.status, 303, "with it the real user is in at once");
    const forged = `${device!.split(".")[0]}.forged-signature`;
    assert.equal((await login(ADMIN_PASSWORD, forged)).status, 429, "a forged device cookie is just the address");
  });

  it("a device cookie used for guessing is throttled on its own", async () => {
    const fresh = await new AdminHarness("device2").start({ admin: { throttle: { now: () => now } } });
    const other = h;
    h = fresh;
    try {
      const device = deviceCookie(await login(ADMIN_TOKEN));
      assert.ok(device);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await login(`guess ${i}`, device)).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
      assert.equal(
        (await login(ADMIN_TOKEN)).status,
        303,
        "the address itself is not charged for the device's failures",
      );
    } finally {
      h = other;
      await fresh.close();
    }
  });
});

describe("admin: the throttle's rules (pure, injected clock)", () => {
  it("counts every loopback address as one source, IPv6 per /64, IPv4-mapped as IPv4", () => {
    for (const a of ["127.0.0.1", "127.9.8.7", "::1", "::ffff:127.0.0.5"]) assert.equal(sourceOf(a), "loopback", a);
    assert.equal(sourceOf("::ffff:10.1.2.3"), "10.1.2.3");
    assert.equal(sourceOf("2001:db8:1:2::7"), sourceOf("2001:db8:1:2:ffff::1"));
    assert.notEqual(sourceOf("2001:db8:1:2::7"), sourceOf("2001:db8:1:3::7"));
  });

  it("another source's failures never refuse a check; past the global budget they only delay it", () => {
    let now = 0;
    const t = new AuthThrottle({ now: () => now, globalBudget: 50, globalDelayMs: 1000 });
    for (let i = 0; i < 49; i++) t.fail("10.0.0.1");
    assert.deepEqual(t.verdict("10.0.0.2"), { kind: "check", delayMs: 0 });
    t.fail("10.0.0.3");
    assert.deepEqual(t.verdict("10.0.0.2"), { kind: "check", delayMs: 1000 }, "held, not refused");
    assert.equal(t.verdict("10.0.0.1").kind, "refuse", "the guessing source itself waits");
    now += 60_000;
    assert.deepEqual(t.verdict("10.0.0.2"), { kind: "check", delayMs: 0 }, "the budget is per minute");
  });

  it("backs off 1, 2, 4 ... s up to 60 s and forgets a source 15 minutes after its last failure", () => {
    let now = 0;
    const t = new AuthThrottle({ now: () => now });
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const v = t.verdict("10.0.0.9");
      if (v.kind === "refuse") {
        waits.push(v.retryAfterMs);
        now += v.retryAfterMs;
      }
      t.fail("10.0.0.9");
    }
    assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    now += 15 * 60_000 + 1;
    assert.deepEqual(t.verdict("10.0.0.9"), { kind: "check", delayMs: 0 });
  });
});

describe("admin: redirect after login stays on this origin", () => {
  let h: AdminHarness;
  before(async () => (h = await new AdminHarness("next").start()));
  after(() => h.close());

  it("parses next as a browser does: tabs, newlines and backslashes cannot make it off-origin", async () => {
    for (const bad of [
      "/\t/evil.example/",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "/\t\\evil.example",
      "//evil.example",
      "/\u0000/x",
      " /x",
      "https://evil.example/",
    ]) {
      assert.equal(safeNext(bad), "/", JSON.stringify(bad));
    }
    assert.equal(safeNext("/tasks?state=FAILURE#top"), "/tasks?state=FAILURE#top");
    assert.equal(safeNext("/tasks/a b"), "/tasks/a%20b");
    const res = await raw(h, {
      path: "/login",
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(h.server.url).origin },
      body: new URLSearchParams({ secret: ADMIN_TOKEN, next: "/\t/evil.example/" }).toString(),
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, "/");
  });
});

describe("admin: prototype names and deep stored args are answered cleanly", () => {
  let h: AdminHarness;
  before(async () => (h = await new AdminHarness("proto").start()));
  after(() => h.close());

  it("a periodic entry for task constructor or __proto__ is a 400 naming the task, not a 500", async () => {
    for (const task of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const res = await h.api("/api/periodic", {
        method: "POST",
        json: { name: `p-${task.length}`, task, schedule: { kind: "every", everyMs: 60_000 } },
      });
      assert.equal(res.status, 400, task);
      const body = (await res.json()) as { error: { field: string; message: string } };
      assert.equal(body.error.field, "task");
      assert.match(body.error.message, /unknown task/);
    }
  });

  it("entries named constructor and __proto__ stored in Redis list, show and 404 correctly", async () => {
    const entries = h.ks.beat("entries");
    for (const name of ["constructor", "__proto__"]) {
      const def = {
        name,
        task: "math.add",
        schedule: { kind: "every", everyMs: 60_000 },
        args: { a: 1, b: 2 },
        source: "runtime",
        queue: null,
        priority: null,
        expiresMs: null,
        oneOff: false,
        startTime: null,
        description: null,
      };
      await h.redis.hset(entries, name, JSON.stringify(def));
    }
    const list = await h.api("/api/periodic");
    assert.equal(list.status, 200);
    const names = ((await list.json()) as { entries: { name: string; lastRunAt: null; totalRunCount: number }[] })
      .entries;
    assert.deepEqual(
      names.map((e) => [e.name, e.lastRunAt, e.totalRunCount]),
      [
        ["__proto__", null, 0],
        ["constructor", null, 0],
      ],
    );
    assert.equal((await h.api("/periodic")).status, 200);
    assert.equal((await h.api("/api/periodic/constructor")).status, 200);
    assert.equal((await h.api("/api/periodic/valueOf")).status, 404);
    await h.redis.del(entries);
  });

  it("a task whose stored args nest 100,000 levels deep renders as text on its API and page", async () => {
    const id = "deep-args-1";
    const json = `{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    await h.redis.hset(h.ks.task(id), { n: "math.add", a: json, s: "PENDING", q: "default", c: String(Date.now()) });
    await h.redis.zadd(h.ks.recent, Date.now(), id);
    const api = await h.api(`/api/tasks/${id}`);
    assert.equal(api.status, 200);
    assert.equal(((await api.json()) as { args: unknown }).args, json, "shown as the stored text");
    const page = await h.api(`/tasks/${id}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /\{&quot;a&quot;:\[\[\[/);
  });
});

describe("admin: idle connections are closed", () => {
  let h: AdminHarness;
  before(
    async () =>
      (h = await new AdminHarness("idle").start({
        admin: { timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300, idleMs: 2000 } },
      })),
  );
  after(() => h.close());

  // The configured deadlines are 300 ms; the 5 s test timeout only catches "never" (Node's own
  // defaults would take 30 s or more).
  const closed = (socket: ReturnType<typeof connect>) =>
    new Promise<void>((resolve) => socket.once("close", () => resolve()));

  it("closes a connection that never sends a request (headers timeout)", { timeout: 5000 }, async () => {
    const u = new URL(h.server.url);
    const socket = connect(Number(u.port), u.hostname);
    socket.on("error", () => {});
    socket.resume();
    await closed(socket);
  });

  it("closes a connection that sends half a request and stalls", { timeout: 5000 }, async () => {
    const u = new URL(h.server.url);
    const socket = connect(Number(u.port), u.hostname, () =>
      socket.write("GET /api/overview HTTP/1.1\r\nHost: 127.0.0.1\r\n"),
    );
    socket.on("error", () => {});
    socket.resume();
    await closed(socket);
  });

  it("closes a kept-alive connection after its response once it sits idle", { timeout: 5000 }, async () => {
    const u = new URL(h.server.url);
    let reply = "";
    const socket = connect(Number(u.port), u.hostname, () =>
      socket.write(
        `GET /api/overview HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nConnection: keep-alive\r\n\r\n`,
      ),
    );
    socket.on("error", () => {});
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => (reply += d));
    await closed(socket);
    assert.match(reply, /^HTTP\/1\.1 200 /);
  });
});
