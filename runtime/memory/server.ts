import { hashCommands } from "./commands/hashes.ts";
import { keyCommands } from "./commands/keys.ts";
import { listCommands } from "./commands/lists.ts";
import { setCommands } from "./commands/sets.ts";
import { stringCommands } from "./commands/strings.ts";
import { zsetCommands } from "./commands/zsets.ts";
import { LuaEngine } from "./lua/engine.ts";
import { parseInteger, ReplyError, StatusReply, wrongArgs, type Reply } from "./store/reply.ts";
import { Keyspace, type Clock, type CommandSpec } from "./store/store.ts";

/** Options of an in-memory Redis. */
export interface MemoryServerOptions {
  /** The clock TIME, TTLs and expiry read; `Date.now` unless a test drives time. */
  clock?: Clock;
}

/**
 * An in-memory Redis: the data commands celerity's scripts and TypeScript use, Lua scripting with
 * the same scripts (run in fengari), pub/sub and TIME from an injectable clock. Commands run
 * synchronously to completion, so every command and every script is atomic, as in Redis.
 */
export class MemoryServer {
  readonly keyspace: Keyspace;
  readonly #commands: Record<string, CommandSpec>;
  #lua: LuaEngine | null = null;
  #nextClientId = 1;

  constructor(options: MemoryServerOptions = {}) {
    this.keyspace = new Keyspace(options.clock ?? { now: Date.now });
    this.#commands = {
      ...stringCommands,
      ...hashCommands,
      ...listCommands,
      ...setCommands,
      ...zsetCommands,
      ...keyCommands,
      ...this.#serverCommands(),
    };
  }

  get clock(): Clock {
    return this.keyspace.clock;
  }

  /** A new connection id (CLIENT ID). */
  nextClientId(): number {
    return this.#nextClientId++;
  }

  get #engine(): LuaEngine {
    this.#lua ??= new LuaEngine((name, args, declared) => this.#inScript(name, args, declared));
    return this.#lua;
  }

  /** Runs one command from a client; throws ReplyError for error replies. */
  command(name: string, args: string[]): Reply {
    try {
      return this.#run(name, args);
    } finally {
      this.keyspace.afterCommand();
    }
  }

  #spec(name: string, args: string[]): CommandSpec {
    const spec = this.#commands[name.toUpperCase()];
    if (!spec)
      throw new ReplyError(
        `ERR unknown command '${name}', with args beginning with: ${args
          .slice(0, 3)
          .map((a) => `'${a}'`)
          .join(" ")}`,
      );
    if (args.length < spec.arity) throw wrongArgs(name);
    return spec;
  }

  #run(name: string, args: string[]): Reply {
    return this.#spec(name, args).run(this.keyspace, args);
  }

  // Redis Cluster refuses a script's access to a key it did not declare; standalone Redis lets it
  // pass and the bug shows only in production. The memory broker refuses it everywhere.
  #inScript(name: string, args: string[], declared: ReadonlySet<string>): Reply {
    const upper = name.toUpperCase();
    if (NOT_IN_SCRIPTS.has(upper)) throw new ReplyError(`ERR This Redis command is not allowed from script`);
    if (!this.#commands[upper]) throw new ReplyError("ERR Unknown Redis command called from script");
    const spec = this.#spec(name, args);
    const keys =
      typeof spec.keys === "function"
        ? spec.keys(args)
        : spec.keys === "all"
          ? args
          : spec.keys === "first"
            ? args.slice(0, 1)
            : [];
    for (const k of keys) {
      if (!declared.has(k))
        throw new ReplyError(`ERR script accessed key '${k}' not declared in KEYS (Redis Cluster would refuse it)`);
    }
    return spec.run(this.keyspace, args);
  }

  #serverCommands(): Record<string, CommandSpec> {
    const ks = this.keyspace;
    return {
      PING: { arity: 0, keys: "none", run: (_k, [msg]) => (msg === undefined ? new StatusReply("PONG") : msg) },
      ECHO: { arity: 1, keys: "none", run: (_k, [msg]) => msg! },
      TIME: {
        arity: 0,
        keys: "none",
        run: () => {
          const ms = ks.clock.now();
          const seconds = Math.floor(ms / 1000);
          return [String(seconds), String(Math.floor((ms - seconds * 1000) * 1000))];
        },
      },
      PUBLISH: { arity: 2, keys: "none", run: (_k, [channel, message]) => ks.publish(channel!, message!) },
      INFO: {
        arity: 0,
        keys: "none",
        run: () =>
          [
            "# Server",
            "redis_version:7.2.0",
            "redis_mode:standalone",
            "celerity_memory_broker:1",
            "",
            "# Keyspace",
            `db0:keys=${ks.size},expires=0`,
            "",
          ].join("\r\n"),
      },
      CONFIG: {
        arity: 1,
        keys: "none",
        run: (_k, [sub, param]) => {
          if (sub!.toUpperCase() !== "GET")
            throw new ReplyError("ERR the memory broker's configuration is fixed (CONFIG GET only)");
          const known: Record<string, string> = {
            maxmemory: "0",
            "maxmemory-policy": "noeviction",
            hz: "10",
            appendonly: "no",
            save: "",
          };
          const re = new RegExp(`^${(param ?? "").replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
          return Object.entries(known)
            .filter(([k]) => re.test(k))
            .flat();
        },
      },
      SELECT: {
        arity: 1,
        keys: "none",
        run: (_k, [db]) => {
          if (parseInteger(db!) !== 0) throw new ReplyError("ERR the memory broker has one database (0)");
          return new StatusReply("OK");
        },
      },
      SCRIPT: {
        arity: 1,
        keys: "none",
        run: (_k, [sub, ...rest]) => {
          const s = sub!.toUpperCase();
          if (s === "LOAD") return this.#engine.load(rest[0] ?? "");
          if (s === "EXISTS") return rest.map((sha) => (this.#engine.has(sha) ? 1 : 0));
          if (s === "FLUSH") return (this.#engine.flush(), new StatusReply("OK"));
          throw new ReplyError(`ERR unknown subcommand '${sub}' of SCRIPT`);
        },
      },
      EVAL: {
        arity: 2,
        keys: "none",
        run: (_k, [source, ...rest]) => this.#evalArgs(this.#engine.load(source!), rest),
      },
      EVALSHA: { arity: 2, keys: "none", run: (_k, [sha, ...rest]) => this.#evalArgs(sha!, rest) },
    };
  }

  #evalArgs(sha: string, rest: string[]): Reply {
    const n = parseInteger(rest[0]!);
    if (n < 0 || n > rest.length - 1) throw new ReplyError("ERR Number of keys can't be greater than number of args");
    return this.#engine.run(sha, rest.slice(1, 1 + n), rest.slice(1 + n));
  }
}

const NOT_IN_SCRIPTS = new Set(["EVAL", "EVALSHA", "SCRIPT", "SELECT", "BLPOP", "SUBSCRIBE"]);
