import { createRequire } from "node:module";

/** The parts of fengari (Lua 5.3 in JavaScript) the memory broker uses; untyped upstream. */
export interface Fengari {
  lua: any;
  lauxlib: any;
  lualib: any;
}

let loaded: Fengari | null = null;

/**
 * Loads fengari on first use (most processes never run the memory broker, and loading it costs
 * tens of ms), configured to behave like Redis's Lua 5.1 where celerity's scripts can tell.
 */
export function loadFengari(): Fengari {
  if (loaded) return loaded;
  // fengari reads its configuration from the environment once, when first loaded. Lua 5.1 (Redis)
  // prints an integral float as "5", not 5.3's "5.0"; LUA_COMPAT_FLOATSTRING restores that, so that
  // `p .. '|' .. id` builds the same member from a number as in Redis.
  const saved = process.env.FENGARICONF;
  process.env.FENGARICONF = JSON.stringify({ LUA_COMPAT_FLOATSTRING: true });
  try {
    const require = createRequire(import.meta.url);
    loaded = require("fengari") as Fengari;
    // fengari shrinks the Lua stack with `delete`, which turns V8's stack array into a slow
    // dictionary; the VM reads these slots only below `top`, so clearing them behaves the same, faster.
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
  } finally {
    if (saved === undefined) delete process.env.FENGARICONF;
    else process.env.FENGARICONF = saved;
  }
  return loaded!;
}
