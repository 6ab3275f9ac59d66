import type { Options } from "prettier";
import type { Printed } from "./print/layout.ts";
import { PRINT_WIDTH } from "./print/layout.ts";

/**
 * Fixed prettier options: a project's own .prettierrc is deliberately ignored so the output is
 * byte-identical on every machine.
 */
export const PRETTIER_OPTIONS: Readonly<Options> = {
  printWidth: PRINT_WIDTH,
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

/** The prettier parser for a generated file, or null for files prettier does not format (validators.ts). */
export function parserFor(fileName: string): string | null {
  if (fileName === "validators.ts") return null;
  if (fileName.endsWith(".ts")) return "typescript";
  if (fileName.endsWith(".json")) return "json";
  return null;
}

/**
 * Returns the file in prettier's format. The emitters already print prettier's layout, so prettier
 * itself (slow: seconds for a few hundred tasks) runs only when an emitter flagged a layout it does
 * not reproduce, or a code line is longer than the print width (prettier might break it).
 */
export async function formatFile(fileName: string, printed: Printed): Promise<string> {
  const parser = parserFor(fileName);
  if (parser === null) return printed.text;
  if (!printed.risky && !(parser === "typescript" && hasLongCodeLine(printed.text))) return printed.text;
  // Loaded on demand: importing prettier alone costs more than a typical codegen run.
  const { format } = await import("prettier");
  return format(printed.text, { ...PRETTIER_OPTIONS, parser });
}

/** A line over the print width that is not a comment (prettier never rewraps comments). */
function hasLongCodeLine(text: string): boolean {
  for (const line of text.split("\n")) {
    if (line.length <= PRINT_WIDTH) continue;
    const trimmed = line.trimStart();
    if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*")) continue;
    return true;
  }
  return false;
}
