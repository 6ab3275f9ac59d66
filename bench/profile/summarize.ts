import { summarizeProfile } from "./cpuprofile.ts";

// `tsx bench/profile/summarize.ts FILE.cpuprofile [TOP]`: self time by code area and by function.
const [file, top] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile/summarize.ts FILE.cpuprofile [TOP]");
const s = await summarizeProfile(file, Number(top ?? 30));
console.log(`${s.totalMs.toFixed(0)} ms sampled`);
console.log(
  s.areas
    .slice(0, 14)
    .map((a) => `${a.area} ${(a.share * 100).toFixed(1)}%`)
    .join(", "),
);
for (const f of s.functions)
  console.log(`${(f.share * 100).toFixed(1).padStart(5)}% ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}`);
