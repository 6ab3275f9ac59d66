/**
 * Generated code runs where users run it, against the real Redis: a `tsc --init` project holding the
 * project fixture is generated (the import extension picked from its tsconfig), built with `tsc`, and
 * its worker and a client script run with plain `node` on the built output, with tsx on the sources,
 * and with Bun and Deno (when their npm packages are installed). The client gets results back, and
 * its validators (ajv helpers and formats, loaded through the interop) reject bad arguments.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { generateAndWrite } from "../generator/mod.ts";
import { REPO, run, tempDir } from "./generator-helpers.ts";
import { buildRuntimePackage, COMPILERS, linkPackageDependencies, makeUserProject } from "./generator-user-project.ts";
import { deletePrefix, uniquePrefix } from "./support/redis.ts";

const MAIN = (extension: string) => `import { createClient } from "./generated/client.${extension}";

const tasks = createClient();
const sum = await tasks.math.add.delay({ a: 2, b: 3 });
const shipped = await tasks.orders.ship.delay({ orderId: "3b241101-e2bb-4255-8caf-4136c566a962" });
const rejected = (promise: Promise<unknown>) => promise.then(() => "accepted", (error: Error) => error.name);
console.log(JSON.stringify({
  sum: await sum.get({ timeout: "20s" }),
  shipped: await shipped.get({ timeout: "20s" }),
  badNumber: await rejected(tasks.math.add.delay({ a: 1, b: "2" } as never)),
  badUuid: await rejected(tasks.orders.ship.delay({ orderId: "not-a-uuid" })),
}));
await tasks.$disconnect();
`;

const EXPECTED = {
  sum: 5,
  shipped: { trackingCode: "S-3b241101" },
  badNumber: "TaskArgumentsError",
  badUuid: "TaskArgumentsError",
};

const TSX = ["--import", join(REPO, "node_modules", "tsx", "dist", "esm", "index.mjs")];
const BUN = join(REPO, "node_modules", ".bin", "bun");
const DENO = join(REPO, "node_modules", ".bin", "deno");

let root: string;
let cleanup: () => Promise<void>;
/** The two built projects: `.js` imports (tsc --init defaults, TypeScript 7) and `.ts` imports (rewriteRelativeImportExtensions, TypeScript 5). */
const projects = { js: "", ts: "" };

before(async () => {
  ({ dir: root, cleanup } = await tempDir("tsc-run"));
  const runtimePackage = await buildRuntimePackage(join(root, "celerity"));
  const setups = [
    { extension: "js" as const, compiler: COMPILERS["TypeScript 7"], init: [] },
    { extension: "ts" as const, compiler: COMPILERS["TypeScript 5"], init: ["--rewriteRelativeImportExtensions"] },
  ];
  for (const setup of setups) {
    const dir = join(root, `project-${setup.extension}`);
    await makeUserProject(dir, { ...setup, runtimePackage });
    await writeFile(join(dir, "main.ts"), MAIN(setup.extension));
    await generateAndWrite("tasks.yaml", "generated", { cwd: dir });
    const built = await run(process.execPath, [setup.compiler, "-p", ".", "--outDir", "out"], { cwd: dir });
    assert.equal(built.stdout + built.stderr, "", `the .${setup.extension} project builds`);
    projects[setup.extension] = dir;
  }
  // Only now: while tsc ran, the package had no path to Node's types.
  await linkPackageDependencies(runtimePackage);
});

after(async () => {
  await cleanup();
});

const RUNS: Array<{
  name: string;
  project: "js" | "ts";
  command: string;
  prefixArgs: string[];
  worker: string;
  main: string;
}> = [
  {
    name: "node, tsc output (.js imports, TypeScript 7)",
    project: "js",
    command: process.execPath,
    prefixArgs: [],
    worker: "out/generated/worker.js",
    main: "out/main.js",
  },
  {
    name: "node, tsc output (.ts imports rewritten, TypeScript 5)",
    project: "ts",
    command: process.execPath,
    prefixArgs: [],
    worker: "out/generated/worker.js",
    main: "out/main.js",
  },
  {
    name: "tsx, sources with .js imports",
    project: "js",
    command: process.execPath,
    prefixArgs: TSX,
    worker: "generated/worker.ts",
    main: "main.ts",
  },
  {
    name: "bun, sources with .js imports",
    project: "js",
    command: BUN,
    prefixArgs: [],
    worker: "generated/worker.ts",
    main: "main.ts",
  },
  {
    name: "bun, tsc output",
    project: "js",
    command: BUN,
    prefixArgs: [],
    worker: "out/generated/worker.js",
    main: "out/main.js",
  },
  {
    name: "deno, tsc output",
    project: "js",
    command: DENO,
    prefixArgs: ["run", "-A"],
    worker: "out/generated/worker.js",
    main: "out/main.js",
  },
  {
    name: "deno, sources with .ts imports",
    project: "ts",
    command: DENO,
    prefixArgs: ["run", "-A"],
    worker: "generated/worker.ts",
    main: "main.ts",
  },
];

for (const entry of RUNS) {
  const missing = entry.command !== process.execPath && !existsSync(entry.command);
  test(
    `${entry.name}: the worker runs tasks and the client gets results`,
    { skip: missing && "not installed (npm i bun deno)" },
    async () => {
      const cwd = projects[entry.project];
      const prefix = uniquePrefix("gen-run");
      const env = { ...process.env, CELERITY_PREFIX: prefix, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
      const worker = spawn(entry.command, [...entry.prefixArgs, entry.worker, "--queues", "default,shipping"], {
        cwd,
        env,
      });
      let workerLog = "";
      worker.stdout.on("data", (chunk: Buffer) => (workerLog += chunk.toString()));
      worker.stderr.on("data", (chunk: Buffer) => (workerLog += chunk.toString()));
      const exited = new Promise<number | null>((resolveExit) => worker.on("close", (code) => resolveExit(code)));
      try {
        const client = await run(entry.command, [...entry.prefixArgs, entry.main], { cwd, env });
        assert.equal(client.code, 0, `client: ${client.stderr}\nworker: ${workerLog}`);
        assert.deepEqual(JSON.parse(client.stdout.trim().split("\n").at(-1)!), EXPECTED);
      } finally {
        worker.kill("SIGTERM");
        const code = await exited;
        await deletePrefix(prefix);
        assert.equal(code, 0, `warm shutdown; worker log:\n${workerLog}`);
      }
    },
  );
}
