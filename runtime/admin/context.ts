import type { IncomingMessage, ServerResponse } from "node:http";
import type { RedisClient } from "../config/connect.ts";
import type { PeriodicStore } from "../beat/mod.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import type { Logger } from "../log/logger.ts";
import type { AppSpec } from "../spec/types.ts";
import type { TaskHandles } from "./actions/task-handles.ts";
import type { Principal } from "./auth/authenticate.ts";
import type { View } from "./html/components.ts";
import type { Body } from "./http/request.ts";

/** What every route can use: the app, its Redis keys, the periodic store and the typed client. */
export interface AdminContext {
  readonly app: AppSpec;
  readonly redis: RedisClient;
  readonly ks: Keyspace;
  readonly periodic: PeriodicStore;
  readonly handles: TaskHandles;
  readonly log: Logger;
}

/** One authenticated request, its parsed body (empty for GET) and the page view data. */
export interface AdminRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly principal: Principal;
  readonly body: Body;
  readonly view: View;
}

export type RouteHandler = (ctx: AdminContext, r: AdminRequest) => Promise<void>;

/** Leaves a message for the next page a browser session renders; Bearer clients have no pages. */
export function flash(r: AdminRequest, kind: "ok" | "error", text: string): void {
  if (r.principal.kind === "session") r.principal.session.flash = { kind, text };
}
