import { createHash } from "node:crypto";
import { loadFengari } from "./fengari.ts";
import { ReplyError, StatusReply, type Reply } from "../store/reply.ts";
import { bindCjson, openCjson } from "./cjson.ts";
import { formatG14 } from "./number-format.ts";
import { bindValues, jsString, luaString, numberArg, pushErrorTable, pushReply, toReply } from "./values.ts";

let lua: any, lauxlib: any, lualib: any;

/** Binds this module to fengari, loaded on first use (see loadFengari). */
export function bindEngine(): void {
  ({ lua, lauxlib, lualib } = loadFengari());
}

/** Runs one command for a script; `keys` are the script's declared KEYS (for the cluster check). */
export type ScriptCommand = (name: string, args: string[], declared: ReadonlySet<string>) => Reply;

// Redis runs Lua 5.1; fengari is 5.3. This levels the differences celerity's scripts could meet,
// and protects globals the way Redis 7 does (a typo reads as an error, not as nil). Numbers: 5.1
// has only doubles, while fengari's integers are 32 bits and wrap (TIME seconds * 1000 would), so
// every number a script gets from tonumber, math.floor/ceil or a reply is a float. Integer
// literals stay integers: a literal product above 2^31 would wrap (none of celerity's scripts has one).
const PRELUDE = `
unpack = table.unpack
local _tonumber, _floor, _ceil = tonumber, math.floor, math.ceil
tonumber = function(v, base)
  local n = _tonumber(v, base)
  if n then return n + 0.0 end
  return n
end
math.floor = function(x) return _floor(x) + 0.0 end
math.ceil = function(x) return _ceil(x) + 0.0 end
local _tostring, _g14 = tostring, __celerity_g14
__celerity_g14 = nil
tostring = function(v)
  if type(v) == 'number' then return _g14(v) end
  return _tostring(v)
end
os, io, package, require, dofile, loadfile, utf8 = nil, nil, nil, nil, nil, nil, nil
setmetatable(_G, {
  __index = function(_, k) error("Script attempted to access nonexistent global variable '" .. _tostring(k) .. "'", 2) end,
  __newindex = function() error("Attempt to modify a readonly table", 2) end,
})
`;

/**
 * One Lua VM holding every loaded script, like Redis's: scripts are compiled once (SCRIPT LOAD /
 * EVAL) and called by SHA1. `redis.call` raises on an error reply, `redis.pcall` returns it as
 * `{ err = ... }`; values cross with Redis's conversion rules (see values.ts).
 */
export class LuaEngine {
  readonly #L: unknown;
  readonly #refs = new Map<string, number>();
  readonly #exec: ScriptCommand;
  #declared: ReadonlySet<string> = new Set();
  #sha = "";

  constructor(exec: ScriptCommand) {
    bindEngine();
    bindValues();
    bindCjson();
    this.#exec = exec;
    const L = lauxlib.luaL_newstate();
    this.#L = L;
    lualib.luaL_openlibs(L);
    openCjson(L);
    this.#openRedis(L);
    // Lua 5.1 prints numbers with %.14g (fengari's string.format does not switch to exponents).
    lua.lua_pushjsfunction(L, (L2: unknown) => {
      lua.lua_pushstring(L2, luaString(formatG14(lua.lua_tonumber(L2, 1))));
      return 1;
    });
    lua.lua_setglobal(L, luaString("__celerity_g14"));
    if (lauxlib.luaL_dostring(L, luaString(PRELUDE)) !== lua.LUA_OK)
      throw new Error(`Lua prelude failed: ${jsString(lua.lua_tolstring(L, -1))}`);
  }

