#!/usr/bin/env node
// The `celerity` command. Installed from npm it runs the compiled CLI (dist/) with plain node. In a
// checkout of the repository, where the TypeScript sources sit beside this file and nothing is built,
// it registers tsx (a devDependency) and runs the sources, so a stale dist/ can never shadow them.
import { existsSync } from "node:fs";

const source = new URL("../cli/main.ts", import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import("../dist/cli/main.js"));
}
process.exitCode = await main(process.argv.slice(2));
