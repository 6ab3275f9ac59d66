import { spawn, type ChildProcess } from "node:child_process";

/** Starts `tsx <script>` as a child whose log lines are prefixed with `label`. */
export function startChild(
  label: string,
  script: string,
  options: { env: NodeJS.ProcessEnv; args?: string[] },
): ChildProcess {
  const { env, args = [] } = options;
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, ...env, CELERITY_LOG_FORMAT: "pretty" },
    stdio: ["ignore", "inherit", "pipe"],
  });
  child.stderr!.setEncoding("utf8");
  let pending = "";
  child.stderr!.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) process.stdout.write(`  [${label}] ${line}\n`);
  });
  return child;
}

/** SIGTERM (warm shutdown) and wait for the exit code. */
export function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}
