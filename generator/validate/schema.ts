import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import manifestSchema from "../manifest.schema.json" with { type: "json" };
import type { PathSegment } from "../manifest/locate.ts";
import { isRecord, suggest } from "../../runtime/core/mod.ts";
import type { IssueCollector } from "./collector.ts";
import { describeValue, listNames, pathLabel, showValue } from "./describe.ts";
import { expectedFor } from "./schema-wording.ts";

let compiled: ValidateFunction | undefined;

/** The manifest's own JSON Schema, compiled once per process. */
function manifestValidator(): ValidateFunction {
  // strict is off because the shipped schema carries editor annotations (titles, descriptions next to $ref).
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(manifestSchema);
  return compiled;
}

/** Validates the manifest against manifest.schema.json and reports each violation in words. */
export function checkManifestSchema(manifest: unknown, issues: IssueCollector): void {
  const validate = manifestValidator();
  if (validate(manifest)) return;
  for (const error of validate.errors ?? []) {
    const path = pointerToPath(error.instancePath);
    // propertyNames failures also surface as errors about the name itself; the propertyNames error says it better.
    if (error.keyword !== "propertyNames" && error.data !== valueAt(manifest, path)) continue;
    reportSchemaError(error, path, issues);
  }
}

function reportSchemaError(error: ErrorObject, path: PathSegment[], issues: IssueCollector): void {
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  const title = typeof parent?.title === "string" ? parent.title : "value";
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const known = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {}).sort();
      issues.report(
        { path: [...path, key], target: "key" },
        {
          message: `unknown key "${key}"${path.length === 0 ? "" : ` in ${pathLabel(path)}`}`,
          expected: `one of ${listNames(known)}`,
          suggestion: suggest(key, known),
        },
      );
      return;
    }
    case "required":
      issues.report(
        { path, target: "key" },
        {
          message: `missing required key "${String(error.params.missingProperty)}" in ${pathLabel(path)}`,
        },
      );
      return;
    case "propertyNames": {
      const name = String(error.params.propertyName);
      const nameSchema = resolveRef(parent?.propertyNames);
      const nameTitle = typeof nameSchema?.title === "string" ? nameSchema.title : "name";
      issues.report(
        { path: [...path, name], target: "key" },
        {
          message: `invalid ${nameTitle} ${JSON.stringify(name)}`,
          expected: expectedFor(nameSchema),
        },
      );
      return;
    }
    case "type":
      issues.report(
        { path },
        {
          message: `wrong type for ${pathLabel(path)}: got ${describeValue(error.data)}`,
          expected: expectedFor(parent),
        },
      );
      return;
    case "minimum":
    case "maximum":
      issues.report(
        { path },
        {
          message: `${title} ${showValue(error.data)} is out of range`,
          expected: expectedFor(parent),
        },
      );
      return;
    case "const":
      issues.report(
        { path },
        {
          message:
            title === "manifest version"
              ? `unsupported manifest version ${showValue(error.data)}`
              : `invalid ${title} ${showValue(error.data)}`,
          expected: expectedFor(parent),
        },
      );
      return;
    default:
      issues.report(
        { path },
        {
          message: `invalid ${title} ${showValue(error.data)}`,
          expected: expectedFor(parent) ?? error.message,
        },
      );
  }
}

/** The definition a `{ $ref: "#/definitions/x" }` points at, or the schema itself. */
function resolveRef(schema: unknown): Record<string, unknown> | undefined {
  if (!isRecord(schema)) return undefined;
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/definitions/")) return schema;
  const definitions = manifestSchema.definitions as Record<string, Record<string, unknown>>;
  return definitions[ref.slice("#/definitions/".length)];
}

/**
 * `/tasks/emails.send_welcome/retry` -> ["tasks", "emails.send_welcome", "retry"] (JSON Pointer,
 * RFC 6901). The `#/...` form is a URI fragment and so is percent-decoded too.
 */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "" || pointer === "#") return [];
  const fragment = pointer.startsWith("#");
  return pointer
    .slice(fragment ? 2 : 1)
    .split("/")
    .map((part) => (fragment ? safeDecode(part) : part).replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

/** The value at `path` inside a plain JSON value. */
export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isRecord(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
