import type { Ajv, ErrorObject } from "ajv";
import type { PathSegment } from "../manifest/locate.ts";
import type { RawManifest } from "../manifest/raw.ts";
import { createTaskSchemaAjv } from "../util/ajv.ts";
import { compareStrings, isRecord, suggest } from "../../runtime/core/mod.ts";
import type { IssueCollector } from "./collector.ts";
import { describeValue, listNames } from "./describe.ts";
import { pointerToPath, valueAt } from "./schema.ts";

/**
 * Every task's args and result schemas, compiled once into one ajv instance: the manifest checks
 * use it to validate periodic args, and the emitter turns it into standalone validator code.
 */
export interface TaskSchemas {
  ajv: Ajv;
  /** ajv schema keys by task name; `result` is null when the task declares no result schema. */
  keys: ReadonlyMap<string, { args: string; result: string | null }>;
}

const JSON_SCHEMA_TYPES = ["array", "boolean", "integer", "null", "number", "object", "string"];
const JSON_SCHEMA_KEYWORDS = [
  "$comment",
  "$id",
  "$ref",
  "$schema",
  "additionalItems",
  "additionalProperties",
  "allOf",
  "anyOf",
  "const",
  "contains",
  "default",
  "definitions",
  "dependencies",
  "description",
  "else",
  "enum",
  "examples",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "format",
  "if",
  "items",
  "maxItems",
  "maxLength",
  "maxProperties",
  "maximum",
  "minItems",
  "minLength",
  "minProperties",
  "minimum",
  "multipleOf",
  "not",
  "nullable",
  "oneOf",
  "pattern",
  "patternProperties",
  "properties",
  "propertyNames",
  "readOnly",
  "required",
  "then",
  "title",
  "type",
  "uniqueItems",
  "writeOnly",
];

/**
 * Compiles each task's `args` and `result` (ajv strict mode, the options the emitted validators
 * use) and reports schema mistakes at the offending key. Tasks are compiled in name order so the
 * emitted code is the same whatever order the YAML lists them in. A task without `args` accepts any
 * argument (`true`).
 */
export function compileTaskSchemas(manifest: Partial<RawManifest>, issues: IssueCollector): TaskSchemas {
  const ajv = createTaskSchemaAjv();
  const keys = new Map<string, { args: string; result: string | null }>();
  const tasks = isRecord(manifest.tasks) ? manifest.tasks : {};
  for (const name of Object.keys(tasks).sort(compareStrings)) {
    const task = tasks[name];
    if (!isRecord(task)) continue;
    const args = compileOne(
      ajv,
      { key: `args:${name}`, schema: task.args ?? true },
      { path: ["tasks", name, "args"], issues },
    );
    const result =
      task.result === undefined
        ? null
        : compileOne(ajv, { key: `result:${name}`, schema: task.result }, { path: ["tasks", name, "result"], issues });
    if (args !== null) keys.set(name, { args, result });
  }
  return { ajv, keys };
}

function compileOne(
  ajv: Ajv,
  entry: { key: string; schema: unknown },
  where: { path: PathSegment[]; issues: IssueCollector },
): string | null {
  const { path, issues } = where;
  if (issues.isBroken(path) || !(isRecord(entry.schema) || typeof entry.schema === "boolean")) return null;
  if (!ajv.validateSchema(entry.schema)) {
    reportMetaErrors(ajv.errors ?? [], { ...where, schema: entry.schema });
    return null;
  }
  try {
    ajv.addSchema(objectSchema(entry.schema), entry.key);
    ajv.getSchema(entry.key);
    return entry.key;
  } catch (error) {
    ajv.removeSchema(entry.key);
    reportStrictError(error instanceof Error ? error.message : String(error), { ...where, schema: entry.schema });
    return null;
  }
}

/**
 * A boolean schema as the equivalent object schema. ajv compiles every boolean schema in a scope of
 * its own, so two of them (two tasks without `args`) come out of the standalone emitter as two
 * `function validate0`, a SyntaxError when validators load; object schemas get distinct names.
 */
function objectSchema(schema: object | boolean): object {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  return schema;
}

/** One issue per offending location; meta-schema `anyOf` noise is reduced to its first concrete error. */
function reportMetaErrors(
  errors: readonly ErrorObject[],
  where: { path: PathSegment[]; issues: IssueCollector; schema: unknown },
): void {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === "anyOf" || error.keyword === "oneOf") continue;
    if (!byPath.has(error.instancePath)) byPath.set(error.instancePath, error);
  }
  const pointers = [...byPath.keys()];
  for (const [pointer, error] of byPath) {
    const inner = pointerToPath(pointer);
    const path = [...where.path, ...inner];
    const typeIssue = typeKeywordIssue(inner, where.schema);
    if (typeIssue === "covered") continue;
    if (typeIssue) {
      // A list of types is reported element by element when ajv names the bad element.
      if (typeIssue.list && pointers.some((other) => other.startsWith(`${pointer}/`))) continue;
      where.issues.report({ path }, typeIssue.issue);
      continue;
    }
    const label = inner.length ? `"${inner.join("/")}"` : "the schema";
    where.issues.report({ path }, { message: `invalid JSON Schema: ${label} ${error.message ?? "is invalid"}` });
  }
}

/** Keys whose values map names to subschemas, so a key named `type` under them is a name, not the keyword. */
const SCHEMA_MAPS = new Set<PathSegment>(["properties", "patternProperties", "definitions", "$defs", "dependencies"]);

