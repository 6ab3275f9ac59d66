import { basename } from "node:path";
import { siblingImports, type EmitContext } from "./context.ts";
import type { Printed } from "./print/layout.ts";
import { renderTemplate } from "./templates.ts";

/** define.ts: `defineHandler(name, fn)`, which types a handler where it is written. */
export function emitDefine(context: EmitContext): Printed {
  const text = renderTemplate("define.ts", {
    header: context.header,
    runtimeImport: context.runtimeImport,
    ...siblingImports(context),
    sourceName: context.manifest.sourceName,
  });
  return { text, risky: false };
}

/** worker.ts: the worker entrypoint (`tsx generated/worker.ts --queues ... --concurrency ...`). */
export function emitWorker(context: EmitContext): Printed {
  return { text: renderTemplate("worker.ts", entrypointData(context)), risky: false };
}

/** beat.ts: the beat entrypoint. */
export function emitBeat(context: EmitContext): Printed {
  return { text: renderTemplate("beat.ts", entrypointData(context)), risky: false };
}

function entrypointData(context: EmitContext): object {
  return {
    header: context.header,
    runtimeImport: context.runtimeImport,
    ...siblingImports(context),
    app: context.manifest.app,
    outName: basename(context.outDir),
  };
}

/** testing.ts: `createTestApp()`, the app's handlers on an in-process worker and beat (see runtime/testing). */
export function emitTesting(context: EmitContext): Printed {
  return {
    text: renderTemplate("testing.ts", {
      header: context.header,
      runtimeImport: context.runtimeImport,
      ...siblingImports(context),
      clientImport: `./client.${context.importExtension}`,
      app: context.manifest.app,
      exampleTask: context.manifest.tasks[0]?.name ?? "some.task",
    }),
    risky: false,
  };
}
