import { resolve } from "node:path";
import { ManifestError } from "../errors.ts";
import { IssueCollector } from "../validate/collector.ts";
import { checkPositiveDurations } from "../validate/durations.ts";
import { checkHandlers } from "../validate/handlers.ts";
import { checkPeriodic } from "../validate/periodic.ts";
import { checkRetryReferences } from "../validate/retry.ts";
import { checkManifestSchema } from "../validate/schema.ts";
import { checkTaskNameClashes } from "../validate/task-names.ts";
import { compileTaskSchemas, type TaskSchemas } from "../validate/task-schemas.ts";
import { expandYaml } from "../validate/yaml-aliases.ts";
import { reportYamlErrors } from "../validate/yaml-syntax.ts";
import { normalizeManifest } from "./normalize.ts";
import type { NormalizedManifest } from "./normalized.ts";
import type { RawManifest } from "./raw.ts";
import {
  displayPathOf,
  parseManifestSource,
  readManifestSource,
  type ManifestSource,
  type SourceOptions,
} from "./source.ts";

/** A manifest that passed every check, with its compiled task schemas (for the validator emitter). */
export interface LoadedManifest {
  manifest: NormalizedManifest;
  schemas: TaskSchemas;
  source: ManifestSource;
}

/** Options of {@link loadManifest}. */
export interface LoadOptions extends SourceOptions {
  /** Use this text instead of reading `path` (the file is still where handler paths are resolved from). */
  text?: string;
}

/**
 * Reads, parses and validates a manifest. Throws {@link ManifestError} listing every problem
 * (YAML syntax, the manifest schema, then the semantic checks) in one pass.
 */
export async function loadManifest(path: string, options: LoadOptions = {}): Promise<LoadedManifest> {
  const source =
    options.text !== undefined ? parseManifestSource(path, options.text, options) : await readSource(path, options);
  const issues = new IssueCollector(source);
  if (!reportYamlErrors(source, issues)) throw new ManifestError(issues.issues(), source.text);
  const raw = expandYaml(source, issues);
  if (issues.count > 0) throw new ManifestError(issues.issues(), source.text);
  checkManifestSchema(raw, issues);
  const partial = (raw !== null && typeof raw === "object" ? raw : {}) as Partial<RawManifest>;
  checkTaskNameClashes(partial, issues);
  checkRetryReferences(partial, issues);
  checkPositiveDurations(partial, issues);
  const schemas = compileTaskSchemas(partial, issues);
  checkPeriodic(partial, { issues, schemas });
  await checkHandlers(partial, { source, issues });
  if (issues.count > 0) throw new ManifestError(issues.issues(), source.text);
  return { manifest: normalizeManifest(raw as RawManifest, source), schemas, source };
}

async function readSource(path: string, options: SourceOptions): Promise<ManifestSource> {
  try {
    return await readManifestSource(path, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const cwd = options.cwd ?? process.cwd();
    throw new ManifestError(
      [
        {
          file: displayPathOf(resolve(cwd, path), cwd),
          line: 0,
          column: 0,
          length: 0,
          message:
            code === "ENOENT" ? "manifest file not found" : `cannot read the manifest (${code ?? String(error)})`,
          expected: code === "ENOENT" ? "a tasks.yaml (pass --manifest <path> to use another file)" : undefined,
        },
      ],
      null,
    );
  }
}
