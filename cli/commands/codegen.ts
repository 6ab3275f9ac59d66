import { relative } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_RUNTIME_IMPORT } from "../../generator/emit/emit-all.ts";
import {
  formatIssues,
  generateAndCheck,
  generateAndWrite,
  ImportExtensionError,
  ManifestError,
  OutputWriteError,
  TsconfigError,
} from "../../generator/mod.ts";
import type { Command } from "../main.ts";

const USAGE = `usage: celerity codegen [--manifest tasks.yaml] [--out generated] [--check] [--runtime-import ${DEFAULT_RUNTIME_IMPORT}] [--import-extension ts|js]

Generates typed code from the task manifest.

options:
  --manifest <path>         the manifest (default: tasks.yaml, relative to the working directory)
  --out <dir>               the output directory (default: generated)
  --check                   write nothing; exit 1 naming each stale, missing or extra file
  --runtime-import <spec>   the runtime package generated code imports (<spec>, <spec>/worker, <spec>/beat;
                            default: ${DEFAULT_RUNTIME_IMPORT})
  --import-extension ts|js  extension of the generated code's relative imports (default: from the
                            tsconfig.json nearest to --out: ts when it sets allowImportingTsExtensions
                            or rewriteRelativeImportExtensions, else js; ts when there is none)
  -h, --help                show this help
`;

/** `celerity codegen`: manifest -> generated/, or `--check` that generated/ is current. */
export const codegenCommand: Command = {
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: false,
        options: {
          manifest: { type: "string", default: "tasks.yaml" },
          out: { type: "string", default: "generated" },
          check: { type: "boolean", default: false },
          "runtime-import": { type: "string", default: DEFAULT_RUNTIME_IMPORT },
          "import-extension": { type: "string" },
          help: { type: "boolean", short: "h", default: false },
        },
      }));
    } catch (error) {
      process.stderr.write(`celerity codegen: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const importExtension = values["import-extension"];
    if (importExtension !== undefined && importExtension !== "ts" && importExtension !== "js") {
      process.stderr.write(`celerity codegen: ${new ImportExtensionError(importExtension).message}\n\n${USAGE}`);
      return 2;
    }
    const options = {
      runtimeImport: values["runtime-import"],
      ...(importExtension !== undefined && { importExtension }),
    };
    const started = performance.now();
    try {
      if (values.check) {
        const { check, outDir } = await generateAndCheck(values.manifest, values.out, options);
        const out = shown(outDir);
        if (check.current) {
          process.stdout.write(`${out}/ is up to date with ${values.manifest}\n`);
          return 0;
        }
        const lines = [
          ...check.stale.map((name) => `  stale:   ${out}/${name}`),
          ...check.missing.map((name) => `  missing: ${out}/${name}`),
          ...check.extra.map((name) => `  extra:   ${out}/${name}`),
        ];
        process.stderr.write(
          `${out}/ is out of date with ${values.manifest} (run \`celerity codegen\`):\n${lines.join("\n")}\n`,
        );
        return 1;
      }
      const { write, files, outDir, warnings } = await generateAndWrite(values.manifest, values.out, options);
      for (const warning of warnings) process.stderr.write(`celerity codegen: warning: ${warning}\n`);
      const ms = Math.round(performance.now() - started);
      const parts = [`${write.written.length} written`, `${write.unchanged.length} unchanged`];
      if (write.removed.length) parts.push(`${write.removed.length} removed (${write.removed.join(", ")})`);
      process.stdout.write(
        `codegen: ${values.manifest} -> ${shown(outDir)}/ (${files.length} files: ${parts.join(", ")}) in ${ms} ms\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof ManifestError) {
        const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
        process.stderr.write(formatIssues(error.issues, error.text, { color }));
        return 1;
      }
      if (error instanceof OutputWriteError || error instanceof TsconfigError) {
        process.stderr.write(`celerity codegen: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

/** A directory as the user would type it: relative to the working directory when inside it. */
function shown(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === "" ? "." : rel.startsWith("..") ? dir : rel;
}
