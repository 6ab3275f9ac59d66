#!/usr/bin/env node
// The `celerity` command: registers tsx so the TypeScript sources (and a project's generated code
// and handlers) load without a build step, then runs the CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
