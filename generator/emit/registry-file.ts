import { siblingImports, type EmitContext } from "./context.ts";
import { printLiteral } from "./print/literal.ts";
import type { Printed } from "./print/layout.ts";
import { printKey, printString } from "./print/strings.ts";
import { renderTemplate } from "./templates.ts";

const FIELD_INDENT = 6;

/** registry.ts: the `AppSpec` the runtime reads, with the validators wired in. */
export function emitRegistry(context: EmitContext): Printed {
  const { manifest, idents } = context;
  let risky = false;
  /** The value of property `key` of an expanded object whose properties sit at `indent`. */
  const value = (key: string, literal: unknown, indent: number): string => {
    const printed = printLiteral(literal, { indent, column: indent + key.length + 2, trail: 1 });
    risky ||= printed.risky;
    return printed.text;
  };
  const field = (key: string, literal: unknown, indent: number): string => `${key}: ${value(key, literal, indent)},`;
  const tasks = manifest.tasks.map((task) => ({
    key: printKey(task.name),
    ...idents.get(task.name)!,
    hasResult: task.result !== null,
    fields: [
      field("name", task.name, FIELD_INDENT),
      field("queue", task.queue, FIELD_INDENT),
      field("priority", task.priority, FIELD_INDENT),
      field("timeLimitMs", task.timeLimitMs, FIELD_INDENT),
      field("expiresMs", task.expiresMs, FIELD_INDENT),
      field("rateLimit", task.rateLimit, FIELD_INDENT),
      field("acksLate", task.acksLate, FIELD_INDENT),
      field("resultExpiresMs", task.resultExpiresMs, FIELD_INDENT),
      field("retry", task.retry, FIELD_INDENT),
      ...(task.ignoreResult ? [field("ignoreResult", true, FIELD_INDENT)] : []),
      // The schemas themselves, for the canvas's build-time check that one step's result fits the next's args.
      field("argsSchema", task.args, FIELD_INDENT),
      field("resultSchema", task.result, FIELD_INDENT),
    ],
  }));
  const text = renderTemplate("registry.ts", {
    header: context.header,
    runtimeImport: context.runtimeImport,
    ...siblingImports(context),
    sourceName: manifest.sourceName,
    app: manifest.app,
    appLiteral: printString(manifest.app),
    hashLiteral: printString(manifest.hash),
    queues: value("queues", manifest.queues, 2),
    tasks,
    periodic: value("periodic", manifest.periodic, 2),
  });
  return { text, risky };
}
