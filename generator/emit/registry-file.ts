import type { EmitContext } from "./context.ts";
import { renderTemplate } from "./templates.ts";

/** registry.ts: the `AppSpec` the runtime reads, with the validators wired in. */
export function emitRegistry(context: EmitContext): string {
  const { manifest, idents } = context;
  const tasks = manifest.tasks.map((task) => ({
    ...task,
    ...idents.get(task.name)!,
    hasResult: task.result !== null,
  }));
  return renderTemplate("registry.ts", {
    header: context.header,
    runtimeImport: context.runtimeImport,
    sourceName: manifest.sourceName,
    app: manifest.app,
    hash: manifest.hash,
    queues: manifest.queues,
    tasks,
    periodic: manifest.periodic,
  });
}
