// Reads, from a Lua script's text, which KEYS it reads where and what it does with them, so that a
// test can hold a key builder's output against the script (test/schema.test.ts). Deliberately
// small: it understands the forms our scripts use (`KEYS[3]`, `KEYS[2 + i * 2]`, `local a, b =
// KEYS[1], KEYS[2]`, `{ task = KEYS[5] }`, `for i = 1, (#KEYS - 2) / 2 do`) and says so when it
// meets one it does not, instead of guessing.
import type { RedisType } from "../../runtime/keys/key-roles.ts";

/** One place the script reads `KEYS[expr]`. */
export interface KeyRead {
  /** The index expression, as written (Lua local integer constants substituted). */
  expr: string;
  /** The local or table field it is bound to, if any. */
  name: string | null;
  /** Types the script's commands on it imply (`ZADD` -> zset, `ensure_type(k, 'list')` -> list). */
  types: Set<RedisType>;
}

export interface LuaKeyUse {
  reads: KeyRead[];
  /** Upper bounds of `for i = 1, <bound> do` loops whose bound is #KEYS-derived (or a `counts` name). */
  unitLoops: string[];
  /** `local <name> = <expr with #KEYS>`: counts the script derives from the number of keys. */
  counts: Map<string, string>;
}

const COMMAND_TYPES: Record<string, RedisType> = {
  GET: "string",
  SET: "string",
  HGET: "hash",
  HMGET: "hash",
  HSET: "hash",
  HDEL: "hash",
  HEXISTS: "hash",
  HINCRBY: "hash",
  HGETALL: "hash",
  ZADD: "zset",
  ZREM: "zset",
  ZSCORE: "zset",
  ZRANGE: "zset",
  ZRANGEBYSCORE: "zset",
  ZREMRANGEBYRANK: "zset",
  ZCARD: "zset",
  LPUSH: "list",
  RPUSH: "list",
  RPOP: "list",
  LLEN: "list",
  SADD: "set",
  SREM: "set",
  SISMEMBER: "set",
};

/** The text without comments (a `--` outside a string starts one). */
function stripComments(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      let quote: string | null = null;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote) {
          if (c === "\\") i++;
          else if (c === quote) quote = null;
        } else if (c === "'" || c === '"') quote = c;
        else if (c === "-" && line[i + 1] === "-") return line.slice(0, i);
      }
      return line;
    })
    .join("\n");
}

/** Splits at commas outside parentheses and brackets. */
function splitTop(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out;
}

/** Integer constants the script declares at top level (`local CLAIM_KEYS = 13`). */
export function luaConstants(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of stripComments(text).matchAll(/^local ([A-Z][A-Z0-9_]*) = (\d+)\s*$/gm)) out.set(m[1], Number(m[2]));
  return out;
}

/** What `text` does with its KEYS (see the module comment for the forms understood). */
export function luaKeyUse(text: string): LuaKeyUse {
  const code = stripComments(text);
  const constants = luaConstants(text);
  const subst = (expr: string) => expr.replace(/\b[A-Z][A-Z0-9_]*\b/g, (n) => String(constants.get(n) ?? n));
  const reads = new Map<string, KeyRead>();
  const readOf = (expr: string, name: string | null): KeyRead => {
    const e = subst(expr.trim());
    const id = `${e}|${name ?? ""}`;
    let r = reads.get(id);
    if (!r) reads.set(id, (r = { expr: e, name, types: new Set() }));
    return r;
  };
  // Bindings: `local a, b = KEYS[1], x` and table fields `{ a = KEYS[5] }`.
  const bound = new Map<string, KeyRead[]>();
  for (const m of code.matchAll(/local ([\w, ]+?) = (.+)$/gm)) {
    const names = m[1].split(",").map((n) => n.trim());
    const values = splitTop(m[2]);
    names.forEach((name, i) => {
      const k = /^KEYS\[([^\]]+)\]$/.exec(values[i] ?? "");
      if (k) bound.set(name, [...(bound.get(name) ?? []), readOf(k[1], name)]);
    });
  }
  for (const table of code.matchAll(/\{[^{}]*\}/g))
    for (const m of table[0].matchAll(/(\w+) = KEYS\[([^\]]+)\]/g))
      bound.set(m[1], [...(bound.get(m[1]) ?? []), readOf(m[2], m[1])]);
  // Every other read, and the types commands imply, directly or through a bound name.
  const typed = (target: string, type: RedisType | undefined) => {
    if (!type) return;
    const k = /^KEYS\[([^\]]+)\]$/.exec(target);
    if (k) readOf(k[1], null).types.add(type);
    else for (const r of bound.get(target) ?? []) r.types.add(type);
  };
  for (const m of code.matchAll(/KEYS\[([^\]]+)\]/g)) {
    const e = subst(m[1].trim());
    if (![...reads.values()].some((r) => r.expr === e)) readOf(m[1], null);
  }
  for (const m of code.matchAll(/redis\.p?call\('([A-Z]+)',\s*(KEYS\[[^\]]+\]|\w+)/g)) typed(m[2], COMMAND_TYPES[m[1]]);
  for (const m of code.matchAll(/ensure_type\((KEYS\[[^\]]+\]|\w+),\s*'(\w+)'\)/g)) typed(m[1], m[2] as RedisType);
  const counts = new Map<string, string>();
  for (const m of code.matchAll(/^local (\w+) = (.*#KEYS.*)$/gm)) counts.set(m[1], subst(m[2].trim()));
  const unitLoops = [...code.matchAll(/for i = 1, (.+?) do/g)]
    .map((m) => subst(m[1].trim()))
    .filter((b) => b.includes("#KEYS") || counts.has(b));
  return { reads: [...reads.values()], unitLoops, counts };
}

/**
 * Evaluates an index or bound expression with `vars` (`i`, `n`, `#KEYS`...). Only integers,
 * + - * / and parentheses may remain once the names are replaced; anything else throws.
 */
export function evalIndex(expr: string, vars: Record<string, number>): number {
  const e = expr.replace(/#KEYS|\b[a-z_]\w*\b/g, (name) => {
    if (!(name in vars)) throw new Error(`cannot evaluate ${JSON.stringify(expr)}: unknown ${name}`);
    return String(vars[name]);
  });
  if (!/^[\d\s+\-*/()]+$/.test(e)) throw new Error(`cannot evaluate ${JSON.stringify(expr)}`);
  return Number(new Function(`return (${e});`)());
}
