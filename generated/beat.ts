// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:4e2d5e643dc932c0
// Runs the beat scheduler for the `demo` app: tsx generated/beat.ts
import { runBeatMain } from "celerity/beat";
import { app } from "./registry.ts";

await runBeatMain({ app });
