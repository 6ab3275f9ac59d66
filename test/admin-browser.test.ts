// End to end in real headless Chromium: sign in, create an interval periodic task through the form,
// watch beat fire it and the worker's result appear, disable it and see it stop; a failed task's
// stack trace; a validation error for bad args; 401 without credentials; a cross-site POST refused;
// a hostile task argument rendered as text. Screenshots land in test-artifacts/screenshots/.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ADMIN_TOKEN, AdminHarness, eventually } from "./admin-support.ts";
import { launchChromium, screenshotPath, skipWithoutChromium } from "./browser/launch-chromium.ts";

const XSS = `<script>window.__xss = 1; document.title = "pwned"</script><img src=x onerror="window.__xss = 2">`;

describe("admin in Chromium", { skip: skipWithoutChromium() }, () => {
  let h: AdminHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let attacker: Server;
  const dialogs: string[] = [];
  let failedId: string;
  let xssId: string;

  before(async () => {
    h = await new AdminHarness("browser").start();
    await Promise.all([h.startWorker(), h.startBeat()]);
    failedId = (await h.client.stock.reserve.delay({ sku: "SKU-9" })).id;
    xssId = (await h.client.text.echo.delay({ text: XSS })).id;
    await eventually(
      async () =>
        (await h.redis.hget(h.ks.task(failedId), "s")) === "FAILURE" &&
        (await h.redis.hget(h.ks.task(xssId), "s")) === "SUCCESS",
    );
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void (d.type() === "confirm" ? d.accept() : d.dismiss());
    });
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()));
    await h.close();
  });

  it("answers 401 and the sign-in form without credentials, then signs in with the token", async () => {
    const res = await page.goto(h.url("/"));
    assert.equal(res?.status(), 401);
    await page.screenshot({ path: screenshotPath("login") });
    await page.fill("#secret", "wrong-secret");
    await page.click("button[type=submit]");
    await page.waitForSelector(".flash-error");
    assert.match((await page.textContent(".flash-error")) ?? "", /Wrong token or password/);
    await page.fill("#secret", ADMIN_TOKEN);
    await Promise.all([page.waitForURL(h.url("/")), page.click("button[type=submit]")]);
    assert.equal(await page.textContent("h1"), "Dashboard");
    await page.waitForSelector("table.workers td.mono");
    assert.match((await page.textContent("tr[data-queue=default]")) ?? "", /default/);
    await page.screenshot({ path: screenshotPath("dashboard"), fullPage: true });
  });

  it("refuses API calls without the token (401) even from a signed-in browser's origin", async () => {
    const anonymous = await browser.newContext();
    try {
      const api = await anonymous.request.get(h.url("/api/overview"));
      assert.equal(api.status(), 401);
      const metrics = await anonymous.request.get(h.url("/metrics"));
      assert.equal(metrics.status(), 401);
      const other = await anonymous.newPage();
      assert.equal((await other.goto(h.url("/tasks")))?.status(), 401);
    } finally {
      await anonymous.close();
    }
    const bearer = await context.request.get(h.url("/api/overview"), {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(bearer.status(), 200);
  });

  it("shows a validation error next to the args field for args that fail the schema", async () => {
    await page.goto(h.url("/periodic/new"));
    await page.fill("#name", "bad-report");
    await page.selectOption("#task", "reports.weekly");
    await page.fill("#every", "1m");
    await page.fill("#args", '{"day": "sunday"}');
    await page.click("form.periodic-form button[type=submit]");
    await page.waitForSelector("#error-args");
    assert.match((await page.textContent("#error-args")) ?? "", /args\.day must be equal to one of the allowed values/);
    assert.equal(await page.getAttribute("#args", "aria-invalid"), "true");
    assert.equal(await page.inputValue("#args"), '{"day": "sunday"}');
    await page.screenshot({ path: screenshotPath("periodic-form-error"), fullPage: true });
  });

  let runsWhenDisabled = 0;

  it("creates an interval periodic task through the form; beat fires it and the worker's result shows up", async () => {
    await page.goto(h.url("/periodic/new"));
    assert.equal(await page.isVisible("#every"), true);
    assert.equal(await page.isVisible("#cron"), false, "only the chosen schedule kind's fields show");
    await page.fill("#name", "answer");
    await page.selectOption("#task", "math.add");
    await page.check("#kind-every");
    await page.fill("#every", "1s");
    await page.fill("#args", '{"a": 20, "b": 22}');
    await page.fill("#description", "adds up to 42");
    await Promise.all([page.waitForURL(h.url("/periodic")), page.click("form.periodic-form button[type=submit]")]);
    assert.match((await page.textContent(".flash-ok")) ?? "", /Periodic task "answer" created/);
    assert.match((await page.textContent('tr[data-entry="answer"] .schedule')) ?? "", /every second/);
    // Live refresh swaps the table in place while beat fires the entry.
    await page.waitForFunction(
      () =>
        Number(
          (globalThis as unknown as BrowserGlobals).document.querySelector('tr[data-entry="answer"] .run-count')
            ?.textContent,
        ) >= 2,
      undefined,
      { timeout: 15_000 },
    );
    await page.screenshot({ path: screenshotPath("periodic-list"), fullPage: true });

    await page.goto(h.url("/tasks?name=math.add&state=SUCCESS"));
    const link = page.locator('tr[data-task-id^="periodic:answer:"] a').first();
    await link.waitFor();
    await page.screenshot({ path: screenshotPath("tasks"), fullPage: true });
    await Promise.all([page.waitForURL(/\/tasks\/periodic%3Aanswer%3A/), link.click()]);
    assert.match((await page.textContent("pre.result")) ?? "", /"sum": 42/);
    assert.match((await page.textContent("pre.args")) ?? "", /"a": 20/);
    await page.screenshot({ path: screenshotPath("task-detail"), fullPage: true });
  });

  it("disables the periodic task and it stops firing", async () => {
    await page.goto(h.url("/periodic"));
    await Promise.all([
      page.waitForURL(h.url("/periodic")),
      page.click('tr[data-entry="answer"] form[action$="/disable"] button'),
    ]);
    assert.match((await page.textContent(".flash-ok")) ?? "", /disabled/);
    assert.match((await page.textContent('tr[data-entry="answer"] .enabled')) ?? "", /DISABLED/);
    runsWhenDisabled = Number(await h.redis.hget(h.ks.beat("runs"), "answer"));
    const tasksWhenDisabled = await periodicTaskCount(h);
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(Number(await h.redis.hget(h.ks.beat("runs"), "answer")), runsWhenDisabled);
    assert.equal(await periodicTaskCount(h), tasksWhenDisabled);
    await page.reload();
    assert.equal((await page.textContent('tr[data-entry="answer"] .run-count'))?.trim(), String(runsWhenDisabled));
    assert.equal((await page.textContent('tr[data-entry="answer"] .next-run'))?.trim(), "—");
  });

  it("shows a failed task's error and stack trace", async () => {
    await page.goto(h.url(`/tasks/${failedId}`));
    assert.equal(await page.textContent(".error-name"), "InventoryError");
    assert.equal(await page.textContent(".error-message"), "sku SKU-9 is out of stock");
    const stack = (await page.textContent("pre.stack")) ?? "";
    assert.match(stack, /^InventoryError: sku SKU-9 is out of stock\n\s+at /);
    assert.match(stack, /admin-support\.ts:\d+:\d+/);
    await page.screenshot({ path: screenshotPath("task-failed"), fullPage: true });
    await page.goto(h.url("/dead"));
    assert.match(
      (await page.textContent(`tr[data-member="${failedId}"] .reason`)) ?? "",
      /InventoryError: sku SKU-9 is out of stock/,
    );
    await page.screenshot({ path: screenshotPath("dead-letters"), fullPage: true });
  });

  it("renders a task argument containing <script> as text, and it never runs", async () => {
    for (const path of [`/tasks/${xssId}`, "/tasks?name=text.echo"]) {
      await page.goto(h.url(path));
      assert.equal(await page.evaluate(() => typeof (globalThis as { __xss?: unknown }).__xss), "undefined", path);
      assert.doesNotMatch(await page.title(), /pwned/);
      assert.equal(await page.locator("main script, main img").count(), 0, "no element was injected");
    }
    await page.goto(h.url(`/tasks/${xssId}`));
    assert.ok(((await page.textContent("pre.args")) ?? "").includes(XSS.replace(/"/g, '\\"')), "shown as text");
    assert.ok(((await page.textContent("pre.result")) ?? "").includes("<script>window.__xss = 1;"));
    assert.deepEqual(
      dialogs.filter((d) => d.startsWith("alert")),
      [],
    );
    await page.screenshot({ path: screenshotPath("task-xss"), fullPage: true });
  });

  it("refuses a cross-site form POST without the CSRF token; nothing changes", async () => {
    const target = await h.client.math.add.applyAsync({ a: 1, b: 1 }, { countdown: 600 });
    attacker = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(
        `<form id="f" method="post" action="${h.url(`/tasks/${target.id}/revoke`)}"><input name="terminate" value="1"></form><script>document.getElementById("f").submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/revoke")),
      page.goto(attackerUrl),
    ]);
    assert.equal(response.status(), 403);
    await page.waitForLoadState();
    assert.match((await page.textContent("main")) ?? "", /cross-origin request refused/);
    assert.equal(await target.state(), "PENDING");
  });
});

/** What functions run in the page may use (the tests' tsconfig has no DOM lib; they are serialized, so no helpers). */
interface BrowserGlobals {
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

function periodicTaskCount(h: AdminHarness): Promise<number> {
  return h.redis
    .zrange(h.ks.recent, "0", "-1")
    .then((ids) => ids.filter((id) => id.startsWith("periodic:answer:")).length);
}
