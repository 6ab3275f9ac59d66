import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { WATCH_ENV, type ChildMessage, type ParentMessage } from "./messages.ts";

/** How to start one system's worker child. */
export interface WorkerCommand {
  /** A .ts entry file, run with `node --import tsx`. */
  entry: string;
  args: string[];
  env?: Record<string, string>;
}

export interface SpawnOptions {
  /** Handled-task counts the child announces (with its RSS) as it passes them. */
  watch?: readonly number[];
  /** Extra node flags, e.g. `--cpu-prof` (BENCH_NODE_ARGS adds more for profiling sessions). */
  nodeArgs?: readonly string[];
}

type CountMessage = Extract<ChildMessage, { type: "count" }>;
type StatusMessage = Extract<ChildMessage, { type: "status" }>;

const STDERR_KEEP = 40;

/** A worker child process seen from the orchestrator: spawn, wait for counts, ask, stop. */
export class WorkerProcess {
  readonly #child: ChildProcess;
  readonly #counts = new Map<number, CountMessage>();
  readonly #countWaiters = new Map<number, (m: CountMessage) => void>();
  readonly #replies: ((m: ChildMessage) => void)[] = [];
  readonly #stderr: string[] = [];
  readonly ready: Promise<number>;
  readonly #exited: Promise<number | null>;

  constructor(command: WorkerCommand, options: SpawnOptions = {}) {
    const extra = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
    this.#child = spawn(
      process.execPath,
      [...(options.nodeArgs ?? []), ...extra, "--import", "tsx", command.entry, ...command.args],
      {
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        env: { ...process.env, ...command.env, [WATCH_ENV]: (options.watch ?? []).join(",") },
      },
    );
    this.#child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.trim()) this.#stderr.push(line);
      this.#stderr.splice(0, Math.max(0, this.#stderr.length - STDERR_KEEP));
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    });
    this.#exited = once(this.#child, "exit").then(([code]) => code as number | null);
    this.ready = new Promise<number>((resolve, reject) => {
      this.#child.on("message", (m: ChildMessage) => {
        if (m.type === "ready") resolve(m.at);
        else if (m.type === "count") {
          this.#counts.set(m.count, m);
          this.#countWaiters.get(m.count)?.(m);
        } else this.#replies.shift()?.(m);
      });
      void this.#exited.then((code) =>
        reject(new Error(`worker exited (${code}) before it was ready:\n${this.stderrTail()}`)),
      );
    });
    this.ready.catch(() => {});
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Resolves when the child has handled `count` tasks (a count given in `watch`). */
  handled(count: number, timeoutMs: number): Promise<CountMessage> {
    const seen = this.#counts.get(count);
    if (seen) return Promise.resolve(seen);
    return this.#withExit(
      new Promise<CountMessage>((resolve) => this.#countWaiters.set(count, resolve)),
      timeoutMs,
      `${count} tasks handled`,
    );
  }

  /** The child's handled count and memory right now. */
  status(): Promise<StatusMessage> {
    return this.#ask({ type: "status" }) as Promise<StatusMessage>;
  }

  /** Latency samples recorded since the last call (the child's buffer is reset). */
  async latencies(): Promise<number[]> {
    const m = await this.#ask({ type: "latencies" });
    return m.type === "latencies" ? m.values : [];
  }

  /** Warm shutdown by SIGTERM; SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    this.#child.kill("SIGTERM");
    const timer = setTimeout(() => this.#child.kill("SIGKILL"), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }

  stderrTail(): string {
    return this.#stderr.join("\n");
  }

  #ask(message: ParentMessage): Promise<ChildMessage> {
    const reply = new Promise<ChildMessage>((resolve) => this.#replies.push(resolve));
    this.#child.send(message);
    return this.#withExit(reply, 10_000, `reply to ${message.type}`);
  }

  #withExit<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const failed = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.stderrTail()}`)),
        timeoutMs,
      );
      void this.#exited.then((code) =>
        reject(new Error(`worker exited (${code}) while waiting for ${what}:\n${this.stderrTail()}`)),
      );
    });
    return Promise.race([promise, failed]).finally(() => clearTimeout(timer));
  }
}
