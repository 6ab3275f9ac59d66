// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:4e2d5e643dc932c0
// Runs a worker for the `demo` app: tsx generated/worker.ts --queues <q1,q2> --concurrency 16
// (the runtime reads the command line itself, so this file needs no Node types)
import { runWorkerMain } from "celerity/worker";
import { dispatch } from "./dispatch.ts";
import { app } from "./registry.ts";

await runWorkerMain({ app, dispatch });
