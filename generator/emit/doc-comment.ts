/** A JSDoc block from lines of text (empty lines dropped at the ends); "" when there is nothing to say. */
export function docComment(lines: ReadonlyArray<string | null | undefined>): string {
  const text = lines
    .filter((line): line is string => typeof line === "string")
    .join("\n")
    .replace(/\*\//g, "*\\/")
    .trim();
  if (!text) return "";
  const body = text.split("\n").map((line) => (line.trim() ? ` * ${line.trimEnd()}` : " *"));
  return body.length === 1 ? `/** ${text} */` : `/**\n${body.join("\n")}\n */`;
}
