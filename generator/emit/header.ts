/** The first line of every generated file; `--check` and stale-file cleanup recognise files by it. */
export const HEADER_MARK = "by celerity codegen — do not edit.";

/** `generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:0123456789abcdef` */
export function headerText(sourceName: string, hash: string): string {
  return `generated from ${sourceName} ${HEADER_MARK} manifest sha256:${hash}`;
}

/** The header as a `//` comment line. */
export function headerComment(sourceName: string, hash: string): string {
  return `// ${headerText(sourceName, hash)}`;
}
