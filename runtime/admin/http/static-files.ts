import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = { css: "text/css; charset=utf-8", js: "text/javascript; charset=utf-8" };

/** The only files served from disk: a fixed list, read once, so no path from a request reaches the file system. */
const FILES = ["admin.css", "live.js"];

function load(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of FILES) {
    const body = readFileSync(new URL(`../static/${name}`, import.meta.url));
    const ext = name.slice(name.lastIndexOf(".") + 1);
    files.set(`/static/${name}`, {
      body,
      type: TYPES[ext],
      etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
    });
  }
  return files;
}

let cache: Map<string, StaticFile> | null = null;

/** Serves a static asset if the path names one; returns false otherwise. Assets are public (no secrets in them). */
export function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  cache ??= load();
  const file = cache.get(path);
  if (!file) return false;
  if (req.headers["if-none-match"] === file.etag) {
    res.writeHead(304, { ETag: file.etag });
    res.end();
    return true;
  }
  res.writeHead(200, {
    "Content-Type": file.type,
    "Content-Length": file.body.length,
    ETag: file.etag,
    "Cache-Control": "no-cache",
  });
  res.end(file.body);
  return true;
}
