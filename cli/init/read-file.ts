import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { InitError } from "./errors.ts";

/** A project file's text, or null when it does not exist; anything else unreadable is an {@link InitError}. */
export async function readProjectFile(dir: string, name: string): Promise<string | null> {
  try {
    return await readFile(join(dir, name), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "EISDIR") throw new InitError("INIT_CONFLICT", name, "is a directory, expected a file", { cause: error });
    throw new InitError("INIT_UNREADABLE", name, `cannot be read (${code ?? (error as Error).message})`, { cause: error });
  }
}
