import type { ManifestIssue } from "../errors.ts";

/** Options of {@link formatIssues}. */
export interface FormatOptions {
  /** Lines of context above the offending line. */
  contextLines?: number;
  /** ANSI colors (for a terminal). */
  color?: boolean;
}

/**
 * Renders issues the way `celerity codegen` prints them: `file:line:col error: message`, a code
 * frame with a caret underline, what was expected, a "did you mean", and a final count.
 * `text` is the manifest text (LF line endings); issues without a position get no frame.
 */
export function formatIssues(
  issues: readonly ManifestIssue[],
  text: string | null,
  options: FormatOptions = {},
): string {
  const lines = text === null ? [] : text.split("\n");
  const paint = painter(options.color ?? false);
  const blocks = issues.map((issue) => formatIssue(issue, { lines, paint, contextLines: options.contextLines ?? 2 }));
  const count = `${issues.length} ${issues.length === 1 ? "error" : "errors"}`;
  return `${blocks.join("\n\n")}\n\n${paint.bold(count)}\n`;
}

interface Paint {
  red(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  cyan(text: string): string;
}

function painter(color: boolean): Paint {
  const wrap = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { red: wrap(31, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39) };
}

function formatIssue(issue: ManifestIssue, context: { lines: string[]; paint: Paint; contextLines: number }): string {
  const { lines, paint } = context;
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const out = [`${paint.bold(where)} ${paint.red("error:")} ${issue.message}`];
  if (issue.line > 0 && issue.line <= lines.length) {
    const first = Math.max(1, issue.line - context.contextLines);
    const width = String(issue.line).length;
    for (let n = first; n <= issue.line; n++) {
      const marker = n === issue.line ? ">" : " ";
      const source = lines[n - 1]!.replace(/\s+$/, "");
      out.push(paint.dim(`${marker} ${String(n).padStart(width)} |`) + (source ? ` ${source}` : ""));
    }
    const lineText = lines[issue.line - 1]!;
    // Keep tabs as tabs so the caret lines up under tab-indented text.
    const lead = lineText.slice(0, issue.column - 1).replace(/[^\t]/g, " ");
    out.push(`${paint.dim(`  ${" ".repeat(width)} |`)} ${lead}${paint.red("^".repeat(Math.max(1, issue.length)))}`);
  }
  if (issue.expected) out.push(`  ${paint.cyan("expected:")} ${issue.expected}`);
  if (issue.suggestion) out.push(`  did you mean ${JSON.stringify(issue.suggestion)}?`);
  return out.join("\n");
}
