import { Ajv, type Options } from "ajv";
import formatsModule from "ajv-formats";
import standaloneModule from "ajv/dist/standalone/index.js";

// Both packages are CommonJS with `exports.default`; under NodeNext the default import is the
// module object, so the function lives on `.default` for the type checker and at run time alike.
const addFormats = formatsModule.default;

/** ajv's standalone code emitter. */
export const standaloneCode = standaloneModule.default;

/**
 * The ajv options every task schema is compiled with, both when the manifest is checked and when
 * the standalone validators are emitted, so that a schema accepted by one is accepted by the other.
 * `allowUnionTypes` admits nullable type arrays (`type: [string, "null"]`), which strict mode refuses otherwise.
 */
export const TASK_SCHEMA_OPTIONS: Readonly<Options> = {
  allErrors: true,
  useDefaults: true,
  strict: true,
  allowUnionTypes: true,
  // A property named like an Object.prototype member (constructor, toString) must be checked only
  // when the object has it itself, not against the inherited function.
  ownProperties: true,
  // lines: one statement per line, so the emitted validators.ts reads (and diffs) line by line.
  // optimize off halves compile time; it only removes unused variables from the emitted code.
  code: { source: true, esm: true, lines: true, optimize: false },
};

/** A fresh ajv instance for task schemas, with ajv-formats added. */
export function createTaskSchemaAjv(): Ajv {
  const ajv = new Ajv({ ...TASK_SCHEMA_OPTIONS, code: { ...TASK_SCHEMA_OPTIONS.code } });
  addFormats(ajv);
  return ajv;
}
