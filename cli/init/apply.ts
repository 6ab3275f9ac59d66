import { link, mkdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { InitError } from "./errors.ts";
import type { InitPlan } from "./plan.ts";

/**
 * Carries out a plan so that it is all or nothing: every file is first written beside its target
 * (catching a full disk or a read-only directory before anything is visible), then moved into
 * place; a new file is linked, which fails rather than replace one that appeared meanwhile. On any
 * failure what was placed and staged is removed again.
 */
export async function applyInit(dir: string, plan: InitPlan): Promise<void> {
  const staged: string[] = [];
  const placed: string[] = [];
  const createdDirs: string[] = [];
  const stage = (path: string) => join(dir, `${path}.celerity-init-${process.pid}.tmp`);
  const ordered = [...plan.writes].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "create" ? -1 : 1));
  let current = "";
  let placing = false;
  try {
    for (const write of ordered) {
      current = write.path;
      const made = await mkdir(dirname(join(dir, write.path)), { recursive: true });
      if (made) createdDirs.push(made);
      await writeFile(stage(write.path), write.content, { flag: "wx" });
      staged.push(stage(write.path));
    }
    placing = true;
    for (const write of ordered) {
      current = write.path;
      if (write.kind === "create") {
        await link(stage(write.path), join(dir, write.path));
        placed.push(join(dir, write.path));
        await unlink(stage(write.path));
      } else {
        await rename(stage(write.path), join(dir, write.path));
      }
      staged.splice(staged.indexOf(stage(write.path)), 1);
    }
  } catch (error) {
    for (const file of [...staged, ...placed]) await rm(file, { force: true });
    for (const made of createdDirs.reverse()) await rm(made, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      placing && code === "EEXIST"
        ? "appeared while init ran"
        : `could not be written (${code ?? (error as Error).message})`;
    throw new InitError("INIT_WRITE_FAILED", current, `${why}; nothing was changed`, { cause: error });
  }
}
