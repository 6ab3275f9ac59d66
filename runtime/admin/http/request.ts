import type { IncomingMessage } from "node:http";
import { AdminHttpError, badRequest } from "./errors.ts";

/** Largest request body accepted; periodic-task args are the biggest thing anyone posts. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Reads the raw body, refusing anything larger than {@link MAX_BODY_BYTES}. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new AdminHttpError(413, "ADMIN_BODY_TOO_LARGE", `request body over ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new AdminHttpError(413, "ADMIN_BODY_TOO_LARGE", `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A parsed request body: form fields (first value wins) or a JSON object. */
export type Body = Record<string, unknown>;

/** Parses an urlencoded form or a JSON object body according to Content-Type. */
export function parseBody(req: IncomingMessage, text: string): Body {
  const type = String(req.headers["content-type"] ?? "")
    .split(";")[0]
    .trim()
    .toLowerCase();
  if (text === "") return {};
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw badRequest(`body is not valid JSON: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      throw badRequest("body must be a JSON object");
    return parsed as Body;
  }
  if (type === "application/x-www-form-urlencoded") {
    const out: Body = Object.create(null);
    for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
    return out;
  }
  throw new AdminHttpError(
    415,
    "ADMIN_UNSUPPORTED_MEDIA_TYPE",
    "send application/json or application/x-www-form-urlencoded",
  );
}

/** Cookies of a request (the last one wins when a name repeats). */
export function parseCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed cookie of some other app on this host is not our problem.
    }
  }
  return out;
}

/** A string field of a body, or undefined; non-strings (JSON numbers, objects) are refused. */
export function stringField(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${name} must be a string`, name);
  return value;
}
