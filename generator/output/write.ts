import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { GeneratedFile } from "../emit/emit-all.ts";
import { OutputWriteError } from "../errors.ts";
import { findStaleGenerated } from "./check.ts";

/** What {@link writeGeneratedFiles} changed, by file name. */
export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes the emitted files all or nothing: every file is first written to a temporary directory
 * next to `outDir` (same file system), and only when all of them are on disk are they renamed into
 * place, each rename atomic. Generated files from an earlier run that are no longer emitted are
 * then removed; other files in `outDir` are never touched. Unchanged files are not rewritten, so
 * their mtimes stay put (watchers do not fire).
 */
export async function writeGeneratedFiles(outDir: string, files: readonly GeneratedFile[]): Promise<WriteResult> {
  const target = resolve(outDir);
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  let staging: string | undefined;
  try {
    await mkdir(dirname(target), { recursive: true });
    staging = await mkdtemp(join(dirname(target), `.${basename(target)}.codegen-`));
    const changed: GeneratedFile[] = [];
    for (const file of files) {
      if ((await readIfExists(join(target, file.name))) === file.contents) {
        result.unchanged.push(file.name);
        continue;
      }
      await writeFile(join(staging, file.name), file.contents, "utf8");
      changed.push(file);
    }
    await mkdir(target, { recursive: true });
    for (const file of changed) {
      await rename(join(staging, file.name), join(target, file.name));
      result.written.push(file.name);
    }
    for (const name of await findStaleGenerated(target, new Set(files.map((file) => file.name)))) {
      await rm(join(target, name), { force: true });
      result.removed.push(name);
    }
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OutputWriteError(`cannot write generated files to ${outDir}: ${reason}`, { cause: error });
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}
