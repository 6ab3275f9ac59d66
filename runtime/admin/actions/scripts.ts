import { readFileSync } from "node:fs";
import { LuaScript } from "../../broker/lua-script.ts";
import { enqueueLua } from "../../broker/scripts.ts";

const read = (file: string): string => readFileSync(new URL(`../../broker/lua/${file}`, import.meta.url), "utf8");

/** The admin's own broker scripts; requeue reuses the broker's `index_and_wake` so a worker wakes at once. */
export const adminScripts = {
  requeue: new LuaScript("adminRequeue", enqueueLua + read("admin-requeue.lua")),
  purge: new LuaScript("adminPurge", read("admin-purge.lua")),
} as const;
