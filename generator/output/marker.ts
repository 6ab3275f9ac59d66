import { open } from "node:fs/promises";
import { HEADER_MARK } from "../emit/header.ts";

/**
 * True when the file at `path` was written by celerity codegen (its first bytes carry the header
 * mark). Only such files are ever deleted or reported as extra: a user's own files in the output
 * directory are left alone.
 */
export async function isGeneratedFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "r");
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").includes(HEADER_MARK);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
