/**
 * `celerity init` in a project as `npm init -y` and `tsc --init` leave it: what it writes, that a
 * second run changes nothing, that it refuses what it cannot build on without writing anything, and
 * that the scaffold goes through codegen, the user's tsc, `npm run worker` and `node client.js`.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { Redis } from "ioredis";
import { REPO, tempDir, writeTree } from "./generator-helpers.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "./support/redis.ts";
import { applyInit, InitError, type InitPlan } from "../cli/init/mod.ts";
import { planPackageJson } from "../cli/init/package-json.ts";
import { runAsUser, userEnv } from "./support/user-env.ts";
import { eventually, exited } from "./support/wait.ts";

const TSC = join(REPO, "node_modules", "typescript", "bin", "tsc");

/** `celerity ARGS` in `dir`, run from this checkout's bin as a user would run the installed one. */
const runCli = (args: readonly string[], options: { cwd: string }) =>
  runAsUser(process.execPath, [join(REPO, "bin", "celerity.js"), ...args], options);

/** Every file below `dir` (node_modules left out) with its contents and mtime: what "nothing changed" compares. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      if (entry.name === "node_modules") continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isSymbolicLink()) out[relative(dir, path)] = `-> ${await readlink(path)}`;
      else out[relative(dir, path)] = `${(await stat(path)).mtimeMs} ${await readFile(path, "utf8")}`;
    }
  };
  await walk(dir);
  return out;
}

/** The package's entry points, mapped to the TypeScript sources (those of them this checkout has). */
const SOURCE_EXPORTS: Record<string, string> = {
  ".": "./runtime/mod.ts",
  "./runtime": "./runtime/mod.ts",
  "./worker": "./runtime/worker/mod.ts",
  "./beat": "./runtime/beat/mod.ts",
  "./admin": "./runtime/admin/mod.ts",
  "./testing": "./runtime/testing/mod.ts",
  "./generator": "./generator/mod.ts",
  "./manifest.schema.json": "./generator/manifest.schema.json",
};

/**
 * node_modules/celerity (and its bin) as `npm i celerity` lays them out, made of links to this
 * checkout's sources, so that the test runs what is here without a build (the real tarball is
 * tested by the package's own end-to-end test). Dependencies resolve from the checkout, where the
 * linked files really are.
 */
async function installFromSource(dir: string): Promise<void> {
  const pkgDir = join(dir, "node_modules", "celerity");
  await mkdir(join(dir, "node_modules", ".bin"), { recursive: true });
  await mkdir(pkgDir);
  for (const folder of ["runtime", "generator", "cli", "bin"])
    await symlink(join(REPO, folder), join(pkgDir, folder), "dir");
  const exports: Record<string, string> = {};
  for (const [subpath, file] of Object.entries(SOURCE_EXPORTS)) {
    if (
      await stat(join(REPO, file)).then(
        () => true,
        () => false,
      )
    )
      exports[subpath] = file;
  }
  await writeFile(
    join(pkgDir, "package.json"),
    JSON.stringify({ name: "celerity", type: "module", bin: { celerity: "./bin/celerity.js" }, exports }, null, 2),
  );
  await symlink("../celerity/bin/celerity.js", join(dir, "node_modules", ".bin", "celerity"));
}

/** A directory as `npm init -y` and `tsc --init` (TypeScript 7, defaults kept) leave it. */
async function freshProject(label: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const project = await tempDir(label);
  const npm = await runAsUser("npm", ["init", "-y"], { cwd: project.dir });
  assert.equal(npm.code, 0, npm.stderr);
  const tsc = await runAsUser(process.execPath, [TSC, "--init"], { cwd: project.dir });
  assert.equal(tsc.code, 0, tsc.stderr);
  await installFromSource(project.dir);
  return project;
}

/** Runs `celerity init` and checks that a refusal is one line on stderr naming `file`, with nothing written. */
async function refused(dir: string, file: string): Promise<string> {
  const before = await snapshot(dir);
  const r = await runCli(["init"], { cwd: dir });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(r.stdout, "");
  const lines = r.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, r.stderr);
  assert.ok(lines[0]!.startsWith(`celerity init: ${file}: `), r.stderr);
  assert.deepEqual(await snapshot(dir), before, "nothing was written");
  return lines[0]!;
}

