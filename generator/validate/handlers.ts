import { readdir } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import { locate } from "../manifest/locate.ts";
import type { RawManifest } from "../manifest/raw.ts";
import type { ManifestSource } from "../manifest/source.ts";
import { isRecord, suggest } from "../../runtime/core/mod.ts";
import type { IssueCollector } from "./collector.ts";
import { listNames } from "./describe.ts";
import { scanModuleExports, type ModuleExports } from "./exports-scan.ts";

/** A `handler:` reference split into its module path and export name. */
export interface HandlerRef {
  /** As written, relative to the manifest file (`./handlers/emails.ts`). */
  module: string;
  exportName: string;
}

/** Splits `./handlers/emails.ts#sendWelcome`; the schema guarantees the shape. */
export function parseHandlerRef(ref: string): HandlerRef {
  const hash = ref.lastIndexOf("#");
  return { module: ref.slice(0, hash), exportName: ref.slice(hash + 1) };
}

/** Checks that each task's handler file exists and exports the named handler, by parsing its text. */
export async function checkHandlers(
  manifest: Partial<RawManifest>,
  context: { source: ManifestSource; issues: IssueCollector },
): Promise<void> {
  const { source, issues } = context;
  if (!isRecord(manifest.tasks)) return;
  const exportsByFile = new Map<string, Promise<ModuleExports | null>>();
  const checks = Object.entries(manifest.tasks).map(async ([name, task]) => {
    const path = ["tasks", name, "handler"];
    if (!isRecord(task) || typeof task.handler !== "string" || issues.isBroken(path)) return;
    const ref = parseHandlerRef(task.handler);
    const file = resolve(source.dir, ref.module);
    if (!exportsByFile.has(file)) exportsByFile.set(file, scanModuleExports(file));
    const scanned = await exportsByFile.get(file)!;
    const valueSpan = locate(source.doc, path);
    const written = source.text.slice(valueSpan.start, valueSpan.end);
    const moduleAt = valueSpan.start + Math.max(0, written.indexOf(ref.module));
    if (scanned === null) {
      issues.report(
        { span: { start: moduleAt, end: moduleAt + ref.module.length } },
        {
          message: `handler file not found: ${ref.module}`,
          expected: "a module path relative to the manifest file",
          suggestion: await suggestSibling(file, ref.module),
        },
      );
      return;
    }
    // An `export *` from a package (or a missing file) may export the name: say nothing rather than guess.
    const exported = scanned.names;
    if (exported.includes(ref.exportName) || !scanned.complete) return;
    const exportAt = valueSpan.start + Math.max(0, written.lastIndexOf(`#${ref.exportName}`) + 1);
    issues.report(
      { span: { start: exportAt, end: exportAt + ref.exportName.length } },
      {
        message: `${ref.module} has no export named "${ref.exportName}"`,
        expected: exported.length
          ? `one of its exports (${listNames(exported)})`
          : `an exported handler (the module exports nothing)`,
        suggestion: suggest(ref.exportName, exported),
      },
    );
  });
  await Promise.all(checks);
}

/** A file next to the missing one with a similar name, written the way the manifest wrote the missing one. */
async function suggestSibling(file: string, written: string): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await readdir(dirname(file));
  } catch {
    return undefined;
  }
  const extension = extname(file);
  const candidates = entries.filter((entry) => extname(entry) === extension);
  const nearest = suggest(basename(file), candidates);
  return nearest === undefined ? undefined : written.slice(0, written.length - basename(file).length) + nearest;
}
