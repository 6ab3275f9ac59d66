// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:9d3c8a22d8200fa8
// Runs a worker for the `bench` app: tsx generated/worker.ts --queues <q1,q2> --concurrency 16
// (the runtime reads the command line itself, so this file needs no Node types)
import { runWorkerMain } from "celerity/runtime";
import { dispatch } from "./dispatch.ts";
import { app } from "./registry.ts";

await runWorkerMain({ app, dispatch });
