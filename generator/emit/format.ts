import { format, type Options } from "prettier";

/**
 * Fixed prettier options: a project's own .prettierrc is deliberately ignored so the output is
 * byte-identical on every machine.
 */
const PRETTIER_OPTIONS: Options = {
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
};

const PARSER_BY_EXTENSION: ReadonlyArray<[string, string]> = [
  [".d.ts", "typescript"],
  [".ts", "typescript"],
  [".js", "babel"],
  [".json", "json"],
];

/** Formats one emitted file; the parser follows from the file name. */
export async function formatFile(fileName: string, source: string): Promise<string> {
  const parser = PARSER_BY_EXTENSION.find(([extension]) => fileName.endsWith(extension))?.[1];
  if (!parser) return source;
  return format(source, { ...PRETTIER_OPTIONS, parser });
}
