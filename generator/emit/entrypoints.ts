import { basename } from "node:path";
import type { EmitContext } from "./context.ts";
import { renderTemplate } from "./templates.ts";

/** define.ts: `defineHandler(name, fn)`, which types a handler where it is written. */
export function emitDefine(context: EmitContext): string {
  return renderTemplate("define.ts", {
    header: context.header,
    runtimeImport: context.runtimeImport,
    sourceName: context.manifest.sourceName,
  });
}

/** worker.ts: the worker entrypoint (`tsx generated/worker.ts --queues ... --concurrency ...`). */
export function emitWorker(context: EmitContext): string {
  return renderTemplate("worker.ts", entrypointData(context));
}

/** beat.ts: the beat entrypoint. */
export function emitBeat(context: EmitContext): string {
  return renderTemplate("beat.ts", entrypointData(context));
}

function entrypointData(context: EmitContext): object {
  return {
    header: context.header,
    runtimeImport: context.runtimeImport,
    app: context.manifest.app,
    outName: basename(context.outDir),
  };
}
