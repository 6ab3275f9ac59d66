import { formatScore, parseFloatArg, parseInteger, ReplyError, syntaxError, type Reply } from "../store/reply.ts";
import type { SortedSet } from "../store/sorted-set.ts";
import type { CommandSpec, Keyspace } from "../store/store.ts";

/** Parses a ZRANGEBYSCORE bound: a float, `(` for exclusive, or `-inf`/`+inf`. */
function bound(arg: string): { value: number; exclusive: boolean } {
  if (arg.startsWith("(")) return { value: parseFloatArg(arg.slice(1)), exclusive: true };
  try {
    return { value: parseFloatArg(arg), exclusive: false };
  } catch {
    throw new ReplyError("ERR min or max is not a float");
  }
}

function withScores(z: SortedSet, members: string[], scores: boolean): string[] {
  if (!scores) return members;
  const out: string[] = [];
  for (const m of members) out.push(m, formatScore(z.scores.get(m)!));
  return out;
}

/** Ranks start..stop of a rank range (negative counts from the end), clamped; null when empty. */
function rankRange(size: number, startArg: string, stopArg: string): [number, number] | null {
  let start = parseInteger(startArg);
  let stop = parseInteger(stopArg);
  if (start < 0) start = Math.max(0, size + start);
  if (stop < 0) stop = size + stop;
  if (stop >= size) stop = size - 1;
  return start > stop || start >= size ? null : [start, stop];
}

function parseRangeOptions(opts: string[]): {
  scores: boolean;
  offset: number;
  count: number;
  rev: boolean;
  byScore: boolean;
} {
  const out = { scores: false, offset: 0, count: -1, rev: false, byScore: false };
  for (let i = 0; i < opts.length; i++) {
    const o = opts[i]!.toUpperCase();
    if (o === "WITHSCORES") out.scores = true;
    else if (o === "REV") out.rev = true;
    else if (o === "BYSCORE") out.byScore = true;
    else if (o === "LIMIT") {
      out.offset = parseInteger(opts[++i] ?? "");
      out.count = parseInteger(opts[++i] ?? "");
    } else throw syntaxError();
  }
  return out;
}

function byScore(
  z: SortedSet,
  minArg: string,
  maxArg: string,
  o: { offset: number; count: number; rev: boolean },
): string[] {
  const min = bound(minArg);
  const max = bound(maxArg);
  const from = z.firstAtLeast(min.value, min.exclusive);
  const to = z.endAtMost(max.value, max.exclusive);
  if (to <= from || o.offset < 0) return [];
  let members = z.slice(from, to - 1);
  if (o.rev) members.reverse();
  members = members.slice(o.offset, o.count < 0 ? undefined : o.offset + o.count);
  return members;
}

function zrange(ks: Keyspace, key: string, a: string, b: string, opts: string[], rev: boolean): Reply {
  const o = parseRangeOptions(opts);
  const z = ks.get(key, "zset");
  if (!z) return [];
  if (o.byScore) return withScores(z, byScore(z, o.rev ? b : a, o.rev ? a : b, o), o.scores);
  const r = rankRange(z.size, a, b);
  if (!r) return [];
  if (rev || o.rev) {
    const [start, stop] = r;
    const members = z.slice(z.size - 1 - stop, z.size - 1 - start).reverse();
    return withScores(z, members, o.scores);
  }
  return withScores(z, z.slice(r[0], r[1]), o.scores);
}