  #openRedis(L: unknown): void {
    const fn = (name: string, f: (L: unknown) => number) => {
      lua.lua_pushjsfunction(L, f);
      lua.lua_setfield(L, -2, luaString(name));
    };
    lua.lua_createtable(L, 0, 12);
    fn("call", (L2) => this.#call(L2, true));
    fn("pcall", (L2) => this.#call(L2, false));
    fn("sha1hex", (L2) => {
      const s =
        lua.lua_type(L2, 1) === lua.LUA_TSTRING || lua.lua_type(L2, 1) === lua.LUA_TNUMBER
          ? lua.lua_tolstring(L2, 1)
          : luaString("");
      lua.lua_pushstring(L2, luaString(createHash("sha1").update(s).digest("hex")));
      return 1;
    });
    fn("error_reply", (L2) => {
      pushErrorTable(L2, jsString(lauxlib.luaL_checklstring(L2, 1)));
      return 1;
    });
    fn("status_reply", (L2) => {
      pushReply(L2, new StatusReply(jsString(lauxlib.luaL_checklstring(L2, 1))));
      return 1;
    });
    fn("log", () => 0);
    fn("setresp", () => 0);
    fn("replicate_commands", (L2) => (lua.lua_pushboolean(L2, true), 1));
    fn("set_repl", () => 0);
    for (const [k, v] of [
      ["LOG_DEBUG", 0],
      ["LOG_VERBOSE", 1],
      ["LOG_NOTICE", 2],
      ["LOG_WARNING", 3],
      ["REPL_ALL", 3],
    ] as const) {
      lua.lua_pushinteger(L, v);
      lua.lua_setfield(L, -2, luaString(k));
    }
    lua.lua_setglobal(L, luaString("redis"));
  }

  #call(L: unknown, raise: boolean): number {
    const n = lua.lua_gettop(L);
    if (n === 0) return this.#fail(L, raise, "ERR Please specify at least one argument for this redis lib call");
    const args: string[] = [];
    for (let i = 1; i <= n; i++) {
      const t = lua.lua_type(L, i);
      if (t === lua.LUA_TSTRING) args.push(jsString(lua.lua_tolstring(L, i)));
      else if (t === lua.LUA_TNUMBER) args.push(numberArg(lua.lua_tonumber(L, i)));
      else return this.#fail(L, raise, "ERR Lua redis lib command arguments must be strings or integers");
    }
    let reply: Reply;
    try {
      reply = this.#exec(args[0]!, args.slice(1), this.#declared);
    } catch (error) {
      if (!(error instanceof ReplyError)) throw error;
      return this.#fail(L, raise, error.message);
    }
    pushReply(L, reply);
    return 1;
  }

  // Redis 7 raises the error text itself (a string, as pcall shows); redis.pcall returns { err }.
  #fail(L: unknown, raise: boolean, message: string): number {
    if (raise) {
      lua.lua_pushstring(L, luaString(message));
      lua.lua_error(L);
    }
    pushErrorTable(L, message);
    return 1;
  }

  /** Compiles a script (SCRIPT LOAD); returns its SHA1. Syntax errors are error replies. */
  load(source: string): string {
    const sha = createHash("sha1").update(source).digest("hex");
    if (this.#refs.has(sha)) return sha;
    const L = this.#L;
    if (lauxlib.luaL_loadbuffer(L, luaString(source), null, luaString(`@user_script`)) !== lua.LUA_OK) {
      const msg = jsString(lua.lua_tolstring(L, -1));
      lua.lua_pop(L, 1);
      throw new ReplyError(`ERR Error compiling script (new function): ${msg}`);
    }
    this.#refs.set(sha, lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX));
    return sha;
  }

  has(sha: string): boolean {
    return this.#refs.has(sha.toLowerCase());
  }

  flush(): void {
    for (const ref of this.#refs.values()) lauxlib.luaL_unref(this.#L, lua.LUA_REGISTRYINDEX, ref);
    this.#refs.clear();
  }

  /** Runs a loaded script to completion (atomic: nothing else runs meanwhile). */
  run(sha: string, keys: readonly string[], argv: readonly string[]): Reply {
    const ref = this.#refs.get(sha.toLowerCase());
    if (ref === undefined) throw new ReplyError("NOSCRIPT No matching script. Please use EVAL.");
    const L = this.#L;
    const top = lua.lua_gettop(L);
    this.#setArray(L, "KEYS", keys);
    this.#setArray(L, "ARGV", argv);
    this.#declared = new Set(keys);
    this.#sha = sha;
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
    try {
      const status = lua.lua_pcall(L, 0, 1, 0);
      if (status !== lua.LUA_OK) throw this.#scriptError(L);
      return toReply(L, -1);
    } finally {
      lua.lua_settop(L, top);
    }
  }

  #scriptError(L: unknown): ReplyError {
    let message: string;
    if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
      lua.lua_getfield(L, -1, luaString("err"));
      message = lua.lua_type(L, -1) === lua.LUA_TSTRING ? jsString(lua.lua_tolstring(L, -1)) : "ERR unknown error";
      lua.lua_pop(L, 1);
      return new ReplyError(`${message} script: ${this.#sha}`);
    }
    message = lua.lua_type(L, -1) === lua.LUA_TSTRING ? jsString(lua.lua_tolstring(L, -1)) : "unknown error";
    // An error reply raised by redis.call keeps its code (WRONGTYPE ...); a Lua error becomes ERR.
    const coded = /^[A-Z]+ /.test(message);
    return new ReplyError(`${coded ? "" : "ERR "}${message} script: ${this.#sha}, on @user_script.`);
  }

  #setArray(L: unknown, name: string, values: readonly string[]): void {
    lua.lua_pushglobaltable(L);
    lua.lua_pushstring(L, luaString(name));
    lua.lua_createtable(L, values.length, 0);
    for (let i = 0; i < values.length; i++) {
      lua.lua_pushstring(L, luaString(values[i]!));
      lua.lua_rawseti(L, -2, i + 1);
    }
    lua.lua_rawset(L, -3);
    lua.lua_pop(L, 1);
  }
}
