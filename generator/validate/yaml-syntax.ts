import type { ManifestSource } from "../manifest/source.ts";
import type { IssueCollector } from "./collector.ts";

/**
 * Reports the YAML parser's errors (syntax errors and duplicate keys). Returns true when the
 * document is still worth validating further: duplicate keys leave a well-formed tree, syntax
 * errors do not and would only cause confusing follow-up errors.
 */
export function reportYamlErrors(source: ManifestSource, issues: IssueCollector): boolean {
  let usable = true;
  const seen = new Set<number>();
  for (const error of source.doc.errors) {
    // One broken construct can make the parser complain several times at the same place.
    if (seen.has(error.pos[0])) continue;
    seen.add(error.pos[0]);
    const span = { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) };
    if (error.code === "DUPLICATE_KEY") {
      const key = keyTextAt(source.text, span.start);
      issues.report(
        { span: { start: span.start, end: span.start + key.length } },
        {
          message: `duplicate key ${JSON.stringify(key)}`,
          expected: "each key at most once in a mapping",
        },
      );
      continue;
    }
    usable = false;
    const unclosed = /closing (["'])quote/.exec(error.message);
    if (unclosed) {
      // The parser notices at the end of the input; the opening quote is what the user must find.
      const opening = openingQuote(source.text, { quote: unclosed[1]!, before: span.start });
      issues.report(
        { span: { start: opening, end: opening + 1 } },
        {
          message: `invalid YAML: string is never closed`,
          expected: `a closing ${unclosed[1]} for the string that starts here`,
        },
      );
      continue;
    }
    issues.report(
      { span: pullBackFromBlank(source.text, span) },
      { message: `invalid YAML: ${yamlMessage(error.message)}` },
    );
  }
  return usable;
}

/** The last unescaped `quote` before offset `before` (the start of the unterminated string). */
function openingQuote(text: string, where: { quote: string; before: number }): number {
  for (let i = Math.min(where.before, text.length) - 1; i >= 0; i--) {
    if (text[i] !== where.quote) continue;
    if (where.quote === '"' && text[i - 1] === "\\") continue;
    // In a single-quoted string a quote is escaped by doubling it.
    if (where.quote === "'" && (text[i - 1] === "'" || text[i + 1] === "'")) continue;
    return i;
  }
  return where.before;
}

/**
 * Errors found at the end of the input (an unterminated flow collection) would point at an empty
 * line; point at the last character written instead.
 */
function pullBackFromBlank(text: string, span: { start: number; end: number }): { start: number; end: number } {
  if (text.slice(span.start).trim() !== "") return span;
  const last = text.slice(0, span.start).trimEnd().length - 1;
  return last < 0 ? span : { start: last, end: last + 1 };
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
  const firstLine = message
    .split("\n")[0]!
    .replace(/ at line \d+, column \d+:?$/, "")
    .trim();
  return firstLine.charAt(0).toLowerCase() + firstLine.slice(1);
}
