// /metrics in the Prometheus text format, the dashboard's data, and the HTML escaping primitives.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { escapeHtml, html, trusted } from "../runtime/admin/html/escape.ts";
import { AdminHarness, eventually } from "./admin-support.ts";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict-enough parser of the text exposition: fails on any line that is not HELP, TYPE or a sample. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  assert.ok(text.endsWith("\n"), "ends with a newline");
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const helped = new Set<string>();
  for (const line of text.trimEnd().split("\n")) {
    let m = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$/.exec(line);
    if (m) {
      helped.add(m[1]);
      continue;
    }
    m = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|histogram)$/.exec(line);
    if (m) {
      assert.ok(helped.has(m[1]), `HELP before TYPE for ${m[1]}`);
      types.set(m[1], m[2]);
      continue;
    }
    m =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*)\})? (-?[0-9.e+-]+|\+Inf)$/.exec(
        line,
      );
    assert.ok(m, `not a valid sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    const family = m[1].replace(/_(bucket|sum|count)$/, "");
    assert.ok(types.has(m[1]) || types.get(family) === "histogram", `sample ${m[1]} has a TYPE`);
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return { samples, types };
}

describe("admin: metrics", () => {
  let h: AdminHarness;
  before(async () => {
    h = await new AdminHarness("metrics").start();
    await h.startWorker();
    for (let i = 0; i < 3; i++) await h.client.math.add.delay({ a: i, b: i });
    const failed = await h.client.stock.reserve.delay({ sku: 'quote"back\\slash' });
    await eventually(async () => (await h.redis.hget(h.ks.task(failed.id), "s")) === "FAILURE");
    await h.client.math.add.applyAsync({ a: 9, b: 9 }, { countdown: 300 });
    await eventually(
      async () => ((await (await h.api("/api/tasks?state=SUCCESS")).json()) as { total: number }).total === 3,
    );
  });
  after(() => h.close());

  it("serves the Prometheus text format with queue depths, tasks by state, durations and workers", async () => {
    const res = await h.api("/metrics");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    const { samples, types } = parseExposition(await res.text());
    const get = (name: string, labels: Record<string, string> = {}) =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    assert.equal(types.get("celerity_queue_depth"), "gauge");
    assert.equal(types.get("celerity_task_duration_seconds"), "histogram");
    assert.equal(get("celerity_queue_depth", { queue: "default", state: "delayed" }), 1);
    assert.equal(get("celerity_queue_depth", { queue: "default", state: "ready" }), 0);
    assert.equal(get("celerity_queue_depth", { queue: "reports", state: "ready" }), 0);
    assert.equal(get("celerity_tasks", { task: "math.add", state: "SUCCESS" }), 3);
    assert.equal(get("celerity_tasks", { task: "math.add", state: "PENDING" }), 1);
    assert.equal(get("celerity_tasks", { task: "stock.reserve", state: "FAILURE" }), 1);
    assert.equal(get("celerity_dead_letters"), 1);
    assert.equal(get("celerity_queue_dead_letters", { queue: "default" }), 1);
    assert.equal(get("celerity_queue_runs_last_minute", { queue: "default", outcome: "ok" }), 3);
    assert.equal(get("celerity_queue_runs_last_minute", { queue: "default", outcome: "fail" }), 1);
    assert.equal(get("celerity_workers"), 1);
    assert.equal(get("celerity_worker_concurrency"), 4);

    const buckets = samples.filter(
      (s) => s.name === "celerity_task_duration_seconds_bucket" && s.labels.task === "math.add",
    );
    assert.equal(buckets[buckets.length - 1].labels.le, "+Inf");
    for (let i = 1; i < buckets.length; i++)
      assert.ok(buckets[i].value >= buckets[i - 1].value, "buckets are cumulative");
    assert.equal(buckets[buckets.length - 1].value, get("celerity_task_duration_seconds_count", { task: "math.add" }));
    assert.equal(get("celerity_task_duration_seconds_count", { task: "math.add" }), 3);
    assert.ok((get("celerity_task_duration_seconds_sum", { task: "math.add" }) ?? -1) >= 0);
  });

  it("feeds the dashboard: queue rows and live workers", async () => {
    const overview = (await (await h.api("/api/overview")).json()) as {
      queues: { name: string; delayed: number; completedPerMinute: number; history: unknown[] }[];
      workers: { host: string; pid: number; queues: string[]; concurrency: number }[];
    };
    assert.deepEqual(
      overview.queues.map((q) => q.name),
      ["default", "reports"],
    );
    assert.equal(overview.queues[0].delayed, 1);
    assert.equal(overview.queues[0].completedPerMinute, 3);
    assert.equal(overview.queues[0].history.length, 15);
    assert.equal(overview.workers.length, 1);
    assert.equal(overview.workers[0].pid, process.pid);
    assert.deepEqual(overview.workers[0].queues, ["default", "reports"]);
    const page = await (await h.api("/")).text();
    assert.match(page, /<tr data-queue="default">/);
    assert.match(page, new RegExp(`<td class="num">${process.pid}</td>`));
  });
});

describe("admin: escaping primitives", () => {
  it("escapes every interpolation of the html template unless it is trusted markup", () => {
    assert.equal(
      escapeHtml(`<a href="x" onclick='y'>&\``),
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;",
    );
    const evil = "<script>alert(1)</script>";
    assert.equal(
      html`<p title="${evil}">${evil}</p>`.value,
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    assert.equal(html`<ul>${["<a>", html`<li>${"<b>"}</li>`]}</ul>`.value, "<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>");
    assert.equal(html`${trusted("<br>")}${null}${undefined}${false}${0}`.value, "<br>0");
  });
});
