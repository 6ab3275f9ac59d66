// The memory store's Redis commands against a real Redis: random command sequences over a few keys
// (so types collide and WRONGTYPE shows up) must give the same replies, command by command.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { Redis } from "ioredis";
import { connectMemory, forgetMemoryBroker, type MemoryConnection } from "../../runtime/memory/mod.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../support/redis.ts";

const member = fc.constantFrom("a", "b", "c", "d", "e", "1", "10", "2");
const score = fc.oneof(fc.integer({ min: -3, max: 5 }).map(String), fc.constantFrom("1.5", "-inf", "+inf", "0"));
const bound = fc.oneof(
  score,
  score.map((s) => (s.includes("inf") ? s : `(${s}`)),
);
const idx = fc.integer({ min: -4, max: 4 }).map(String);
const key = fc.constantFrom("k0", "k1");

/** One command as [name, ...args]; keys are relative (prefixed per run). */
const command: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .tuple(fc.constantFrom("LPUSH", "RPUSH"), key, fc.array(member, { minLength: 1, maxLength: 3 }))
    .map(([c, k, m]) => [c, k, ...m]),
  fc
    .tuple(
      fc.constantFrom("LPOP", "RPOP"),
      key,
      fc.option(fc.integer({ min: 0, max: 4 }).map(String), { nil: undefined }),
    )
    .map(([c, k, n]) => (n === undefined ? [c, k] : [c, k, n])),
  fc
    .tuple(
      fc.constantFrom(["k0"], ["k1"], ["k0", "k1"], ["k1", "k0"]),
      fc.constantFrom("LEFT", "RIGHT"),
      fc.option(fc.integer({ min: 0, max: 4 }).map(String), { nil: undefined }),
    )
    .map(([ks, side, n]) => ["LMPOP", String(ks.length), ...ks, side, ...(n === undefined ? [] : ["COUNT", n])]),
  fc.tuple(key, idx, idx).map(([k, a, b]) => ["LRANGE", k, a, b]),
  fc.tuple(key, fc.integer({ min: -2, max: 2 }).map(String), member).map(([k, n, m]) => ["LREM", k, n, m]),
  fc
    .tuple(
      key,
      fc.constantFrom([], ["NX"], ["XX"], ["CH"], ["GT"], ["LT"]),
      fc.array(
        fc.tuple(
          score.filter((s) => !s.includes("inf")),
          member,
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([k, flags, pairs]) => ["ZADD", k, ...flags, ...pairs.flat()]),
  fc.tuple(key, fc.array(member, { minLength: 1, maxLength: 2 })).map(([k, m]) => ["ZREM", k, ...m]),
  fc.tuple(key, idx, idx, fc.boolean()).map(([k, a, b, w]) => ["ZRANGE", k, a, b, ...(w ? ["WITHSCORES"] : [])]),
  fc.tuple(key, idx, idx).map(([k, a, b]) => ["ZREVRANGE", k, a, b, "WITHSCORES"]),
  fc
    .tuple(
      key,
      bound,
      bound,
      fc.option(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -1, max: 3 })), { nil: undefined }),
    )
    .map(([k, a, b, lim]) => [
      "ZRANGEBYSCORE",
      k,
      a,
      b,
      "WITHSCORES",
      ...(lim ? ["LIMIT", String(lim[0]), String(lim[1])] : []),
    ]),
  fc.tuple(key, bound, bound).map(([k, a, b]) => ["ZREVRANGEBYSCORE", k, a, b]),
  fc.tuple(key, idx, idx).map(([k, a, b]) => ["ZREMRANGEBYRANK", k, a, b]),
  fc.tuple(key, bound, bound).map(([k, a, b]) => ["ZREMRANGEBYSCORE", k, a, b]),
  fc.tuple(key, bound, bound).map(([k, a, b]) => ["ZCOUNT", k, a, b]),
  fc.tuple(fc.constantFrom("ZSCORE", "ZRANK"), key, member).map(([c, k, m]) => [c, k, m]),
  fc
    .tuple(key, fc.option(fc.integer({ min: 1, max: 3 }).map(String), { nil: undefined }))
    .map(([k, n]) => (n ? ["ZPOPMIN", k, n] : ["ZPOPMIN", k])),
  fc
    .tuple(key, fc.array(fc.tuple(member, member), { minLength: 1, maxLength: 2 }))
    .map(([k, p]) => ["HSET", k, ...p.flat()]),
  fc.tuple(key, member).map(([k, f]) => ["HDEL", k, f]),
  fc.tuple(key, member, fc.integer({ min: -3, max: 3 }).map(String)).map(([k, f, n]) => ["HINCRBY", k, f, n]),
  fc.tuple(key, member, member).map(([k, a, b]) => ["HMGET", k, a, b]),
  fc.tuple(key, fc.array(member, { minLength: 1, maxLength: 2 })).map(([k, m]) => ["SADD", k, ...m]),
  fc.tuple(key, member).map(([k, m]) => ["SREM", k, m]),
  fc.tuple(key, member).map(([k, m]) => ["SISMEMBER", k, m]),
  fc.tuple(key, member).map(([k, v]) => ["SET", k, v]),
  fc
    .tuple(
      fc.constantFrom(
        "GET",
        "INCR",
        "DEL",
        "EXISTS",
        "TYPE",
        "LLEN",
        "ZCARD",
        "HLEN",
        "SCARD",
        "HGETALL",
        "SMEMBERS",
        "PERSIST",
      ),
      key,
    )
    .map(([c, k]) => [c, k]),
);

const code = (message: string) => message.split(" ")[0];

async function reply(conn: Redis, prefix: string, [name, k, ...args]: string[]): Promise<unknown> {
  try {
    // numkeys first, then the keys.
    if (name === "LMPOP") {
      const n = Number(k);
      const keyed = args.map((a, i) => (i < n ? `${prefix}:${a}` : a));
      return { ok: await conn.call("LMPOP", k!, ...keyed) };
    }
    // The named methods, as the runtime calls them (ioredis shapes some replies there).
    let r = await (conn as unknown as Record<string, (...a: string[]) => Promise<unknown>>)[name!.toLowerCase()]!(
      `${prefix}:${k}`,
      ...args,
    );
    // Set members and the order of hash fields in a big hash are Redis's own business.
    if (name === "SMEMBERS" && Array.isArray(r)) r = [...r].sort();
    return { ok: r };
  } catch (error) {
    return { error: code((error as Error).message) };
  }
}

describe("Redis commands: memory store vs Redis", () => {
  let redis: Redis;
  let memory: MemoryConnection;
  const url = `memory://commands-${process.pid}`;
  const prefixes: string[] = [];
  before(() => {
    redis = new Redis(REDIS_URL);
    memory = connectMemory(url);
  });
  after(async () => {
    redis.disconnect();
    memory.disconnect();
    forgetMemoryBroker(url);
    for (const p of prefixes) await deletePrefix(p);
  });

  it("random command sequences give the same replies", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 60 }), async (commands) => {
        const prefix = uniquePrefix("cmds");
        prefixes.push(prefix);
        for (const [i, c] of commands.entries()) {
          const real = await reply(redis, prefix, c);
          const mem = await reply(memory.asRedis(), prefix, c);
          assert.deepEqual(mem, real, `step ${i}: ${c.join(" ")}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
