import type { RecordValue } from '../contract/records-types.ts';

/**
 * CSV for Excel (RFC 4180 quoting, UTF-8 with a byte order mark so Excel reads it as UTF-8).
 * A text cell that Excel would read as a formula (=, +, -, @, or a tab or carriage return before
 * one) gets a leading apostrophe: opening an export must never run what an agency's file held.
 */

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell: empty for null, true/false, numbers as JavaScript writes them, text guarded against formulas and quoted. */
export function csvCell(value: RecordValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return quoted(FORMULA_START.test(value) ? `'${value}` : value);
}

export function csvLine(values: readonly (RecordValue | undefined)[]): string {
  return values.map(csvCell).join(',');
}
