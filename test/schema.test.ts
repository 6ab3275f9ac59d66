// The Redis schema as code: the task record's fields (runtime/keys/task-record.ts) against what the
// Lua scripts read and write, and the scripts' key builders against the Lua's key layout and the
// Cluster rule that one call touches one slot (also for sharded queues).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { claimKeys } from "../runtime/broker/claim.ts";
import { finishLayout, type Outcome } from "../runtime/broker/finish.ts";
import { CLAIM_KEYS_PER_QUEUE } from "../runtime/broker/scripts.ts";
import { keyspace } from "../runtime/keys/keyspace.ts";
import { expandQueues, routeTask } from "../runtime/keys/shard-route.ts";
import { keySlot } from "../runtime/keys/slot.ts";
import { TASK_FIELD_NAMES } from "../runtime/keys/task-record.ts";

const LUA_DIR = new URL("../runtime/broker/lua/", import.meta.url);
const lua = Object.fromEntries(
  readdirSync(LUA_DIR)
    .filter((f) => f.endsWith(".lua"))
    .map((f) => [f, readFileSync(new URL(f, LUA_DIR), "utf8")]),
);

/** The Lua expression naming a task record in each script (default: the local `key`). */
const RECORD_VAR: Record<string, RegExp> = { "progress.lua": /^KEYS\[1\]$/, "admin-purge.lua": /^KEYS\[2 \+ i\]$/ };

/** Field names each script uses on a task record: literals in HSET field positions, and every literal of HGET/HMGET/HDEL/HEXISTS/HINCRBY/HSETNX. */
function recordFieldsUsed(): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const [file, text] of Object.entries(lua)) {
    for (const m of text.matchAll(/redis\.call\('(H[A-Z]+)',\s*([^,()]+?)\s*,([^)]*)\)/g)) {
      const [, command, target, rest] = m;
      if (!(RECORD_VAR[file] ?? /^key$/).test(target.trim())) continue;
      const args = rest.split(",").map((a) => a.trim());
      const fields =
        command === "HSET"
          ? args.filter((_, i) => i % 2 === 0)
          : command === "HINCRBY" || command === "HSETNX"
            ? args.slice(0, 1)
            : args;
      for (const f of fields) {
        const literal = /^'([^']*)'$/.exec(f);
        if (!literal) continue;
        if (!used.has(literal[1])) used.set(literal[1], new Set());
        used.get(literal[1])!.add(file);
      }
    }
  }
  return used;
}

describe("the task record's fields", () => {
  it("every field a script reads or writes on a record is declared in task-record.ts", () => {
    const used = recordFieldsUsed();
    assert.ok(used.size >= 15, `found the scripts' record accesses (${[...used.keys()].join(" ")})`);
    const undeclared = [...used]
      .filter(([f]) => !TASK_FIELD_NAMES.has(f))
      .map(([f, files]) => `'${f}' in ${[...files].join(", ")}`);
    assert.deepEqual(undeclared, [], "undeclared record fields");
  });

  it("every declared field is used by some script, and lib.lua's header names each one", () => {
    const all = Object.values(lua).join("\n");
    for (const f of TASK_FIELD_NAMES) assert.ok(all.includes(`'${f}'`), `'${f}' is declared but no script uses it`);
    const header = lua["lib.lua"]
      .split("\n")
      .filter((l) => l.startsWith("--"))
      .slice(0, 12)
      .join(" ");
    const missing = [...TASK_FIELD_NAMES].filter((f) => !new RegExp(`(^|[ ,/(])${f}[ /]`).test(header));
    assert.deepEqual(missing, [], "lib.lua's field comment lacks these");
  });
});

describe("key builders", () => {
  const ks = keyspace("demo", "p");
  const claimed = (id: string, queue: string) => ({ id, queue, priority: 5, member: `5|${id}`, token: "t" });

  it("the claim layout is CLAIM_KEYS per queue plus two, as claim.lua says", () => {
    const inLua = Number(/local CLAIM_KEYS = (\d+)/.exec(lua["claim.lua"])?.[1]);
    assert.equal(inLua, CLAIM_KEYS_PER_QUEUE);
    assert.equal(
      claimKeys(ks, ["a", "b"]).length,
      2 * inLua + 3,
      "per queue, then dead, dead_raw and the canvas outbox",
    );
  });

  it("a claim, a finish and an enqueue of a sharded queue each touch one slot", () => {
    const app = { shards: { emails: 8 } };
    for (const part of expandQueues(app, ["emails"])) {
      const slots = new Set(claimKeys(ks, [part]).map(keySlot));
      assert.equal(slots.size, 1, `claim on ${part}`);
    }
    const byShard = new Map<string, Outcome[]>();
    for (let i = 0; i < 64; i++) {
      const route = routeTask(app, "emails", `task-${i}`);
      const outcome: Outcome = { kind: "ok", claimed: claimed(route.id, route.queue), resultJson: "1" };
      byShard.set(route.queue, [...(byShard.get(route.queue) ?? []), outcome]);
      assert.equal(
        keySlot(ks.task(route.id)),
        keySlot(ks.ready(route.queue, 5)),
        "a record sits in its queue shard's slot",
      );
      assert.equal(
        keySlot(ks.forQueue(route.queue).recent),
        keySlot(ks.task(route.id)),
        "and so does the recent index it is added to",
      );
    }
    assert.equal(byShard.size, 8, "the ids spread over all 8 shards");
    for (const [queue, outcomes] of byShard)
      assert.equal(new Set(finishLayout(ks, outcomes).keys.map(keySlot)).size, 1, `finish on ${queue}`);
  });

  it("an unsharded app keeps every key in its {app} slot", () => {
    const slot = keySlot(ks.recent);
    const keys = [
      ...claimKeys(ks, ["default", "other"]),
      ...finishLayout(ks, [{ kind: "fail", claimed: claimed("x", "default"), errorJson: "{}" }]).keys,
      ks.task("y"),
      ks.rate("t"),
      ks.beat("due"),
      ks.workers,
    ];
    assert.deepEqual([...new Set(keys.map(keySlot))], [slot]);
  });
});
