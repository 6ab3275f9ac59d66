import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from "yaml";

/** A half-open range of character offsets into the manifest text. */
export interface Span {
  start: number;
  end: number;
}

/** One step into the manifest: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** Which part of a mapping entry to point at. */
export type SpanTarget = "key" | "value";

/**
 * The span of the node at `path`, or of the deepest existing ancestor when the path leads
 * nowhere (a missing key is reported on the entry that should have had it).
 * `target: "key"` points at the key of the last mapping entry instead of its value.
 */
export function locate(doc: Document.Parsed, path: readonly PathSegment[], target: SpanTarget = "value"): Span {
  let node: Node | null | undefined = doc.contents;
  let keySpan: Span | undefined;
  let lastSpan: Span = spanOf(node) ?? { start: 0, end: 0 };
  for (const segment of path) {
    node = deref(doc, node);
    let next: Node | null | undefined;
    let nextKey: Span | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        next = pair.value as Node | null;
        nextKey = spanOf(pair.key as Node);
      }
    } else if (isSeq(node) && typeof segment === "number") {
      next = node.items[segment] as Node | undefined;
    }
    // A missing step is reported on the deepest entry that exists, by its key when it has one.
    if (next === undefined && nextKey === undefined) return keySpan ?? lastSpan;
    keySpan = nextKey;
    const valueSpan = spanOf(next);
    // An entry written as `key:` with nothing after it has an empty value; point at its key.
    lastSpan = valueSpan && valueSpan.end > valueSpan.start ? valueSpan : (nextKey ?? lastSpan);
    node = next;
  }
  if (target === "key" && keySpan) return keySpan;
  return lastSpan;
}

function deref(doc: Document.Parsed, node: Node | null | undefined): Node | null | undefined {
  return isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
}

function spanOf(node: Node | null | undefined): Span | undefined {
  if (!node?.range) return undefined;
  const [start, valueEnd] = node.range;
  return { start, end: Math.max(valueEnd, start) };
}
