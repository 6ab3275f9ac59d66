/**
 * `celerity admin`: serves the admin web UI and JSON API until SIGINT/SIGTERM.
 * @module
 */
import { DEFAULT_REGISTRY, loadRegistry } from "../load-registry.ts";
import { intFlag, parseFlags, stringFlag } from "../../runtime/cli-args/parse-flags.ts";
import { startAdmin } from "../../runtime/admin/mod.ts";
import { CelerityError } from "../../runtime/errors/celerity-error.ts";
import { resolveRedisUrl } from "../../runtime/config/redis-url.ts";
import { refuseMemoryForProcess } from "../../runtime/memory/registry.ts";
import { createLogger } from "../../runtime/log/logger.ts";

export const ADMIN_USAGE = `usage: celerity admin [options]

Serves the admin web UI (dashboard, tasks, periodic tasks, dead letters), its JSON API under /api
and Prometheus metrics at /metrics.

options:
  --registry <path>   the generated registry to serve (default: ./generated/registry.ts)
  --host <address>    interface to bind (default: 127.0.0.1, this machine only)
  --port <n>          port (default: 5555)
  --allowed-hosts <a,b>  Host names to answer besides localhost and loopback addresses, e.g. the
                      name a reverse proxy forwards (default: CELERITY_ADMIN_ALLOWED_HOSTS)
  --redis <url>       Redis URL, redis+cluster://host:port,... for a Cluster (default: REDIS_URL or redis://127.0.0.1:6379/0)
  --prefix <p>        key prefix (default: CELERITY_PREFIX or "celerity")
  --help              show this help

Sign-in secrets come from the environment only, so they never show in a process list:
  CELERITY_ADMIN_TOKEN      API Bearer token and login token (at least 16 characters)
  CELERITY_ADMIN_PASSWORD   login password (at least 8 characters)
With neither set, a random token is generated and printed at start.
`;

const FLAGS = ["registry", "host", "port", "allowed-hosts", "redis", "prefix", "help"];

/** Runs `celerity admin` (argv after "admin"); resolves to the exit code after a signal stops the server (2 on bad usage). */
export async function adminCommand(argv: string[]): Promise<number> {
  const log = createLogger();
  let server;
  try {
    const flags = parseFlags(argv, FLAGS);
    if (flags.has("help")) {
      process.stdout.write(ADMIN_USAGE);
      return 0;
    }
    refuseMemoryForProcess(resolveRedisUrl(stringFlag(flags, "redis")), "the admin server");
    const app = await loadRegistry(stringFlag(flags, "registry") ?? DEFAULT_REGISTRY);
    const allowedHosts = stringFlag(flags, "allowed-hosts");
    server = await startAdmin(app, {
      host: stringFlag(flags, "host"),
      allowedHosts:
        allowedHosts === undefined
          ? undefined
          : allowedHosts
              .split(",")
              .map((h) => h.trim())
              .filter((h) => h !== ""),
      port: intFlag(flags, "port"),
      redis: stringFlag(flags, "redis"),
      prefix: stringFlag(flags, "prefix"),
      logger: log,
    });
  } catch (error) {
    if (!(error instanceof CelerityError)) throw error;
    process.stderr.write(`celerity admin: ${error.message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  process.stderr.write(`celerity admin is serving ${server.url}\n`);
  if (server.generatedToken) {
    process.stderr.write(
      `No CELERITY_ADMIN_TOKEN or CELERITY_ADMIN_PASSWORD set; sign in with this one-time token:\n  ${server.generatedToken}\n`,
    );
  }
  const running = server;
  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      log.info("admin stopping", { signal });
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      running.close().then(
        () => done(0),
        (error: unknown) => {
          log.error("admin shutdown failed", { error: String(error) });
          done(1);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
