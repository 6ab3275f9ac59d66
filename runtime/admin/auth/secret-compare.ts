import { createHash, timingSafeEqual } from "node:crypto";

/** Compares a presented secret with the expected one in constant time (hashing first equalizes lengths). */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}
