import { readFileSync } from "node:fs";
import { LuaScript } from "./lua-script.ts";

const read = (file: string): string => readFileSync(new URL(`./lua/${file}`, import.meta.url), "utf8");

/** Lua of `ensure_type`, for scripts that write into structures they have not read (beat's too). */
export const ensureTypeLua = read("ensure-type.lua");
const lib = ensureTypeLua + read("lib.lua");
/** Lua of `enqueue_one` and `index_and_wake`, for scripts that enqueue as part of a larger change (beat). */
export const enqueueLua = lib + read("enqueue-fn.lua");
const startFn = read("start-fn.lua");
const claimFn = startFn + read("claim.lua");
const canvasFn = read("enqueue-fn.lua") + read("canvas.lua");
const finishFn = canvasFn + read("finish.lua");

/** Every script of the broker, composed from the shared library and its entry file. */
export const scripts = {
  // Needs none of the shared library: the script every enqueue runs defines only what it calls.
  enqueue: new LuaScript("enqueue", read("enqueue-fn.lua") + read("enqueue.lua")),
  claim: new LuaScript("claim", lib + claimFn + read("claim-entry.lua")),
  start: new LuaScript("start", lib + startFn + read("start.lua")),
  finish: new LuaScript("finish", lib + finishFn + read("finish-entry.lua")),
  finishClaim: new LuaScript("finishClaim", lib + claimFn + finishFn + read("finish-claim-entry.lua")),
  canvasSend: new LuaScript("canvasSend", lib + canvasFn + read("canvas-send.lua")),
  canvasAbort: new LuaScript("canvasAbort", lib + canvasFn + read("canvas-abort.lua")),
  canvasApply: new LuaScript("canvasApply", lib + canvasFn + read("canvas-apply.lua")),
  canvasOutbox: new LuaScript("canvasOutbox", lib + read("canvas-outbox.lua")),
  revoke: new LuaScript("revoke", lib + canvasFn + read("revoke.lua")),
  rateLimit: new LuaScript("rateLimit", lib + read("rate-limit.lua")),
  progress: new LuaScript("progress", read("progress.lua")),
  renew: new LuaScript("renew", lib + read("renew.lua")),
} as const;
