// The connect-time check of Redis's maxmemory-policy, on the shared Redis (noeviction): CONFIG
// answers; an ACL user without CONFIG falls back to INFO. Evicting servers: test/chaos/eviction-policy.test.ts.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Redis } from "ioredis";
import { allowEvictionFromEnv, checkEvictionPolicy } from "../runtime/config/eviction-policy.ts";
import { createLogger } from "../runtime/log/logger.ts";
import { REDIS_URL } from "./support/redis.ts";

describe("eviction policy check", () => {
  const admin = new Redis(REDIS_URL);
  const user = `celerity-noconfig-${process.pid}`;
  const lines: string[] = [];
  const log = createLogger({ level: "debug", format: "json", write: (line) => lines.push(line) });
  after(async () => {
    await admin.acl("DELUSER", user);
    admin.disconnect();
  });

  it("reads the policy with CONFIG GET and accepts noeviction silently", async () => {
    assert.deepEqual(await checkEvictionPolicy(admin, { role: "worker", log }), {
      policy: "noeviction",
      source: "config",
    });
    assert.deepEqual(lines, []);
  });

  it("falls back to INFO memory when CONFIG is denied (an ACL without it, as on managed Redis)", async () => {
    await admin.acl("SETUSER", user, "on", ">pw", "~*", "&*", "+@all", "-config");
    const limited = new Redis(`redis://${user}:pw@127.0.0.1:6379/0`);
    try {
      await assert.rejects(limited.config("GET", "maxmemory-policy"), /NOPERM/);
      assert.deepEqual(await checkEvictionPolicy(limited, { role: "client", log }), {
        policy: "noeviction",
        source: "info",
      });
      assert.deepEqual(lines, [], "noeviction read from INFO: nothing to warn about");
    } finally {
      limited.disconnect();
    }
  });

  it("takes the override from the option first, then CELERITY_ALLOW_EVICTION", () => {
    const saved = process.env.CELERITY_ALLOW_EVICTION;
    try {
      delete process.env.CELERITY_ALLOW_EVICTION;
      assert.equal(allowEvictionFromEnv(undefined), false);
      process.env.CELERITY_ALLOW_EVICTION = "1";
      assert.equal(allowEvictionFromEnv(undefined), true);
      assert.equal(allowEvictionFromEnv(false), false);
      process.env.CELERITY_ALLOW_EVICTION = "no";
      assert.equal(allowEvictionFromEnv(undefined), false);
      assert.equal(allowEvictionFromEnv(true), true);
    } finally {
      if (saved === undefined) delete process.env.CELERITY_ALLOW_EVICTION;
      else process.env.CELERITY_ALLOW_EVICTION = saved;
    }
  });
});
