// The memory broker's Lua and command semantics, checked against a real Redis: every case runs on
// both and must give the same reply (or an error with the same code).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import { connectMemory, type MemoryConnection } from "../../runtime/memory/mod.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../support/redis.ts";

type Outcome = { ok: unknown } | { error: string };

const cases: { name: string; script: string; keys?: number; args?: string[] }[] = [
  {
    name: "Lua types to replies: false -> nil, floats truncate, arrays stop at the first nil",
    script: "return {1, 'x', false, 3.7, -2.5, true, {ok='OK'}, nil, 5}",
  },
  { name: "a float return truncates", script: "return 7.99" },
  { name: "true is 1, false is nil", script: "return {true, false == nil}" },
  { name: "status and error replies", script: "return redis.status_reply('FINE')" },
  { name: "error_reply is an error", script: "return redis.error_reply('MYERR custom')" },
  {
    name: "redis.call raises on a wrong type; pcall catches it",
    keys: 1,
    script:
      "redis.call('SET', KEYS[1], 'v'); local ok, e = pcall(redis.call, 'HSET', KEYS[1], 'f', 'v'); return {tostring(ok), type(e)}",
  },
  {
    name: "redis.pcall returns the error table",
    keys: 1,
    script:
      "redis.call('SET', KEYS[1], 'v'); local r = redis.pcall('LPUSH', KEYS[1], 'x'); return string.sub(r.err, 1, 9)",
  },
  {
    name: "an uncaught redis.call error fails the script",
    keys: 1,
    script: "redis.call('SET', KEYS[1], 'v'); return redis.call('HGET', KEYS[1], 'f')",
  },
  {
    name: "nil bulk replies are false in Lua",
    keys: 1,
    script: "return {tostring(redis.call('GET', KEYS[1])), tostring(redis.call('HGET', KEYS[1], 'f'))}",
  },
  {
    name: "HMGET with missing fields",
    keys: 1,
    script:
      "redis.call('HSET', KEYS[1], 'a', '1'); local r = redis.call('HMGET', KEYS[1], 'a', 'b', 'c'); return {r[1], tostring(r[2]), #r}",
  },
  {
    name: "integer replies are Lua numbers",
    keys: 1,
    script: "local n = redis.call('HINCRBY', KEYS[1], 'c', 5); return {type(n), n + 1}",
  },
  {
    name: "number arguments are sent as integers",
    keys: 1,
    script: "redis.call('SET', KEYS[1], 1700000000123); return redis.call('GET', KEYS[1])",
  },
  {
    name: "tostring of floats as in Lua 5.1",
    script: "return {tostring(10/2), tostring(1/3), tostring(1700000000123 + 0.5), tostring(1e15), tostring(2^53)}",
  },
  {
    name: "cjson.encode: empty table, arrays, nesting, slash, null",
    script:
      "return cjson.encode({a={}, b={1,2,'x'}, c={d={e=true}}, f='a/b\"c', g=cjson.null, h=1.5, i=1700000000123})",
  },
  {
    name: "cjson.decode and null",
    script: "local t = cjson.decode(ARGV[1]); return {t.a, tostring(t.b == cjson.null), t.c[2], type(t.d)}",
    args: ['{"a":"x","b":null,"c":[1,2],"d":{}}'],
  },
  {
    // A canvas record of a long chain nests a level per step: deeper than a JS function's 20 stack slots.
    name: "cjson.decode and encode of 60 nested levels",
    script:
      "local t = cjson.decode(ARGV[1]); local d = 0; local x = t; while x.nx do d = d + 1; x = x.nx[1] end; return {d, cjson.encode(t)}",
    args: ['{"nx":['.repeat(60) + "{}" + "]}".repeat(60)],
  },
  {
    name: "cjson.decode of garbage raises",
    script: "local ok = pcall(cjson.decode, '{not json'); return tostring(ok)",
  },
  { name: "unpack is global (Lua 5.1)", script: "return {unpack({'a','b','c'})}" },
  {
    name: "string functions",
    script:
      "return {string.find('a|b', '|', 1, true), string.sub('hello', 2, 3), string.match('123', '^%-?%d+$'), string.format('%d:%s', 5, 'x')}",
  },
  {
    name: "math",
    script: "return {math.floor(7/2), math.ceil(7/2), math.min(3, 1, 2), math.floor(1764578400123 / 60000)}",
  },
  {
    name: "numbers are doubles: epoch ms from TIME-sized values do not wrap",
    script:
      "local s = tonumber('1796113641'); return {tostring(s * 1000 + math.floor(tonumber('845123') / 1000)), s * 1000}",
  },
  {
    name: "integral numbers concatenate without a decimal point",
    script:
      "local p = tonumber(string.sub('5|id', 1, 1)); return {p .. '|id', math.floor(7.5) .. '', (tonumber('3') + 0.5) .. '', 10 / 2 .. ''}",
  },
  { name: "sha1hex", script: "return redis.sha1hex('celerity')" },
  {
    name: "TYPE is a status table",
    keys: 4,
    script:
      "redis.call('SET', KEYS[1], 'v'); redis.call('LPUSH', KEYS[2], 'v'); redis.call('ZADD', KEYS[3], 1, 'm'); return {redis.call('TYPE', KEYS[1]).ok, redis.call('TYPE', KEYS[2]).ok, redis.call('TYPE', KEYS[3]).ok, redis.call('TYPE', KEYS[4]).ok}",
  },
  { name: "a global write is refused", script: "x = 1; return 1" },
  { name: "reading an undefined global is refused", script: "return undefined_thing" },
  {
    name: "RPOP with a count, on a missing and a present list",
    keys: 1,
    script:
      "local a = redis.call('RPOP', KEYS[1], 3); redis.call('LPUSH', KEYS[1], 'a', 'b', 'c'); return {tostring(a), redis.call('RPOP', KEYS[1], 2)}",
  },
  {
    name: "LMPOP: nil on missing lists, else the first non-empty list's key and items",
    keys: 2,
    script:
      "local a = redis.call('LMPOP', 2, KEYS[1], KEYS[2], 'RIGHT', 'COUNT', 2); redis.call('LPUSH', KEYS[2], 'a', 'b', 'c'); local b = redis.call('LMPOP', 2, KEYS[1], KEYS[2], 'RIGHT', 'COUNT', 2); return {tostring(a), b[1] == KEYS[2], b[2], redis.call('LMPOP', 2, KEYS[1], KEYS[2], 'LEFT', 'COUNT', 5)[2], redis.call('EXISTS', KEYS[2])}",
  },
  {
    name: "lists: LPUSH/RPUSH order, LLEN, LRANGE, empty lists vanish",
    keys: 1,
    script:
      "redis.call('LPUSH', KEYS[1], 'a', 'b'); redis.call('RPUSH', KEYS[1], 'z'); local r = redis.call('LRANGE', KEYS[1], 0, -1); redis.call('RPOP', KEYS[1], 5); return {r, redis.call('EXISTS', KEYS[1])}",
  },
  {
    name: "sorted sets: order by score then member, ranges, limits, withscores",
    keys: 1,
    script:
      "redis.call('ZADD', KEYS[1], 2, 'b', 1, 'z', 2, 'a', 3.5, 'c'); return {redis.call('ZRANGE', KEYS[1], 0, -1), redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES'), redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', 2, 'LIMIT', 1, 5), redis.call('ZRANGEBYSCORE', KEYS[1], '(2', '+inf', 'WITHSCORES'), redis.call('ZREVRANGE', KEYS[1], 0, 1), redis.call('ZSCORE', KEYS[1], 'c'), redis.call('ZCARD', KEYS[1])}",
  },
  {
    name: "ZADD XX/NX/CH, ZREM, ZREMRANGEBYRANK",
    keys: 1,
    script:
      "redis.call('ZADD', KEYS[1], 1, 'a', 2, 'b', 3, 'c'); local x = redis.call('ZADD', KEYS[1], 'XX', 9, 'a', 9, 'new'); local n = redis.call('ZADD', KEYS[1], 'NX', 0, 'a', 0, 'd'); local ch = redis.call('ZADD', KEYS[1], 'CH', 5, 'b', 6, 'e'); local rm = redis.call('ZREM', KEYS[1], 'c', 'nope'); local rr = redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -3); return {x, n, ch, rm, rr, redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')}",
  },
  {
    name: "hashes: HSET counts new fields, HDEL, HEXISTS, HGETALL",
    keys: 1,
    script:
      "local a = redis.call('HSET', KEYS[1], 'x', '1', 'y', '2'); local b = redis.call('HSET', KEYS[1], 'x', '3', 'z', '4'); local d = redis.call('HDEL', KEYS[1], 'y', 'nope'); return {a, b, d, redis.call('HEXISTS', KEYS[1], 'z'), redis.call('HGET', KEYS[1], 'x'), #redis.call('HGETALL', KEYS[1])}",
  },
  {
    name: "HINCRBY on a non-integer field",
    keys: 1,
    script: "redis.call('HSET', KEYS[1], 'f', 'abc'); return redis.call('HINCRBY', KEYS[1], 'f', 1)",
  },
  {
    name: "sets",
    keys: 1,
    script:
      "local a = redis.call('SADD', KEYS[1], 'x', 'y', 'x'); return {a, redis.call('SISMEMBER', KEYS[1], 'y'), redis.call('SREM', KEYS[1], 'y', 'q'), redis.call('SCARD', KEYS[1])}",
  },
  {
    name: "SET options: NX, XX, PX and GET",
    keys: 1,
    script:
      "local a = redis.call('SET', KEYS[1], 'v', 'NX'); local b = redis.call('SET', KEYS[1], 'w', 'NX'); local c = redis.call('SET', KEYS[1], 'x', 'XX', 'PX', 100000); return {a.ok, tostring(b), c.ok, redis.call('GET', KEYS[1]), redis.call('PTTL', KEYS[1]) > 99000}",
  },
  {
    name: "TTLs: PEXPIRE, PTTL, PERSIST, TTL of missing keys",
    keys: 2,
    script:
      "redis.call('SET', KEYS[1], 'v'); local a = redis.call('PTTL', KEYS[1]); redis.call('PEXPIRE', KEYS[1], 50000); local b = redis.call('TTL', KEYS[1]); local p = redis.call('PERSIST', KEYS[1]); return {a, b, p, redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2]), redis.call('PEXPIRE', KEYS[2], 10)}",
  },
  {
    name: "TIME is {seconds, microseconds} as strings",
    script: "local t = redis.call('TIME'); return {type(t[1]), type(t[2]), #t, tonumber(t[2]) < 1000000}",
  },
  { name: "a wrong number of arguments", keys: 1, script: "return redis.call('HSET', KEYS[1], 'f')" },
  { name: "an unknown command", script: "return redis.call('NOSUCHCOMMAND')" },
  { name: "non-string arguments are refused", keys: 1, script: "return redis.call('SET', KEYS[1], {})" },
  {
    name: "INCR on a non-integer",
    keys: 1,
    script: "redis.call('SET', KEYS[1], 'x'); return redis.call('INCR', KEYS[1])",
  },
];

