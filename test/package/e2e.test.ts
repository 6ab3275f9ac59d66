/**
 * What a new user does, end to end: `npm pack` this repository; make a project with `npm init -y`
 * and `tsc --init` (defaults kept); install the tarball; `celerity init`; add a task with an args schema
 * and a periodic entry; `celerity codegen`; `tsc`; then run the worker, beat and a client script with
 * plain `node` on the compiled output, and the same project's files under Deno and Bun (the npm
 * packages `deno` and `bun`, devDependencies of this repository), each against the shared Redis
 * under its own key prefix. Nothing here uses tsx or the repository's sources at run time.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Redis } from "ioredis";
import { parseDocument } from "yaml";
import { REPO, run, type RunResult } from "../generator-helpers.ts";

const TSC = join(REPO, "node_modules", "typescript", "bin", "tsc");
const RUNTIMES = {
  node: (file: string) => [process.execPath, file],
  deno: (file: string) => [
    join(REPO, "node_modules", ".bin", "deno"),
    "run",
    "--allow-env",
    "--allow-net",
    "--allow-read",
    "--allow-sys",
    file,
  ],
  bun: (file: string) => [join(REPO, "node_modules", ".bin", "bun"), file],
} as const;
type RuntimeName = keyof typeof RUNTIMES;

const RUN_ID = `celerity-e2e-${process.pid}-${Date.now().toString(36)}`;

/**
 * The environment of every child, as a user's shell would have it: nothing of `npm test`'s own
 * context (npm_config_local_prefix would point a child `npm install` at this repository), no
 * NODE_OPTIONS or test-runner context.
 */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1", ...extra };
  for (const name of Object.keys(env)) if (/^npm_/i.test(name)) delete env[name];
  for (const name of ["INIT_CWD", "NODE_OPTIONS", "NODE_TEST_CONTEXT", "TSX_TSCONFIG_PATH"]) delete env[name];
  return env;
}

function ok(result: RunResult, what: string): RunResult {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result;
}

/**
 * The task the test adds to init's manifest: one with an args schema (string lengths included: ajv's
 * runtime helpers for them once came out undefined under Bun), plus a periodic entry firing it.
 */
const ADDED_TASK = {
  handler: "./handlers/math.ts#add",
  description: "Adds two numbers.",
  args: {
    type: "object",
    required: ["a", "b"],
    additionalProperties: false,
    properties: {
      a: { type: "integer", minimum: 0 },
      b: { type: "integer" },
      label: { type: "string", minLength: 1, maxLength: 20 },
    },
  },
  result: { type: "integer" },
};
const ADDED_PERIODIC = { tick: { task: "math.add", every: "1s", args: { a: 1, b: 1 } } };

const HANDLER = `import { defineHandler } from "../generated/define.js";

export const add = defineHandler("math.add", ({ a, b }) => a + b);
`;

// An application sending the added task and waiting for its result, as a user writes it.
const SUM_CLIENT = `import { createClient } from "./generated/client.js";

const tasks = createClient();
const sum = await tasks.math.add.delay({ a: 2, b: 3, label: "sum" });
console.log(\`math.add -> \${await sum.get({ timeout: "30s" })}\`);
await tasks.$disconnect();
`;

// Waits until beat has fired the periodic entry \`tick\` (and so proves beat ran under this runtime).
const BEAT_CHECK = `import { PeriodicStore } from "celerity/beat";
import { app } from "./generated/registry.js";

const store = new PeriodicStore(app);
let entry = await store.get("tick");
while (!entry || entry.totalRunCount === 0) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  entry = await store.get("tick");
}
console.log(\`tick fired \${entry.totalRunCount}\`);
await store.close();
`;

