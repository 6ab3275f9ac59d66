/**
 * The generated files are printed directly in prettier's style (printWidth 100, 2 spaces, double
 * quotes, trailing commas), because running prettier over them takes seconds for a large
 * manifest. Each printer takes the simple layouts prettier would take; when a construct would need
 * one of prettier's subtler layouts it marks the output `risky`, and the file is then handed to
 * prettier itself (see format.ts). Tests assert the result equals prettier's output.
 */

/** prettier's printWidth for generated code. */
export const PRINT_WIDTH = 100;

/** Where a printed piece starts and what follows it on its last line. */
export interface Slot {
  /** Indentation (in spaces) of the line the piece starts on. */
  indent: number;
  /** Column where the piece starts (indentation plus whatever precedes it, e.g. `key: `). */
  column: number;
  /** Characters that follow the piece on its line (`,` or `;`). */
  trail: number;
}

/** Printed text, and whether prettier must lay it out instead. */
export interface Printed {
  text: string;
  risky: boolean;
}

/** True when `text` (one line) fits at `slot`. */
export function fits(text: string, slot: Slot): boolean {
  return !text.includes("\n") && slot.column + text.length + slot.trail <= PRINT_WIDTH;
}

/** `count` spaces. */
export function spaces(count: number): string {
  return " ".repeat(count);
}
