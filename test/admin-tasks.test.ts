// Admin task pages and API: listing with filters and pages, detail with result and error stack,
// escaping of hostile data, retry (as a new task) and revoke.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AdminHarness, eventually } from "./admin-support.ts";

const XSS = `<script>document.title="pwned"</script><img src=x onerror=alert(1)>"'&`;

describe("admin: tasks", () => {
  let h: AdminHarness;
  const ids: Record<string, string> = {};
  before(async () => {
    h = await new AdminHarness("tasks").start();
    await h.startWorker();
    for (let i = 0; i < 7; i++) ids[`add${i}`] = (await h.client.math.add.delay({ a: i, b: 10 })).id;
    ids.fail = (await h.client.stock.reserve.delay({ sku: "SKU-42" })).id;
    ids.xss = (await h.client.text.echo.delay({ text: XSS })).id;
    await eventually(
      async () =>
        (await h.redis.hget(h.ks.task(ids.fail), "s")) === "FAILURE" &&
        (await h.redis.hget(h.ks.task(ids.xss), "s")) === "SUCCESS",
    );
    await eventually(async () => (await h.redis.hget(h.ks.task(ids.add6), "s")) === "SUCCESS");
  });
  after(() => h.close());

  it("lists recent tasks newest first, filtered by state and by task name, paginated", async () => {
    const all = (await (await h.api("/api/tasks")).json()) as {
      total: number;
      items: { id: string; createdAt: number }[];
    };
    assert.equal(all.total, 9);
    assert.deepEqual(new Set(all.items.map((t) => t.id)), new Set(Object.values(ids)));
    const created = all.items.map((t) => t.createdAt);
    assert.deepEqual(
      created,
      [...created].sort((a, b) => b - a),
      "newest first",
    );
    const failed = (await (await h.api("/api/tasks?state=FAILURE")).json()) as {
      total: number;
      items: { id: string; name: string; state: string }[];
    };
    assert.deepEqual(
      failed.items.map((t) => [t.id, t.name, t.state]),
      [[ids.fail, "stock.reserve", "FAILURE"]],
    );
    const everyAdd = (await (await h.api("/api/tasks?name=math.add")).json()) as { items: { id: string }[] };
    const adds = (await (await h.api("/api/tasks?name=math.add&limit=3&page=2")).json()) as {
      total: number;
      pages: number;
      items: { id: string }[];
    };
    assert.equal(adds.total, 7);
    assert.equal(adds.pages, 3);
    assert.deepEqual(
      adds.items.map((t) => t.id),
      everyAdd.items.slice(3, 6).map((t) => t.id),
    );
    assert.equal((await h.api("/api/tasks?state=BOGUS")).status, 400);
    assert.equal((await h.api("/api/tasks?name=not.a.task")).status, 400);
  });

  it("renders the task list page with the filter applied", async () => {
    const page = await (await h.api("/tasks?state=SUCCESS&name=math.add")).text();
    assert.equal(page.match(/data-task-id=/g)?.length, 7);
    assert.match(page, /<option value="SUCCESS" selected>/);
    assert.match(page, /<option value="math.add" selected>/);
  });

  it("shows a task's args, result, timings and worker", async () => {
    const detail = (await (await h.api(`/api/tasks/${ids.add3}`)).json()) as Record<string, unknown>;
    assert.deepEqual(detail.args, { a: 3, b: 10 });
    assert.deepEqual(detail.result, { sum: 13 });
    assert.equal(detail.state, "SUCCESS");
    assert.equal(typeof detail.startedAt, "number");
    assert.equal(typeof detail.runtimeMs, "number");
    assert.match(String(detail.worker), /.+/);
    const page = await (await h.api(`/tasks/${ids.add3}`)).text();
    assert.match(page, /&quot;sum&quot;: 13/);
  });

  it("shows a failed task's error with its stack trace", async () => {
    const detail = (await (await h.api(`/api/tasks/${ids.fail}`)).json()) as {
      error: { name: string; message: string; stack: string };
      dead: boolean;
    };
    assert.equal(detail.error.name, "InventoryError");
    assert.equal(detail.error.message, "sku SKU-42 is out of stock");
    assert.match(detail.error.stack, /admin-support\.ts:\d+/);
    assert.equal(detail.dead, true);
    const page = await (await h.api(`/tasks/${ids.fail}`)).text();
    assert.match(page, /<pre class="stack">InventoryError: sku SKU-42 is out of stock\n\s+at /);
    assert.match(page, /Retry as a new task/);
  });

  it("escapes hostile args and results everywhere they are shown", async () => {
    for (const path of [`/tasks/${ids.xss}`, "/tasks", "/tasks?name=text.echo"]) {
      const page = await (await h.api(path)).text();
      assert.doesNotMatch(page, /<script>document/, path);
      assert.doesNotMatch(page, /<img src=x/, path);
    }
    const page = await (await h.api(`/tasks/${ids.xss}`)).text();
    assert.match(
      page,
      /&lt;script&gt;document.title=\\&quot;pwned\\&quot;&lt;\/script&gt;&lt;img src=x onerror=alert\(1\)&gt;\\&quot;&#39;&amp;/,
    );
    // JSON is inert too: no raw "<" in API bodies.
    const api = await (await h.api(`/api/tasks/${ids.xss}`)).text();
    assert.doesNotMatch(api, /</);
    assert.equal((JSON.parse(api) as { args: { text: string } }).args.text, XSS);
  });

  it("retry re-enqueues a failed task as a new task with the same args", async () => {
    const res = await h.api(`/api/tasks/${ids.fail}/retry`, { method: "POST" });
    assert.equal(res.status, 201);
    const { taskId } = (await res.json()) as { taskId: string };
    assert.notEqual(taskId, ids.fail);
    assert.equal(await h.redis.hget(h.ks.task(taskId), "n"), "stock.reserve");
    assert.equal(await h.redis.hget(h.ks.task(taskId), "a"), JSON.stringify({ sku: "SKU-42" }));
    await eventually(async () => (await h.redis.hget(h.ks.task(taskId), "s")) === "FAILURE");
    assert.equal(await h.redis.hget(h.ks.task(ids.fail), "s"), "FAILURE", "the original stays as it was");
  });

  it("retry from the page redirects to the new task", async () => {
    const { login } = await import("./admin-support.ts");
    const { cookie, csrf } = await login(h);
    const res = await fetch(h.url(`/tasks/${ids.fail}/retry`), {
      method: "POST",
      headers: {
        Cookie: cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: new URL(h.server.url).origin,
      },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
      redirect: "manual",
    });
    assert.equal(res.status, 303);
    const location = res.headers.get("location") ?? "";
    assert.match(location, /^\/tasks\/[0-9a-f-]{36}$/);
    const page = await (await fetch(h.url(location), { headers: { Cookie: cookie } })).text();
    assert.match(page, /Sent again as a new task/);
  });

  it("retry refuses tasks that did not fail", async () => {
    const res = await h.api(`/api/tasks/${ids.add0}/retry`, { method: "POST" });
    assert.equal(res.status, 409);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /only failed or revoked tasks/);
  });

  it("revoke stops a waiting task; unknown ids are 404 and create nothing", async () => {
    const later = await h.client.math.add.applyAsync({ a: 1, b: 1 }, { countdown: 60 });
    const res = await h.api(`/api/tasks/${later.id}/revoke`, { method: "POST", json: {} });
    assert.deepEqual(await res.json(), { state: "REVOKED" });
    assert.equal(await later.state(), "REVOKED");
    const unknown = await h.api("/api/tasks/no-such-task/revoke", { method: "POST" });
    assert.equal(unknown.status, 404);
    assert.equal(await h.redis.exists(h.ks.task("no-such-task")), 0);
    assert.equal((await h.api("/api/tasks/bad%20id")).status, 404);
    assert.equal((await h.api("/tasks/no-such-task")).status, 404);
  });

  it("retry never sends a task the manifest does not define", async () => {
    await h.redis.hset(h.ks.task("forged"), { n: "os.exec", a: "{}", s: "FAILURE", q: "default", p: "5" });
    const res = await h.api("/api/tasks/forged/retry", { method: "POST" });
    assert.equal(res.status, 409);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /not in the manifest/);
  });
});
