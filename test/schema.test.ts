// The Redis schema as code: the task record's fields (runtime/keys/task-record.ts) against what the
// Lua scripts read and write, and the scripts' key builders against the Lua's key layout and the
// Cluster rule that one call touches one slot (also for sharded queues).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { purgeKeys } from "../runtime/admin/actions/purge-dead.ts";
import { requeueKeys } from "../runtime/admin/actions/requeue-dead.ts";
import { fireKeys } from "../runtime/beat/fire-due.ts";
import { beatKeys } from "../runtime/beat/keys.ts";
import { leaderLockKeys } from "../runtime/beat/leader-lock.ts";
import { runKeys } from "../runtime/beat/run-plan.ts";
import { runNowKeys } from "../runtime/beat/store.ts";
import { putKeys, removeKeys, setEnabledKeys } from "../runtime/beat/write-entry.ts";
import { claimKeys } from "../runtime/broker/claim.ts";
import { enqueueKeys } from "../runtime/broker/enqueue.ts";
import { finishLayout, type Outcome } from "../runtime/broker/finish.ts";
import { renewKeys } from "../runtime/broker/leases.ts";
import { progressKeys } from "../runtime/broker/progress.ts";
import { quarantineKeys } from "../runtime/broker/quarantine.ts";
import { rateLimitKeys } from "../runtime/broker/rate-limit.ts";
import { revokeKeys } from "../runtime/broker/revoke.ts";
import { finishClaimLayout } from "../runtime/broker/settle.ts";
import { startKeys } from "../runtime/broker/start.ts";
import { keyRole } from "../runtime/keys/key-roles.ts";
import { keyspace, type Keyspace } from "../runtime/keys/keyspace.ts";
import { expandQueues, routeTask } from "../runtime/keys/shard-route.ts";
import { parseShardQueue, shardQueue, withShardSuffix } from "../runtime/keys/shard-tags.ts";
import { keySlot } from "../runtime/keys/slot.ts";
import { TASK_FIELD_NAMES } from "../runtime/keys/task-record.ts";
import { evalIndex, luaConstants, luaKeyUse } from "./support/lua-keys.ts";
import { planCanvas, type CanvasNode } from "../runtime/canvas/build.ts";
import { partKeys, splitEffect } from "../runtime/canvas/placement.ts";
import { outboxBuryKeys } from "../runtime/canvas/relay.ts";
import type { Envelope } from "../runtime/canvas/record.ts";
import { DEFAULT_ARGS_LIMITS } from "../runtime/client/limits.ts";
import { buildApp } from "./fixtures/runtime-app.ts";
import { idsOnShards } from "./support/shard-ids.ts";

const LUA_DIR = new URL("../runtime/broker/lua/", import.meta.url);
const RUNTIME_DIR = new URL("../runtime/", import.meta.url);
const lua = Object.fromEntries(
  readdirSync(LUA_DIR)
    .filter((f) => f.endsWith(".lua"))
    .map((f) => [f, readFileSync(new URL(f, LUA_DIR), "utf8")]),
);

