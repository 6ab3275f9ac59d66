import { ReplyError, notInteger, parseInteger, wrongArgs } from "../store/reply.ts";
import type { CommandSpec } from "../store/store.ts";

/** HSET, HSETNX, HGET, HMGET, HDEL, HEXISTS, HGETALL, HKEYS, HVALS, HLEN, HINCRBY. */
export const hashCommands: Record<string, CommandSpec> = {
  HSET: {
    arity: 3,
    keys: "first",
    run: (ks, [key, ...pairs]) => {
      if (pairs.length % 2 !== 0) throw wrongArgs("hset");
      const h = ks.getOrCreate(key!, "hash");
      let added = 0;
      for (let i = 0; i < pairs.length; i += 2) {
        if (!h.has(pairs[i]!)) added++;
        h.set(pairs[i]!, pairs[i + 1]!);
      }
      return added;
    },
  },
  HSETNX: {
    arity: 3,
    keys: "first",
    run: (ks, [key, field, value]) => {
      const h = ks.getOrCreate(key!, "hash");
      if (h.has(field!)) return 0;
      h.set(field!, value!);
      return 1;
    },
  },
  HGET: { arity: 2, keys: "first", run: (ks, [key, field]) => ks.get(key!, "hash")?.get(field!) ?? null },
  HMGET: {
    arity: 2,
    keys: "first",
    run: (ks, [key, ...fields]) => {
      const h = ks.get(key!, "hash");
      return fields.map((f) => h?.get(f) ?? null);
    },
  },
  HDEL: {
    arity: 2,
    keys: "first",
    run: (ks, [key, ...fields]) => {
      const h = ks.get(key!, "hash");
      if (!h) return 0;
      let n = 0;
      for (const f of fields) if (h.delete(f)) n++;
      ks.dropIfEmpty(key!);
      return n;
    },
  },
  HEXISTS: { arity: 2, keys: "first", run: (ks, [key, field]) => (ks.get(key!, "hash")?.has(field!) ? 1 : 0) },
  HGETALL: {
    arity: 1,
    keys: "first",
    run: (ks, [key]) => [...(ks.get(key!, "hash") ?? new Map<string, string>())].flat(),
  },
  HKEYS: { arity: 1, keys: "first", run: (ks, [key]) => [...(ks.get(key!, "hash")?.keys() ?? [])] },
  HVALS: { arity: 1, keys: "first", run: (ks, [key]) => [...(ks.get(key!, "hash")?.values() ?? [])] },
  HLEN: { arity: 1, keys: "first", run: (ks, [key]) => ks.get(key!, "hash")?.size ?? 0 },
  HINCRBY: {
    arity: 3,
    keys: "first",
    run: (ks, [key, field, by]) => {
      const delta = parseInteger(by!);
      const h = ks.getOrCreate(key!, "hash");
      const cur = h.get(field!);
      let n = 0;
      if (cur !== undefined) {
        if (!/^-?\d{1,19}$/.test(cur)) throw new ReplyError("ERR hash value is not an integer");
        n = Number(cur);
      }
      const next = n + delta;
      if (!Number.isSafeInteger(next)) throw notInteger();
      h.set(field!, String(next));
      return next;
    },
  },
};
