// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:9d3c8a22d8200fa8
// Runs the beat scheduler for the `bench` app: tsx generated/beat.ts
import { runBeatMain } from "celerity/runtime";
import { app } from "./registry.ts";

await runBeatMain({ app });
