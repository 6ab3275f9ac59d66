import type { ManifestIssue } from "../errors.ts";
import { locate, type PathSegment, type Span, type SpanTarget } from "../manifest/locate.ts";
import type { ManifestSource } from "../manifest/source.ts";

/** Where an issue points: a path into the manifest, or an explicit span of the text. */
export type IssueWhere = { path: readonly PathSegment[]; target?: SpanTarget } | { span: Span };

/** What an issue says. */
export interface IssueText {
  message: string;
  expected?: string;
  suggestion?: string;
}

/**
 * Collects issues from every validation step so that one run reports all of them, and remembers
 * which parts of the manifest are already known to be broken so later steps can skip them.
 */
export class IssueCollector {
  readonly #source: ManifestSource;
  readonly #issues: ManifestIssue[] = [];
  readonly #brokenPaths = new Set<string>();

  constructor(source: ManifestSource) {
    this.#source = source;
  }

  /** Records an issue. */
  report(where: IssueWhere, text: IssueText): void {
    const span = "span" in where ? where.span : locate(this.#source.doc, where.path, where.target);
    if ("path" in where) this.#brokenPaths.add(pathKey(where.path));
    this.#issues.push(this.toIssue(span, text));
  }

  /** True when an issue was reported at `path` or anywhere inside it. */
  isBroken(path: readonly PathSegment[]): boolean {
    const key = pathKey(path);
    for (const broken of this.#brokenPaths) {
      if (broken === key || broken.startsWith(`${key}\u0000`)) return true;
    }
    return false;
  }

  get count(): number {
    return this.#issues.length;
  }

  /** Every issue, sorted by position, then message, without exact duplicates. */
  issues(): ManifestIssue[] {
    const seen = new Set<string>();
    const unique = this.#issues.filter((issue) => {
      const key = `${issue.line}:${issue.column}:${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return unique.sort((a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1));
  }

  private toIssue(span: Span, text: IssueText): ManifestIssue {
    const { line, col } = this.#source.lineCounter.linePos(span.start);
    const lineEnd = this.#source.text.indexOf("\n", span.start);
    const end = Math.min(span.end, lineEnd === -1 ? this.#source.text.length : lineEnd);
    const issue: ManifestIssue = {
      file: this.#source.displayPath,
      line,
      column: col,
      length: Math.max(1, end - span.start),
      message: text.message,
    };
    if (text.expected !== undefined) issue.expected = text.expected;
    if (text.suggestion !== undefined) issue.suggestion = text.suggestion;
    return issue;
  }
}

function pathKey(path: readonly PathSegment[]): string {
  return path.map(String).join("\u0000");
}
