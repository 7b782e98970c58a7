import type { RecordValue } from '../contract/records-types.ts';
import { cleanText, startsLikeFormula } from '../core/export/clean-text.ts';

/**
 * CSV for Excel (RFC 4180 quoting, UTF-8 with a byte order mark so Excel reads it as UTF-8).
 * A text cell that Excel would read as a formula (=, +, -, @, or a tab or carriage return before
 * one) gets a leading apostrophe: opening an export must never run what an agency's file held.
 * Text is cleaned as in the workbook first (cleanText: direction overrides dropped, characters a
 * sheet cannot hold as U+FFFD), so an override cannot hide an "=" from that test either.
 */

export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell: empty for null, true/false, numbers as JavaScript writes them, text guarded against formulas and quoted. */
export function csvCell(value: RecordValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = cleanText(value);
  return quoted(startsLikeFormula(text) ? `'${text}` : text);
}

export function csvLine(values: readonly (RecordValue | undefined)[]): string {
  return values.map(csvCell).join(',');
}
