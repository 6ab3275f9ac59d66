// Without Chromium the browser suite skips with one line saying how to install it (so `npm test`
// passes on a fresh clone); with CELERITY_REQUIRE_BROWSER=1, as .ci/run sets it, the same absence
// fails the run instead.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function runBrowserSuite(env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium", ...env };
  if (!("CELERITY_REQUIRE_BROWSER" in env)) delete childEnv.CELERITY_REQUIRE_BROWSER;
  delete childEnv.NODE_TEST_CONTEXT; // else the child reports to a parent runner instead of printing TAP
  return spawnSync(
    process.execPath,
    ["--import", "tsx", "--test", "--test-reporter=tap", "test/admin-browser.test.ts"],
    {
      cwd: ROOT,
      env: childEnv,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
}

test("without Chromium the browser suite is skipped with the install command, and passes", () => {
  const run = runBrowserSuite({});
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const skipLines = run.stdout.split("\n").filter((line) => /# SKIP/.test(line));
  assert.equal(skipLines.length, 1, run.stdout);
  assert.match(
    skipLines[0]!,
    /admin in Chromium # SKIP no Chromium at \/nonexistent\/chromium: install it with "apt-get install -y chromium"/,
  );
  assert.match(run.stdout, /# fail 0/);
});

test("with CELERITY_REQUIRE_BROWSER=1 a missing Chromium fails the suite", () => {
  const run = runBrowserSuite({ CELERITY_REQUIRE_BROWSER: "1" });
  assert.notEqual(run.status, 0, run.stdout);
  assert.match(
    run.stdout + run.stderr,
    /\/nonexistent\/chromium not found: install it with "apt-get install -y chromium"/,
  );
});
