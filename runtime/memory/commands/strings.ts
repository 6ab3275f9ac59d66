import { ReplyError, notInteger, OK, parseInteger, syntaxError } from "../store/reply.ts";
import type { CommandSpec } from "../store/store.ts";

/** GET, SET (EX/PX/NX/XX/KEEPTTL/GET), INCR(BY), DECR(BY), MGET. */
export const stringCommands: Record<string, CommandSpec> = {
  GET: { arity: 1, keys: "first", run: (ks, [key]) => ks.get(key!, "string") ?? null },
  MGET: {
    arity: 1,
    keys: "all",
    run: (ks, keys) =>
      keys.map((k) => {
        const t = ks.typeOf(k);
        return t === "string" ? ks.get(k, "string")! : null;
      }),
  },
  SET: {
    arity: 2,
    keys: "first",
    run: (ks, [key, value, ...opts]) => {
      let expireAt: number | undefined;
      let nx = false;
      let xx = false;
      let keepTtl = false;
      let get = false;
      for (let i = 0; i < opts.length; i++) {
        const o = opts[i]!.toUpperCase();
        if (o === "NX") nx = true;
        else if (o === "XX") xx = true;
        else if (o === "KEEPTTL") keepTtl = true;
        else if (o === "GET") get = true;
        else if (o === "EX" || o === "PX" || o === "EXAT" || o === "PXAT") {
          const n = parseInteger(opts[++i] ?? "");
          if (n <= 0) throw new ReplyError("ERR invalid expire time in 'set' command");
          const now = ks.clock.now();
          expireAt = o === "EX" ? now + n * 1000 : o === "PX" ? now + n : o === "EXAT" ? n * 1000 : n;
        } else throw syntaxError();
      }
      if (nx && xx) throw syntaxError();
      const old = get ? (ks.get(key!, "string") ?? null) : null;
      const exists = ks.exists(key!);
      if ((nx && exists) || (xx && !exists)) return get ? old : null;
      ks.setString(key!, value!, { expireAt, keepTtl });
      return get ? old : OK;
    },
  },
  INCR: { arity: 1, keys: "first", run: (ks, [key]) => incrBy(ks, key!, 1) },
  DECR: { arity: 1, keys: "first", run: (ks, [key]) => incrBy(ks, key!, -1) },
  INCRBY: { arity: 2, keys: "first", run: (ks, [key, by]) => incrBy(ks, key!, parseInteger(by!)) },
  DECRBY: { arity: 2, keys: "first", run: (ks, [key, by]) => incrBy(ks, key!, -parseInteger(by!)) },
};

function incrBy(ks: Parameters<CommandSpec["run"]>[0], key: string, by: number): number {
  const current = ks.get(key, "string");
  const n = current === undefined ? 0 : parseIntegerValue(current);
  const next = n + by;
  if (!Number.isSafeInteger(next)) throw notInteger();
  ks.setString(key, String(next), { keepTtl: true });
  return next;
}

function parseIntegerValue(s: string): number {
  return parseInteger(s);
}
