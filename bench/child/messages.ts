/** IPC messages between the bench orchestrator and a worker child. */

/** Child -> parent. */
export type ChildMessage =
  | { type: "ready"; at: number }
  | { type: "count"; count: number; at: number; rss: number; heapUsed: number }
  | { type: "status"; count: number; rss: number; heapUsed: number; cpuUserUs: number; cpuSystemUs: number }
  | { type: "latencies"; values: number[] };

/** Parent -> child. */
export type ParentMessage = { type: "status" } | { type: "latencies" };

/** Environment a worker child reads: which handled-task counts to announce (comma list). */
export const WATCH_ENV = "BENCH_WATCH";
