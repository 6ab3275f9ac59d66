import { OK, parseInteger, ReplyError, StatusReply, syntaxError } from "../store/reply.ts";
import type { CommandSpec, Keyspace } from "../store/store.ts";

function expire(ks: Keyspace, key: string, at: number, opts: string[]): number {
  const flag = opts[0]?.toUpperCase();
  const current = ks.expireAt(key);
  if (!ks.exists(key)) return 0;
  if (flag === "NX" && current !== undefined) return 0;
  if (flag === "XX" && current === undefined) return 0;
  if (flag === "GT" && (current === undefined || at <= current)) return 0;
  if (flag === "LT" && current !== undefined && at >= current) return 0;
  if (flag !== undefined && !["NX", "XX", "GT", "LT"].includes(flag)) throw syntaxError();
  return ks.setExpireAt(key, at) ? 1 : 0;
}

function ttl(ks: Keyspace, key: string, unitMs: number): number {
  if (!ks.exists(key)) return -2;
  const at = ks.expireAt(key);
  if (at === undefined) return -1;
  return Math.round((at - ks.clock.now()) / unitMs);
}

/** Glob matching as KEYS/SCAN MATCH do (`*`, `?`, `[...]`, `\` escapes). */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith("^")) body = "^" + body.slice(1).replace(/[\\\]]/g, "\\$&");
        else body = body.replace(/[\\\]^]/g, "\\$&");
        re += `[${body}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** DEL, UNLINK, EXISTS, TYPE, (P)EXPIRE(AT), PERSIST, (P)TTL, SCAN, KEYS, DBSIZE, RENAME. */
export const keyCommands: Record<string, CommandSpec> = {
  DEL: { arity: 1, keys: "all", run: (ks, keys) => keys.filter((k) => ks.delete(k)).length },
  UNLINK: { arity: 1, keys: "all", run: (ks, keys) => keys.filter((k) => ks.delete(k)).length },
  EXISTS: { arity: 1, keys: "all", run: (ks, keys) => keys.filter((k) => ks.exists(k)).length },
  TYPE: { arity: 1, keys: "first", run: (ks, [key]) => new StatusReply(ks.typeOf(key!)) },
  EXPIRE: {
    arity: 2,
    keys: "first",
    run: (ks, [key, s, ...o]) => expire(ks, key!, ks.clock.now() + parseInteger(s!) * 1000, o),
  },
  PEXPIRE: {
    arity: 2,
    keys: "first",
    run: (ks, [key, ms, ...o]) => expire(ks, key!, ks.clock.now() + parseInteger(ms!), o),
  },
  EXPIREAT: { arity: 2, keys: "first", run: (ks, [key, s, ...o]) => expire(ks, key!, parseInteger(s!) * 1000, o) },
  PEXPIREAT: { arity: 2, keys: "first", run: (ks, [key, ms, ...o]) => expire(ks, key!, parseInteger(ms!), o) },
  PERSIST: {
    arity: 1,
    keys: "first",
    run: (ks, [key]) => (ks.exists(key!) && ks.expireAt(key!) !== undefined ? (ks.setExpireAt(key!, undefined), 1) : 0),
  },
  TTL: { arity: 1, keys: "first", run: (ks, [key]) => ttl(ks, key!, 1000) },
  PTTL: { arity: 1, keys: "first", run: (ks, [key]) => ttl(ks, key!, 1) },
  RENAME: {
    arity: 2,
    keys: "all",
    run: () => {
      throw new ReplyError("ERR RENAME is not supported by the memory broker (celerity never renames keys)");
    },
  },
  DBSIZE: { arity: 0, keys: "none", run: (ks) => ks.size },
  KEYS: {
    arity: 1,
    keys: "none",
    run: (ks, [pattern]) => {
      const re = globToRegExp(pattern!);
      return [...ks.keys()].filter((k) => re.test(k));
    },
  },
  // The cursor is the creation number of the last key returned, so deleting keys between calls
  // (the usual cleanup loop) skips nothing.
  SCAN: {
    arity: 1,
    keys: "none",
    run: (ks, [cursorArg, ...opts]) => {
      let match: RegExp | null = null;
      let count = 10;
      let type: string | null = null;
      for (let i = 0; i < opts.length; i++) {
        const o = opts[i]!.toUpperCase();
        if (o === "MATCH") match = globToRegExp(opts[++i] ?? "*");
        else if (o === "COUNT") count = parseInteger(opts[++i] ?? "");
        else if (o === "TYPE") type = (opts[++i] ?? "").toLowerCase();
        else throw syntaxError();
      }
      const page = ks.scan(parseInteger(cursorArg!), Math.max(1, count));
      const keys = page.keys.filter((k) => (!match || match.test(k)) && (!type || ks.typeOf(k) === type));
      return [String(page.cursor), keys];
    },
  },
};

export { OK };
