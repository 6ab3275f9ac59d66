import type { BrokerConn } from "../../broker/conn.ts";
import { redisTimeMs } from "../../time/redis-clock.ts";
import type { AppSpec } from "../../spec/types.ts";
import { deadCountsByQueue } from "./dead-letters.ts";
import { isQueueName } from "./ids.ts";
import { readQueueStats, type QueueStats } from "./queues.ts";
import { listWorkers, type WorkerInfo } from "./workers.ts";

/** What the dashboard shows. */
export interface Overview {
  app: string;
  generatedAt: number;
  queues: QueueStats[];
  workers: WorkerInfo[];
  deadTotal: number;
}

/** Queues of the manifest plus any a live worker consumes (a periodic entry may target one of those). */
export async function readOverview(conn: BrokerConn, app: AppSpec, options: { now?: number } = {}): Promise<Overview> {
  // Heartbeats and minute counters are stamped with Redis's clock: read them by it too.
  const now = options.now ?? (await redisTimeMs(conn.redis));
  const [workers, dead] = await Promise.all([listWorkers(conn, now), deadCountsByQueue(conn)]);
  const names = new Set(app.queues);
  for (const w of workers) for (const q of w.queues) if (isQueueName(q)) names.add(q);
  const queues = await readQueueStats(conn, [...names].sort(), { dead: dead.byQueue, now });
  return { app: app.app, generatedAt: now, queues, workers, deadTotal: dead.total };
}
