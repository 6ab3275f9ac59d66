import type { SystemName } from "../systems/system.ts";
import { metricView, NO_RATIO, TABLE_HIDDEN } from "./metrics.ts";
import type { Verdict } from "./targets.ts";

/** The medians of one workload, ready to print. */
export interface WorkloadSummary {
  name: string;
  title: string;
  /** e.g. "50,000 tasks, median of 3". */
  subtitle: string;
  medians: Partial<Record<SystemName, Record<string, number>>>;
  verdicts: Verdict[];
  error?: string;
}

const PEERS: readonly SystemName[] = ["bullmq", "bee-queue"];
const HEAD: Record<SystemName, string> = { celerity: "celerity", bullmq: "BullMQ", "bee-queue": "Bee-Queue" };

function num(value: number | undefined, digits: number): string {
  if (value === undefined || Number.isNaN(value)) return "–";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(mine: number | undefined, peer: number | undefined): string {
  if (mine === undefined || peer === undefined || !peer) return "–";
  return `${(mine / peer).toFixed(2)}x`;
}

/** A Markdown table: readable in a terminal and pasteable into the README as is. */
export function renderTable(summaries: readonly WorkloadSummary[]): string {
  const rows: string[][] = [
    [
      "workload",
      "metric",
      HEAD.celerity,
      HEAD.bullmq,
      HEAD["bee-queue"],
      "celerity/BullMQ",
      "celerity/Bee-Queue",
      "target",
    ],
  ];
  for (const s of summaries) {
    const first = `${s.title} (${s.subtitle})`;
    if (s.error) {
      rows.push([
        first,
        "error",
        s.error.split("\n")[0].slice(0, 100),
        "",
        "",
        "",
        "",
        s.verdicts.map((v) => v.text).join("; "),
      ]);
      continue;
    }
    const keys = new Set<string>();
    for (const m of Object.values(s.medians))
      for (const k of Object.keys(m ?? {})) if (!TABLE_HIDDEN.has(k)) keys.add(k);
    let label = first;
    for (const key of keys) {
      const view = metricView(key);
      const mine = s.medians.celerity?.[key];
      const verdicts = s.verdicts.filter((v) => v.target.metric === key).map((v) => v.text);
      rows.push([
        label,
        view.label,
        num(mine, view.digits),
        num(s.medians.bullmq?.[key], view.digits),
        num(s.medians["bee-queue"]?.[key], view.digits),
        ...PEERS.map((p) => (NO_RATIO.has(key) ? "" : ratio(mine, s.medians[p]?.[key]))),
        verdicts.join("; "),
      ]);
      label = "";
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r: string[]) =>
    `| ${r.map((cell, c) => cell + " ".repeat(widths[c] - [...cell].length)).join(" | ")} |`;
  return [line(rows[0]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}