/** Field names each script uses on a task record: literals in HSET field positions, and every literal of HGET/HMGET/HDEL/HEXISTS/HINCRBY/HSETNX. */
function recordFieldsUsed(): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const [file, text] of Object.entries(lua)) {
    for (const m of text.matchAll(/redis\.call\('(H[A-Z]+)',\s*([^,()]+?)\s*,([^)]*)\)/g)) {
      const [, command, target, rest] = m;
      // Every script names a task record `key`.
      if (target.trim() !== "key") continue;
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

/** What a Lua local bound to a key must be, by its name (scripts name keys consistently). */
const NAME_ROLES: Record<string, RegExp> = {
  dead: /^dead-letter set$/,
  dead_raw: /^dead-letter payload store$/,
  key: /^task record /,
  task: /^task record /,
  leases: /^lease set of queue /,
  delayed: /^delayed set of queue /,
  ready: /^ready list \(priority \d\) of queue /,
  signal: /^wake-up signal list of queue /,
  recent: /^recent-task index$/,
  stats: /^per-minute counters of queue /,
  runs: /^beat run counts$/,
  last: /^beat last-run times$/,
};

/** One script's builder, in a given keyspace, for `n` units (tasks, runs, queues...) of queue part `part`. */
interface ScriptLayout {
  /** Entry file(s) whose KEYS reads are checked, in the order the script composes them. */
  files: string[];
  keys: (n: number, part: string) => string[];
  /** How many units the Lua counts for a builder of `n` (default n). */
  luaUnits?: (n: number) => number;
  /**
   * Values of loop variables other than `i` that index KEYS (e.g. claim's per-queue base `b`); an
   * empty list marks reads this layout does not exercise (finish's canvas keys, checked with canvas).
   */
  ranges?: (n: number, part: string) => Record<string, number[]>;
  /** The Lua reads only part of the keys here (the rest by code checked elsewhere): skip "every key is read". */
  partial?: boolean;
  /** Check bound names against NAME_ROLES (off where a table field reuses a name, as quarantine's `key`). */
  names?: boolean;
  /** Beat's scripts work on the app's own keys only. */
  appSlotOnly?: boolean;
}

/** A script file: broker ones by name, beat ones as `beat/lua/<name>`. */
const luaText = (file: string): string =>
  file.startsWith("beat/") ? readFileSync(new URL(file, RUNTIME_DIR), "utf8") : lua[file];

/** An id whose record lives on `part`'s shard. */
const idOn = (part: string, j: number): string => {
  const shard = parseShardQueue(part).shard;
  return shard ? withShardSuffix(`task-${j}`, shard) : `task-${j}`;
};
const idsOn = (part: string, n: number): string[] => Array.from({ length: n }, (_, j) => idOn(part, j));
// claim_starts (claim.lua) reads the records of the ids to start at KEYS[rk + j], j = 1..count.
const startRanges = (rk: number, count: number) => ({ rk: [rk], j: [...Array(count).keys()].map((j) => j + 1) });
const claimedOn = (part: string, n: number) =>
  Array.from({ length: n }, (_, j) => ({ id: idOn(part, j), queue: part, priority: 5, member: `5|${idOn(part, j)}` }));
const okOutcomes = (part: string, n: number): Outcome[] =>
  claimedOn(part, n).map((c) => ({ kind: "ok", claimed: { ...c, token: "t" }, resultJson: "1" }));

/** `n` finished runs, alternating between `part` and another queue on its shard. */
const twoQueueOutcomes = (n: number, part: string): Outcome[] => {
  const { queue, shard } = parseShardQueue(part);
  return okOutcomes(part, n).map((o, j) =>
    j % 2 === 0 ? o : { ...o, claimed: { ...o.claimed, queue: shardQueue(`${queue}-b`, shard) } },
  );
};

function layouts(ks: Keyspace): Record<string, ScriptLayout> {
  const claimPer = luaConstants(lua["claim.lua"]).get("CLAIM_KEYS")!;
  const groupKeys = luaConstants(lua["finish.lua"]).get("GROUP_KEYS")!;
  const beat = beatKeys(ks);
  const run = runKeys(ks, { id: "periodic:x:1", queue: "default", priority: 5 });
  // Several queues on one shard: the part and other queues' parts on the same shard.
  const queueParts = (n: number, part: string) => {
    const { queue, shard } = parseShardQueue(part);
    return Array.from({ length: n }, (_, j) => shardQueue(j === 0 ? queue : `${queue}-${j}`, shard));
  };
  return {
    enqueue: {
      files: ["enqueue.lua"],
      keys: (n, part) =>
        enqueueKeys(
          ks,
          part,
          5,
          Array.from({ length: n }, (_, j) => idOn(part, j)),
        ),
    },
    // n queues and n ids to start (claim_starts reads their records at KEYS[k + j]).
    claim: {
      files: ["start-fn.lua", "claim.lua", "claim-entry.lua"],
      keys: (n, part) => claimKeys(ks, queueParts(n, part), idsOn(part, n)),
      ranges: (n) => ({
        b: Array.from({ length: n }, (_, qi) => qi * claimPer),
        p: [...Array(10).keys()],
        rp: [...Array(10).keys()],
        k: [11, 12],
        kc: [n * claimPer],
        ...startRanges(n * claimPer + 3, n),
        nq: [n],
      }),
    },
    finishClaim: {
      files: ["start-fn.lua", "claim.lua", "finish-claim-entry.lua"],
      keys: (n, part) =>
        finishClaimLayout(ks, okOutcomes(part, 2), {
          queues: queueParts(n, part),
          want: 1,
          leaseMs: 1,
          start: { ids: idsOn(part, n), options: { workerId: "w", maxDeliveries: 1, maxPayloadBytes: 1 } },
        }).keys,
      ranges: (n, part) => {
        const kb = finishLayout(ks, okOutcomes(part, 2)).keys.length;
        return {
          kb: [kb],
          b: Array.from({ length: n }, (_, qi) => kb + qi * claimPer),
          p: [...Array(10).keys()],
          rp: [...Array(10).keys()],
          k: [11, 12],
          kc: [kb + n * claimPer],
          ...startRanges(kb + n * claimPer + 3, n),
          nq: [n],
        };
      },
      partial: true,
    },
    finish: {
      files: ["finish.lua"],
      // n outcomes over two queues of the shard (one when n is 1), no canvas.
      keys: (n, part) => finishLayout(ks, twoQueueOutcomes(n, part)).keys,
      ranges: (n, part) => {
        const groups = new Set(twoQueueOutcomes(n, part).map((o) => o.claimed.queue)).size;
        return {
          kb: [0],
          g: Array.from({ length: groups }, (_, q) => 1 + q * groupKeys),
          rb: [1 + groups * groupKeys],
          i: [...Array(n).keys()],
          ck_at: [],
        };
      },
    },
    start: { files: ["start-fn.lua", "start.lua"], keys: (n, part) => startKeys(ks, claimedOn(part, n)) },
    renew: { files: ["renew.lua"], keys: (n, part) => renewKeys(ks, claimedOn(part, n)) },
    progress: { files: ["progress.lua"], keys: (_, part) => progressKeys(ks, idOn(part, 0), part) },
    // KEYS[2] is read only when given (#KEYS > 1): here a canvas task whose failure keys lie in other
    // slots, so its record's slot's outbox follows (the local canvas_fail case: see the test below).
    revoke: {
      files: ["revoke.lua"],
      keys: (_, part) => revokeKeys(ks, idOn(part, 0), [ks.forId(idOn(part, 0)).canvasOutbox]),
    },
    rateLimit: { files: ["rate-limit.lua"], keys: () => rateLimitKeys(ks, "emails.send"), appSlotOnly: true },
    adminRequeue: {
      files: ["admin-requeue.lua"],
      keys: (_, part) => requeueKeys(ks, idOn(part, 0), parseShardQueue(part).queue, 3),
    },
    adminPurge: {
      files: ["admin-purge.lua"],
      keys: (n, part) =>
        purgeKeys(
          ks.forQueue(part),
          Array.from({ length: n }, (_, j) => idOn(part, j)),
        ),
    },
    quarantine: {
      files: ["quarantine.lua"],
      keys: (n, part) =>
        quarantineKeys(
          ks.forQueue(part).base,
          Array.from({ length: n }, (_, j) => ks.ready(part, j)),
          "1-ab",
        ),
      // The dead-letter set and payload store always lead.
      luaUnits: (n) => n + 2,
      names: false,
    },
    canvasOutbox: { files: ["canvas-outbox.lua"], keys: (_, part) => outboxBuryKeys(ks.forQueue(part)) },
    beatFire: { files: ["beat/lua/fire.lua"], keys: () => fireKeys(beat, run), appSlotOnly: true },
    beatFireNoRun: { files: ["beat/lua/fire.lua"], keys: () => fireKeys(beat, runKeys(ks, null)), appSlotOnly: true },
    beatRunNow: { files: ["beat/lua/run-now.lua"], keys: () => runNowKeys(beat, run), appSlotOnly: true },
    beatPut: { files: ["beat/lua/put.lua"], keys: () => putKeys(beat), appSlotOnly: true },
    beatRemove: { files: ["beat/lua/remove.lua"], keys: () => removeKeys(beat), appSlotOnly: true },
    beatSetEnabled: { files: ["beat/lua/set-enabled.lua"], keys: () => setEnabledKeys(beat), appSlotOnly: true },
    beatRenewLock: { files: ["beat/lua/lock-renew.lua"], keys: () => leaderLockKeys(beat.leader), appSlotOnly: true },
    beatReleaseLock: {
      files: ["beat/lua/lock-release.lua"],
      keys: () => leaderLockKeys(beat.leader),
      appSlotOnly: true,
    },
  };
}

/** Every value combination of the variables `expr` names. */
function combos(expr: string, ranges: Record<string, number[]>): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const [name, values] of Object.entries(ranges)) {
    if (!new RegExp(`\\b${name}\\b`).test(expr)) continue;
    out = out.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  }
  return out;
}

