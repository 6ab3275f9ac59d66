import type { LuaScript } from "../../runtime/broker/lua-script.ts";

/**
 * Counts the calls of one broker script made in this process, on any backend (the memory broker's
 * connection is not an ioredis one, so command counters do not see it), and keeps each reply: the
 * script still runs. `stop()` puts the script back.
 */
export class ScriptRuns {
  readonly replies: unknown[] = [];
  readonly #script: LuaScript;
  readonly #run: LuaScript["run"];

  constructor(script: LuaScript) {
    this.#script = script;
    const run = script.run;
    this.#run = run;
    const replies = this.replies;
    script.run = function (this: LuaScript, ...args: Parameters<LuaScript["run"]>) {
      return run.apply(this, args).then((reply) => {
        replies.push(reply);
        return reply;
      });
    };
  }

  get count(): number {
    return this.replies.length;
  }

  stop(): void {
    this.#script.run = this.#run;
  }
}
