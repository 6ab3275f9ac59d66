import { readFileSync } from "node:fs";
import { LuaScript } from "../broker/lua-script.ts";
import { enqueueLua, ensureTypeLua } from "../broker/scripts.ts";

const read = (file: string): string => readFileSync(new URL(`./lua/${file}`, import.meta.url), "utf8");

const runFns = enqueueLua + read("record-run.lua");

/** The beat's Lua scripts; firing and run-now compose the broker's `enqueue_one`. */
export const beatScripts = {
  fire: new LuaScript("beatFire", runFns + read("fire.lua")),
  runNow: new LuaScript("beatRunNow", runFns + read("run-now.lua")),
  put: new LuaScript("beatPut", ensureTypeLua + read("put.lua")),
  setEnabled: new LuaScript("beatSetEnabled", read("set-enabled.lua")),
  remove: new LuaScript("beatRemove", ensureTypeLua + read("remove.lua")),
  renewLock: new LuaScript("beatRenewLock", read("lock-renew.lua")),
  releaseLock: new LuaScript("beatReleaseLock", read("lock-release.lua")),
} as const;
