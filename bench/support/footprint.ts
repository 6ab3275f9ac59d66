import type { Redis } from "ioredis";
import { forEachKeyPage } from "./keys.ts";

/** One family of keys (ids replaced by `*`), with its measured or extrapolated size. */
export interface KeyGroup {
  pattern: string;
  keys: number;
  bytes: number;
}

export interface Footprint {
  keys: number;
  bytes: number;
  groups: KeyGroup[];
}

const SAMPLE_PER_GROUP = 200;
// A segment that names one task/job: a UUID, a number, or a long hex/base36 token.
const ID_SEGMENT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[0-9a-z]{20,})$/i;

/** `p:{bench}:t:<uuid>` -> `p:{bench}:t:*`, so per-task keys form one group. */
export function keyPattern(key: string): string {
  return key
    .split(":")
    .map((segment) => (ID_SEGMENT.test(segment) ? "*" : segment))
    .join(":");
}

/**
 * Sizes everything under a prefix with MEMORY USAGE: every key of a small group, a sample of a big
 * one (per-task keys are alike, so the mean extrapolates well). `SAMPLES 0` makes Redis walk whole
 * collections, so a single big hash or set (Bee-Queue's) is measured exactly, not guessed.
 */
export async function footprint(redis: Redis, prefix: string): Promise<Footprint> {
  const groups = new Map<string, { count: number; sample: string[] }>();
  await forEachKeyPage(redis, prefix, async (keys) => {
    for (const key of keys) {
      const pattern = keyPattern(key);
      let group = groups.get(pattern);
      if (!group) groups.set(pattern, (group = { count: 0, sample: [] }));
      group.count++;
      // Reservoir sampling keeps the sample uniform without holding every key name.
      if (group.sample.length < SAMPLE_PER_GROUP) group.sample.push(key);
      else {
        const j = Math.floor(Math.random() * group.count);
        if (j < SAMPLE_PER_GROUP) group.sample[j] = key;
      }
    }
  });
  const out: KeyGroup[] = [];
  for (const [pattern, group] of groups) {
    const pipeline = redis.pipeline();
    for (const key of group.sample) pipeline.call("MEMORY", "USAGE", key, "SAMPLES", "0");
    const replies = (await pipeline.exec()) ?? [];
    const sizes = replies.map(([, v]) => Number(v) || 0);
    const mean = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);
    out.push({ pattern, keys: group.count, bytes: Math.round(mean * group.count) });
  }
  out.sort((a, b) => b.bytes - a.bytes);
  return { keys: out.reduce((a, g) => a + g.keys, 0), bytes: out.reduce((a, g) => a + g.bytes, 0), groups: out };
}

/** INFO memory `used_memory`, in bytes (whole server: other tenants show up here too). */
export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info("memory");
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}
