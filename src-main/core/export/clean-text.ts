/**
 * Text from agency files as Pantau writes it for people: into a workbook (sheet-kit.ts) and into a
 * CSV (the CLI's `records --csv`). One definition for both, so a name reads the same everywhere.
 */

/**
 * Text as a sheet can hold it. Characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF, a
 * lone surrogate) made the sheet ill-formed: exceljs could not read it back, LibreOffice cut the
 * sheet there and lost its totals, Excel asked to repair. They become U+FFFD, visibly. Direction
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped: they would reorder the words
 * of a report someone signs. Tab, line feed and carriage return are kept.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

/**
 * Text a spreadsheet would take for a formula once it is typed in again or read from a CSV: it
 * begins with =, +, - or @, or with a tab or carriage return (OWASP, CSV injection). Test the
 * cleaned text: a direction override in front of "=" is dropped first.
 */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