describe("celerity init", () => {
  it('in a fresh npm init -y + tsc --init project: writes the example, scripts and "type": "module", keeps tsconfig.json', async () => {
    const { dir, cleanup } = await freshProject("init-fresh");
    try {
      const tsconfigBefore = await readFile(join(dir, "tsconfig.json"), "utf8");
      const r = await runCli(["init"], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /created {2}tasks\.yaml\n {2}created {2}handlers\/hello\.ts\n {2}created {2}client\.ts\n/);
      assert.match(
        r.stdout,
        /updated {2}package\.json \("type": "module" instead of "commonjs"; scripts codegen, build, worker, beat, admin\)/,
      );
      assert.match(r.stdout, /exists {3}tsconfig\.json \(kept\)/);
      assert.doesNotMatch(r.stdout, /tsconfig\.json needs/, "tsc --init's defaults are enough");
      assert.match(
        r.stdout,
        /Next steps:\n {2}1\. npx celerity codegen .*\n {2}2\. npx tsc .*\n {2}3\. npm run worker .*\n {2}4\. node client\.js /,
      );
      assert.equal(await readFile(join(dir, "tsconfig.json"), "utf8"), tsconfigBefore);
      const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
      assert.equal(pkg.type, "module");
      assert.deepEqual(pkg.scripts, {
        test: 'echo "Error: no test specified" && exit 1',
        codegen: "celerity codegen",
        build: "tsc",
        worker: "exec node generated/worker.js",
        beat: "exec node generated/beat.js",
        admin: "exec celerity admin --registry generated/registry.js",
      });
      const manifest = await readFile(join(dir, "tasks.yaml"), "utf8");
      const schema = /^# yaml-language-server: \$schema=(\.\/node_modules\/celerity\/\S+\.json)\n/.exec(manifest);
      assert.ok(schema, manifest);
      assert.equal(
        JSON.parse(await readFile(join(dir, schema[1]!), "utf8")).title,
        "celerity manifest",
        "the $schema path leads to the installed schema",
      );
      const handler = await readFile(join(dir, "handlers/hello.ts"), "utf8");
      assert.match(handler, /from "\.\.\/generated\/define\.js"/);
      assert.doesNotMatch(
        handler + (await readFile(join(dir, "client.ts"), "utf8")),
        /process\.|node:/,
        "no Node types needed",
      );
    } finally {
      await cleanup();
    }
  });

  it("a second run changes nothing and says so", async () => {
    const { dir, cleanup } = await freshProject("init-twice");
    try {
      assert.equal((await runCli(["init"], { cwd: dir })).code, 0);
      const before = await snapshot(dir);
      const r = await runCli(["init"], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^celerity init: nothing to do in .*; everything init writes exists already/);
      for (const file of ["tasks.yaml", "handlers/hello.ts", "client.ts", "tsconfig.json", "package.json"]) {
        assert.match(r.stdout, new RegExp(` {2}exists {3}${file.replace(".", "\\.")} \\(kept\\)`));
      }
      assert.deepEqual(await snapshot(dir), before);
    } finally {
      await cleanup();
    }
  });

  it("keeps a user's tasks.yaml and scripts, and says what it kept", async () => {
    const { dir, cleanup } = await tempDir("init-keep");
    try {
      await writeTree(dir, {
        "package.json":
          JSON.stringify({ name: "mine", type: "module", scripts: { worker: "node my-worker.js" } }, null, 2) + "\n",
        "tasks.yaml": "version: 1\napp: mine\ntasks: {}\n",
      });
      const r = await runCli(["init"], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /created {2}tsconfig\.json/);
      assert.match(r.stdout, /exists {3}tasks\.yaml \(kept\)/);
      assert.match(
        r.stdout,
        /note {5}script "worker" is "node my-worker\.js"; celerity's would be "exec node generated\/worker\.js"/,
      );
      assert.match(
        r.stdout,
        /note {5}handlers\/hello\.ts was not written: it belongs to the example tasks\.yaml, and yours exists/,
      );
      assert.equal(await readFile(join(dir, "tasks.yaml"), "utf8"), "version: 1\napp: mine\ntasks: {}\n");
      assert.equal(JSON.parse(await readFile(join(dir, "package.json"), "utf8")).scripts.worker, "node my-worker.js");
      await assert.rejects(stat(join(dir, "handlers")), { code: "ENOENT" });
    } finally {
      await cleanup();
    }
  });

  it("package.json keeps its key order, indentation and final newline; only scripts and type are added", () => {
    const text = '{\n\t"name": "x",\n\t"scripts": {\n\t\t"test": "node --test"\n\t},\n\t"license": "MIT"\n}';
    const plan = planPackageJson(text, { scripts: { worker: "exec node generated/worker.js" }, affectedByType: [] });
    assert.equal(
      plan.text,
      '{\n\t"name": "x",\n\t"scripts": {\n\t\t"test": "node --test",\n\t\t"worker": "exec node generated/worker.js"\n\t},\n\t"license": "MIT",\n\t"type": "module"\n}',
    );
    assert.deepEqual(plan.changes, ['"type": "module"', "scripts worker"]);
  });

  it("an existing tsconfig.json is checked, not edited: the settings that must change are listed", async () => {
    const { dir, cleanup } = await tempDir("init-tsconfig");
    try {
      const tsconfig =
        '{\n  // mine\n  "compilerOptions": { "module": "commonjs", "moduleResolution": "node10", "noEmit": true, "outDir": "dist", },\n}\n';
      await writeTree(dir, { "package.json": '{ "name": "x" }\n', "tsconfig.json": tsconfig });
      const r = await runCli(["init"], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /tsconfig\.json needs these changes \(init does not edit an existing tsconfig\.json\):/);
      assert.match(
        r.stdout,
        / {2}- "module": "commonjs" cannot compile generated\/worker\.ts \(top-level await\): use "nodenext"/,
      );
      assert.match(r.stdout, / {2}- "moduleResolution": "node10" cannot resolve celerity's subpath exports/);
      assert.match(r.stdout, / {2}- "noEmit": true means tsc writes no JavaScript/);
      assert.equal(await readFile(join(dir, "tsconfig.json"), "utf8"), tsconfig);
      assert.equal(
        JSON.parse(await readFile(join(dir, "package.json"), "utf8")).scripts.worker,
        "exec node dist/generated/worker.js",
        "scripts follow outDir",
      );
    } finally {
      await cleanup();
    }
  });

  it("settings inherited through extends are checked as tsc sees them", async () => {
    const { dir, cleanup } = await tempDir("init-extends");
    try {
      await writeTree(dir, {
        "package.json": '{ "name": "x", "type": "module" }\n',
        "tsconfig.json": '{ "extends": "./config/base.json", "compilerOptions": { "strict": true } }\n',
        "config/base.json":
          '{ "compilerOptions": { "module": "nodenext", "noEmit": true, "outDir": "../build", "rootDir": ".." } }\n',
      });
      const r = await runCli(["init"], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, / {2}- "noEmit": true means tsc writes no JavaScript/);
      assert.doesNotMatch(r.stdout, /"module"/, "module comes from the base");
      assert.equal(
        JSON.parse(await readFile(join(dir, "package.json"), "utf8")).scripts.worker,
        "exec node build/generated/worker.js",
        "outDir and rootDir of the base, relative to it",
      );
    } finally {
      await cleanup();
    }
  });

  describe("refuses, naming the file, and writes nothing", () => {
    const cases: Array<{
      name: string;
      files: Record<string, string>;
      dirs?: string[];
      links?: Record<string, string>;
      file: string;
      says: RegExp;
    }> = [
      {
        name: "no package.json",
        files: {},
        file: "package.json",
        says: /not found in this directory; run `npm init -y`/,
      },
      {
        name: "package.json is not JSON",
        files: { "package.json": "{ name: x" },
        file: "package.json",
        says: /is not valid JSON/,
      },
      {
        name: "tsconfig.json does not parse",
        files: { "package.json": "{}", "tsconfig.json": '{\n  "compilerOptions": {\n    "module": ,\n  }\n}\n' },
        file: "tsconfig.json",
        says: /Expression expected\. \(at \S+\/tsconfig\.json:3:15\); fix it, or move it away and init writes a new one$/,
      },
      {
        name: "tsconfig.json is a link to a missing file",
        files: { "package.json": "{}" },
        links: { "tsconfig.json": "../shared/tsconfig.base.json" },
        file: "tsconfig.json",
        says: /is a symbolic link to a file that does not exist/,
      },
      {
        name: "tsconfig.json extends a file that does not exist",
        files: { "package.json": "{}", "tsconfig.json": '{ "extends": "./base.json" }' },
        file: "tsconfig.json",
        says: /base\.json/,
      },
      {
        name: "tsconfig.json is a directory",
        files: { "package.json": "{}" },
        dirs: ["tsconfig.json"],
        file: "tsconfig.json",
        says: /is a directory, expected a file/,
      },
      {
        name: "an example file exists without tasks.yaml",
        files: { "package.json": "{}", "handlers/hello.ts": "export const mine = 1;\n" },
        file: "handlers/hello.ts",
        says: /exists but tasks\.yaml does not/,
      },
      {
        name: "handlers is a file",
        files: { "package.json": "{}", handlers: "" },
        file: "handlers",
        says: /is a file; init puts the example handler in handlers\/hello\.ts/,
      },
      {
        name: 'a CommonJS project with sources whose meaning "type": "module" would change',
        files: {
          "package.json": '{ "type": "commonjs" }',
          "index.js": "module.exports = 1;\n",
          "src/app.ts": "export {};\n",
        },
        file: "package.json",
        says: /"type" is "commonjs" and the project has files whose meaning "type": "module" would change \(index\.js, src\/app\.ts\)/,
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { dir, cleanup } = await tempDir("init-refuse");
        try {
          await writeTree(dir, c.files);
          for (const d of c.dirs ?? []) await mkdir(join(dir, d));
          for (const [path, target] of Object.entries(c.links ?? {})) await symlink(target, join(dir, path));
          assert.match(await refused(dir, c.file), c.says);
        } finally {
          await cleanup();
        }
      });
    }
  });

  describe("writing is all or nothing", () => {
    const plan = (writes: InitPlan["writes"]): InitPlan => ({
      writes,
      existing: [],
      notes: [],
      tsconfigProblems: [],
      workerJs: "generated/worker.js",
      clientJs: null,
    });

    it("a file that cannot be written undoes the files and folders already placed", async () => {
      const { dir, cleanup } = await tempDir("init-apply");
      try {
        await writeTree(dir, { "package.json": "{}\n", blocker: "a file where a folder is needed\n" });
        const before = await snapshot(dir);
        const writes: InitPlan["writes"] = [
          { path: "tasks.yaml", content: "version: 1\n", kind: "create" },
          { path: "handlers/hello.ts", content: "export {};\n", kind: "create" },
          { path: "blocker/client.ts", content: "export {};\n", kind: "create" },
          { path: "package.json", content: '{ "type": "module" }\n', kind: "update" },
        ];
        await assert.rejects(applyInit(dir, plan(writes)), (error: unknown) => {
          assert.ok(error instanceof InitError);
          assert.equal(error.code, "INIT_WRITE_FAILED");
          assert.equal(error.message, "blocker/client.ts: could not be written (EEXIST); nothing was changed");
          return true;
        });
        assert.deepEqual(await snapshot(dir), before);
      } finally {
        await cleanup();
      }
    });

    it("a file that appears between planning and writing is not replaced, and the rest is undone", async () => {
      const { dir, cleanup } = await tempDir("init-race");
      try {
        await writeTree(dir, { "package.json": "{}\n" });
        const writes: InitPlan["writes"] = [
          { path: "tasks.yaml", content: "version: 1\n", kind: "create" },
          { path: "client.ts", content: "export {};\n", kind: "create" },
          { path: "package.json", content: '{ "type": "module" }\n', kind: "update" },
        ];
        await writeTree(dir, { "client.ts": "// the user's, written meanwhile\n" });
        const before = await snapshot(dir);
        await assert.rejects(applyInit(dir, plan(writes)), {
          code: "INIT_WRITE_FAILED",
          message: "client.ts: appeared while init ran; nothing was changed",
        });
        assert.deepEqual(await snapshot(dir), before);
      } finally {
        await cleanup();
      }
    });
  });

  it("the scaffold runs end to end: codegen, the user's tsc, npm run worker, node client.js, SIGTERM to npm shuts the worker down warm", async () => {
    const { dir, cleanup } = await freshProject("init-e2e");
    const prefix = uniquePrefix("init-e2e");
    const redis = new Redis(REDIS_URL);
    let npm: ReturnType<typeof spawn> | undefined;
    try {
      assert.equal((await runAsUser("npx", ["celerity", "init"], { cwd: dir })).code, 0);
      // A task that takes long enough to be running when the worker is told to stop.
      const manifest = await readFile(join(dir, "tasks.yaml"), "utf8");
      await writeFile(
        join(dir, "tasks.yaml"),
        manifest +
          "  hello.wait:\n    handler: ./handlers/wait.ts#wait\n    args: { type: object, required: [ms], properties: { ms: { type: integer } } }\n    result: { type: integer }\n",
      );
      await writeTree(dir, {
        "handlers/wait.ts":
          'import { defineHandler } from "../generated/define.js";\n\nexport const wait = defineHandler("hello.wait", async ({ ms }) => {\n  await new Promise((resolve) => setTimeout(resolve, ms));\n  return ms;\n});\n',
      });
      const codegen = await runAsUser("npx", ["celerity", "codegen"], { cwd: dir });
      assert.equal(codegen.code, 0, codegen.stderr);

      const tsc = await runAsUser(process.execPath, [TSC], { cwd: dir });
      // The linked package is celerity's .ts source, which the user's strict settings check too (the
      // packed, compiled package is held to them by the package's own test): only diagnostics in the
      // project's files count here: the scaffold, the added handler and generated/.
      const projectErrors = tsc.stdout
        .split("\n")
        .filter((l) => /^[^\s(]+\(\d+,\d+\): error/.test(l) && !l.startsWith("../") && !l.startsWith("node_modules/"));
      assert.deepEqual(projectErrors, []);
      await stat(join(dir, "generated", "worker.js"));
      await stat(join(dir, "client.js"));

      // The linked package is TypeScript source, so plain node needs tsx's loader to import it.
      const env = userEnv({
        CELERITY_PREFIX: prefix,
        CELERITY_LOG_FORMAT: "json",
        NODE_OPTIONS: `--import=${import.meta.resolve("tsx")}`,
      });
      const worker = spawn("npm", ["run", "--silent", "worker"], {
        cwd: dir,
        env,
        stdio: ["ignore", "ignore", "pipe"],
      });
      npm = worker;
      let log = "";
      worker.stderr!.setEncoding("utf8").on("data", (d: string) => (log += d));
      const client = await runAsUser(process.execPath, ["client.js"], { cwd: dir, env });
      assert.equal(client.code, 0, client.stderr + log);
      assert.equal(client.stdout, "{ greeting: 'Hello, world!' }\n");

      const { createClient } = (await import(join(dir, "generated", "client.ts"))) as {
        createClient: (o: object) => any;
      };
      const tasks = createClient({ prefix });
      try {
        const waiting = await tasks.hello.wait.delay({ ms: 1500 });
        await eventually(async () => (await waiting.state()) === "STARTED", 10_000);
        worker.kill("SIGTERM");
        assert.deepEqual(await exited(worker), { code: 0, signal: null }, log);
        assert.equal(await waiting.state(), "SUCCESS", "the running task finished before the worker exited");
        assert.match(log, /"msg":"warm shutdown: finishing running tasks","signal":"SIGTERM"/);
      } finally {
        await tasks.$disconnect();
      }
    } finally {
      if (npm && npm.exitCode === null) npm.kill("SIGKILL");
      redis.disconnect();
      await deletePrefix(prefix);
      await cleanup();
    }
  });
});
