import { Cluster } from "ioredis";
import { Worker } from "bullmq";
import { parseClusterUrl } from "../../runtime/mod.ts";
import { taskHandled } from "./probe.ts";
import { childArgs, onShutdown } from "./child-args.ts";
import { BULLMQ_KEEP } from "../systems/retention.ts";

// BullMQ on a Redis Cluster the way its docs say: a Cluster connection and a prefix in braces, so the
// whole queue sits in one hash slot (one master). `--redis redis+cluster://host:port,...`.
const args = childArgs();
const { nodes } = parseClusterUrl(args.redis);
const connection = new Cluster(nodes, { redisOptions: { maxRetriesPerRequest: null } });
const worker = new Worker(
  args.queue,
  async () => {
    taskHandled();
    return null;
  },
  {
    connection,
    prefix: `{${args.prefix}}`,
    concurrency: args.concurrency,
    removeOnComplete: BULLMQ_KEEP,
    removeOnFail: BULLMQ_KEEP,
  },
);
worker.on("error", (error) => console.error("bullmq worker error:", error.message));
onShutdown(async () => {
  await worker.close();
  connection.disconnect();
});
