// cjson for scripts, bridged to JS JSON with lua-cjson's conventions as Redis ships it: empty
// tables encode as {}, tables with only positive integer keys as arrays, numbers with %.14g, "/"
// escaped, JSON null decodes to cjson.null.
import { loadFengari } from "./fengari.ts";
import { formatG14 } from "./number-format.ts";
import { jsString, luaString } from "./values.ts";

let lua: any, lauxlib: any;

/** Binds this module to fengari, loaded on first use (see loadFengari). */
export function bindCjson(): void {
  ({ lua, lauxlib } = loadFengari());
}

/** The lightuserdata that stands for JSON null. */
const NULL = { cjsonNull: true };
const MAX_DEPTH = 1000;

function encodeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "/") out += "\\/";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c < 32 || c === 127) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

function encodeValue(L: unknown, idx: number, depth: number): string {
  const abs = lua.lua_absindex(L, idx);
  switch (lua.lua_type(L, abs)) {
    case lua.LUA_TNIL:
      return "null";
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, abs) ? "true" : "false";
    case lua.LUA_TNUMBER: {
      const n = lua.lua_tonumber(L, abs);
      if (!Number.isFinite(n)) lauxlib.luaL_error(L, luaString("Cannot serialise number: must not be NaN or Inf"));
      return formatG14(n);
    }
    case lua.LUA_TSTRING:
      return encodeString(jsString(lua.lua_tolstring(L, abs)));
    case lua.LUA_TLIGHTUSERDATA:
      if (lua.lua_touserdata(L, abs) === NULL) return "null";
      break;
    case lua.LUA_TTABLE:
      return encodeTable(L, abs, depth + 1);
  }
  lauxlib.luaL_error(
    L,
    luaString(`Cannot serialise ${jsString(lua.lua_typename(L, lua.lua_type(L, abs)))}: type not supported`),
  );
  return "";
}

function encodeTable(L: unknown, abs: number, depth: number): string {
  if (depth > MAX_DEPTH) lauxlib.luaL_error(L, luaString("Cannot serialise, excessive nesting (1001)"));
  // Each level holds a key and a value on the stack; a JS function starts with only LUA_MINSTACK
  // (20) slots, so a nesting deeper than ~10 (a canvas record of an 8-step chain) needs more.
  lauxlib.luaL_checkstack(L, 3, luaString("cjson.encode: nesting too deep"));
  // An array when every key is a positive integer (lua-cjson, not too sparse).
  let max = 0;
  let items = 0;
  let isArray = true;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, abs) !== 0) {
    items++;
    if (isArray && lua.lua_type(L, -2) === lua.LUA_TNUMBER) {
      const k = lua.lua_tonumber(L, -2);
      if (Number.isInteger(k) && k >= 1) max = Math.max(max, k);
      else isArray = false;
    } else isArray = false;
    lua.lua_pop(L, 1);
  }
  if (items > 0 && isArray) {
    if (max > 10 && max > items * 2)
      lauxlib.luaL_error(L, luaString("Cannot serialise table: excessively sparse array"));
    const parts: string[] = [];
    for (let i = 1; i <= max; i++) {
      lua.lua_rawgeti(L, abs, i);
      parts.push(encodeValue(L, -1, depth));
      lua.lua_pop(L, 1);
    }
    return `[${parts.join(",")}]`;
  }
  const parts: string[] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, abs) !== 0) {
    const kt = lua.lua_type(L, -2);
    let key: string;
    if (kt === lua.LUA_TSTRING) key = jsString(lua.lua_tolstring(L, -2));
    else if (kt === lua.LUA_TNUMBER) key = formatG14(lua.lua_tonumber(L, -2));
    else {
      lauxlib.luaL_error(L, luaString("Cannot serialise table: table key must be a number or string"));
      key = "";
    }
    parts.push(`${encodeString(key)}:${encodeValue(L, -1, depth)}`);
    lua.lua_pop(L, 1);
  }
  return `{${parts.join(",")}}`;
}

function pushJson(L: unknown, v: unknown): void {
  // Two slots per level (a key and its table), as in encodeTable.
  lauxlib.luaL_checkstack(L, 3, luaString("cjson.decode: nesting too deep"));
  if (v === null) lua.lua_pushlightuserdata(L, NULL);
  else if (typeof v === "boolean") lua.lua_pushboolean(L, v);
  else if (typeof v === "number") lua.lua_pushnumber(L, v);
  else if (typeof v === "string") lua.lua_pushstring(L, luaString(v));
  else if (Array.isArray(v)) {
    lua.lua_createtable(L, v.length, 0);
    v.forEach((item, i) => {
      pushJson(L, item);
      lua.lua_rawseti(L, -2, i + 1);
    });
  } else {
    const entries = Object.entries(v as Record<string, unknown>);
    lua.lua_createtable(L, 0, entries.length);
    for (const [k, item] of entries) {
      lua.lua_pushstring(L, luaString(k));
      pushJson(L, item);
      lua.lua_rawset(L, -3);
    }
  }
}

/** Installs the global `cjson` table (encode, decode, null). */
export function openCjson(L: unknown): void {
  lua.lua_createtable(L, 0, 3);
  lua.lua_pushjsfunction(L, (L2: unknown) => {
    if (lua.lua_gettop(L2) !== 1)
      lauxlib.luaL_error(L2, luaString("bad argument #1 to 'encode' (expected 1 argument)"));
    lua.lua_pushstring(L2, luaString(encodeValue(L2, 1, 0)));
    return 1;
  });
  lua.lua_setfield(L, -2, luaString("encode"));
  lua.lua_pushjsfunction(L, (L2: unknown) => {
    const text = lua.lua_type(L2, 1) === lua.LUA_TSTRING ? jsString(lua.lua_tolstring(L2, 1)) : null;
    if (text === null) lauxlib.luaL_error(L2, luaString("bad argument #1 to 'decode' (string expected)"));
    let value: unknown;
    try {
      value = JSON.parse(text!);
    } catch (error) {
      lauxlib.luaL_error(L2, luaString(`Expected value but found invalid token (${(error as Error).message})`));
    }
    pushJson(L2, value);
    return 1;
  });
  lua.lua_setfield(L, -2, luaString("decode"));
  lua.lua_pushlightuserdata(L, NULL);
  lua.lua_setfield(L, -2, luaString("null"));
  lua.lua_setglobal(L, luaString("cjson"));
}
