// Admin periodic tasks: JSON API and HTML forms over the beat's PeriodicStore, with field-level
// validation errors, manifest-owned entries, enable/disable, run now and delete.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PeriodicStore } from "../runtime/beat/mod.ts";
import { formFieldOf, inputFromForm, blankForm } from "../runtime/admin/data/periodic-form.ts";
import { AdminHarness, adminApp, login } from "./admin-support.ts";

const manifestEntry = {
  name: "weekly-report",
  task: "reports.weekly",
  schedule: { kind: "cron" as const, cron: "0 9 * * 1", timezone: "Europe/Berlin" },
  args: { day: "mon" },
  queue: null,
  priority: null,
  expiresMs: null,
  enabled: true,
  oneOff: false,
  startTime: null,
  description: "Monday report",
};

type Entry = {
  name: string;
  enabled: boolean;
  nextRunAt: string | null;
  totalRunCount: number;
  scheduleText: string;
  source: string;
  lastRunAt: string | null;
};
type ApiError = { error: { code: string; field: string | null; message: string } };

describe("admin: periodic tasks", () => {
  let h: AdminHarness;
  let session: { cookie: string; csrf: string };
  let origin: string;

  before(async () => {
    h = await new AdminHarness("periodic", adminApp("adm", [manifestEntry])).start();
    const store = new PeriodicStore(h.app, { prefix: h.prefix });
    await store.syncManifest();
    await store.close();
    session = await login(h);
    origin = new URL(h.server.url).origin;
  });
  after(() => h.close());

  const postForm = (path: string, fields: Record<string, string>) =>
    fetch(h.url(path), {
      method: "POST",
      headers: { Cookie: session.cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
      redirect: "manual",
    });

  it("creates an interval entry through the API and lists it with its schedule in words", async () => {
    const res = await h.api("/api/periodic", {
      method: "POST",
      json: { name: "adder", task: "math.add", schedule: { kind: "every", everyMs: 30_000 }, args: { a: 1, b: 2 } },
    });
    assert.equal(res.status, 201);
    const created = (await res.json()) as Entry;
    assert.equal(created.scheduleText, "every 30 seconds");
    assert.ok(created.nextRunAt);
    const { entries } = (await (await h.api("/api/periodic")).json()) as { entries: Entry[] };
    assert.deepEqual(
      entries.map((e) => [e.name, e.source]),
      [
        ["adder", "runtime"],
        ["weekly-report", "manifest"],
      ],
    );
  });

  it("answers 400 naming the field for args that fail the task's schema, and stores nothing", async () => {
    const res = await h.api("/api/periodic", {
      method: "POST",
      json: {
        name: "bad",
        task: "reports.weekly",
        schedule: { kind: "every", everyMs: 1000 },
        args: { day: "sunday" },
      },
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as ApiError;
    assert.equal(body.error.code, "PERIODIC_ENTRY_INVALID");
    assert.equal(body.error.field, "args.day");
    assert.equal((await h.api("/api/periodic/bad")).status, 404);
  });

  it("answers 409 for a taken name", async () => {
    const res = await h.api("/api/periodic", {
      method: "POST",
      json: { name: "adder", task: "math.add", schedule: { kind: "every", everyMs: 1000 }, args: { a: 1, b: 2 } },
    });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as ApiError).error.code, "PERIODIC_ENTRY_DUPLICATE");
  });

  it("updates, disables, enables, runs now and deletes a run-time entry", async () => {
    const patched = (await (
      await h.api("/api/periodic/adder", {
        method: "PATCH",
        json: { schedule: { kind: "cron", cron: "*/5 * * * *", timezone: "UTC" } },
      })
    ).json()) as Entry;
    assert.equal(patched.scheduleText, "every 5 minutes (UTC)");
    const off = (await (await h.api("/api/periodic/adder/disable", { method: "POST" })).json()) as Entry;
    assert.deepEqual([off.enabled, off.nextRunAt], [false, null]);
    const on = (await (await h.api("/api/periodic/adder/enable", { method: "POST" })).json()) as Entry;
    assert.equal(on.enabled, true);
    assert.ok(on.nextRunAt);
    const run = await h.api("/api/periodic/adder/run", { method: "POST" });
    assert.equal(run.status, 201);
    const { taskId } = (await run.json()) as { taskId: string };
    assert.match(taskId, /^periodic:adder:manual:\d+/);
    assert.equal(await h.redis.hget(h.ks.task(taskId), "a"), JSON.stringify({ a: 1, b: 2 }));
    assert.equal(((await (await h.api("/api/periodic/adder")).json()) as Entry).totalRunCount, 1);
    assert.equal((await h.api("/api/periodic/adder", { method: "DELETE" })).status, 204);
    assert.equal((await h.api("/api/periodic/adder")).status, 404);
  });

  it("keeps manifest entries read-only except enable/disable (and run now)", async () => {
    const edit = await h.api("/api/periodic/weekly-report", {
      method: "PATCH",
      json: { schedule: { kind: "every", everyMs: 1000 } },
    });
    assert.equal(edit.status, 409);
    assert.equal(((await edit.json()) as ApiError).error.code, "PERIODIC_ENTRY_MANIFEST_OWNED");
    assert.equal((await h.api("/api/periodic/weekly-report", { method: "DELETE" })).status, 409);
    assert.equal(
      ((await (await h.api("/api/periodic/weekly-report/disable", { method: "POST" })).json()) as Entry).enabled,
      false,
    );
    assert.equal(
      ((await (await h.api("/api/periodic/weekly-report/enable", { method: "POST" })).json()) as Entry).enabled,
      true,
    );

    const list = await (await fetch(h.url("/periodic"), { headers: { Cookie: session.cookie } })).text();
    const row = /<tr data-entry="weekly-report">[\s\S]*?<\/tr>/.exec(list)?.[0] ?? "";
    assert.match(row, /class="badge state-manifest"/);
    assert.match(row, /at 09:00 every Monday \(Europe\/Berlin\)/);
    assert.doesNotMatch(row, /\/edit"|\/delete"/);
    assert.match(row, /\/disable"/);
    const editPage = await fetch(h.url("/periodic/weekly-report/edit"), {
      headers: { Cookie: session.cookie },
      redirect: "manual",
    });
    assert.equal(editPage.status, 303);
  });

  it("creates an entry through the HTML form and redirects to the list", async () => {
    const res = await postForm("/periodic", {
      name: "form-made",
      task: "math.add",
      kind: "every",
      every: "5s",
      args: '{"a": 2, "b": 3}',
      enabled: "on",
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/periodic");
    const list = await (await fetch(h.url("/periodic"), { headers: { Cookie: session.cookie } })).text();
    assert.match(list, /Periodic task &quot;form-made&quot; created\./);
    assert.match(list, /<tr data-entry="form-made">[\s\S]*?every 5 seconds/);
  });

  it("shows a validation error next to the field and keeps what was typed", async () => {
    const res = await postForm("/periodic", {
      name: "bad-args",
      task: "reports.weekly",
      kind: "every",
      every: "1m",
      args: '{"day": "<sunday>"}',
      enabled: "on",
    });
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(
      page,
      /<textarea id="args" name="args" spellcheck="false" class="field-invalid" aria-invalid="true" aria-describedby="error-args">\{&quot;day&quot;: &quot;&lt;sunday&gt;&quot;\}<\/textarea>/,
    );
    assert.match(
      page,
      /<div class="field-error" id="error-args" role="alert">invalid arguments for task &quot;reports.weekly&quot;: args.day must be equal to one of the allowed values/,
    );
    assert.match(page, /<input id="name" name="name" value="bad-args"/);

    const cron = await (
      await postForm("/periodic", {
        name: "bad-cron",
        task: "math.add",
        kind: "cron",
        cron: "61 * * * *",
        timezone: "UTC",
        args: '{"a":1,"b":1}',
      })
    ).text();
    assert.match(cron, /<div class="field-error" id="error-cron" role="alert">invalid cron expression/);
    const zone = await (
      await postForm("/periodic", {
        name: "bad-zone",
        task: "math.add",
        kind: "cron",
        cron: "0 3 * * *",
        timezone: "Mars/Olympus",
        args: '{"a":1,"b":1}',
      })
    ).text();
    assert.match(zone, /id="error-timezone" role="alert">unknown time zone/);
    const json = await (
      await postForm("/periodic", { name: "bad-json", task: "math.add", kind: "every", every: "1m", args: "{a:1" })
    ).text();
    assert.match(json, /id="error-args" role="alert">is not valid JSON/);
    const every = await (
      await postForm("/periodic", { name: "bad-every", task: "math.add", kind: "every", every: "soon", args: "{}" })
    ).text();
    assert.match(every, /id="error-every" role="alert">&quot;soon&quot; is not a duration/);
    const at = await (
      await postForm("/periodic", {
        name: "bad-at",
        task: "math.add",
        kind: "at",
        at: "2020-01-01T00:00:00Z",
        args: '{"a":1,"b":1}',
      })
    ).text();
    assert.match(at, /id="error-at" role="alert">2020-01-01T00:00:00Z is in the past/);
    const { entries } = (await (await h.api("/api/periodic")).json()) as { entries: Entry[] };
    assert.deepEqual(entries.map((e) => e.name).sort(), ["form-made", "weekly-report"]);
  });

  it("edits a run-time entry through the form (name fixed, schedule changed to clocked)", async () => {
    const form = await (await fetch(h.url("/periodic/form-made/edit"), { headers: { Cookie: session.cookie } })).text();
    assert.match(form, /<input id="every" name="every" value="5s"/);
    const res = await postForm("/periodic/form-made", {
      name: "renamed-ignored",
      task: "math.add",
      kind: "at",
      at: "2031-05-01T10:00:00Z",
      args: '{"a":2,"b":3}',
      enabled: "on",
      oneOff: "on",
    });
    assert.equal(res.status, 303);
    const entry = (await (await h.api("/api/periodic/form-made")).json()) as Entry;
    assert.equal(entry.scheduleText, "once at 2031-05-01 10:00 UTC");
    assert.equal(entry.nextRunAt, "2031-05-01T10:00:00.000Z");
  });

  it("maps store fields to form fields and parses form values", () => {
    assert.equal(formFieldOf("args.day"), "args");
    assert.equal(formFieldOf("args[0]"), "args");
    assert.equal(formFieldOf("schedule.everyMs"), "every");
    assert.equal(formFieldOf("expiresMs"), "expires");
    const input = inputFromForm({
      ...blankForm(),
      name: "n",
      task: "math.add",
      every: "90",
      expires: "2h",
      priority: "7",
      args: "",
    });
    assert.deepEqual(input.schedule, { kind: "every", everyMs: 90_000 });
    assert.equal(input.expiresMs, 7_200_000);
    assert.equal(input.priority, 7);
    assert.deepEqual(input.args, {});
  });
});
