/**
 * `celerity init`: scaffolds celerity in the current directory.
 * @module
 */
import { parseArgs } from "node:util";
import { applyInit, formatReport, InitError, planInit } from "../init/mod.ts";
import type { Command } from "../main.ts";

const USAGE = `usage: celerity init

Sets up celerity in the current directory, next to package.json:
  tasks.yaml          an example manifest (one task, hello.greet), $schema pointing at the installed schema
  handlers/hello.ts   its handler, typed through the generated defineHandler
  client.ts           a script that sends the task and prints the result
  tsconfig.json       only when there is none; an existing one is checked, never edited
  package.json        "type": "module" and the scripts codegen, build, worker, beat, admin

It never replaces a file or a script that exists, and says which exist; running it again changes
nothing. Anything it cannot build on stops it before it writes anything.

options:
  -h, --help   show this help
`;

/** `celerity init` (argv after "init"). */
export const initCommand: Command = {
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: false,
        options: { help: { type: "boolean", short: "h", default: false } },
      }));
    } catch (error) {
      process.stderr.write(`celerity init: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const dir = process.cwd();
    try {
      const plan = await planInit(dir);
      await applyInit(dir, plan);
      process.stdout.write(formatReport(plan, dir));
      return 0;
    } catch (error) {
      if (!(error instanceof InitError)) throw error;
      process.stderr.write(`celerity init: ${error.message}\n`);
      return 1;
    }
  },
};
