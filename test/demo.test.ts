import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";

const root = new URL("..", import.meta.url).pathname;
const runDemo = (env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", "demo/run.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("npm run demo", () => {
  it("runs codegen, worker and beat, shows results, a retried task and a periodic entry, and exits 0", () => {
    const run = runDemo();
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /math\.add\(20, 22\) = 42/);
    assert.match(run.stdout, /emails\.send_welcome -> \{"messageId":"<[0-9a-f]{24}@demo\.celerity>"\}/);
    assert.match(
      run.stdout,
      /reports\.nightly \(countdown 300ms\) -> \{"url":"https:\/\/reports\.example\.org\/2026-11-24\.pdf"\}/,
    );
    assert.match(
      run.stdout,
      /wrong argument rejected before enqueue: invalid arguments for task "math\.add": - args\.b: must be number/,
    );
    // The demo samples states every 20 ms, so it may or may not catch the last attempt running.
    assert.match(run.stdout, /states seen: .*RETRY -> (STARTED -> )?SUCCESS; result \{"attempts":3\}/);
    assert.match(run.stdout, /demo-ping fired [2-4] times/);
    assert.match(run.stdout, /worker exited 0, beat exited 0/);
  });

  it("with no Redis answering, runs everything in one process on the memory broker, says so in one line, and exits 0", () => {
    const run = runDemo({ REDIS_URL: "redis://127.0.0.1:1/0" });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const lines = run.stdout.split("\n");
    assert.match(
      lines[0]!,
      /^no Redis answers at redis:\/\/127\.0\.0\.1:1\/0: running worker, beat and client in this one process on the in-memory broker/,
    );
    assert.equal(lines.filter((l) => /in-memory broker/.test(l)).length, 1, "said once");
    assert.match(run.stdout, /2\. starting a worker and beat \(key prefix celerity-demo-\d+, in this process\)/);
    assert.match(run.stdout, /math\.add\(20, 22\) = 42/);
    assert.match(
      run.stdout,
      /reports\.nightly \(countdown 300ms\) -> \{"url":"https:\/\/reports\.example\.org\/2026-11-24\.pdf"\}/,
    );
    assert.match(run.stdout, /states seen: .*RETRY -> (STARTED -> )?SUCCESS; result \{"attempts":3\}/);
    assert.match(run.stdout, /demo-ping fired [2-4] times/);
    assert.match(run.stdout, /worker stopped, beat stopped/);
  });

  it("REDIS_URL=memory:// selects the memory broker without probing Redis", () => {
    const run = runDemo({ REDIS_URL: "memory://" });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout.split("\n")[0]!,
      /^REDIS_URL is memory:\/\/: running worker, beat and client in this one process on the in-memory broker/,
    );
    assert.match(run.stdout, /math\.add\(20, 22\) = 42/);
  });
});
