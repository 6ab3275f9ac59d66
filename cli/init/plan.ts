import { stat } from "node:fs/promises";
import { join, posix } from "node:path";
import { InitError } from "./errors.ts";
import { EXAMPLE_CLIENT, EXAMPLE_HANDLER, EXAMPLE_PATHS, exampleManifest, TSCONFIG } from "./example.ts";
import { planPackageJson } from "./package-json.ts";
import { readProjectFile } from "./read-file.ts";
import { manifestSchemaPath } from "./schema-path.ts";
import { filesAffectedByType } from "./source-files.ts";
import { checkTsconfig } from "./tsconfig-check.ts";

/** A file init writes: a new one (never replacing anything) or package.json's update. */
export interface InitWrite {
  path: string;
  content: string;
  kind: "create" | "update";
  /** For updates: what changes, for the report. */
  summary?: string;
}

/** Everything init will do, decided before anything is written. */
export interface InitPlan {
  writes: InitWrite[];
  /** Files that exist and are left as they are. */
  existing: string[];
  /** Kept differences and things init could not check. */
  notes: string[];
  /** tsconfig.json settings the user must change (init does not edit an existing tsconfig). */
  tsconfigProblems: string[];
  /** The worker script's JavaScript entrypoint, as package.json runs it. */
  workerJs: string;
  /** The client script to run after the build, or null when init wrote no client. */
  clientJs: string | null;
}

async function isFile(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The manifest's `app` from the package name: its last segment, in the characters an app name allows. */
function appName(packageName: string | null): string {
  const base = (packageName ?? "").split("/").at(-1) ?? "";
  const cleaned = base.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-+|-+$/g, "");
  return cleaned === "" ? "app" : cleaned;
}

/** Where tsc puts the JavaScript of `source` (a path ending in .js), given the tsconfig's outDir and rootDir. */
function emitted(source: string, outDir: string | null, rootDir: string | null): string | null {
  if (outDir === null) return source;
  const inRoot = posix.relative(posix.normalize(rootDir ?? "."), source);
  return inRoot.startsWith("..") ? null : posix.join(posix.normalize(outDir), inRoot);
}

/**
 * Reads the project in `dir` and decides every write. Throws an {@link InitError} naming the file
 * for anything init cannot build on; nothing is written until {@link applyInit} runs the plan.
 */
export async function planInit(dir: string): Promise<InitPlan> {
  const packageText = await readProjectFile(dir, "package.json");
  if (packageText === null)
    throw new InitError(
      "INIT_MISSING_FILE",
      "package.json",
      "not found in this directory; run `npm init -y` (and `npm i celerity`) first",
    );
  const tsconfigText = await readProjectFile(dir, "tsconfig.json");
  const manifestText = await readProjectFile(dir, EXAMPLE_PATHS.manifest);
  if ((await isFile(join(dir, "handlers"))) === true) {
    throw new InitError(
      "INIT_CONFLICT",
      "handlers",
      `is a file; init puts the example handler in ${EXAMPLE_PATHS.handler}`,
    );
  }
  const handlerExists = (await readProjectFile(dir, EXAMPLE_PATHS.handler)) !== null;
  const clientExists = (await readProjectFile(dir, EXAMPLE_PATHS.client)) !== null;
  const writesExample = manifestText === null;
  if (writesExample) {
    for (const [file, exists] of [
      [EXAMPLE_PATHS.handler, handlerExists],
      [EXAMPLE_PATHS.client, clientExists],
    ] as const) {
      if (exists) {
        throw new InitError(
          "INIT_CONFLICT",
          file,
          `exists but ${EXAMPLE_PATHS.manifest} does not; the example ${EXAMPLE_PATHS.manifest} init writes would need its own ${file}. Move the file away, or write ${EXAMPLE_PATHS.manifest} yourself`,
        );
      }
    }
  }

  const facts =
    tsconfigText === null ? null : await checkTsconfig(dir, { writesClient: writesExample && !clientExists });
  const tsconfigProblems = facts?.problems ?? [];
  const js = (source: string): string => {
    const out = emitted(source, facts?.outDir ?? null, facts?.rootDir ?? null);
    if (out !== null) return out;
    tsconfigProblems.push(
      `"rootDir": ${JSON.stringify(facts?.rootDir)} does not contain ${posix.dirname(source)}/: celerity's generated code is compiled from there`,
    );
    return source;
  };
  const workerJs = js("generated/worker.js");
  const scripts = {
    codegen: "celerity codegen",
    build: "tsc",
    // exec: npm runs a script through `sh -c`, and a shell that stays in between swallows SIGTERM.
    worker: `exec node ${workerJs}`,
    beat: `exec node ${js("generated/beat.js")}`,
    admin: `exec celerity admin --registry ${js("generated/registry.js")}`,
  };
  const pkg = planPackageJson(packageText, { scripts, affectedByType: await filesAffectedByType(dir) });

  const writes: InitWrite[] = [];
  const existing: string[] = [];
  const notes: string[] = [...pkg.kept];
  if (writesExample) {
    writes.push({
      path: EXAMPLE_PATHS.manifest,
      content: exampleManifest(appName(pkg.name), manifestSchemaPath(dir)),
      kind: "create",
    });
    writes.push({ path: EXAMPLE_PATHS.handler, content: EXAMPLE_HANDLER, kind: "create" });
    writes.push({ path: EXAMPLE_PATHS.client, content: EXAMPLE_CLIENT, kind: "create" });
  } else {
    existing.push(EXAMPLE_PATHS.manifest);
    for (const [file, exists] of [
      [EXAMPLE_PATHS.handler, handlerExists],
      [EXAMPLE_PATHS.client, clientExists],
    ] as const) {
      if (exists) existing.push(file);
      else notes.push(`${file} was not written: it belongs to the example ${EXAMPLE_PATHS.manifest}, and yours exists`);
    }
  }
  if (tsconfigText === null) writes.push({ path: "tsconfig.json", content: TSCONFIG, kind: "create" });
  else existing.push("tsconfig.json");
  for (const note of facts?.notes ?? []) notes.push(`tsconfig.json: ${note}`);
  if (pkg.text !== null)
    writes.push({ path: "package.json", content: pkg.text, kind: "update", summary: pkg.changes.join("; ") });
  else existing.push("package.json");
  const clientJs = writesExample || clientExists ? js("client.js") : null;
  return { writes, existing, notes, tsconfigProblems: [...new Set(tsconfigProblems)], workerJs, clientJs };
}
