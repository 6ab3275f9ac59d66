import { basename, resolve } from "node:path";
import { compareStrings, parseDuration } from "../../runtime/core/mod.ts";
import { parseRateLimit } from "../util/rate-limit.ts";
import { parseHandlerRef } from "../validate/handlers.ts";
import { DEFAULTS } from "./defaults.ts";
import type { NormalizedManifest, NormalizedPeriodic, NormalizedRetryPolicy, NormalizedTask } from "./normalized.ts";
import type { RawDefaults, RawManifest, RawPeriodic, RawRetryPolicy, RawRetryRef, RawTask } from "./raw.ts";
import type { ManifestSource } from "./source.ts";

/** Resolves defaults, retry policies and durations of a manifest that passed every check. */
export function normalizeManifest(manifest: RawManifest, source: ManifestSource): NormalizedManifest {
  const defaults = manifest.defaults ?? {};
  const policies = manifest.retry_policies ?? {};
  const tasks = Object.keys(manifest.tasks)
    .sort(compareStrings)
    .map((name) => normalizeTask(name, manifest.tasks[name]!, { defaults, policies, source }));
  const periodic = Object.keys(manifest.periodic ?? {})
    .sort(compareStrings)
    .map((name) => normalizePeriodic(name, manifest.periodic![name]!));
  const queues = new Set<string>(tasks.map((task) => task.queue));
  for (const entry of periodic) if (entry.queue) queues.add(entry.queue);
  const defaultShards = defaults.shards ?? 1;
  const shards: Record<string, number> = {};
  for (const name of Object.keys(manifest.queues ?? {}).sort(compareStrings)) {
    queues.add(name);
    const count = manifest.queues![name]?.shards ?? defaultShards;
    if (count !== defaultShards) shards[name] = count;
  }
  return {
    version: 1,
    app: manifest.app,
    hash: source.hash,
    sourceName: basename(source.path),
    sourcePath: source.path,
    queues: [...queues].sort(compareStrings),
    shards,
    defaultShards,
    retryPolicies: Object.fromEntries(
      Object.keys(policies)
        .sort(compareStrings)
        .map((name) => [name, resolvePolicy(policies[name]!)]),
    ),
    tasks,
    periodic,
  };
}

interface TaskContext {
  defaults: RawDefaults;
  policies: Record<string, RawRetryPolicy>;
  source: ManifestSource;
}

function normalizeTask(name: string, task: RawTask, context: TaskContext): NormalizedTask {
  const { defaults, source } = context;
  const ref = parseHandlerRef(task.handler);
  return {
    name,
    description: task.description ?? null,
    handler: { file: resolve(source.dir, ref.module), module: ref.module, exportName: ref.exportName },
    args: task.args ?? true,
    result: task.result ?? null,
    queue: task.queue ?? defaults.queue ?? DEFAULTS.queue,
    priority: task.priority ?? defaults.priority ?? DEFAULTS.priority,
    timeLimitMs: parseDuration(task.time_limit ?? defaults.time_limit),
    expiresMs: parseDuration(task.expires),
    rateLimit: parseRateLimit(task.rate_limit),
    acksLate: task.acks_late ?? defaults.acks_late ?? DEFAULTS.acksLate,
    ignoreResult: task.ignore_result ?? false,
    resultExpiresMs: parseDuration(defaults.result_expires) ?? DEFAULTS.resultExpiresMs,
    retry: resolveTaskRetry(task.retry, context),
  };
}

/**
 * A task's retry policy: its own `retry` (a name, or overrides on a named policy; without `policy`
 * the overrides apply on top of `defaults.retry`), else `defaults.retry`, else no retries.
 */
function resolveTaskRetry(ref: RawRetryRef | undefined, context: TaskContext): NormalizedRetryPolicy | null {
  const { defaults, policies } = context;
  const base =
    defaults.retry === undefined || defaults.retry === false
      ? null
      : rawPolicyOf(defaults.retry, { policies, base: {} });
  if (ref === false) return null;
  if (ref === undefined) return base === null ? null : resolvePolicy(base);
  return resolvePolicy(rawPolicyOf(ref, { policies, base: base ?? {} }));
}

function rawPolicyOf(
  ref: Exclude<RawRetryRef, false>,
  context: { policies: Record<string, RawRetryPolicy>; base: RawRetryPolicy },
): RawRetryPolicy {
  if (typeof ref === "string") return context.policies[ref]!;
  const { policy, ...overrides } = ref;
  return { ...(policy === undefined ? context.base : context.policies[policy]!), ...overrides };
}

/** Fills Celery's defaults into a policy as written. */
function resolvePolicy(policy: RawRetryPolicy): NormalizedRetryPolicy {
  const backoff = policy.backoff;
  return {
    autoretryFor: [...new Set(policy.autoretry_for ?? [])],
    dontAutoretryFor: [...new Set(policy.dont_autoretry_for ?? [])],
    maxRetries: policy.max_retries === undefined ? DEFAULTS.retry.maxRetries : policy.max_retries,
    backoffMs:
      backoff === undefined || backoff === false
        ? null
        : backoff === true
          ? DEFAULTS.retry.backoffTrueMs
          : parseDuration(backoff),
    backoffMaxMs: parseDuration(policy.backoff_max) ?? DEFAULTS.retry.backoffMaxMs,
    jitter: policy.jitter ?? DEFAULTS.retry.jitter,
    retryDelayMs: parseDuration(policy.retry_delay) ?? DEFAULTS.retry.retryDelayMs,
  };
}

function normalizePeriodic(name: string, entry: RawPeriodic): NormalizedPeriodic {
  const schedule: NormalizedPeriodic["schedule"] =
    entry.every !== undefined
      ? { kind: "every", everyMs: parseDuration(entry.every)! }
      : entry.cron !== undefined
        ? { kind: "cron", cron: entry.cron, timezone: entry.timezone ?? "UTC" }
        : { kind: "at", at: new Date(entry.at!).toISOString() };
  return {
    name,
    task: entry.task,
    schedule,
    args: entry.args === undefined ? {} : entry.args,
    queue: entry.queue ?? null,
    priority: entry.priority ?? null,
    expiresMs: parseDuration(entry.expires),
    enabled: entry.enabled ?? true,
    oneOff: entry.one_off ?? schedule.kind === "at",
    startTime: entry.start_time === undefined ? null : new Date(entry.start_time).toISOString(),
    description: entry.description ?? null,
  };
}