/**
 * Holds a builder's keys for `n` units against the script: each KEYS index the Lua reads exists,
 * holds a key of the type its commands need (and the role its local's name says), the unit count
 * the Lua derives from #KEYS is `n`, and every key the builder gives is read. Returns the problems.
 */
function layoutProblems(name: string, layout: ScriptLayout, n: number, part: string): string[] {
  const keys = layout.keys(n, part);
  const problems: string[] = [];
  const use = luaKeyUse(layout.files.map(luaText).join("\n"));
  const vars: Record<string, number> = { "#KEYS": keys.length };
  for (const [count, expr] of use.counts) vars[count] = evalIndex(expr, vars);
  const units = layout.luaUnits?.(n) ?? n;
  for (const bound of use.unitLoops) {
    const got = evalIndex(bound, vars);
    if (got !== units)
      problems.push(`${name}: the Lua counts ${got} units (${bound}) in ${keys.length} keys, not ${units}`);
  }
  // `i` counts units from 1 (the scripts' `for i = 1, ...`) unless the layout says otherwise.
  const ranges: Record<string, number[]> = {
    i: [...Array(units).keys()].map((i) => i + 1),
    ...layout.ranges?.(n, part),
  };
  const read = new Set<number>();
  for (const r of use.reads) {
    for (const c of combos(r.expr, ranges)) {
      const pos = evalIndex(r.expr, { ...vars, ...c });
      const key = keys[pos - 1];
      const at = `${name}: KEYS[${r.expr}] (= ${pos}${r.name ? `, ${r.name}` : ""})`;
      if (key === undefined) {
        problems.push(`${at} is read, but the builder gives ${keys.length} keys`);
        continue;
      }
      read.add(pos);
      const role = keyRole(key);
      for (const type of r.types)
        if (role?.type !== type) problems.push(`${at} is used as a ${type}, but the builder put ${key} there`);
      const expected = layout.names === false || !r.name ? undefined : NAME_ROLES[r.name];
      if (expected && !expected.test(role?.what ?? ""))
        problems.push(`${at} should be a ${r.name}, but the builder put ${key} (${role?.what ?? "no role"}) there`);
    }
  }
  if (!layout.partial) {
    const unread = keys.map((k, j) => [j + 1, k] as const).filter(([pos]) => !read.has(pos));
    for (const [pos, key] of unread)
      problems.push(`${name}: the builder gives KEYS[${pos}] = ${key}, which the Lua never reads`);
  }
  return problems;
}

