// Conversions between Lua values on a fengari stack and Redis replies, with Redis's rules.
import { loadFengari } from "./fengari.ts";
import { ReplyError, StatusReply, type Reply } from "../store/reply.ts";

let lua: any;

/** Binds this module to fengari, loaded on first use (see loadFengari). */
export function bindValues(): void {
  ({ lua } = loadFengari());
}

/** A Lua string (bytes) as a JS string; UTF-8, like everything celerity stores. */
export function jsString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
}

/** A JS string as Lua string bytes. */
export function luaString(s: string): Uint8Array {
  return Buffer.from(s, "utf8");
}

/**
 * Pushes a command's reply as Redis hands it to a script: integer -> number, bulk -> string,
 * nil -> false, array -> table (nil elements -> false), status -> { ok = ... }.
 */
export function pushReply(L: unknown, reply: Reply): void {
  if (reply === null) lua.lua_pushboolean(L, false);
  // A float, not a 5.3 integer: Lua 5.1 has only doubles, and fengari's integers are 32 bits wide.
  else if (typeof reply === "number") lua.lua_pushnumber(L, reply);
  else if (typeof reply === "string") lua.lua_pushstring(L, luaString(reply));
  else if (reply instanceof StatusReply) {
    lua.lua_createtable(L, 0, 1);
    lua.lua_pushstring(L, luaString(reply.status));
    lua.lua_setfield(L, -2, luaString("ok"));
  } else {
    lua.lua_createtable(L, reply.length, 0);
    for (let i = 0; i < reply.length; i++) {
      pushReply(L, reply[i]!);
      lua.lua_rawseti(L, -2, i + 1);
    }
  }
}

/** Pushes `{ err = message }`, the form of an error reply inside Lua. */
export function pushErrorTable(L: unknown, message: string): void {
  lua.lua_createtable(L, 0, 1);
  lua.lua_pushstring(L, luaString(message));
  lua.lua_setfield(L, -2, luaString("err"));
}

/** The string field `name` of the table at `idx`, or undefined. */
function stringField(L: unknown, idx: number, name: string): string | undefined {
  lua.lua_getfield(L, idx, luaString(name));
  const s = lua.lua_type(L, -1) === lua.LUA_TSTRING ? jsString(lua.lua_tolstring(L, -1)) : undefined;
  lua.lua_pop(L, 1);
  return s;
}

/**
 * The Lua value at `idx` as a reply, as Redis converts a script's return value: number -> integer
 * (truncated), string -> bulk, true -> 1, false/nil -> nil, { err } -> error, { ok } -> status,
 * other tables -> arrays up to the first nil.
 */
export function toReply(L: unknown, idx: number): Reply {
  const abs = lua.lua_absindex(L, idx);
  switch (lua.lua_type(L, abs)) {
    case lua.LUA_TNUMBER:
      return Math.trunc(lua.lua_tonumber(L, abs));
    case lua.LUA_TSTRING:
      return jsString(lua.lua_tolstring(L, abs));
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, abs) ? 1 : null;
    case lua.LUA_TTABLE: {
      const err = stringField(L, abs, "err");
      if (err !== undefined) throw new ReplyError(err);
      const ok = stringField(L, abs, "ok");
      if (ok !== undefined) return new StatusReply(ok);
      const out: Reply[] = [];
      for (let i = 1; ; i++) {
        lua.lua_rawgeti(L, abs, i);
        if (lua.lua_type(L, -1) === lua.LUA_TNIL) {
          lua.lua_pop(L, 1);
          break;
        }
        out.push(toReply(L, -1));
        lua.lua_pop(L, 1);
      }
      return out;
    }
    default:
      return null;
  }
}

/** A number as Redis turns a Lua number argument into a command argument. */
export function numberArg(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(n);
}
