// Admin security: authentication on every route, login/logout, cookie flags, CSRF and cross-origin
// refusal, Host checks, security headers, open-redirect safety.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { safeNext } from "../runtime/admin/auth/login-flow.ts";
import { resolveCredentials } from "../runtime/admin/auth/credentials.ts";
import { ConfigurationError } from "../runtime/errors/configuration-error.ts";
import { ADMIN_PASSWORD, ADMIN_TOKEN, AdminHarness, login } from "./admin-support.ts";

describe("admin: authentication", () => {
  let h: AdminHarness;
  before(async () => (h = await new AdminHarness("auth").start()));
  after(() => h.close());

  it("answers 401 to API and metrics requests without a token, with a WWW-Authenticate challenge", async () => {
    for (const path of ["/api/overview", "/api/tasks", "/api/periodic", "/api/dead", "/metrics"]) {
      const res = await fetch(h.url(path));
      assert.equal(res.status, 401, path);
      assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer /);
      const body = (await res.json()) as { error: { code: string } };
      assert.equal(body.error.code, "ADMIN_UNAUTHENTICATED");
    }
  });

  it("answers 401 with the login form to a browser without a session, for every page", async () => {
    for (const path of ["/", "/tasks", "/tasks/x", "/periodic", "/periodic/new", "/dead"]) {
      const res = await fetch(h.url(path));
      assert.equal(res.status, 401, path);
      const page = await res.text();
      assert.match(page, /<form method="post" action="\/login">/);
      assert.doesNotMatch(page, /Queues|Workers/);
    }
  });

  it("refuses a wrong or malformed Bearer token, even together with a valid session cookie", async () => {
    const { cookie } = await login(h);
    for (const auth of ["Bearer wrong-token-wrong-token", "Bearer", "Basic abc", `Bearer ${ADMIN_TOKEN}x`]) {
      const res = await fetch(h.url("/api/overview"), { headers: { Authorization: auth, Cookie: cookie } });
      assert.equal(res.status, 401, auth);
    }
  });

  it("accepts the Bearer token on the API and on pages", async () => {
    assert.equal((await h.api("/api/overview")).status, 200);
    assert.equal((await h.api("/")).status, 200);
    assert.equal((await h.api("/metrics")).status, 200);
  });

  it("logs in with the token or the password; the session cookie is HttpOnly and SameSite=Strict", async () => {
    for (const secret of [ADMIN_TOKEN, ADMIN_PASSWORD]) {
      const res = await fetch(h.url("/login"), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(h.server.url).origin },
        body: new URLSearchParams({ secret, next: "/tasks?state=FAILURE" }).toString(),
        redirect: "manual",
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get("location"), "/tasks?state=FAILURE");
      const cookie = res.headers.get("set-cookie") ?? "";
      assert.match(cookie, /^celerity_admin=[A-Za-z0-9_-]{40,};/);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Strict/);
      assert.match(cookie, /; Path=\//);
      const page = await fetch(h.url("/tasks"), { headers: { Cookie: cookie.split(";")[0] } });
      assert.equal(page.status, 200);
    }
  });

  it("refuses a wrong secret with 401 and sets no cookie", async () => {
    const res = await fetch(h.url("/login"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "secret=nope&next=%2F",
      redirect: "manual",
    });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get("set-cookie"), null);
    assert.match(await res.text(), /Wrong token or password/);
  });

  it("logs out: the session stops working", async () => {
    const { cookie, csrf } = await login(h);
    const res = await fetch(h.url("/logout"), {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: `_csrf=${encodeURIComponent(csrf)}`,
      redirect: "manual",
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get("set-cookie") ?? "", /Max-Age=0/);
    assert.equal((await fetch(h.url("/"), { headers: { Cookie: cookie } })).status, 401);
  });

  it("only redirects to local paths after login", () => {
    assert.equal(safeNext("/tasks?x=1"), "/tasks?x=1");
    for (const bad of ["//evil.example/", "/\\evil.example", "https://evil.example/", "", null, "/a\r\nSet-Cookie: x"])
      assert.equal(safeNext(bad), "/");
  });

  it("generates a token when neither token nor password is configured, and refuses short secrets", () => {
    const saved = [process.env.CELERITY_ADMIN_TOKEN, process.env.CELERITY_ADMIN_PASSWORD];
    delete process.env.CELERITY_ADMIN_TOKEN;
    delete process.env.CELERITY_ADMIN_PASSWORD;
    try {
      const generated = resolveCredentials({});
      assert.equal(generated.generated, true);
      assert.ok((generated.token ?? "").length >= 32);
      assert.throws(() => resolveCredentials({ token: "short" }), ConfigurationError);
      assert.throws(() => resolveCredentials({ password: "1234" }), ConfigurationError);
    } finally {
      if (saved[0] !== undefined) process.env.CELERITY_ADMIN_TOKEN = saved[0];
      if (saved[1] !== undefined) process.env.CELERITY_ADMIN_PASSWORD = saved[1];
    }
  });
});

