/**
 * Names an error answers to: its `name`, then the name of every class in its prototype chain
 * (so `class NetworkError extends IOError` matches both "NetworkError" and "IOError").
 */
export function errorNames(error: unknown): string[] {
  const names: string[] = [];
  if (error === null || typeof error !== "object") return names;
  const own = (error as { name?: unknown }).name;
  if (typeof own === "string") names.push(own);
  for (
    let proto = Object.getPrototypeOf(error);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const ctorName = proto.constructor?.name;
    if (typeof ctorName === "string" && ctorName !== "" && !names.includes(ctorName)) names.push(ctorName);
  }
  return names;
}

/** True when any of the error's names is listed. */
export function errorMatches(error: unknown, listed: readonly string[]): boolean {
  if (listed.length === 0) return false;
  return errorNames(error).some((name) => listed.includes(name));
}
