import { Ajv } from "ajv";
import type { AppSpec, RetryPolicySpec, TaskSpec } from "../../runtime/spec/types.ts";

/** A task for a hand-built test app: a schema and overrides of the defaults below. */
export interface TestTask {
  args?: object;
  result?: object;
  spec?: Partial<Omit<TaskSpec, "name" | "validateArgs" | "validateResult">>;
}

const ajv = new Ajv({ allErrors: true, useDefaults: true });

export const NO_RETRY: RetryPolicySpec | null = null;

/**
 * Builds an AppSpec the way generated/registry.ts does, compiling schemas at test time. Runtime
 * tests use it so they do not depend on the generator.
 */
export function testApp(app: string, tasks: Record<string, TestTask>): AppSpec {
  const specs: Record<string, TaskSpec> = {};
  for (const [name, t] of Object.entries(tasks)) {
    specs[name] = {
      name,
      queue: "default",
      priority: 5,
      timeLimitMs: null,
      expiresMs: null,
      rateLimit: null,
      acksLate: true,
      resultExpiresMs: 86_400_000,
      retry: null,
      ...t.spec,
      validateArgs: ajv.compile(t.args ?? { type: "object" }),
      validateResult: t.result ? ajv.compile(t.result) : null,
      argsSchema: t.args ?? { type: "object" },
      resultSchema: t.result,
    };
  }
  const queues = [...new Set(Object.values(specs).map((s) => s.queue))].sort();
  return { app, manifestHash: "test", queues, tasks: specs, periodic: [] };
}
