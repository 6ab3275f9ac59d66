import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import type { Redis } from "ioredis";

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  redis: string;
  packages: Record<string, string>;
  /** 1-minute load average when the run started and ended: other work on the host skews the figures. */
  loadAverage: { start: number; end?: number };
}

function version(pkg: string): string {
  try {
    const url = new URL(`../../node_modules/${pkg}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

/** What the figures were measured on. */
export async function machineInfo(redis: Redis): Promise<MachineInfo> {
  const info = await redis.info("server");
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "?",
    cores: list.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? "?",
    packages: {
      bullmq: version("bullmq"),
      "bee-queue": version("bee-queue"),
      ioredis: version("ioredis"),
      tsx: version("tsx"),
    },
    loadAverage: { start: loadavg()[0] },
  };
}

export function describeMachine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}; Node ${m.node}; Redis ${m.redis}; BullMQ ${m.packages.bullmq}, Bee-Queue ${m.packages["bee-queue"]}, ioredis ${m.packages.ioredis}`;
}

/** Records the load average at the end of the run and says whether the host was busy. */
export function finishLoad(m: MachineInfo): string | null {
  m.loadAverage.end = loadavg()[0];
  const peak = Math.max(m.loadAverage.start, m.loadAverage.end);
  return peak > m.cores * 0.75
    ? `warning: load average ${m.loadAverage.start.toFixed(1)} -> ${m.loadAverage.end.toFixed(1)} on ${m.cores} cores; other work on this host skews the figures`
    : null;
}