describe("key builders", () => {
  const ks = keyspace("demo", "p");
  const app = { shards: { emails: 8 } };

  it("each script's builder gives the keys its Lua reads, in order, with the types it uses them as", () => {
    const all = layouts(ks);
    const problems = Object.entries(all).flatMap(([name, layout]) =>
      [1, 3].flatMap((n) => layoutProblems(name, layout, n, "default")),
    );
    assert.deepEqual(problems, []);
    const analysed = Object.values(all).flatMap((l) => luaKeyUse(l.files.map(luaText).join("\n")).reads);
    assert.ok(analysed.length >= 60, `the analysis found the scripts' reads (${analysed.length})`);
  });

  it("CLAIM_KEYS in claim.lua is the claim builder's per-queue stride", () => {
    const per = luaConstants(lua["claim.lua"]).get("CLAIM_KEYS")!;
    assert.equal(claimKeys(ks, ["a", "b", "c"]).length - claimKeys(ks, ["a", "b"]).length, per);
  });

  it("revoke's canvas failure keys start right after the builder's own", () => {
    // canvas_fail(cv, id, name, err_json, ttl, kc, now, chan): its sixth argument is the key base.
    const line = lua["revoke.lua"].split("\n").find((l) => !/^\s*--/.test(l) && l.includes("canvas_fail("))!;
    const arg = /canvas_fail\(([^)]*)\)/
      .exec(line.replace(/'[^']*'/g, "''"))![1]
      .split(",")[5]
      .trim();
    const kc = luaConstants(lua["revoke.lua"]).get(arg) ?? Number(arg);
    assert.equal(kc, revokeKeys(ks, "x").length + 1, "canvas_fail's key base in revoke.lua");
    assert.deepEqual(revokeKeys(ks, "x", ["c1", "c2"]).slice(kc - 1), ["c1", "c2"]);
  });

  it("the checker catches a builder that is off: a missing key, a swapped pair, an extra key", () => {
    const base: ScriptLayout = {
      files: ["start-fn.lua", "start.lua"],
      keys: (n, part) => startKeys(ks, claimedOn(part, n)),
    };
    const wrong = (keys: (n: number, part: string) => string[]) =>
      layoutProblems("start", { ...base, keys }, 2, "default");
    assert.deepEqual(layoutProblems("start", base, 2, "default"), []);
    assert.notDeepEqual(
      wrong((n, part) => startKeys(ks, claimedOn(part, n)).slice(1)),
      [],
    );
    assert.notDeepEqual(
      wrong((n, part) => {
        const k = startKeys(ks, claimedOn(part, n));
        [k[2], k[3]] = [k[3], k[2]];
        return k;
      }),
      [],
    );
    assert.notDeepEqual(
      wrong((n, part) => [...startKeys(ks, claimedOn(part, n)), ks.recent]),
      [],
    );
  });

  it("every script call of a sharded queue touches one slot: its shard's, or the app's", () => {
    const parts = expandQueues(app, ["emails"]);
    assert.equal(parts.length, 9, "8 shards and the app-slot part");
    const appSlot = keySlot(ks.recent);
    for (const [name, layout] of Object.entries(layouts(ks))) {
      for (const part of layout.appSlotOnly ? ["emails"] : parts) {
        const slots = new Set(layout.keys(3, part).map(keySlot));
        assert.equal(slots.size, 1, `${name} on ${part}`);
        const expected = layout.appSlotOnly ? appSlot : keySlot(ks.forQueue(part).recent);
        assert.deepEqual([...slots], [expected], `${name} on ${part} is in its shard's slot`);
      }
    }
    const shardSlots = new Set(parts.slice(1).map((p) => keySlot(ks.forQueue(p).recent)));
    assert.equal(shardSlots.size, 8, "the 8 shards are 8 slots");
  });

  it("a finish of a sharded queue touches one slot, and records sit in their queue shard's slot", () => {
    const byShard = new Map<string, Outcome[]>();
    for (let i = 0; i < 64; i++) {
      const route = routeTask(app, "emails", `task-${i}`);
      const outcome: Outcome = { kind: "ok", claimed: claimedOn(route.queue, 1)[0], resultJson: "1" };
      outcome.claimed.id = route.id;
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
      ...Object.values(layouts(ks)).flatMap((l) => l.keys(3, "default")),
      ...finishLayout(ks, [{ kind: "fail", claimed: claimedOn("default", 1)[0], errorJson: "{}" }]).keys,
      ks.workers,
    ];
    assert.deepEqual([...new Set(keys.map(keySlot))], [slot]);
  });
});

