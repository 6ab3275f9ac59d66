import { visit, type Alias } from "yaml";
import type { ManifestSource } from "../manifest/source.ts";
import type { IssueCollector } from "./collector.ts";

/** Aliases may expand to at most this many nodes: enough for real reuse, not for an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Turns the YAML document into plain values. An alias with no anchor (`handler: *x`, often a typo
 * for a string starting with `*`) or an alias bomb makes the yaml library throw; both become
 * positioned issues instead of a stack trace. Returns null when the document cannot be expanded.
 */
export function expandYaml(source: ManifestSource, issues: IssueCollector): unknown {
  try {
    return source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    let first: Alias | undefined;
    let missing: Alias | undefined;
    visit(source.doc, {
      Alias(_, node) {
        first ??= node;
        if (node.resolve(source.doc) !== undefined) return undefined;
        missing = node;
        return visit.BREAK;
      },
    });
    const at = missing ?? first;
    const span = at?.range ? { start: at.range[0], end: Math.max(at.range[1], at.range[0] + 1) } : { start: 0, end: 1 };
    issues.report(
      { span },
      missing
        ? {
            message: `invalid YAML: alias *${missing.source} refers to no anchor`,
            expected: "an anchor (&name) defined before the alias; to start a plain string with *, quote it",
          }
        : {
            message: `invalid YAML: ${(error as Error).message}`,
            expected: `aliases that expand to at most ${MAX_ALIAS_COUNT} nodes`,
          },
    );
    return null;
  }
}
