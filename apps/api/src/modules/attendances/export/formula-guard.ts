/** What a spreadsheet runs as a formula when a cell starts with it (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain signed number (`-12,5`, `+3`) is data a spreadsheet reads as a number, never a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** A neutralised cell, so the CSV writer can quote it. */
export const NEUTRALISED_CELL = /^'[=+\-@\t\r]/;

/**
 * Text a customer or agent wrote (a chat summary, a name) could plant `=HYPERLINK(…)` that runs
 * when a manager opens the export: a leading `'` makes the spreadsheet show it as text.
 */
export function neutraliseFormula<T>(cell: T): T | string {
  return typeof cell === 'string' && FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