/** ZADD (NX/XX/GT/LT/CH), ZREM, ZSCORE, ZCARD, ZCOUNT, ZRANK, ZRANGE(BYSCORE), ZREVRANGE, ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZREMRANGEBYRANK, ZREMRANGEBYSCORE, ZINCRBY, ZPOPMIN. */
export const zsetCommands: Record<string, CommandSpec> = {
  ZADD: {
    arity: 3,
    keys: "first",
    run: (ks, [key, ...rest]) => {
      let nx = false,
        xx = false,
        gt = false,
        lt = false,
        ch = false;
      let i = 0;
      for (; i < rest.length; i++) {
        const o = rest[i]!.toUpperCase();
        if (o === "NX") nx = true;
        else if (o === "XX") xx = true;
        else if (o === "GT") gt = true;
        else if (o === "LT") lt = true;
        else if (o === "CH") ch = true;
        else break;
      }
      const pairs = rest.slice(i);
      if (pairs.length === 0 || pairs.length % 2 !== 0 || (nx && xx)) throw syntaxError();
      const parsed: [number, string][] = [];
      for (let j = 0; j < pairs.length; j += 2) parsed.push([parseFloatArg(pairs[j]!), pairs[j + 1]!]);
      if (xx && !ks.exists(key!)) {
        ks.get(key!, "zset");
        return 0;
      }
      const z = ks.getOrCreate(key!, "zset");
      let added = 0;
      let changed = 0;
      for (const [score, member] of parsed) {
        const old = z.scores.get(member);
        if (old === undefined ? xx : nx) continue;
        if (old !== undefined && ((gt && score <= old) || (lt && score >= old))) continue;
        if (z.add(member, score)) added++;
        else if (old !== score) changed++;
      }
      ks.dropIfEmpty(key!);
      return ch ? added + changed : added;
    },
  },
  ZINCRBY: {
    arity: 3,
    keys: "first",
    run: (ks, [key, by, member]) => {
      const z = ks.getOrCreate(key!, "zset");
      const next = (z.scores.get(member!) ?? 0) + parseFloatArg(by!);
      z.add(member!, next);
      return formatScore(next);
    },
  },
  ZREM: {
    arity: 2,
    keys: "first",
    run: (ks, [key, ...members]) => {
      const z = ks.get(key!, "zset");
      if (!z) return 0;
      let n = 0;
      for (const m of members) if (z.remove(m)) n++;
      ks.dropIfEmpty(key!);
      return n;
    },
  },
  ZSCORE: {
    arity: 2,
    keys: "first",
    run: (ks, [key, member]) => {
      const s = ks.get(key!, "zset")?.scores.get(member!);
      return s === undefined ? null : formatScore(s);
    },
  },
  ZCARD: { arity: 1, keys: "first", run: (ks, [key]) => ks.get(key!, "zset")?.size ?? 0 },
  ZRANK: {
    arity: 2,
    keys: "first",
    run: (ks, [key, member]) => {
      const r = ks.get(key!, "zset")?.rank(member!) ?? -1;
      return r < 0 ? null : r;
    },
  },
  ZCOUNT: {
    arity: 3,
    keys: "first",
    run: (ks, [key, min, max]) => {
      const z = ks.get(key!, "zset");
      return z ? byScore(z, min!, max!, { offset: 0, count: -1, rev: false }).length : 0;
    },
  },
  ZRANGE: { arity: 3, keys: "first", run: (ks, [key, a, b, ...opts]) => zrange(ks, key!, a!, b!, opts, false) },
  ZREVRANGE: { arity: 3, keys: "first", run: (ks, [key, a, b, ...opts]) => zrange(ks, key!, a!, b!, opts, true) },
  ZRANGEBYSCORE: {
    arity: 3,
    keys: "first",
    run: (ks, [key, min, max, ...opts]) => {
      const o = parseRangeOptions(opts);
      const z = ks.get(key!, "zset");
      return z ? withScores(z, byScore(z, min!, max!, o), o.scores) : [];
    },
  },
  ZREVRANGEBYSCORE: {
    arity: 3,
    keys: "first",
    run: (ks, [key, max, min, ...opts]) => {
      const o = parseRangeOptions(opts);
      const z = ks.get(key!, "zset");
      return z ? withScores(z, byScore(z, min!, max!, { ...o, rev: true }), o.scores) : [];
    },
  },
  ZREMRANGEBYRANK: {
    arity: 3,
    keys: "first",
    run: (ks, [key, a, b]) => {
      const z = ks.get(key!, "zset");
      if (!z) return 0;
      const r = rankRange(z.size, a!, b!);
      const n = r ? z.removeRange(r[0], r[1]) : 0;
      ks.dropIfEmpty(key!);
      return n;
    },
  },
  ZREMRANGEBYSCORE: {
    arity: 3,
    keys: "first",
    run: (ks, [key, min, max]) => {
      const z = ks.get(key!, "zset");
      if (!z) return 0;
      const lo = bound(min!);
      const hi = bound(max!);
      const from = z.firstAtLeast(lo.value, lo.exclusive);
      const to = z.endAtMost(hi.value, hi.exclusive);
      const n = to > from ? z.removeRange(from, to - 1) : 0;
      ks.dropIfEmpty(key!);
      return n;
    },
  },
  ZPOPMIN: {
    arity: 1,
    keys: "first",
    run: (ks, [key, count]) => {
      const z = ks.get(key!, "zset");
      if (!z) return [];
      const n = count === undefined ? 1 : parseInteger(count);
      const members = z.slice(0, Math.min(n, z.size) - 1);
      const out = withScores(z, members, true);
      for (const m of members) z.remove(m);
      ks.dropIfEmpty(key!);
      return out;
    },
  },
};
