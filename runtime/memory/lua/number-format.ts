/**
 * C's "%.14g", the format of Lua 5.1's tostring and of lua-cjson's numbers: up to 14 significant
 * digits, exponent form below 1e-4 or from 1e14.
 */
export function formatG14(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  if (n === 0) return Object.is(n, -0) ? "-0" : "0";
  const exp = Math.floor(Math.log10(Math.abs(Number(n.toPrecision(14)))));
  if (exp < -4 || exp >= 14) {
    const [mantissa, e] = n.toExponential(13).split("e") as [string, string];
    const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    const ev = Number(e);
    return `${m}e${ev < 0 ? "-" : "+"}${String(Math.abs(ev)).padStart(2, "0")}`;
  }
  const fixed = n.toFixed(Math.max(0, 13 - exp));
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}
