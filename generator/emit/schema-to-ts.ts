import { isRecord } from "../util/json.ts";
import { docComment } from "./doc-comment.ts";
import { isIdentifier } from "./names.ts";

/** Options of {@link schemaToTs} and {@link schemaToDeclaration}. */
export interface SchemaToTsOptions {
  /**
   * Properties with a `default` are optional (true for args: the caller may omit them and the
   * validator fills them in).
   */
  optionalDefaults?: boolean;
}

interface Context {
  root: unknown;
  optionalDefaults: boolean;
  /** `$ref`s being expanded, to stop at recursion (a recursive type becomes `unknown` there). */
  refs: readonly string[];
}

/**
 * A TypeScript type expression for a JSON Schema (draft-07 subset): type (and type arrays),
 * properties/required/additionalProperties, items (lists and tuples), enum, const, anyOf, oneOf,
 * allOf, nullable and local `$ref`s. Anything it cannot express becomes `unknown`, never a lie.
 * An object without `additionalProperties` gets no index signature: the type describes what the
 * schema names, while the validator still accepts extra keys.
 */
export function schemaToTs(schema: unknown, options: SchemaToTsOptions = {}): string {
  return convert(schema, { root: schema, optionalDefaults: options.optionalDefaults ?? false, refs: [] });
}

/**
 * `export interface Name { ... }` when the schema is a plain object type, else `export type Name = ...;`.
 */
export function schemaToDeclaration(name: string, schema: unknown, options: SchemaToTsOptions = {}): string {
  const context: Context = { root: schema, optionalDefaults: options.optionalDefaults ?? false, refs: [] };
  if (isPlainObjectSchema(schema)) {
    const body = objectType(schema, context);
    if (body.startsWith("{")) return `export interface ${name} ${body}`;
  }
  return `export type ${name} = ${convert(schema, context)};`;
}

function isPlainObjectSchema(schema: unknown): schema is Record<string, unknown> {
  if (!isRecord(schema)) return false;
  for (const key of ["$ref", "const", "enum", "anyOf", "oneOf", "allOf", "nullable", "not", "if"]) {
    if (key in schema) return false;
  }
  return schemaTypes(schema).join() === "object";
}

function convert(schema: unknown, context: Context): string {
  if (schema === true || schema === undefined) return "unknown";
  if (schema === false) return "never";
  if (!isRecord(schema)) return "unknown";
  if (typeof schema.$ref === "string") return convertRef(schema.$ref, context);
  let base: string;
  if ("const" in schema) base = literalType(schema.const);
  else if (Array.isArray(schema.enum)) base = union(schema.enum.map(literalType));
  else base = union(schemaTypes(schema).map((type) => typeOf(type, schema, context)));
  const parts = [base];
  if (Array.isArray(schema.anyOf)) parts.push(union(schema.anyOf.map((branch) => convert(branch, context))));
  if (Array.isArray(schema.oneOf)) parts.push(union(schema.oneOf.map((branch) => convert(branch, context))));
  if (Array.isArray(schema.allOf)) parts.push(...schema.allOf.map((branch) => convert(branch, context)));
  const result = intersection(parts);
  return schema.nullable === true ? union([result, "null"]) : result;
}

/** The schema's JSON types, inferred from its keywords when `type` is absent. */
function schemaTypes(schema: Record<string, unknown>): string[] {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === "string");
  if ("properties" in schema || "additionalProperties" in schema || "required" in schema || "patternProperties" in schema) {
    return ["object"];
  }
  if ("items" in schema) return ["array"];
  return [];
}

function typeOf(type: string, schema: Record<string, unknown>, context: Context): string {
  switch (type) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "object":
      return objectType(schema, context);
    case "array":
      return arrayType(schema, context);
    default:
      return "unknown";
  }
}