const errorCode = (message: string) => message.split(" ")[0];

async function outcome(conn: Redis, script: string, keys: string[], args: string[]): Promise<Outcome> {
  try {
    return { ok: await conn.eval(script, keys.length, ...keys, ...args) };
  } catch (error) {
    return { error: errorCode((error as Error).message) };
  }
}

describe("Lua and command semantics: memory broker vs Redis", () => {
  const prefix = uniquePrefix("lua");
  let redis: Redis;
  let memory: MemoryConnection;
  before(() => {
    redis = new Redis(REDIS_URL);
    memory = connectMemory(`memory://lua-semantics-${process.pid}`);
  });
  after(async () => {
    redis.disconnect();
    memory.disconnect();
    await deletePrefix(prefix);
  });

  cases.forEach((c, i) => {
    it(c.name, async () => {
      const keys = Array.from({ length: c.keys ?? 0 }, (_, k) => `${prefix}:c${i}:k${k}`);
      const real = await outcome(redis, c.script, keys, c.args ?? []);
      const mem = await outcome(memory.asRedis(), c.script, keys, c.args ?? []);
      // Lua table iteration order (and so cjson's key order) is the VM's own: compare parsed JSON.
      const norm = (o: Outcome) =>
        "ok" in o && typeof o.ok === "string" && o.ok.startsWith("{") ? { ok: JSON.parse(o.ok) } : o;
      assert.deepEqual(norm(mem), norm(real));
    });
  });

  it("a SCAN + UNLINK cleanup loop removes every key, deleting between pages", async () => {
    for (const conn of [redis, memory.asRedis()]) {
      const base = `${prefix}:scan`;
      for (let i = 0; i < 57; i++) await conn.set(`${base}:${i}`, "v");
      await conn.set(`${prefix}:other`, "kept");
      let cursor = "0";
      let seen = 0;
      do {
        const [next, keys] = await conn.scan(cursor, "MATCH", `${base}:*`, "COUNT", 5);
        cursor = next;
        seen += keys.length;
        if (keys.length > 0) await conn.unlink(...keys);
      } while (cursor !== "0");
      assert.equal(seen, 57);
      const [, left] = await conn.scan("0", "MATCH", `${base}:*`, "COUNT", 1000);
      assert.deepEqual(left, []);
      assert.equal(await conn.get(`${prefix}:other`), "kept");
    }
  });

  it("refuses a key the script did not declare (Redis Cluster would)", async () => {
    await assert.rejects(memory.asRedis().eval("return redis.call('GET', 'undeclared')", 0), /not declared in KEYS/);
  });

  it("EVALSHA of an unknown script is NOSCRIPT; SCRIPT LOAD makes it known", async () => {
    const conn = memory.asRedis();
    const src = "return 'loaded'";
    const sha = (await conn.script("LOAD", src)) as string;
    assert.equal(await conn.evalsha(sha, 0), "loaded");
    await assert.rejects(conn.evalsha("0".repeat(40), 0), /NOSCRIPT/);
    assert.deepEqual(await conn.script("EXISTS", sha, "0".repeat(40)), [1, 0]);
  });

  it("BLPOP waits for a push and CLIENT UNBLOCK ends the wait with nil", async () => {
    const blocker = memory.duplicate();
    const key = `${prefix}:bl`;
    const waiting = blocker.blpop(key, 5);
    await memory.asRedis().lpush(key, "x");
    assert.deepEqual(await waiting, [key, "x"]);
    const id = (await blocker.client("ID")) as number;
    const second = blocker.blpop(key, 5);
    assert.equal(await memory.asRedis().client("UNBLOCK", id), 1);
    assert.equal(await second, null);
    blocker.disconnect();
  });

  it("a publish inside a script reaches subscribers after the script", async () => {
    const sub = memory.duplicate();
    const got: string[] = [];
    sub.on("message", (channel: string, message: string) => got.push(`${channel}=${message}`));
    await sub.subscribe("chan");
    await memory.asRedis().eval("redis.call('PUBLISH', 'chan', 'a'); redis.call('PUBLISH', 'chan', 'b'); return 1", 0);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(got, ["chan=a", "chan=b"]);
    sub.disconnect();
  });
});
