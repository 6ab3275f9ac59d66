import type { CommandSpec } from "../store/store.ts";

/** SADD, SREM, SISMEMBER, SMEMBERS, SCARD. */
export const setCommands: Record<string, CommandSpec> = {
  SADD: {
    arity: 2,
    keys: "first",
    run: (ks, [key, ...members]) => {
      const s = ks.getOrCreate(key!, "set");
      let n = 0;
      for (const m of members) {
        if (s.has(m)) continue;
        s.add(m);
        n++;
      }
      return n;
    },
  },
  SREM: {
    arity: 2,
    keys: "first",
    run: (ks, [key, ...members]) => {
      const s = ks.get(key!, "set");
      if (!s) return 0;
      let n = 0;
      for (const m of members) if (s.delete(m)) n++;
      ks.dropIfEmpty(key!);
      return n;
    },
  },
  SISMEMBER: { arity: 2, keys: "first", run: (ks, [key, m]) => (ks.get(key!, "set")?.has(m!) ? 1 : 0) },
  SMEMBERS: { arity: 1, keys: "first", run: (ks, [key]) => [...(ks.get(key!, "set") ?? [])] },
  SCARD: { arity: 1, keys: "first", run: (ks, [key]) => ks.get(key!, "set")?.size ?? 0 },
};