describe("the npm package in a fresh tsc --init project", { timeout: 120_000 }, () => {
  let dir: string;
  let project: string;
  let tarball: string;
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0", { lazyConnect: true });
  const sh = (command: string, args: readonly string[], env?: Record<string, string>) =>
    run(command, args, { cwd: project, env: userEnv(env), inherit: false });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "celerity-e2e-"));
    project = join(dir, "app");
    await mkdir(project);
    const packed = ok(
      await run("npm", ["pack", "--pack-destination", dir, "--silent"], { cwd: REPO, env: userEnv(), inherit: false }),
      "npm pack",
    );
    tarball = join(dir, packed.stdout.trim().split("\n").pop()!);
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    if (redis.status !== "wait") {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${RUN_ID}*`, "COUNT", 1000);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== "0");
    }
    redis.disconnect();
  });

  test("the tarball holds the compiled package and nothing else: no tests, benchmarks or sources", async () => {
    const listing = ok(await run("tar", ["-tzf", tarball], { cwd: dir, env: userEnv(), inherit: false }), "tar -tzf")
      .stdout.trim()
      .split("\n");
    const outside = listing.filter(
      (path) =>
        !/^package\/(dist\/.+\.(js|d\.ts|lua|hbs|css|json)|bin\/celerity\.js|generator\/manifest\.schema\.json|package\.json|README\.md)$/.test(
          path,
        ),
    );
    assert.deepEqual(outside, []);
    assert.deepEqual(
      listing.filter((path) => /(^|\/)(test|bench|demo|handlers|tools|\.ci)\//.test(path)),
      [],
    );
    assert.ok(listing.includes("package/dist/runtime/mod.js") && listing.includes("package/dist/runtime/mod.d.ts"));
  });

  test("npm init -y, tsc --init, npm i <tarball>, celerity init, a task added, codegen and tsc build the project", async () => {
    ok(await sh("npm", ["init", "-y"]), "npm init -y");
    ok(await sh(process.execPath, [TSC, "--init"]), "tsc --init");
    ok(await sh("npm", ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"]), "npm install <tarball>");
    const init = ok(await sh("npx", ["--no", "celerity", "init"]), "npx celerity init");
    assert.match(init.stdout, /Next steps/);
    const manifestPath = join(project, "tasks.yaml");
    const scaffolded = await readFile(manifestPath, "utf8");
    const manifest = parseDocument(scaffolded);
    assert.match(
      scaffolded,
      /^# yaml-language-server: \$schema=\.\/node_modules\/celerity\/generator\/manifest\.schema\.json$/m,
    );
    assert.ok(
      existsSync(join(project, "node_modules", "celerity", "generator", "manifest.schema.json")),
      "the $schema init wrote points at a file",
    );
    manifest.setIn(["tasks", "math.add"], ADDED_TASK);
    manifest.set("periodic", ADDED_PERIODIC);
    await writeFile(manifestPath, manifest.toString());
    await writeFile(join(project, "handlers", "math.ts"), HANDLER);
    await writeFile(join(project, "sum.ts"), SUM_CLIENT);
    await writeFile(join(project, "beat-check.ts"), BEAT_CHECK);
    const codegen = ok(await sh("npx", ["--no", "celerity", "codegen"]), "npx celerity codegen");
    assert.match(codegen.stdout, /tasks\.yaml -> generated\//);
    const tsc = await sh(process.execPath, [TSC]);
    assert.equal(tsc.code, 0, `tsc on the tsc --init project failed:\n${tsc.stdout}${tsc.stderr}`);
    for (const file of [
      "generated/worker.js",
      "generated/beat.js",
      "client.js",
      "sum.js",
      "beat-check.js",
      "handlers/math.js",
    ]) {
      assert.ok(existsSync(join(project, file)), `tsc did not emit ${file}`);
    }
    const installed = JSON.parse(await readFile(join(project, "node_modules", "celerity", "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    assert.equal(installed.dependencies.tsx, undefined, "tsx is no runtime dependency");
  });

  test("the installed bin (plain node) loads the compiled registry: celerity periodic list", async () => {
    const listed = ok(
      await sh("npx", ["--no", "celerity", "periodic", "list", "--json"], { CELERITY_PREFIX: `${RUN_ID}-cli` }),
      "npx celerity periodic list",
    );
    const entries = JSON.parse(listed.stdout) as { name: string }[];
    assert.deepEqual(
      entries.map((entry) => entry.name),
      [],
    );
    const added = await sh(
      "npx",
      [
        "--no",
        "celerity",
        "periodic",
        "add",
        "--name",
        "cli-added",
        "--task",
        "math.add",
        "--every",
        "1h",
        "--args",
        '{"a":1,"b":2}',
      ],
      {
        CELERITY_PREFIX: `${RUN_ID}-cli`,
      },
    );
    ok(added, "npx celerity periodic add");
    const again = JSON.parse(
      ok(
        await sh("npx", ["--no", "celerity", "periodic", "list", "--json"], { CELERITY_PREFIX: `${RUN_ID}-cli` }),
        "list",
      ).stdout,
    ) as { name: string }[];
    assert.deepEqual(
      again.map((entry) => entry.name),
      ["cli-added"],
    );
  });

  for (const runtime of Object.keys(RUNTIMES) as RuntimeName[]) {
    test(`${runtime}: the worker and beat run, the client gets its result back, beat fires the periodic entry`, async () => {
      assert.ok(existsSync(join(project, "client.js")), "the build step did not produce client.js");
      const env = { CELERITY_PREFIX: `${RUN_ID}-${runtime}` };
      await redis.connect().catch(() => {});
      const command = RUNTIMES[runtime];
      const worker = start(command("generated/worker.js"), project, userEnv(env));
      const beat = start(command("generated/beat.js"), project, userEnv(env));
      try {
        const [exe, ...args] = command("client.js");
        const client = ok(await sh(exe!, args, env), `${runtime} client.js (init's example)`);
        assert.match(client.stdout, /Hello, world!/);
        const [exe1, ...args1] = command("sum.js");
        const sum = ok(await sh(exe1!, args1, env), `${runtime} sum.js`);
        assert.match(sum.stdout, /^math\.add -> 5$/m);
        const [exe2, ...args2] = command("beat-check.js");
        const fired = ok(await sh(exe2!, args2, env), `${runtime} beat-check.js`);
        assert.match(fired.stdout, /^tick fired [1-9]\d*$/m);
      } finally {
        const [workerExit, beatExit] = await Promise.all([stop(worker), stop(beat)]);
        assert.equal(
          workerExit.code,
          0,
          `${runtime} worker exited ${workerExit.code} after SIGTERM:\n${workerExit.output}`,
        );
        assert.equal(beatExit.code, 0, `${runtime} beat exited ${beatExit.code} after SIGTERM:\n${beatExit.output}`);
      }
    });
  }
});

interface Started {
  child: ChildProcess;
  output: () => string;
}

function start(command: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Started {
  const [exe, ...args] = command;
  const child = spawn(exe!, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  return { child, output: () => output };
}

/** SIGTERM (warm shutdown), then the exit code and everything the process printed. */
async function stop({ child, output }: Started): Promise<{ code: number | null; output: string }> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  }
  return { code: child.exitCode, output: output() };
}
