import { parseArgs } from "node:util";

/** What every peer worker child is told on its command line. */
export interface ChildArgs {
  redis: string;
  prefix: string;
  queue: string;
  concurrency: number;
}

/** Parses `--redis URL --prefix P --queue Q --concurrency N`. */
export function childArgs(argv: readonly string[] = process.argv.slice(2)): ChildArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      redis: { type: "string" },
      prefix: { type: "string" },
      queue: { type: "string" },
      concurrency: { type: "string" },
    },
  });
  if (!values.redis || !values.prefix || !values.queue || !values.concurrency)
    throw new Error("worker child needs --redis --prefix --queue --concurrency");
  return { redis: values.redis, prefix: values.prefix, queue: values.queue, concurrency: Number(values.concurrency) };
}

/** Runs `stop` on the first SIGTERM/SIGINT, then exits; a failing stop exits non-zero. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) process.exit(1);
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
