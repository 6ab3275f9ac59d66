import { readFile } from "node:fs/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function and by code area, from a `--cpu-prof` file. */
export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; selfMs: number; share: number }[];
  areas: { area: string; selfMs: number; share: number }[];
}

function area(url: string): string {
  if (url === "") return "(native / gc / idle)";
  if (url.startsWith("node:")) return "node core";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const local = /\/(runtime|bench|generated|bench\/app\/generated)\/(.*)$/.exec(url);
  return local ? `${local[1]}/${local[2].split("/")[0]}` : url;
}

/** Summarizes a V8 CPU profile: where the samples landed (self time). */
export async function summarizeProfile(file: string, top = 25): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^.*\/work\/main\//, "").replace(/^file:\/\//, "");
    const name = `${functionName || "(anonymous)"} ${short}:${lineNumber + 1}`;
    fns.set(name, (fns.get(name) ?? 0) + us);
    const a =
      functionName === "(idle)"
        ? "(idle)"
        : functionName === "(garbage collector)"
          ? "(gc)"
          : functionName === "(program)"
            ? "(program)"
            : area(url);
    areas.set(a, (areas.get(a) ?? 0) + us);
    total += us;
  }
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total / 1000,
    functions: rank(fns)
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: us / total })),
    areas: rank(areas).map(([a, us]) => ({ area: a, selfMs: us / 1000, share: us / total })),
  };
}
