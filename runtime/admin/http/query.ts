import { badRequest } from "./errors.ts";

/** A 1-based page number from `?page=` (default 1, capped so nobody asks for page 10^9). */
export function pageParam(url: URL): number {
  const raw = url.searchParams.get("page");
  if (raw === null || raw === "") return 1;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw badRequest("page must be a positive whole number", "page");
  return Number(raw);
}

/** `?limit=` within bounds (API clients may ask for bigger pages than the UI uses). */
export function limitParam(url: URL, fallback: number, max = 500): number {
  const raw = url.searchParams.get("limit");
  if (raw === null || raw === "") return fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw badRequest("limit must be a positive whole number", "limit");
  return Math.min(max, Number(raw));
}
