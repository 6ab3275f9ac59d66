/**
 * The pure helpers generator and runtime share (runtime/core): one behaviour each for durations,
 * "did you mean", sorted JSON and stored JSON, and no way for them to pull in Redis.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  durationFromText,
  durationToMs,
  nestsDeeperThan,
  parseDuration,
  parseStoredJson,
  parseStoredObject,
  sortedJson,
  sortKeysDeep,
  suggest,
} from "../runtime/core/mod.ts";
import { ConfigurationError } from "../runtime/errors/mod.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

test("durations: every unit, numbers are seconds, rounding to whole milliseconds", () => {
  assert.deepEqual(
    ["250ms", "30s", "1.5s", "5m", "2h", "1d"].map(parseDuration),
    [250, 30_000, 1500, 300_000, 7_200_000, 86_400_000],
  );
  assert.equal(parseDuration(2.5), 2500);
  assert.equal(parseDuration(0), 0);
  assert.equal(parseDuration(0.0004), 0);
  assert.equal(parseDuration("0.0006s"), 1);
});

test("durations: whitespace, negatives, unknown units and non-values are not durations", () => {
  for (const bad of [
    " 5s",
    "5s ",
    "5 s",
    "-1s",
    "5",
    "5sec",
    "1w",
    "",
    "s",
    "1e3s",
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    true,
    {},
  ]) {
    assert.equal(parseDuration(bad), null, `parseDuration(${JSON.stringify(bad)})`);
  }
});

test("durationToMs throws a ConfigurationError naming the option and the value", () => {
  assert.equal(durationToMs("2m", "timeout"), 120_000);
  assert.throws(
    () => durationToMs(" 5s", "countdown"),
    (error: unknown) => {
      assert.ok(error instanceof ConfigurationError);
      assert.equal(error.code, "CONFIGURATION_INVALID");
      assert.equal(
        error.message,
        'countdown " 5s" is not a duration (expected a duration such as 250ms, 30s, 5m, 2h, 1d, or a number of seconds)',
      );
      return true;
    },
  );
  assert.throws(() => durationToMs(-2, "timeout"), {
    message: "timeout must be a non-negative number of seconds, got -2",
  });
});

test("durationFromText: a plain number typed on a command line or in a form means seconds", () => {
  assert.equal(durationFromText("30", "--grace"), 30_000);
  assert.equal(durationFromText("0.5", "--grace"), 500);
  assert.equal(durationFromText("250ms", "--grace"), 250);
  assert.throws(() => durationFromText("soon", "--grace"), { message: /^--grace "soon" is not a duration/ });
  assert.throws(() => durationFromText("-3", "--grace"), { message: /^--grace "-3" is not a duration/ });
});

test("suggest: one typo (including a swap of neighbours or case) finds the name; far names find nothing", () => {
  const policies = ["standard", "fast", "slow"];
  assert.equal(suggest("standrd", policies), "standard");
  assert.equal(suggest("stnadard", policies), "standard");
  assert.equal(suggest("europe/berlin", ["Europe/Berlin", "Europe/Paris"]), "Europe/Berlin");
  assert.equal(suggest("fsat", policies), "fast");
  assert.equal(suggest("emails.send_welcom", ["emails.send_welcome", "reports.nightly"]), "emails.send_welcome");
  assert.equal(suggest("zzzzzzzz", policies), undefined);
  assert.equal(suggest("fast", policies), undefined, "the name itself is not a suggestion");
});

test("suggest: ties go to the alphabetically first name, whatever the candidates' order", () => {
  assert.equal(suggest("cat", ["cut", "cot"]), "cot");
  assert.equal(suggest("cat", ["cot", "cut"]), "cot");
});

test("sorted JSON: the text depends on the value only, not on key insertion order; arrays keep their order", () => {
  const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } };
  const b = { a: { c: null, d: [3, { y: 2, z: 1 }] }, b: 1 };
  assert.equal(sortedJson(a), sortedJson(b));
  assert.equal(sortedJson(a), '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  assert.deepEqual(
    Object.keys(sortKeysDeep({ é: 1, z: 2, A: 3 }) as object),
    ["A", "z", "é"],
    "code-point order, not the locale's",
  );
});

test("stored JSON: absent reads as null, garbage as the text it is; objects only where an object is needed", () => {
  assert.equal(parseStoredJson(null), null);
  assert.equal(parseStoredJson(""), null);
  assert.deepEqual(parseStoredJson('{"a":[1]}'), { a: [1] });
  assert.equal(parseStoredJson("{not json"), "{not json");
  assert.deepEqual(parseStoredObject('{"name":"x"}'), { name: "x" });
  for (const notObject of [null, undefined, "", "[1,2]", "5", '"text"', "{not json"])
    assert.equal(parseStoredObject(notObject), null);
});

test("stored JSON: with maxDepth, text nesting deeper comes back as the text (brackets inside strings do not count)", () => {
  const deep = "[".repeat(5) + "]".repeat(5);
  assert.deepEqual(parseStoredJson(deep, { maxDepth: 5 }), [[[[[]]]]]);
  assert.equal(parseStoredJson(deep, { maxDepth: 4 }), deep);
  const tricky = [{ a: '[[[[[["]' }];
  assert.deepEqual(parseStoredJson(JSON.stringify(tricky), { maxDepth: 2 }), tricky);
  assert.equal(nestsDeeperThan('{"a":{"b":1}}', 1), true);
  assert.equal(nestsDeeperThan('{"a":"{{{"}', 1), false);
});

/** Every module `file` loads at run time (type-only imports load nothing), following relative imports. */
async function runtimeImports(file: string, seen = new Set<string>()): Promise<{ files: Set<string>; bare: string[] }> {
  const bare: string[] = [];
  if (seen.has(file)) return { files: seen, bare };
  seen.add(file);
  const source = await readFile(file, "utf8");
  for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm)) {
    if (match[1]) continue;
    const specifier = match[2]!;
    if (specifier.startsWith(".")) bare.push(...(await runtimeImports(join(dirname(file), specifier), seen)).bare);
    else bare.push(specifier);
  }
  return { files: seen, bare };
}

test("runtime/core loads nothing but itself and the error classes: no Redis, no generator dependencies, no Node built-ins", async () => {
  const { files, bare } = await runtimeImports(join(ROOT, "runtime/core/mod.ts"));
  assert.deepEqual(bare, []);
  for (const file of files) assert.match(relative(ROOT, file), /^runtime\/(core|errors)\//);
});
