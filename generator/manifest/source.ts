import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";

/** A manifest file read and parsed, with what every later step needs to position an issue. */
export interface ManifestSource {
  /** Absolute path of the manifest file. */
  path: string;
  /** The path as printed in issues: relative to the working directory when inside it. */
  displayPath: string;
  /** Directory handler paths are resolved against. */
  dir: string;
  /** The text with line endings normalized to LF (so the hash is the same on every machine). */
  text: string;
  /** First 16 hex digits of the sha256 of `text`. */
  hash: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Options of {@link readManifestSource} and {@link parseManifestSource}. */
export interface SourceOptions {
  /** Directory `displayPath` is relative to; defaults to `process.cwd()`. */
  cwd?: string;
}

/** Reads and parses a manifest file. Throws the fs error when it cannot be read. */
export async function readManifestSource(path: string, options: SourceOptions = {}): Promise<ManifestSource> {
  const text = await readFile(resolve(options.cwd ?? process.cwd(), path), "utf8");
  return parseManifestSource(path, text, options);
}

/** Parses manifest text that claims to live at `path` (used by tests and by `--check`). */
export function parseManifestSource(path: string, rawText: string, options: SourceOptions = {}): ManifestSource {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  const text = rawText.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lineCounter = new LineCounter();
  // uniqueKeys (the default) makes the parser report duplicate keys as DUPLICATE_KEY errors.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return {
    path: absolute,
    displayPath: displayPathOf(absolute, cwd),
    dir: dirname(absolute),
    text,
    hash: createHash("sha256").update(text).digest("hex").slice(0, 16),
    doc,
    lineCounter,
  };
}

/** `absolute` relative to `cwd` when inside it (with `/` separators), else unchanged. */
export function displayPathOf(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : absolute;
}
