import type { ManifestSource } from "../manifest/source.ts";
import type { IssueCollector } from "./collector.ts";

/**
 * Reports the YAML parser's errors (syntax errors and duplicate keys). Returns true when the
 * document is still worth validating further: duplicate keys leave a well-formed tree, syntax
 * errors do not and would only cause confusing follow-up errors.
 */
export function reportYamlErrors(source: ManifestSource, issues: IssueCollector): boolean {
  let usable = true;
  for (const error of source.doc.errors) {
    const span = { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) };
    if (error.code === "DUPLICATE_KEY") {
      const key = keyTextAt(source.text, span.start);
      issues.report({ span: { start: span.start, end: span.start + key.length } }, {
        message: `duplicate key ${JSON.stringify(key)}`,
        expected: "each key at most once in a mapping",
      });
      continue;
    }
    usable = false;
    issues.report({ span }, { message: `invalid YAML: ${yamlMessage(error.message)}` });
  }
  return usable;
}

/** The key as written at `offset`, without quotes, up to the `:` that ends it. */
function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset, text.indexOf("\n", offset) === -1 ? undefined : text.indexOf("\n", offset));
  const quoted = /^(["'])(.*?)\1/.exec(rest);
  if (quoted) return quoted[2]!;
  return rest.split(/:(\s|$)/)[0]!.trim();
}

/** The parser's sentence, first letter lower-cased to read as the tail of "invalid YAML: ...". */
function yamlMessage(message: string): string {
  const firstLine = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "").trim();
  return firstLine.charAt(0).toLowerCase() + firstLine.slice(1);
}
