import { createRequire } from "node:module";

// fengari reads its configuration from the environment once, when first loaded. Lua 5.1 (Redis)
// prints an integral float as "5", not 5.3's "5.0"; LUA_COMPAT_FLOATSTRING restores that, so that
// `p .. '|' .. id` builds the same member from a number as in Redis.
const saved = process.env.FENGARICONF;
process.env.FENGARICONF = JSON.stringify({ LUA_COMPAT_FLOATSTRING: true });
const loaded = createRequire(import.meta.url)("fengari");
if (saved === undefined) delete process.env.FENGARICONF;
else process.env.FENGARICONF = saved;

/** The fengari Lua VM (Lua 5.3 in JavaScript), configured to print numbers as Lua 5.1 does. */
export const fengari = loaded as { lua: any; lauxlib: any; lualib: any };
