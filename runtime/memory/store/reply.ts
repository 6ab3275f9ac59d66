/** A Redis status reply such as `OK` or `PONG` (Lua sees it as `{ ok = "OK" }`). */
export class StatusReply {
  constructor(readonly status: string) {}
}

/** A command's reply, as the RESP2 protocol would carry it. */
export type Reply = null | number | string | StatusReply | Reply[];

/** An error reply; `message` starts with the Redis error code (`ERR`, `WRONGTYPE`, `NOSCRIPT`, ...). */
export class ReplyError extends Error {
  override readonly name = "ReplyError";
}

export const OK = new StatusReply("OK");

export const wrongType = () => new ReplyError("WRONGTYPE Operation against a key holding the wrong kind of value");
export const notInteger = () => new ReplyError("ERR value is not an integer or out of range");
export const notFloat = () => new ReplyError("ERR value is not a valid float");
export const syntaxError = () => new ReplyError("ERR syntax error");
export const wrongArgs = (cmd: string) =>
  new ReplyError(`ERR wrong number of arguments for '${cmd.toLowerCase()}' command`);

/** Parses an integer argument the way Redis does (no spaces, no fraction, 64-bit range). */
export function parseInteger(arg: string): number {
  if (!/^-?\d{1,19}$/.test(arg)) throw notInteger();
  const n = Number(arg);
  if (!Number.isSafeInteger(n)) throw notInteger();
  return n;
}

/** Parses a score: a float, `inf`, `+inf` or `-inf`. */
export function parseFloatArg(arg: string): number {
  const lower = arg.toLowerCase();
  if (lower === "inf" || lower === "+inf") return Infinity;
  if (lower === "-inf") return -Infinity;
  if (arg.trim() !== arg || arg === "") throw notFloat();
  const n = Number(arg);
  if (Number.isNaN(n)) throw notFloat();
  return n;
}

/** How Redis prints a double in replies (ZSCORE, WITHSCORES): shortest round-trip form, `inf` for infinity. */
export function formatScore(n: number): string {
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  return String(n);
}
