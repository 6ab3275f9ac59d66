// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:6211fa06038e5345
// Runs a worker for the `bench` app: tsx generated/worker.ts --queues <q1,q2> --concurrency 16
// (the runtime reads the command line itself, so this file needs no Node types)
import { runWorkerMain } from "celerity/worker";
import { dispatch } from "./dispatch.ts";
import { app } from "./registry.ts";

await runWorkerMain({ app, dispatch });