type TypeIssue = { issue: { message: string; expected?: string; suggestion?: string }; list: boolean };

/**
 * The wording for a bad `type` keyword, or for one element of a `type` list. The written value may be
 * anything YAML can hold (a mapping whose `toString` is `true`), so it is described, never stringified.
 * `"covered"` is a valid element of a list whose fault lies elsewhere; null is not about `type` at all.
 */
function typeKeywordIssue(inner: PathSegment[], schema: unknown): TypeIssue | "covered" | null {
  const last = inner.at(-1);
  const isElement = typeof last === "number" && inner.at(-2) === "type" && !SCHEMA_MAPS.has(inner.at(-3) ?? "");
  const isKeyword = last === "type" && !SCHEMA_MAPS.has(inner.at(-2) ?? "");
  if (!isElement && !isKeyword) return null;
  const written = valueAt(schema, inner);
  const expected = `one of ${listNames(JSON_SCHEMA_TYPES)}`;
  if (typeof written === "string") {
    if (isElement && JSON_SCHEMA_TYPES.includes(written)) return "covered";
    const message = `invalid JSON Schema: unknown type ${JSON.stringify(written)}`;
    return { issue: { message, expected, suggestion: suggest(written, JSON_SCHEMA_TYPES) }, list: false };
  }
  if (Array.isArray(written)) {
    const message = "invalid JSON Schema: a list of types must name each type once";
    return { issue: { message, expected: `distinct names, each ${expected}` }, list: true };
  }
  const wanted = isElement ? "a type name" : "a type name or a list of type names";
  return {
    issue: { message: `invalid JSON Schema: "type" must be ${wanted}, not ${describeValue(written)}`, expected },
    list: false,
  };
}

/**
 * ajv's strict mode throws with a sentence (`strict mode: unknown keyword: "requird"`); turn the
 * known ones into positioned issues, using `at "#/..."` when ajv gives it.
 */
function reportStrictError(
  message: string,
  where: { path: PathSegment[]; issues: IssueCollector; schema: unknown },
): void {
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(message);
  if (unknownKeyword) {
    const keyword = unknownKeyword[1]!;
    const inner = findEntry(where.schema, { key: keyword }) ?? [];
    where.issues.report(
      { path: [...where.path, ...inner, keyword], target: "key" },
      {
        message: `invalid JSON Schema: unknown keyword "${keyword}"`,
        expected: "a JSON Schema draft-07 keyword",
        suggestion: suggest(keyword, JSON_SCHEMA_KEYWORDS),
      },
    );
    return;
  }
  const unknownFormat = /unknown format "([^"]+)" ignored in schema at path "([^"]*)"/.exec(message);
  if (unknownFormat) {
    const inner = pointerToPath(unknownFormat[2]!);
    const formats = knownFormats();
    where.issues.report(
      { path: [...where.path, ...inner, "format"] },
      {
        message: `invalid JSON Schema: unknown format "${unknownFormat[1]}"`,
        expected: `one of ${listNames(formats)}`,
        suggestion: suggest(unknownFormat[1]!, formats),
      },
    );
    return;
  }
  const missingRef = /can't resolve reference (\S+) from id/.exec(message);
  if (missingRef) {
    const ref = missingRef[1]!;
    const inner = findEntry(where.schema, { key: "$ref", value: ref }) ?? [];
    where.issues.report(
      { path: [...where.path, ...inner, "$ref"] },
      {
        message: `invalid JSON Schema: $ref ${JSON.stringify(ref)} points nowhere`,
        expected: "a $ref to a definition in the same schema, such as #/definitions/name",
      },
    );
    return;
  }
  // ajv names the place as `<schema id>#<json pointer>`.
  const at = / at "[^"#]*(#[^"]*)"/.exec(message);
  const inner = at ? pointerToPath(at[1]!) : [];
  const text = message
    .replace(/^strict mode: /, "")
    .replace(/ at "[^"]*"/, "")
    .replace(/ \((strict\w+)\)$/, "");
  where.issues.report(
    { path: [...where.path, ...inner] },
    {
      message: `invalid JSON Schema: ${text}`,
      expected: "a schema that ajv compiles in strict mode (see https://ajv.js.org/strict-mode.html)",
    },
  );
}

/** The path (inside `schema`) of the first object that has `key` (set to `value`, when given), breadth-first. */
function findEntry(schema: unknown, entry: { key: string; value?: unknown }): PathSegment[] | undefined {
  const queue: Array<{ value: unknown; path: PathSegment[] }> = [{ value: schema, path: [] }];
  while (queue.length) {
    const { value, path } = queue.shift()!;
    if (Array.isArray(value)) value.forEach((item, index) => queue.push({ value: item, path: [...path, index] }));
    else if (isRecord(value)) {
      if (Object.hasOwn(value, entry.key) && (!("value" in entry) || value[entry.key] === entry.value)) return path;
      for (const [child, inner] of Object.entries(value)) queue.push({ value: inner, path: [...path, child] });
    }
  }
  return undefined;
}

let formatNames: string[] | undefined;

/** The format names ajv-formats registers, for "did you mean" on a misspelt format. */
function knownFormats(): string[] {
  formatNames ??= Object.keys(createTaskSchemaAjv().formats).sort(compareStrings);
  return formatNames;
}