function objectType(schema: Record<string, unknown>, context: Context): string {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const members: string[] = [];
  const valueTypes: string[] = [];
  for (const [key, propertySchema] of Object.entries(properties)) {
    const type = convert(propertySchema, context);
    const hasDefault = isRecord(propertySchema) && "default" in propertySchema;
    const optional = !required.has(key) || (context.optionalDefaults && hasDefault);
    const doc = isRecord(propertySchema) ? propertyDoc(propertySchema) : "";
    members.push(`${doc ? `${doc}\n` : ""}${isIdentifier(key) ? key : JSON.stringify(key)}${optional ? "?" : ""}: ${type};`);
    valueTypes.push(optional ? union([type, "undefined"]) : type);
  }
  const extra = schema.additionalProperties;
  const patternTypes = isRecord(schema.patternProperties) ? Object.values(schema.patternProperties).map((inner) => convert(inner, context)) : [];
  const indexTypes = [...patternTypes];
  if (extra === true) indexTypes.push("unknown");
  else if (isRecord(extra)) indexTypes.push(convert(extra, context));
  if (indexTypes.length) members.push(`[key: string]: ${union([...indexTypes, ...valueTypes])};`);
  if (members.length === 0) return extra === false ? "Record<string, never>" : "Record<string, unknown>";
  return `{\n${members.join("\n")}\n}`;
}

function propertyDoc(schema: Record<string, unknown>): string {
  const lines: string[] = [];
  if (typeof schema.description === "string") lines.push(schema.description);
  if (typeof schema.format === "string") lines.push(`Format: ${schema.format}.`);
  if ("default" in schema) lines.push(`@default ${JSON.stringify(schema.default)}`);
  return docComment(lines);
}

function arrayType(schema: Record<string, unknown>, context: Context): string {
  if (Array.isArray(schema.items)) {
    const elements = schema.items.map((item) => convert(item, context));
    if (schema.additionalItems !== false) elements.push(`...${arrayOf(convert(schema.additionalItems, context))}`);
    return `[${elements.join(", ")}]`;
  }
  return arrayOf(convert(schema.items, context));
}

function arrayOf(element: string): string {
  return `Array<${element}>`;
}

function convertRef(ref: string, context: Context): string {
  const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
  if (!match || context.refs.includes(ref) || !isRecord(context.root)) return "unknown";
  const definitions = context.root[match[1]!];
  const name = match[2]!.replace(/~1/g, "/").replace(/~0/g, "~");
  if (!isRecord(definitions) || !(name in definitions)) return "unknown";
  return convert(definitions[name], { ...context, refs: [...context.refs, ref] });
}

/** The TS type of a JSON value used in `const` or `enum`. */
function literalType(value: unknown): string {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(literalType).join(", ")}]`;
  if (isRecord(value)) {
    const members = Object.entries(value).map(([key, inner]) => `${isIdentifier(key) ? key : JSON.stringify(key)}: ${literalType(inner)}`);
    return `{ ${members.join("; ")} }`;
  }
  return "unknown";
}

/** A union without duplicates; `unknown` absorbs everything, an empty union is `unknown` (no constraint). */
function union(types: readonly string[]): string {
  const unique = [...new Set(types)];
  if (unique.length === 0 || unique.includes("unknown")) return "unknown";
  const withoutNever = unique.filter((type) => type !== "never");
  if (withoutNever.length === 0) return "never";
  return withoutNever.length === 1 ? withoutNever[0]! : withoutNever.map(parenthesize).join(" | ");
}

/** An intersection that drops `unknown` parts (they add no constraint). */
function intersection(types: readonly string[]): string {
  const useful = [...new Set(types)].filter((type) => type !== "unknown");
  if (useful.length === 0) return "unknown";
  return useful.length === 1 ? useful[0]! : useful.map(parenthesize).join(" & ");
}

/** Wraps a type in parentheses when it has a top-level `|` or `&` (so `A | B` inside `& C` keeps its meaning). */
function parenthesize(type: string): string {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < type.length; i++) {
    const ch = type[i]!;
    if (quoted) {
      if (ch === "\\") i++;
      else if (ch === '"') quoted = false;
    } else if (ch === "/" && type[i + 1] === "*") {
      // Doc comments may contain any character; skip them.
      const end = type.indexOf("*/", i + 2);
      i = end === -1 ? type.length : end + 1;
    } else if (ch === '"') quoted = true;
    else if ("{[(<".includes(ch)) depth++;
    else if ("}])>".includes(ch)) depth--;
    else if (depth === 0 && (ch === "|" || ch === "&")) return `(${type})`;
  }
  return type;
}
