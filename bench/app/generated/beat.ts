// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:6211fa06038e5345
// Runs the beat scheduler for the `bench` app: tsx generated/beat.ts
import { runBeatMain } from "celerity/beat";
import { app } from "./registry.ts";

await runBeatMain({ app });
