import { isRecord } from "../../runtime/core/mod.ts";
import type { Printed } from "./print/layout.ts";
import { printNumber, printString } from "./print/strings.ts";
import { intersectionOf, named, NEVER, UNKNOWN, unionOf, type TsMember, type TsType } from "./print/type-ast.ts";
import { printObject, printType } from "./print/type-print.ts";

/** Options of {@link schemaToType}, {@link schemaToTs} and {@link schemaToDeclaration}. */
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
 * The TypeScript type of a JSON Schema (draft-07 subset): type (and type arrays),
 * properties/required/additionalProperties, items (lists and tuples), enum, const, anyOf, oneOf,
 * allOf, nullable and local `$ref`s. Anything it cannot express becomes `unknown`, never a lie.
 * An object without `additionalProperties` gets no index signature: the type describes what the
 * schema names, while the validator still accepts extra keys.
 */
export function schemaToType(schema: unknown, options: SchemaToTsOptions = {}): TsType {
  return convert(schema, { root: schema, optionalDefaults: options.optionalDefaults ?? false, refs: [] });
}

/** {@link schemaToType} as source text (objects expanded over several lines). */
export function schemaToTs(schema: unknown, options: SchemaToTsOptions = {}): string {
  return printType(schemaToType(schema, options), { indent: 0, column: 0, trail: 0, position: "alias" }).text;
}

/**
 * `export interface Name { ... }` when the schema is a plain object type, else
 * `export type Name = ...;`. `risky` is set when prettier must lay the declaration out.
 */
export function schemaToDeclaration(name: string, schema: unknown, options: SchemaToTsOptions = {}): Printed {
  const type = schemaToType(schema, options);
  if (type.kind === "object" && isPlainObjectSchema(schema)) {
    const body = printObject(type, 0);
    return { text: `export interface ${name} ${body.text}`, risky: body.risky };
  }
  const lead = `export type ${name} =`;
  const printed = printType(type, { indent: 0, column: lead.length + 1, trail: 1, position: "alias" });
  const separator = printed.text.startsWith("\n") ? "" : " ";
  return { text: `${lead}${separator}${printed.text};`, risky: printed.risky };
}

function isPlainObjectSchema(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  for (const key of ["$ref", "const", "enum", "anyOf", "oneOf", "allOf", "nullable", "not", "if"]) {
    if (key in schema) return false;
  }
  return schemaTypes(schema).join() === "object";
}

function convert(schema: unknown, context: Context): TsType {
  if (schema === true || schema === undefined) return UNKNOWN;
  if (schema === false) return NEVER;
  if (!isRecord(schema)) return UNKNOWN;
  if (typeof schema.$ref === "string") return convertRef(schema.$ref, context);
  let base: TsType;
  if ("const" in schema) base = literalType(schema.const);
  else if (Array.isArray(schema.enum)) base = unionOf(schema.enum.map(literalType));
  else {
    const types = schemaTypes(schema);
    base = types.length ? unionOf(types.map((type) => typeOf(type, schema, context))) : UNKNOWN;
  }
  const parts = [base];
  if (Array.isArray(schema.anyOf)) parts.push(unionOf(schema.anyOf.map((branch) => convert(branch, context))));
  if (Array.isArray(schema.oneOf)) parts.push(unionOf(schema.oneOf.map((branch) => convert(branch, context))));
  if (Array.isArray(schema.allOf)) parts.push(...schema.allOf.map((branch) => convert(branch, context)));
  const result = intersectionOf(parts);
  return schema.nullable === true ? unionOf([result, named("null")]) : result;
}

/** The schema's JSON types, inferred from its keywords when `type` is absent. */
function schemaTypes(schema: Record<string, unknown>): string[] {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === "string");
  if (
    "properties" in schema ||
    "additionalProperties" in schema ||
    "required" in schema ||
    "patternProperties" in schema
  ) {
    return ["object"];
  }
  if ("items" in schema) return ["array"];
  return [];
}

function typeOf(type: string, schema: Record<string, unknown>, context: Context): TsType {
  switch (type) {
    case "string":
      return named("string");
    case "number":
    case "integer":
      return named("number");
    case "boolean":
      return named("boolean");
    case "null":
      return named("null");
    case "object":
      return objectType(schema, context);
    case "array":
      return arrayType(schema, context);
    default:
      return UNKNOWN;
  }
}

function objectType(schema: Record<string, unknown>, context: Context): TsType {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const members: TsMember[] = [];
  const valueTypes: TsType[] = [];
  for (const [key, propertySchema] of Object.entries(properties)) {
    const type = convert(propertySchema, context);
    const hasDefault = isRecord(propertySchema) && "default" in propertySchema;
    const optional = !required.has(key) || (context.optionalDefaults && hasDefault);
    members.push({ key, optional, type, doc: isRecord(propertySchema) ? propertyDoc(propertySchema) : [] });
    valueTypes.push(optional ? unionOf([type, named("undefined")]) : type);
  }
  const extra = schema.additionalProperties;
  const indexTypes: TsType[] = isRecord(schema.patternProperties)
    ? Object.values(schema.patternProperties).map((inner) => convert(inner, context))
    : [];
  if (extra === true) indexTypes.push(UNKNOWN);
  else if (isRecord(extra)) indexTypes.push(convert(extra, context));
  // An index signature must admit every declared property's type.
  const index = indexTypes.length ? unionOf([...indexTypes, ...valueTypes]) : null;
  if (members.length === 0 && index === null) {
    return named(extra === false ? "Record<string, never>" : "Record<string, unknown>");
  }
  return { kind: "object", members, index };
}

function propertyDoc(schema: Record<string, unknown>): string[] {
  const lines: string[] = [];
  if (typeof schema.description === "string") lines.push(schema.description);
  if (typeof schema.format === "string") lines.push(`Format: ${schema.format}.`);
  if ("default" in schema) lines.push(`@default ${JSON.stringify(schema.default)}`);
  return lines;
}

function arrayType(schema: Record<string, unknown>, context: Context): TsType {
  if (Array.isArray(schema.items)) {
    const elements = schema.items.map((item) => convert(item, context));
    const rest = schema.additionalItems === false ? null : convert(schema.additionalItems, context);
    return { kind: "tuple", elements, rest };
  }
  return { kind: "array", element: convert(schema.items, context) };
}

function convertRef(ref: string, context: Context): TsType {
  const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
  if (!match || context.refs.includes(ref) || !isRecord(context.root)) return UNKNOWN;
  const definitions = context.root[match[1]!];
  const name = match[2]!.replace(/~1/g, "/").replace(/~0/g, "~");
  if (!isRecord(definitions) || !(name in definitions)) return UNKNOWN;
  return convert(definitions[name], { ...context, refs: [...context.refs, ref] });
}

/** The TS type of a JSON value used in `const` or `enum`. */
function literalType(value: unknown): TsType {
  if (value === null) return named("null");
  if (typeof value === "string") return named(printString(value));
  if (typeof value === "number") return named(value < 0 ? `-${printNumber(-value)}` : printNumber(value));
  if (typeof value === "boolean") return named(String(value));
  if (Array.isArray(value)) return { kind: "tuple", elements: value.map(literalType), rest: null };
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return named("Record<string, never>");
    return {
      kind: "object",
      members: entries.map(([key, inner]) => ({ key, optional: false, type: literalType(inner), doc: [] })),
      index: null,
    };
  }
  return UNKNOWN;
}