describe("canvas steps across slots", () => {
  const app = { ...buildApp("sch"), shards: { default: 3 } };
  const ks = keyspace(app.app, "p");
  // Ids taking the shards in turn, so the plan covers every shard whatever random ids would do.
  const ids = idsOnShards(app, "default", "step", 16);
  const step = (n?: number): CanvasNode => ({
    kind: "task",
    task: "cv.inc",
    args: n === undefined ? undefined : { n },
    options: { taskId: ids.shift() },
  });
  const plan = planCanvas(
    app,
    {
      kind: "chain",
      steps: [
        step(1),
        {
          kind: "chord",
          header: Array.from({ length: 9 }, () => step()),
          callback: { kind: "chain", steps: [step(), step()] },
        },
        step(),
      ],
    },
    { limits: DEFAULT_ARGS_LIMITS, linkError: [{ kind: "task", task: "cv.errback", args: undefined, options: {} }] },
  );
  /** Every envelope of the plan: its roots and everything their canvas records send on. */
  const all: Envelope[] = [];
  const walk = (envs: readonly Envelope[] | undefined) => {
    for (const e of envs ?? []) {
      all.push(e);
      walk(e.cv?.nx);
      walk(e.cv?.ne);
    }
  };
  walk(plan.roots);
  for (const c of plan.chords) walk(c.callback);

  it("the plan's steps sit on every shard, and a chord's record in its callback's slot", () => {
    assert.equal(new Set(all.map((e) => keySlot(ks.task(e.i)))).size, 3);
    for (const c of plan.chords) assert.equal(keySlot(ks.chord(c.id)), keySlot(ks.task(c.callback[0].i)));
  });

  it("each slot's part of what a step's success or failure sets off touches that slot only", () => {
    let crossing = 0;
    for (const e of all) {
      if (!e.cv) continue;
      for (const kind of ["ok", "fail"] as const) {
        const parts = splitEffect(ks, kind, e.cv);
        if (parts.some((p) => p.ks.tag !== ks.forId(e.i).tag || p.relayCallbacks)) crossing++;
        for (const part of parts) {
          const { keys } = partKeys(kind, part);
          const slots = new Set([...keys, part.ks.dead].map(keySlot));
          assert.equal(slots.size, 1, `${kind} part of ${e.n} ${e.i} on ${part.ks.tag}`);
        }
      }
    }
    assert.ok(crossing > 5, `most effects cross slots (${crossing})`);
  });

  it("a finish whose canvas crosses slots declares its own slot's outbox instead of the other slots' keys", () => {
    for (const e of all.filter((x) => x.cv)) {
      const claimed = { id: e.i, queue: e.q, priority: e.p, member: `${e.p}|${e.i}`, token: "t", canvas: e.cv };
      for (const outcome of [
        { kind: "ok", claimed, resultJson: "{}" },
        { kind: "fail", claimed, errorJson: "{}" },
      ] as Outcome[]) {
        const layout = finishLayout(ks, [outcome]);
        assert.equal(new Set(layout.keys.map(keySlot)).size, 1, `${outcome.kind} of ${e.i}`);
      }
    }
  });
});
