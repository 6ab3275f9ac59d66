import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { InitError } from "./errors.ts";

/**
 * A project file's text, or null when nothing is there. Anything that is there but cannot be read
 * (a directory, a link to a missing file, no permission) is an {@link InitError}: init must neither
 * build on it nor try to write in its place.
 */
export async function readProjectFile(dir: string, name: string): Promise<string | null> {
  try {
    return await readFile(join(dir, name), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      const dangling = await lstat(join(dir, name)).then(
        (s) => s.isSymbolicLink(),
        () => false,
      );
      if (!dangling) return null;
      throw new InitError("INIT_UNREADABLE", name, "is a symbolic link to a file that does not exist", {
        cause: error,
      });
    }
    if (code === "EISDIR")
      throw new InitError("INIT_CONFLICT", name, "is a directory, expected a file", { cause: error });
    throw new InitError("INIT_UNREADABLE", name, `cannot be read (${code ?? (error as Error).message})`, {
      cause: error,
    });
  }
}
