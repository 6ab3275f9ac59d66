/** Running commands in a temporary user project as the user's shell would, not as `npm test`'s child. */
import { run, type RunResult } from "../generator-helpers.ts";

/**
 * This process's environment without what `npm test` and the test runner add: `npm_*`
 * (npm_config_local_prefix would point a child `npm` at this repository), INIT_CWD, NODE_OPTIONS,
 * NODE_TEST_CONTEXT. `extra` is added on top.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...extra };
  for (const name of Object.keys(env)) if (/^npm_/i.test(name)) delete env[name];
  for (const name of ["INIT_CWD", "NODE_OPTIONS", "NODE_TEST_CONTEXT", "TSX_TSCONFIG_PATH"])
    if (!(name in extra)) delete env[name];
  return env;
}

/** Runs `command args` in `cwd` with exactly `env` (default {@link userEnv}), collecting its output. */
export function runAsUser(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return run(command, args, { cwd: options.cwd, env: options.env ?? userEnv(), inherit: false });
}
