/**
 * The emitters print prettier's layout themselves (running prettier on large outputs takes
 * seconds). These tests hold them to it: for random schemas and JSON values, whatever the printers
 * emit without asking for prettier is exactly what prettier prints. Plus unit tests of the JSON
 * Schema to TypeScript conversion.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { format } from "prettier";
import { formatFile, PRETTIER_OPTIONS } from "../generator/emit/format.ts";
import { printJson } from "../generator/emit/print/json.ts";
import { printLiteral } from "../generator/emit/print/literal.ts";
import { schemaToDeclaration, schemaToTs } from "../generator/emit/schema-to-ts.ts";

const key = fc.oneof(
  fc.constantFrom("id", "userId", "x-trace", "1", "default", "ünïcode", "with space", 'quo"te', "it's", "k".repeat(60)),
  fc.string({ maxLength: 10 }),
);
const text = fc.oneof(
  fc.constantFrom("en", 'say "hi"', "it's", "back\\slash", "line\nbreak", "x".repeat(90)),
  fc.string({ maxLength: 20 }),
);

/** JSON values with the awkward parts over-represented: long strings and keys, quotes, nesting. */
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      text,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 8 }),
      fc.dictionary(key, tie("value"), { maxKeys: 6 }),
    ),
  })).value,
);

const schema = fc.letrec<{ node: unknown; object: unknown; array: unknown; combo: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(
      { type: "string" },
      { type: "number" },
      { type: "integer", default: 3 },
      { type: "boolean" },
      { type: "null" },
      { type: ["string", "null"] },
      { type: "string", nullable: true },
      true,
      {},
    ),
    fc.record({
      enum: fc.uniqueArray(fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), {
        minLength: 1,
        maxLength: 12,
      }),
    }),
    fc.record({ const: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ type: fc.constant("string"), description: text, format: fc.constantFrom("date", "uuid") }),
  ),
  object: fc.record(
    {
      type: fc.constant("object"),
      properties: fc.dictionary(key, tie("node"), { maxKeys: 5 }),
      additionalProperties: fc.oneof(fc.constant(false), fc.constant(true), tie("leaf")),
      required: fc.array(key, { maxLength: 3 }),
    },
    { requiredKeys: ["type", "properties"] },
  ),
  array: fc.oneof(
    fc.record({ type: fc.constant("array"), items: tie("node") }),
    fc.record({
      type: fc.constant("array"),
      items: fc.array(tie("leaf"), { minLength: 1, maxLength: 4 }),
      additionalItems: fc.constant(false),
    }),
  ),
  combo: fc.oneof(
    fc.record({ anyOf: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }),
    fc.record({ oneOf: fc.array(tie("leaf"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ allOf: fc.array(tie("object"), { minLength: 1, maxLength: 2 }) }),
  ),
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("leaf"), tie("object"), tie("array"), tie("combo")),
}));

/** prettier's output for `source` (the oracle). */
function prettier(source: string, parser: string): Promise<string> {
  return format(source, { ...PRETTIER_OPTIONS, parser });
}

test("type declarations printed without prettier are exactly prettier's layout", async () => {
  await fc.assert(
    fc.asyncProperty(schema.node, fc.boolean(), async (node, optionalDefaults) => {
      const declaration = schemaToDeclaration("Generated", node, { optionalDefaults });
      const source = `${declaration.text}\n`;
      const formatted = await formatFile("types.ts", { text: source, risky: declaration.risky });
      assert.equal(formatted, await prettier(source, "typescript"));
    }),
    { numRuns: Number(process.env.GENERATOR_FC_RUNS ?? 150) },
  );
});

