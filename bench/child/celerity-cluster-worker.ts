// The bench app's worker with its `bench` queue spread over BENCH_SHARDS shards (the cluster
// workload); otherwise exactly generated/worker.ts: `--redis redis+cluster://... --queues bench`.
import { runWorkerMain } from "../../runtime/worker/mod.ts";
import { dispatch } from "../app/generated/dispatch.ts";
import { app } from "../app/generated/registry.ts";

await runWorkerMain({ app: { ...app, shards: { bench: Number(process.env.BENCH_SHARDS ?? "1") } }, dispatch });
