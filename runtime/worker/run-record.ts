import type { RedisClient } from "../config/connect.ts";
import type { Outcome } from "../broker/finish.ts";
import { takeRateToken } from "../broker/rate-limit.ts";
import type { StartedRecord } from "../broker/start.ts";
import { describeViolations } from "../errors/task-arguments-error.ts";
import { TimeLimitExceeded } from "../errors/time-limit-exceeded-error.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import type { Logger } from "../log/logger.ts";
import type { AppSpec, RateLimitSpec, TaskSpec } from "../spec/types.ts";
import type { Handler } from "../task/types.ts";
import { createContext } from "./context.ts";
import { decideFailure } from "./decide-failure.ts";
import { LazyAbort } from "./lazy-abort.ts";
import type { TimerSource } from "./options.ts";

/** What running one record needs from its worker. */
export interface RunEnv {
  app: AppSpec;
  dispatch: Readonly<Record<string, Handler<any, any>>>;
  redis: RedisClient;
  ks: Keyspace;
  log: Logger;
  timeLimitGraceMs: number;
  /** Where the time-limit timers are set. */
  timers: TimerSource;
  /** Records an outcome that does not end the run (the early ack of acks_late=false). */
  emit(outcome: Outcome): void;
  /** The task's rate limit now: a run-time override, else the manifest's. */
  rateLimitOf?(spec: TaskSpec): RateLimitSpec | null;
}

/** A run in progress: abort it (revoke, cold shutdown) or wait for its outcome. */
export interface RunHandle {
  controller: LazyAbort;
  outcome: Promise<Outcome>;
}

const failWith = (rec: StartedRecord, name: string, message: string): Outcome => ({
  kind: "fail",
  claimed: rec.claimed,
  errorJson: JSON.stringify({ name, message, chain: [name] }),
});

/**
 * Runs one started record to its outcome. Messages are untrusted: the name must be a known task,
 * the args must parse and pass the task's schema, else the outcome dead-letters it with the reason.
 */
export function runRecord(rec: StartedRecord, env: RunEnv): RunHandle {
  const controller = new LazyAbort();
  return { controller, outcome: execute(rec, env, controller) };
}

async function execute(rec: StartedRecord, env: RunEnv, controller: LazyAbort): Promise<Outcome> {
  const spec = Object.hasOwn(env.app.tasks, rec.name) ? env.app.tasks[rec.name] : undefined;
  const handler = spec && Object.hasOwn(env.dispatch, rec.name) ? env.dispatch[rec.name] : undefined;
  if (rec.canvasError !== null) return failWith(rec, "CanvasRecordError", `garbage canvas record: ${rec.canvasError}`);
  if (!spec || !handler)
    return failWith(
      rec,
      "UnknownTaskError",
      `no task named ${JSON.stringify(rec.name.slice(0, 200))} in app ${env.app.app}`,
    );
  let args: unknown;
  try {
    args = JSON.parse(rec.argsJson);
  } catch (error) {
    return failWith(rec, "MessageDecodeError", `args are not valid JSON: ${(error as Error).message}`);
  }
  if (!spec.validateArgs(args)) {
    const list = describeViolations(spec.validateArgs.errors)
      .map((v) => `${v.path} ${v.message}`)
      .join("; ");
    return failWith(rec, "TaskArgumentsError", `args do not match the schema of ${spec.name}: ${list}`);
  }
  const rateLimit = env.rateLimitOf ? env.rateLimitOf(spec) : spec.rateLimit;
  if (rateLimit) {
    const waitMs = await takeRateToken(env, spec.name, rateLimit);
    if (waitMs > 0) return { kind: "release", claimed: rec.claimed, inMs: waitMs };
  }
  if (!spec.acksLate) env.emit({ kind: "ack", claimed: rec.claimed });
  if (rec.revoked) controller.abort(new Error("revoked"));

  const ctx = createContext({
    id: rec.claimed.id,
    name: spec.name,
    retries: rec.retries,
    deliveries: rec.deliveries,
    queue: rec.claimed.queue,
    token: rec.claimed.token ?? "",
    abort: controller,
    parentLog: env.log,
    redis: env.redis,
    ks: env.ks,
  });

  const timers: unknown[] = [];
  const run = Promise.resolve().then(() => handler(args, ctx));
  const settled =
    spec.timeLimitMs === null
      ? run
      : Promise.race([
          run,
          hardLimit(spec.name, spec.timeLimitMs, {
            graceMs: env.timeLimitGraceMs,
            controller,
            timers,
            source: env.timers,
          }),
        ]);
  try {
    const result = await settled;
    if (spec.validateResult && !spec.validateResult(result)) {
      const list = describeViolations(spec.validateResult.errors)
        .map((v) => `${v.path.replace(/^args/, "result")} ${v.message}`)
        .join("; ");
      return failWith(
        rec,
        "ResultValidationError",
        `${spec.name} returned a result that does not match its schema: ${list}`,
      );
    }
    return {
      kind: "ok",
      claimed: rec.claimed,
      resultJson: JSON.stringify(result ?? null),
      ignoreResult: spec.ignoreResult === true,
    };
  } catch (error) {
    if (error instanceof TimeLimitExceeded)
      ctx.log.error("hard time limit exceeded; slot freed", { limitMs: spec.timeLimitMs });
    return decideFailure({
      claimed: rec.claimed,
      taskName: spec.name,
      retries: rec.retries,
      policy: spec.retry,
      error,
      now: Date.now(),
    });
  } finally {
    for (const t of timers) env.timers.clearTimeout(t);
  }
}

/** Soft limit aborts the signal; hard limit (soft + grace) rejects so the slot is freed. */
function hardLimit(
  name: string,
  limitMs: number,
  options: { graceMs: number; controller: LazyAbort; timers: unknown[]; source: TimerSource },
): Promise<never> {
  const { graceMs, controller, timers, source } = options;
  return new Promise<never>((_, reject) => {
    timers.push(source.setTimeout(() => controller.abort(new TimeLimitExceeded(name, limitMs)), limitMs));
    timers.push(source.setTimeout(() => reject(new TimeLimitExceeded(name, limitMs)), limitMs + graceMs));
  });
}