test("object literals printed without prettier are exactly prettier's layout", async () => {
  await fc.assert(
    fc.asyncProperty(json, fc.integer({ min: 0, max: 3 }), async (value, depth) => {
      const indent = 2 + 2 * depth;
      const printed = printLiteral(value, { indent, column: indent + "args: ".length, trail: 1 });
      const open = Array.from(
        { length: depth + 1 },
        (_, level) => `${"  ".repeat(level)}${level === 0 ? "export const x = {" : "a: {"}`,
      );
      const close = Array.from(
        { length: depth + 1 },
        (_, level) => `${"  ".repeat(depth - level)}}${level === depth ? ";" : ","}`,
      );
      const source = `${open.join("\n")}\n${" ".repeat(indent)}args: ${printed.text},\n${close.join("\n")}\n`;
      const formatted = await formatFile("registry.ts", { text: source, risky: printed.risky });
      assert.equal(formatted, await prettier(source, "typescript"));
    }),
    { numRuns: Number(process.env.GENERATOR_FC_RUNS ?? 150) },
  );
});

test("JSON printed without prettier is exactly prettier's layout", async () => {
  await fc.assert(
    fc.asyncProperty(fc.dictionary(key, json), async (value) => {
      const printed = printJson(value);
      const formatted = await formatFile("manifest.json", printed);
      assert.equal(formatted, await prettier(printed.text, "json"));
    }),
    { numRuns: Number(process.env.GENERATOR_FC_RUNS ?? 150) },
  );
});

test("JSON Schema to TypeScript: the supported keywords", () => {
  const cases: Array<[unknown, string]> = [
    [undefined, "unknown"],
    [true, "unknown"],
    [false, "never"],
    [{ type: "string" }, "string"],
    [{ type: "integer" }, "number"],
    [{ type: ["string", "null"] }, "string | null"],
    [{ type: "string", nullable: true }, "string | null"],
    [{ enum: ["a", 1, null, true] }, '"a" | 1 | null | true'],
    [{ const: "pong" }, '"pong"'],
    [{ type: "array", items: { type: "number" } }, "Array<number>"],
    [{ type: "array" }, "Array<unknown>"],
    [{ type: "array", items: [{ type: "string" }, { type: "number" }], additionalItems: false }, "[string, number]"],
    [{ type: "array", items: [{ type: "string" }] }, "[string, ...Array<unknown>]"],
    [{ anyOf: [{ type: "string" }, { type: "number" }] }, "string | number"],
    [{ oneOf: [{ const: 1 }, { const: 2 }] }, "1 | 2"],
    [{ type: "object", additionalProperties: false }, "Record<string, never>"],
    [{ type: "object" }, "Record<string, unknown>"],
    [{ type: "object", additionalProperties: { type: "number" } }, "{\n  [key: string]: number;\n}"],
    [
      { type: "object", required: ["a"], properties: { a: { type: "string" }, "b-c": { type: "number", default: 1 } } },
      '{\n  a: string;\n  /** @default 1 */\n  "b-c"?: number;\n}',
    ],
    [
      {
        definitions: { id: { type: "integer" } },
        type: "object",
        required: ["id"],
        properties: { id: { $ref: "#/definitions/id" } },
      },
      "{\n  id: number;\n}",
    ],
    [
      { $ref: "#/definitions/self", definitions: { self: { type: "array", items: { $ref: "#/definitions/self" } } } },
      "Array<unknown>",
    ],
    [{ $ref: "https://example.org/elsewhere.json" }, "unknown"],
    [{ allOf: [{ type: "string" }, { type: "string", minLength: 1 }] }, "string"],
  ];
  for (const [input, expected] of cases) assert.equal(schemaToTs(input), expected, JSON.stringify(input));
});

test("properties with a default are optional in args types only", () => {
  const schema = { type: "object", required: ["mode"], properties: { mode: { enum: ["a", "b"], default: "a" } } };
  assert.equal(schemaToTs(schema, { optionalDefaults: true }), '{\n  /** @default "a" */\n  mode?: "a" | "b";\n}');
  assert.equal(schemaToTs(schema), '{\n  /** @default "a" */\n  mode: "a" | "b";\n}');
});
