import { relative } from "node:path";

/** The running script as the user would type it (relative to the working directory), for usage lines. */
export function scriptName(fallback: string): string {
  const script = process.argv[1];
  if (!script) return fallback;
  const rel = relative(process.cwd(), script);
  return rel === "" || rel.startsWith("..") ? script : rel;
}
