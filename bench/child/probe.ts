import { hrNow } from "./clock.ts";
import { WATCH_ENV, type ChildMessage, type ParentMessage } from "./messages.ts";

/**
 * The in-worker side of the measurements, shared by every system's handlers so that each pays the
 * same instrumentation cost: a counter, a latency buffer, and IPC replies. Outside a child process
 * (no IPC channel) it is inert, so importing handlers elsewhere (codegen checks, tsc) is harmless.
 */
const send = (message: ChildMessage): void => {
  process.send?.(message);
};

const watched = new Set((process.env[WATCH_ENV] ?? "").split(",").filter(Boolean).map(Number));
let handled = 0;
// Grown by doubling; a typed array keeps the per-task cost to a store, not an allocation.
let samples = new Float64Array(1 << 15);
let sampleCount = 0;

function memory(): { rss: number; heapUsed: number } {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

/** Counts one handled task and announces the counts the parent watches for. */
export function taskHandled(): void {
  handled++;
  if (watched.has(handled)) send({ type: "count", count: handled, at: hrNow(), ...memory() });
}

/** Records enqueue-to-start latency of one task (called first thing in the handler), then counts it. */
export function latencyHandled(enqueuedAt: number): void {
  if (sampleCount === samples.length) {
    const bigger = new Float64Array(samples.length * 2);
    bigger.set(samples);
    samples = bigger;
  }
  samples[sampleCount++] = hrNow() - enqueuedAt;
  taskHandled();
}

if (process.send) {
  process.on("message", (raw: ParentMessage) => {
    if (raw.type === "status") {
      const cpu = process.cpuUsage();
      send({ type: "status", count: handled, ...memory(), cpuUserUs: cpu.user, cpuSystemUs: cpu.system });
    } else if (raw.type === "latencies") {
      send({ type: "latencies", values: Array.from(samples.subarray(0, sampleCount)) });
      sampleCount = 0;
    }
  });
  // Loaded before the worker connects: "worker start" for the drain timing.
  send({ type: "ready", at: hrNow() });
}