describe("admin: CSRF and cross-origin protection", () => {
  let h: AdminHarness;
  let id: string;
  before(async () => {
    h = await new AdminHarness("csrf").start();
    id = (await h.client.math.add.delay({ a: 1, b: 2 })).id;
  });
  after(() => h.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const state = () => h.redis.hget(h.ks.task(id), "s");

  it("refuses a session POST without the CSRF token (403) and changes nothing", async () => {
    const { cookie } = await login(h);
    const res = await fetch(h.url(`/tasks/${id}/revoke`), {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /CSRF token/);
    assert.equal(await state(), "PENDING");
  });

  it("refuses a session POST with a wrong CSRF token, in the form or the header", async () => {
    const { cookie } = await login(h);
    const a = await fetch(h.url(`/tasks/${id}/revoke`), {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: "forged" }),
      redirect: "manual",
    });
    const b = await fetch(h.url(`/api/tasks/${id}/revoke`), {
      method: "POST",
      headers: { Cookie: cookie, "X-CSRF-Token": "forged" },
    });
    assert.equal(a.status, 403);
    assert.equal(b.status, 403);
    assert.equal(await state(), "PENDING");
  });

  it("refuses a cross-origin POST even with a valid token (Origin of another port, or Sec-Fetch-Site)", async () => {
    const { cookie, csrf } = await login(h);
    const headers = { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" };
    const other = await fetch(h.url(`/tasks/${id}/revoke`), {
      method: "POST",
      headers: { ...headers, Origin: "http://127.0.0.1:1" },
      body: form({ _csrf: csrf }),
      redirect: "manual",
    });
    assert.equal(other.status, 403);
    assert.match(await other.text(), /cross-origin request refused/);
    const site = await fetch(h.url(`/tasks/${id}/revoke`), {
      method: "POST",
      headers: { ...headers, "Sec-Fetch-Site": "same-site" },
      body: form({ _csrf: csrf }),
      redirect: "manual",
    });
    assert.equal(site.status, 403);
    const bearer = await h.api(`/api/tasks/${id}/revoke`, {
      method: "POST",
      json: {},
      headers: { Origin: "http://evil.example" },
    });
    assert.equal(bearer.status, 403);
    assert.equal(await state(), "PENDING");
  });

  it("refuses a cross-origin login (login CSRF)", async () => {
    const res = await fetch(h.url("/login"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://evil.example" },
      body: form({ secret: ADMIN_TOKEN }),
      redirect: "manual",
    });
    assert.equal(res.status, 403);
  });

  it("accepts a same-origin session POST with the token (form field or header), and Bearer POSTs without one", async () => {
    const { cookie, csrf } = await login(h);
    const origin = new URL(h.server.url).origin;
    const viaHeader = await fetch(h.url(`/api/tasks/${id}/revoke`), {
      method: "POST",
      headers: { Cookie: cookie, "X-CSRF-Token": csrf, Origin: origin, "Content-Type": "application/json" },
      body: "{}",
    });
    assert.equal(viaHeader.status, 200);
    assert.deepEqual(await viaHeader.json(), { state: "REVOKED" });
    const id2 = (await h.client.math.add.delay({ a: 2, b: 2 })).id;
    const viaForm = await fetch(h.url(`/tasks/${id2}/revoke`), {
      method: "POST",
      headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: csrf }),
      redirect: "manual",
    });
    assert.equal(viaForm.status, 303);
    const id3 = (await h.client.math.add.delay({ a: 3, b: 2 })).id;
    assert.equal((await h.api(`/api/tasks/${id3}/revoke`, { method: "POST" })).status, 200);
    assert.equal(await h.redis.hget(h.ks.task(id3), "s"), "REVOKED");
  });

  it("refuses requests whose Host is not a loopback name (DNS rebinding)", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(h.server.url);
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: "/api/overview",
          headers: { Host: "rebind.evil.example", Authorization: `Bearer ${ADMIN_TOKEN}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    assert.equal(status, 403);
  });

  it("sends a strict Content-Security-Policy and other hardening headers on every response", async () => {
    for (const res of [
      await fetch(h.url("/login")),
      await h.api("/"),
      await h.api("/api/overview"),
      await fetch(h.url("/static/admin.css")),
      await fetch(h.url("/nope")),
    ]) {
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.equal(res.headers.get("x-frame-options"), "DENY");
    }
  });

  it("rejects bodies over the size limit and unknown content types", async () => {
    const big = await h.api("/api/periodic", { method: "POST", json: { name: "x", args: "y".repeat(300_000) } });
    assert.equal(big.status, 413);
    const odd = await fetch(h.url("/api/periodic"), {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "text/xml" },
      body: "<x/>",
    });
    assert.equal(odd.status, 415);
  });
});
