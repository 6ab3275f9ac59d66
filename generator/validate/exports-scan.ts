/**
 * Finds the names a module exports by reading its text. The generator never imports user code
 * (importing could run side effects or fail on unrelated errors), so a scan is the contract:
 * `export function|const|let|var|class|async function NAME`, `export { a, b as c }` (also with
 * `from`), and `export default`.
 */

const DECLARATION = /\bexport\s+(?:declare\s+)?(?:async\s+)?(?:function\s*\*?|const|let|var|class|abstract\s+class|enum)\s+([A-Za-z_$][\w$]*)/g;
const LIST = /\bexport\s+(?:type\s+)?\{([^}]*)\}/g;
const DEFAULT = /\bexport\s+default\b/;
const NAMESPACE = /\bexport\s+\*\s+as\s+([A-Za-z_$][\w$]*)/g;

/** The exported value names found in `source`, sorted. Type-only exports are left out. */
export function scanExports(source: string): string[] {
  const code = blankCommentsAndStrings(source);
  const names = new Set<string>();
  for (const match of code.matchAll(DECLARATION)) names.add(match[1]!);
  for (const match of code.matchAll(NAMESPACE)) names.add(match[1]!);
  for (const match of code.matchAll(LIST)) {
    if (/^export\s+type\b/.test(match[0])) continue;
    for (const item of match[1]!.split(",")) {
      const spec = item.trim();
      if (!spec || /^type\s/.test(spec)) continue;
      const alias = /\bas\s+([A-Za-z_$][\w$]*)$/.exec(spec);
      names.add(alias ? alias[1]! : spec.split(/\s+/)[0]!);
    }
  }
  if (DEFAULT.test(code)) names.add("default");
  return [...names].sort();
}

/**
 * Replaces comments and the contents of string and template literals with spaces, so that an
 * `export` inside either is not mistaken for a real one. Template `${...}` holes are kept as code.
 */
function blankCommentsAndStrings(source: string): string {
  const out: string[] = [];
  let i = 0;
  const templateDepth: number[] = [];
  let braceDepth = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      out.push(" ".repeat(stop - i));
      i = stop;
    } else if (ch === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out.push(source.slice(i, stop).replace(/[^\n]/g, " "));
      i = stop;
    } else if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== ch && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
      out.push(ch, " ".repeat(Math.max(0, Math.min(j, source.length) - i - 1)), ch);
      i = j + 1;
    } else if (ch === "`" || (ch === "}" && templateDepth.length > 0 && templateDepth.at(-1) === braceDepth)) {
      if (ch === "}") templateDepth.pop();
      let j = i + 1;
      while (j < source.length && source[j] !== "`" && !(source[j] === "$" && source[j + 1] === "{")) {
        j += source[j] === "\\" ? 2 : 1;
      }
      out.push(ch, source.slice(i + 1, Math.min(j, source.length)).replace(/[^\n]/g, " "));
      if (source[j] === "$") {
        templateDepth.push(braceDepth);
        out.push("${");
        i = j + 2;
      } else {
        out.push("`");
        i = j + 1;
      }
    } else {
      if (ch === "{") braceDepth++;
      else if (ch === "}") braceDepth--;
      out.push(ch);
      i++;
    }
  }
  return out.join("");
}
