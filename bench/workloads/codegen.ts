import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hrNow } from "../child/clock.ts";
import { manifestFixture } from "./manifest-fixture.ts";
import type { SoloWorkload } from "./workload.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "cli/main.ts");

/**
 * Workload 6: `celerity codegen` on a 200-task manifest, timed as the process a user runs (node +
 * tsx start-up included), in a fresh temp dir each round.
 */
export const codegen: SoloWorkload = {
  kind: "solo",
  name: "codegen",
  title: "Codegen, 200-task manifest",
  async run({ sizes }) {
    if (!existsSync(CLI)) throw new Error(`cli/main.ts is not there yet (generator not landed); cannot time codegen`);
    const dir = await mkdtemp(join(tmpdir(), "celerity-bench-codegen-"));
    try {
      const { manifest, handlers } = manifestFixture(sizes.codegenTasks);
      await writeFile(join(dir, "tasks.yaml"), manifest);
      await writeFile(join(dir, "handlers.ts"), handlers);
      const start = hrNow();
      const child = spawn(
        process.execPath,
        ["--import", "tsx", CLI, "codegen", "--manifest", join(dir, "tasks.yaml"), "--out", join(dir, "generated")],
        {
          cwd: ROOT,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      child.stdout!.on("data", (d) => (output += d));
      child.stderr!.on("data", (d) => (output += d));
      const [code] = await once(child, "exit");
      const ms = hrNow() - start;
      if (code !== 0) throw new Error(`codegen exited ${code}:\n${output.slice(-4000)}`);
      return { ms };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
