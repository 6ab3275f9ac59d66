import { ReplyError, parseInteger } from "../store/reply.ts";
import type { CommandSpec, Keyspace } from "../store/store.ts";

function push(ks: Keyspace, key: string, values: string[], front: boolean): number {
  const list = ks.getOrCreate(key, "list");
  for (const v of values) {
    if (front) list.pushFront(v);
    else list.pushBack(v);
  }
  ks.notePush(key);
  return list.length;
}

function pop(ks: Keyspace, key: string, count: string | undefined, front: boolean) {
  const list = ks.get(key, "list");
  if (count === undefined) {
    if (!list) return null;
    const v = front ? list.popFront()! : list.popBack()!;
    ks.dropIfEmpty(key);
    return v;
  }
  const n = parseInteger(count);
  if (n < 0) throw new ReplyError("ERR value is out of range, must be positive");
  // Redis: a missing key with a count gives a nil (array) reply.
  if (!list) return null;
  const out: string[] = [];
  while (out.length < n && list.length > 0) out.push(front ? list.popFront()! : list.popBack()!);
  ks.dropIfEmpty(key);
  return out;
}

function range(len: number, startArg: string, stopArg: string): [number, number] {
  let start = parseInteger(startArg);
  let stop = parseInteger(stopArg);
  if (start < 0) start = Math.max(0, len + start);
  if (stop < 0) stop = len + stop;
  if (stop >= len) stop = len - 1;
  return [start, stop];
}

/** LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT n]: pops up to n from the first non-empty list. */
function lmpop(ks: Keyspace, args: readonly string[]): [string, string[]] | null {
  const n = parseInteger(args[0]!);
  if (n <= 0) throw new ReplyError("ERR numkeys should be greater than 0");
  const keys = args.slice(1, 1 + n);
  const [where, countWord, countArg, ...rest] = args.slice(1 + n);
  const side = where?.toUpperCase();
  if (keys.length < n || (side !== "LEFT" && side !== "RIGHT")) throw new ReplyError("ERR syntax error");
  if (rest.length > 0 || (countWord !== undefined && (countWord.toUpperCase() !== "COUNT" || countArg === undefined)))
    throw new ReplyError("ERR syntax error");
  const count = countArg === undefined ? 1 : parseInteger(countArg);
  if (count <= 0) throw new ReplyError("ERR count should be greater than 0");
  // As Redis: keys in order, a wrong type raises only when reached (a list before it is popped).
  for (const key of keys) {
    if (ks.get(key, "list") !== undefined) return [key, pop(ks, key, String(count), side === "LEFT") as string[]];
  }
  return null;
}

/** LPUSH, RPUSH, LPOP, RPOP (with count), LMPOP, LLEN, LRANGE, LINDEX, LREM. BLPOP lives on the connection. */
export const listCommands: Record<string, CommandSpec> = {
  LPUSH: { arity: 2, keys: "first", run: (ks, [key, ...values]) => push(ks, key!, values, true) },
  RPUSH: { arity: 2, keys: "first", run: (ks, [key, ...values]) => push(ks, key!, values, false) },
  LPOP: { arity: 1, keys: "first", run: (ks, [key, count]) => pop(ks, key!, count, true) },
  RPOP: { arity: 1, keys: "first", run: (ks, [key, count]) => pop(ks, key!, count, false) },
  LMPOP: { arity: 3, keys: (args) => args.slice(1, 1 + Number(args[0])), run: (ks, args) => lmpop(ks, args) },
  LLEN: { arity: 1, keys: "first", run: (ks, [key]) => ks.get(key!, "list")?.length ?? 0 },
  LINDEX: {
    arity: 2,
    keys: "first",
    run: (ks, [key, index]) => {
      const list = ks.get(key!, "list");
      if (!list) return null;
      let i = parseInteger(index!);
      if (i < 0) i += list.length;
      return list.at(i) ?? null;
    },
  },
  LRANGE: {
    arity: 3,
    keys: "first",
    run: (ks, [key, start, stop]) => {
      const list = ks.get(key!, "list");
      if (!list) return [];
      const [from, to] = range(list.length, start!, stop!);
      const out: string[] = [];
      for (let i = from; i <= to; i++) out.push(list.at(i)!);
      return out;
    },
  },
  LREM: {
    arity: 3,
    keys: "first",
    run: (ks, [key, countArg, value]) => {
      const list = ks.get(key!, "list");
      if (!list) return 0;
      const count = parseInteger(countArg!);
      const items = list.toArray();
      const fromTail = count < 0;
      const limit = count === 0 ? Infinity : Math.abs(count);
      const order = fromTail ? [...items.keys()].reverse() : [...items.keys()];
      const drop = new Set<number>();
      for (const i of order) {
        if (drop.size >= limit) break;
        if (items[i] === value) drop.add(i);
      }
      list.reset(items.filter((_, i) => !drop.has(i)));
      ks.dropIfEmpty(key!);
      return drop.size;
    },
  },
};
