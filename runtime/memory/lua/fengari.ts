import { createRequire } from "node:module";

// fengari reads its configuration from the environment once, when first loaded. Lua 5.1 (Redis)
// prints an integral float as "5", not 5.3's "5.0"; LUA_COMPAT_FLOATSTRING restores that, so that
// `p .. '|' .. id` builds the same member from a number as in Redis.
const saved = process.env.FENGARICONF;
process.env.FENGARICONF = JSON.stringify({ LUA_COMPAT_FLOATSTRING: true });
const require = createRequire(import.meta.url);
const loaded = require("fengari");
// fengari shrinks the Lua stack with `delete`, which turns V8's stack array into a slow dictionary;
// the VM reads these slots only below `top`, so clearing them keeps the same behaviour, faster.
const ldo = require("fengari/src/ldo.js");
const lobject = require("fengari/src/lobject.js");
const LUA_TNIL = require("fengari/src/defs.js").constant_types.LUA_TNIL;
ldo.adjust_top = function adjustTop(L: { top: number; stack: unknown[] }, newtop: number): void {
  if (L.top < newtop) {
    while (L.top < newtop) L.stack[L.top++] = new lobject.TValue(LUA_TNIL, null);
  } else {
    while (L.top > newtop) L.stack[--L.top] = undefined;
  }
};
if (saved === undefined) delete process.env.FENGARICONF;
else process.env.FENGARICONF = saved;

/** The fengari Lua VM (Lua 5.3 in JavaScript), configured to print numbers as Lua 5.1 does. */
export const fengari = loaded as { lua: any; lauxlib: any; lualib: any };
