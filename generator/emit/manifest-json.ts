import { sortKeysDeep } from "../../runtime/core/mod.ts";
import type { EmitContext } from "./context.ts";
import { headerText } from "./header.ts";
import { printJson } from "./print/json.ts";
import type { Printed } from "./print/layout.ts";

/**
 * manifest.json: the normalized manifest for the admin UI. JSON has no comments, so the header
 * is the `$generated` field (first, as `$` sorts before letters). No absolute paths: the file must be
 * the same on every machine.
 */
export function emitManifestJson(context: EmitContext): Printed {
  const { manifest } = context;
  const value = {
    $generated: headerText(manifest.sourceName, manifest.hash),
    version: manifest.version,
    app: manifest.app,
    manifestHash: manifest.hash,
    queues: manifest.queues,
    retryPolicies: manifest.retryPolicies,
    tasks: Object.fromEntries(
      manifest.tasks.map((task) => [
        task.name,
        {
          name: task.name,
          description: task.description,
          handler: `${task.handler.module}#${task.handler.exportName}`,
          args: task.args,
          result: task.result,
          queue: task.queue,
          priority: task.priority,
          timeLimitMs: task.timeLimitMs,
          expiresMs: task.expiresMs,
          rateLimit: task.rateLimit,
          acksLate: task.acksLate,
          resultExpiresMs: task.resultExpiresMs,
          retry: task.retry,
        },
      ]),
    ),
    periodic: manifest.periodic,
  };
  return printJson(sortKeysDeep(value));
}
