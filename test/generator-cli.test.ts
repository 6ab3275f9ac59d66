/**
 * The real `celerity` bin, run as a child process in a project outside the repository (with
 * node_modules/celerity symlinked to it): codegen, --check and its exit codes, stale-file names,
 * manifest errors, and no partial writes.
 */
import assert from "node:assert/strict";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { copyProjectFixture, linkProject, run, runCli, snapshotDir, tempDir } from "./generator-helpers.ts";

let root: string;
let cleanup: () => Promise<void>;

before(async () => {
  ({ dir: root, cleanup } = await tempDir("cli"));
  await linkProject(root);
  await copyProjectFixture(root, "other");
});

after(async () => {
  await cleanup();
});

test("unknown subcommand prints usage and exits 2", async () => {
  const result = await runCli(["frobnicate"], { cwd: root });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^celerity: unknown command "frobnicate"\n\nusage: celerity <command> \[options\]/);
  assert.match(result.stderr, /codegen +generate typed code/);
});

test("codegen --manifest other/tasks.yaml --out other/generated works outside the repository", async () => {
  const result = await runCli(["codegen", "--manifest", "other/tasks.yaml", "--out", "other/generated"], { cwd: root });
  assert.equal(result.stderr, "");
  assert.equal(result.code, 0);
  assert.match(
    result.stdout,
    /^codegen: other\/tasks\.yaml -> other\/generated\/ \(10 files: 10 written, 0 unchanged\) in \d+ ms\n$/,
  );
  assert.deepEqual((await readdir(join(root, "other", "generated"))).sort(), [
    "beat.ts",
    "client.ts",
    "define.ts",
    "dispatch.ts",
    "manifest.json",
    "registry.ts",
    "testing.ts",
    "types.ts",
    "validators.ts",
    "worker.ts",
  ]);
  const dispatch = await readFile(join(root, "other", "generated", "dispatch.ts"), "utf8");
  assert.match(dispatch, /import \{ add \} from "\.\.\/handlers\/math\.ts";/);

  // The generated registry and validators load outside the repository and validate arguments.
  const probe = [
    'const { app } = await import("./other/generated/registry.ts");',
    'const spec = app.tasks["orders.ship"];',
    'const args = { orderId: "3b241101-e2bb-4255-8caf-4136c566a962" };',
    "console.log(spec.validateArgs(args), JSON.stringify(args), spec.validateArgs({ orderId: 1 }));",
  ].join("\n");
  await writeFile(join(root, "probe.ts"), probe);
  const loaded = await run(process.execPath, ["--import", import.meta.resolve("tsx/esm"), "probe.ts"], { cwd: root });
  assert.equal(loaded.stderr, "");
  assert.equal(loaded.stdout, 'true {"orderId":"3b241101-e2bb-4255-8caf-4136c566a962","express":false} false\n');
});

test("codegen --check exits 0 when current and 1 naming stale, missing and extra files", async () => {
  const args = ["codegen", "--manifest", "other/tasks.yaml", "--out", "other/generated"];
  await runCli(args, { cwd: root });
  const current = await runCli([...args, "--check"], { cwd: root });
  assert.equal(current.code, 0);
  assert.equal(current.stdout, "other/generated/ is up to date with other/tasks.yaml\n");

  const generated = join(root, "other", "generated");
  await writeFile(join(generated, "client.ts"), "// edited by hand\n");
  await rm(join(generated, "types.ts"));
  const header = (await readFile(join(generated, "worker.ts"), "utf8")).split("\n")[0];
  await writeFile(join(generated, "old-task.ts"), `${header}\nexport {};\n`);
  await writeFile(join(generated, "NOTES.md"), "my own notes, not generated\n");
  const before = await snapshotDir(generated);

  const stale = await runCli([...args, "--check"], { cwd: root });
  assert.equal(stale.code, 1);
  assert.equal(
    stale.stderr,
    [
      "other/generated/ is out of date with other/tasks.yaml (run `celerity codegen`):",
      "  stale:   other/generated/client.ts",
      "  missing: other/generated/types.ts",
      "  extra:   other/generated/old-task.ts",
      "",
    ].join("\n"),
  );
  assert.deepEqual(await snapshotDir(generated), before, "--check writes nothing");

  const fixed = await runCli(args, { cwd: root });
  assert.equal(fixed.code, 0);
  assert.match(fixed.stdout, /\(10 files: 2 written, 8 unchanged, 1 removed \(old-task\.ts\)\)/);
  const names = await readdir(generated);
  assert.ok(!names.includes("old-task.ts"), "the stale generated file is removed");
  assert.ok(names.includes("NOTES.md"), "files codegen did not write are left alone");
  assert.equal((await runCli([...args, "--check"], { cwd: root })).code, 0);
});

test("a bad manifest prints every error with a count, exits 1, and writes nothing", async () => {
  const args = ["codegen", "--manifest", "other/tasks.yaml", "--out", "other/generated"];
  await runCli(args, { cwd: root });
  const manifestPath = join(root, "other", "tasks.yaml");
  const good = await readFile(manifestPath, "utf8");
  const generated = join(root, "other", "generated");
  const before = await snapshotDir(generated);
  try {
    await writeFile(
      manifestPath,
      good.replace("queue: shipping", "queue: shipping\n    priorty: 3").replace("every: 1m", "every: 1 minute"),
    );
    const result = await runCli(args, { cwd: root });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "");
    assert.equal(
      result.stderr,
      `other/tasks.yaml:36:5 error: unknown key "priorty" in "orders.ship"
  34 |         trackingCode: { type: string }
  35 |     queue: shipping
> 36 |     priorty: 3
     |     ^^^^^^^
  expected: one of acks_late, args, description, expires, handler, ignore_result, priority, queue, rate_limit, result, retry, time_limit
  did you mean "priority"?

other/tasks.yaml:40:12 error: invalid duration "1 minute"
  38 |   heartbeat:
  39 |     task: math.add
> 40 |     every: 1 minute
     |            ^^^^^^^^
  expected: a duration such as 250ms, 30s, 5m, 2h, 1d, or a number of seconds

2 errors
`,
    );
    assert.deepEqual(await snapshotDir(generated), before, "the output directory is untouched");
    const names = await readdir(join(root, "other"));
    assert.ok(!names.some((name) => name.includes("codegen-")), "no staging directory is left behind");
  } finally {
    await writeFile(manifestPath, good);
  }
});

test("codegen --help prints the options; a bad option exits 2", async () => {
  const help = await runCli(["codegen", "--help"], { cwd: root });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--runtime-import <spec>/);
  const bad = await runCli(["codegen", "--manifset", "x.yaml"], { cwd: root });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^celerity codegen: Unknown option '--manifset'/);
});

test("--runtime-import changes the package generated code imports the runtime from, subpaths included", async () => {
  const result = await runCli(
    ["codegen", "--manifest", "other/tasks.yaml", "--out", "other/generated-alt", "--runtime-import", "@acme/celerity"],
    { cwd: root },
  );
  assert.equal(result.code, 0);
  const read = (file: string) => readFile(join(root, "other", "generated-alt", file), "utf8");
  const client = await read("client.ts");
  assert.match(client, /from "@acme\/celerity";/);
  assert.doesNotMatch(client, /from "celerity/);
  assert.match(await read("worker.ts"), /import \{ runWorkerMain \} from "@acme\/celerity\/worker";/);
  assert.match(await read("beat.ts"), /import \{ runBeatMain \} from "@acme\/celerity\/beat";/);
});
