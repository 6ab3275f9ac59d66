import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { GeneratedFile } from "../emit/emit-all.ts";
import { compareStrings } from "../../runtime/core/mod.ts";
import { isGeneratedFile } from "./marker.ts";

/** How the output directory differs from what codegen would write. All lists hold file names, sorted. */
export interface CheckResult {
  /** True when nothing differs. */
  current: boolean;
  /** On disk with different contents. */
  stale: string[];
  /** Emitted but not on disk. */
  missing: string[];
  /** Generated files on disk that codegen no longer emits. */
  extra: string[];
}

/** Compares emitted files with the output directory, in memory (nothing is written). */
export async function checkGeneratedFiles(outDir: string, files: readonly GeneratedFile[]): Promise<CheckResult> {
  const stale: string[] = [];
  const missing: string[] = [];
  for (const file of files) {
    let onDisk: string;
    try {
      onDisk = await readFile(join(outDir, file.name), "utf8");
    } catch {
      missing.push(file.name);
      continue;
    }
    if (onDisk !== file.contents) stale.push(file.name);
  }
  const extra = await findStaleGenerated(outDir, new Set(files.map((file) => file.name)));
  return {
    current: stale.length + missing.length + extra.length === 0,
    stale: stale.sort(compareStrings),
    missing: missing.sort(compareStrings),
    extra,
  };
}

/** Files in `outDir` that carry the generated header but are not among `emitted`, sorted. */
export async function findStaleGenerated(outDir: string, emitted: ReadonlySet<string>): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(outDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const stale: string[] = [];
  for (const entry of entries) {
    if (entry.isFile() && !emitted.has(entry.name) && (await isGeneratedFile(join(outDir, entry.name))))
      stale.push(entry.name);
  }
  return stale.sort(compareStrings);
}
