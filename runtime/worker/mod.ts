/**
 * `celerity/worker`: the worker process. `runWorkerMain` is what a generated `worker.ts` calls;
 * `Worker` runs one inside an existing process.
 * @module
 */
export { Worker, type WorkerApp } from "./worker.ts";
export type { WorkerOptions } from "./options.ts";
export { runWorkerMain, workerOptionsFromArgv } from "./main.ts";
