// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:89983e1edf06fc8a
// Runs the beat scheduler for the `fixture` app: tsx golden/beat.ts
import { runBeatMain } from "celerity/beat";
import { app } from "./registry.ts";

await runBeatMain({ app });
