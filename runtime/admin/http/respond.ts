import type { ServerResponse } from "node:http";
import type { SafeHtml } from "../html/escape.ts";

/** Sends a rendered page; dynamic responses are never cached (they can hold task data). */
export function sendHtml(res: ServerResponse, page: SafeHtml, options: { status?: number } = {}): void {
  const body = Buffer.from("<!doctype html>\n" + page.value, "utf8");
  res.writeHead(options.status ?? 200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "no-store",
  });
  res.end(body);
}

/** Sends JSON; `<` is escaped so the body is inert even if something renders it as HTML. */
export function sendJson(
  res: ServerResponse,
  value: unknown,
  options: { status?: number; headers?: Record<string, string> } = {},
): void {
  const body = Buffer.from(JSON.stringify(value).replace(/</g, "\\u003c"), "utf8");
  res.writeHead(options.status ?? 200, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "no-store",
    ...options.headers,
  });
  res.end(body);
}

/** Sends plain text (Prometheus metrics, short errors). */
export function sendText(
  res: ServerResponse,
  text: string,
  options: { status?: number; contentType?: string } = {},
): void {
  const body = Buffer.from(text, "utf8");
  res.writeHead(options.status ?? 200, {
    "Content-Type": options.contentType ?? "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "no-store",
  });
  res.end(body);
}

/** 303 See Other: after a form POST the browser GETs the target (no resubmission on reload). */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { Location: location, "Cache-Control": "no-store", ...headers });
  res.end();
}
