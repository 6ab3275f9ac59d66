// Shared world of the admin tests: a small app with handlers, its own key prefix, an admin server,
// and (when a test asks) an in-process worker and beat.
import { Redis } from "ioredis";
import { Beat } from "../runtime/beat/mod.ts";
import { createTaskTree } from "../runtime/client/task-tree.ts";
import { keyspace, type Keyspace } from "../runtime/keys/keyspace.ts";
import { createLogger } from "../runtime/log/logger.ts";
import type { AppSpec, PeriodicSpec } from "../runtime/spec/types.ts";
import type { Handler } from "../runtime/task/types.ts";
import { Worker } from "../runtime/worker/worker.ts";
import { startAdmin, type AdminOptions, type AdminServer } from "../runtime/admin/mod.ts";
import { testApp } from "./support/app.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "./support/redis.ts";

export const ADMIN_TOKEN = "admin-test-token-0123456789";
export const ADMIN_PASSWORD = "correct horse battery";

export const quietLogger = createLogger({ level: process.env.TEST_LOG ? "debug" : "error", format: "pretty" });

/** A domain error, so stored errors carry a class chain and a real stack. */
export class InventoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InventoryError";
  }
}

/** The admin fixture app: arithmetic, an echo (XSS probe), a failing task and a schema with an enum. */
export function adminApp(name = "adm", periodic: PeriodicSpec[] = []): AppSpec {
  const app = testApp(name, {
    "math.add": {
      args: {
        type: "object",
        required: ["a", "b"],
        additionalProperties: false,
        properties: { a: { type: "integer" }, b: { type: "integer" } },
      },
      result: { type: "object", required: ["sum"], properties: { sum: { type: "integer" } } },
    },
    "text.echo": { args: { type: "object", required: ["text"], properties: { text: { type: "string" } } } },
    "stock.reserve": { args: { type: "object", required: ["sku"], properties: { sku: { type: "string" } } } },
    "reports.weekly": {
      args: {
        type: "object",
        required: ["day"],
        additionalProperties: false,
        properties: { day: { enum: ["mon", "tue", "wed", "thu", "fri"] } },
      },
      spec: { queue: "reports" },
    },
  });
  return { ...app, periodic };
}

/** Handlers of {@link adminApp}. */
export const adminDispatch: Record<string, Handler<any, any>> = {
  "math.add": (args: { a: number; b: number }) => ({ sum: args.a + args.b }),
  "text.echo": (args: { text: string }) => ({ echoed: args.text }),
  "stock.reserve": (args: { sku: string }) => {
    throw new InventoryError(`sku ${args.sku} is out of stock`);
  },
  "reports.weekly": (args: { day: string }) => ({ report: `weekly-${args.day}` }),
};

/** One test file's admin world; everything it starts is stopped and every key it wrote deleted in `close`. */
export class AdminHarness {
  readonly prefix: string;
  readonly app: AppSpec;
  readonly ks: Keyspace;
  readonly redis: Redis;
  readonly client: any;
  server!: AdminServer;
  readonly #workers: Worker[] = [];
  readonly #beats: Beat[] = [];

  constructor(label: string, app: AppSpec = adminApp()) {
    this.prefix = uniquePrefix(`admin-${label}`);
    this.app = app;
    this.ks = keyspace(app.app, this.prefix);
    this.redis = new Redis(REDIS_URL);
    this.client = createTaskTree(app, { prefix: this.prefix });
  }

  async start(options: { password?: string; admin?: Partial<AdminOptions> } = {}): Promise<this> {
    this.server = await startAdmin(this.app, {
      prefix: this.prefix,
      port: 0,
      token: ADMIN_TOKEN,
      password: options.password ?? ADMIN_PASSWORD,
      logger: quietLogger,
      ...options.admin,
    });
    return this;
  }

  /** Absolute URL of a path on the admin server. */
  url(path: string): string {
    return new URL(path, this.server.url).href;
  }

  /** fetch with the Bearer token (JSON body when `json` is given). */
  api(
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${ADMIN_TOKEN}`, ...init.headers };
    if (init.json !== undefined) headers["Content-Type"] = "application/json";
    return fetch(this.url(path), {
      method: init.method ?? "GET",
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: "manual",
    });
  }

  async startWorker(): Promise<Worker> {
    const worker = new Worker(
      { app: this.app, dispatch: adminDispatch },
      { prefix: this.prefix, logger: quietLogger, concurrency: 4 },
    );
    await worker.start();
    this.#workers.push(worker);
    return worker;
  }

  async startBeat(): Promise<Beat> {
    const beat = new Beat(this.app, { prefix: this.prefix, logger: quietLogger, pollMs: 50, lockTtlMs: 1000 });
    await beat.start();
    this.#beats.push(beat);
    return beat;
  }

  async close(): Promise<void> {
    await Promise.all(this.#beats.map((b) => b.stop()));
    await Promise.all(this.#workers.map((w) => w.stop({ graceMs: 0 })));
    await this.server?.close();
    await this.client.$disconnect();
    await deletePrefix(this.prefix);
    this.redis.disconnect();
  }
}

export { eventually } from "./support/wait.ts";

/** Logs in with a secret the way a browser form does; returns the session cookie and the CSRF token of a page. */
export async function login(h: AdminHarness, secret = ADMIN_TOKEN): Promise<{ cookie: string; csrf: string }> {
  const origin = new URL(h.server.url).origin;
  const res = await fetch(h.url("/login"), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ secret, next: "/" }).toString(),
    redirect: "manual",
  });
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  const page = await (await fetch(h.url("/"), { headers: { Cookie: cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error("no CSRF token on the dashboard");
  return { cookie, csrf };
}
