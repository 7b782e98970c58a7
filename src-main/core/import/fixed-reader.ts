import { isAscii } from 'node:buffer';
import type { MappingRecipe } from '../../contract/import-types.ts';
import type { SampleRecord } from './csv-records.ts';
import { HEADER_SEARCH_ROWS, mapColumns, type HeaderFound } from './header.ts';
import type { KindSpec } from './kinds.ts';

/**
 * The `fixed` layout: plain text in fixed-width columns, as the TXT exports of fingerprint-terminal
 * software (Solution, ZKTeco "Attendance Management") write it. The header line's labels give the
 * columns: each label starts a column that runs until the next label starts. A data line is cut at
 * those starts, a cut that falls inside a word moving to the edge of its value (see cutLine), and
 * each line is written on as one CSV record, line for line, so that the CSV scanner counts, checks
 * and numbers the rows exactly as it does a CSV file's (csv-reader.ts, readCsvBody).
 *
 * Columns are counted in characters (UTF-16 code units, as the Windows tools that write these
 * files count them); a tab moves to the next multiple of 8.
 */

export const TAB_STOP = 8;

/** A label of the header line: its text and the columns it spans, [start, end). */
export interface Label {
  text: string;
  start: number;
  end: number;
}

export interface FixedHeader {
  /** 1-based physical line of the header in the file. */
  line: number;
  labels: Label[];
  /** Fields its labels map (with the recipe, if any). */
  mapped: number;
}

const SPACE = 0x20;
const TAB = 0x09;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === 0x0c || c === 0x0b;
}

/**
 * The line with each tab expanded to the next tab stop. The tab itself is kept as the first
 * character of its expansion, so that it still separates (a single space may join the words of a
 * value; a tab never does).
 */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\t') out += '\t' + ' '.repeat(TAB_STOP - 1 - (out.length % TAB_STOP));
    else out += ch;
  }
  return out;
}

/**
 * The labels of a header line: its text split at runs of two or more blanks, and at every tab
 * (`Jam Masuk` is one label, `Jam  Masuk` two).
 */
export function headerLabels(line: string): Label[] {
  const text = expandTabs(line);
  const labels: Label[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    let end = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (!isBlank(c)) end = ++i;
      else if (c === SPACE && i + 1 < text.length && !isBlank(text.charCodeAt(i + 1))) i++;
      else break;
    }
    labels.push({ text: text.slice(start, end), start, end });
  }
  return labels;
}

/** Where the phrase (words joined by single spaces) around position `at` starts, not before `floor`. */
function phraseStart(t: string, at: number, floor: number): number {
  let i = at;
  while (i > floor) {
    const c = t.charCodeAt(i - 1);
    if (!isBlank(c) || (i - 2 >= floor && joiner(t, i - 1))) i--;
    else break;
  }
  return i;
}

/** Where the phrase around position `at` ends (exclusive). */
function phraseEnd(t: string, at: number): number {
  let i = at;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (!isBlank(c) || joiner(t, i)) i++;
    else break;
  }
  return i;
}

/** A single space between two non-blanks: it joins two words of one value. */
function joiner(t: string, i: number): boolean {
  return t.charCodeAt(i) === SPACE && i > 0 && i + 1 < t.length && !isBlank(t.charCodeAt(i - 1)) && !isBlank(t.charCodeAt(i + 1));
}

/**
 * Whether a cut at `at` would split a value: it falls inside a word, or next to the single space
 * between two words (values are set apart by runs of blanks, as the header's labels are).
 */
function insideValue(t: string, at: number): boolean {
  const before = t.charCodeAt(at - 1);
  const after = t.charCodeAt(at);
  if (!isBlank(before)) return !isBlank(after) || joiner(t, at);
  return joiner(t, at - 1);
}

/**
 * Where a data line is cut into its columns: one start per label (the first column starts at 0).
 *
 * Each column starts where its label starts. Values are set apart by runs of two or more blanks or
 * by a tab, as the labels are; a single space joins the words of one value. A cut that falls in a
 * run of blanks, or past the end of the line, stays. A cut inside a value (inside a word, or next to
 * a single space between two words) looks at the whole value (its phrase):
 * - a value that stands apart (two or more blanks, a tab, or the previous cut before it) and starts
 *   after the previous column's label has ended belongs to the right-hand column: a number
 *   right-aligned under a label shorter than itself, or a value set a little to the left. The cut
 *   moves left to its start.
 * - any other value began in the left-hand column and is longer than its column: the cut moves
 *   right to its end, and the rest of the line is taken as pushed right (printf-style writers push
 *   what follows a long value) so that the next column starts two blanks after it; every later cut
 *   moves as far.
 * A value that ends exactly where the next label starts and is followed by a tab has filled its
 * column: the tab moved the rest of the line to the next tab stop, and the later cuts move as far.
 */
export function cutPositions(text: string, labels: readonly Label[]): number[] {
  const cuts = [0];
  let drift = 0;
  for (let i = 1; i < labels.length; i++) {
    const prev = cuts[i - 1]!;
    let cut = Math.max(labels[i]!.start + drift, prev);
    if (cut >= text.length) cut = text.length;
    else if (cut > prev && text.charCodeAt(cut) === TAB && !isBlank(text.charCodeAt(cut - 1))) {
      // A value that fills its column to the next label: its tab moves the rest of the line to the next stop.
      drift += TAB_STOP - (cut % TAB_STOP);
    } else if (cut > prev && insideValue(text, cut)) {
      const ps = phraseStart(text, cut, prev);
      let k = ps;
      while (k > prev && isBlank(text.charCodeAt(k - 1))) k--;
      const apart = k === prev || ps - k >= 2 || text.slice(k, ps).includes('\t');
      if (apart && ps >= labels[i - 1]!.end + drift) cut = ps;
      else {
        const pe = phraseEnd(text, cut);
        // The next value starts two blanks after this one at the earliest.
        drift += pe + 2 - cut;
        cut = pe;
      }
    }
    cuts.push(cut);
  }
  return cuts;
}

function trimBlanks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/**
 * A data line as its cells under the header's labels, each without its surrounding blanks. The
 * last column runs to the end of the line: text past the last label's column is part of the last
 * cell (a long Keterangan), never a column of its own.
 */
export function cutLine(line: string, labels: readonly Label[]): string[] {
  if (labels.length === 0) return [];
  const text = expandTabs(line);
  const cuts = cutPositions(text, labels);
  return cuts.map((from, i) => trimBlanks(text.slice(from, i + 1 < cuts.length ? cuts[i + 1] : text.length)));
}

/**
 * A line that holds no row: blank (spaces, tabs, a form feed), or a rule drawn with `-`, `=`, `_`,
 * `+`, `*`, `~` or `|` under the header or between pages. Like a blank line in a CSV, it is not
 * counted.
 */
export function isNoRow(line: string): boolean {
  return /^[ \t\f\v\-=_+*~|]*$/.test(line);
}

/** The physical lines of a text: CR, LF and CRLF each end one (as the CSV scanner counts them). */
export function textLines(text: string, max = Infinity): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 0x0a && ch !== 0x0d) continue;
    out.push({ line: line++, text: text.slice(start, i) });
    if (ch === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  if (start < text.length && out.length < max) out.push({ line, text: text.slice(start) });
  return out;
}

/** A recipe that names the layout (`layout: 'fixed'`) makes the file fixed-width, whatever the delimiters say. */
export function wantsFixed(recipe: MappingRecipe | undefined): boolean {
  return (recipe as { layout?: unknown } | undefined)?.layout === 'fixed';
}

function neededHeaders(spec: KindSpec): number {
  return Math.min(3, spec.fields.length);
}

/**
 * The fixed-width header line: the first of the first 30 non-blank lines whose labels map at least
 * three known headers of the kind (fewer for kinds with fewer fields). A recipe's `headerRow` names
 * the line instead (it must map at least one field). `force` (a recipe saying `layout: 'fixed'`)
 * also accepts, when no line maps enough, the first line that maps one.
 */
export function findFixedHeader(text: string, spec: KindSpec, recipe?: MappingRecipe, force = false): FixedHeader | undefined {
  const at = (line: { line: number; text: string }): FixedHeader => {
    const labels = headerLabels(line.text);
    return { line: line.line, labels, mapped: Object.keys(mapColumns(labels.map((l) => l.text), spec, recipe).columns).length };
  };
  if (recipe?.headerRow !== undefined) {
    const line = textLines(text, recipe.headerRow).find((l) => l.line === recipe.headerRow);
    const header = line && at(line);
    return header && (header.mapped > 0 || force) && header.labels.length > 0 ? header : undefined;
  }
  let fallback: FixedHeader | undefined;
  let seen = 0;
  for (const line of textLines(text, HEADER_SEARCH_ROWS * 20)) {
    if (isNoRow(line.text)) continue;
    if (++seen > HEADER_SEARCH_ROWS) break;
    const header = at(line);
    if (header.mapped >= neededHeaders(spec)) return header;
    if (force && !fallback && header.mapped > 0) fallback = header;
  }
  return fallback;
}

/** A delimited reading of the sample (csv-reader.ts, chooseLayout). */
interface DelimitedLayout {
  delimiter: string;
  records: SampleRecord[];
  header: HeaderFound;
}

/**
 * Tabs used to line columns up, not to separate them: the header has empty cells between its
 * labels, or most data records have another number of fields than the header.
 */
function tabAligned(csv: DelimitedLayout): boolean {
  if (csv.delimiter !== '\t') return false;
  const header = csv.header.headers;
  const named = header.map((c) => c.trim() !== '');
  const first = named.indexOf(true);
  const last = named.lastIndexOf(true);
  if (named.slice(first, last + 1).includes(false)) return true;
  const data = csv.records.slice(csv.header.index + csv.header.height);
  return data.length > 0 && data.filter((r) => r.cells.length !== header.length).length * 2 > data.length;
}

/**
 * Whether the file is read as fixed-width text, and under which header. A recipe saying `layout:
 * 'fixed'` decides. Otherwise a delimited reading whose header maps at least three known headers
 * (or as many as the fixed-width reading) is kept; only when none does, or when its delimiter is a
 * tab that lines columns up, is a fixed-width header line looked for.
 */
export function fixedLayout(text: string, spec: KindSpec, recipe: MappingRecipe | undefined, csv: DelimitedLayout | undefined): FixedHeader | undefined {
  if (wantsFixed(recipe)) return findFixedHeader(text, spec, recipe, true);
  const aligned = csv !== undefined && tabAligned(csv);
  const csvMapped = csv ? Object.keys(mapColumns(csv.header.headers, spec, recipe, csv.header.keys).columns).length : 0;
  if (csv && !aligned && csvMapped >= neededHeaders(spec)) return undefined;
  const fixed = findFixedHeader(text, spec, recipe);
  if (!fixed || (csv && !aligned && fixed.mapped <= csvMapped)) return undefined;
  return columnsLineUp(text, fixed) ? fixed : undefined;
}

/**
 * Whether the data lines have their values under the labels: at most cuts inside a line a blank
 * precedes the cut (cuts past a line's end, its trailing empty cells, say nothing). Lines of another delimiter under a tab header (`a;b;c`) have none, and
 * are left to the delimited reading, which rejects them.
 */
function columnsLineUp(text: string, header: FixedHeader): boolean {
  let cuts = 0;
  let blank = 0;
  for (const l of textLines(text, header.line + 40)) {
    if (l.line <= header.line || isNoRow(l.text)) continue;
    const line = expandTabs(l.text);
    for (const cut of cutPositions(line, header.labels).slice(1)) {
      if (cut >= line.length) continue;
      cuts++;
      if (isBlank(line.charCodeAt(cut - 1))) blank++;
    }
  }
  return cuts > 0 && blank * 2 >= cuts;
}

/** The first data rows of the sample, cut (the import dialog's preview). */
export function fixedSampleRows(text: string, header: FixedHeader, max: number): string[][] {
  return fixedSampleRecords(text, header, max).map((r) => r.cells);
}

/** The first data lines cut under the header's labels, each with its line number. */
export function fixedSampleRecords(text: string, header: FixedHeader, max: number): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  for (const l of textLines(text)) {
    if (rows.length >= max) break;
    if (l.line <= header.line || isNoRow(l.text)) continue;
    rows.push({ line: l.line, cells: cutLine(l.text, header.labels) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Line for line into CSV records, as the body streams (UTF-8 in, UTF-8 out)

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
/** Bytes that are not UTF-8 travel through a line as U+DC80–U+DCFF (as Python's surrogateescape). */
const ESCAPE = 0xdc00;

const strict = new TextDecoder('utf-8', { fatal: true });

/** Length of the well-formed UTF-8 sequence at i (the Unicode standard's table), or 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const lo = lead === 0xe0 ? 0xa0 : 0x80;
    const hi = lead === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const lo = lead === 0xf0 ? 0x90 : 0x80;
    const hi = lead === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** A line's bytes as text; bytes that are not UTF-8 become U+DC80–U+DCFF, to be written back as they were. */
export function decodeLine(bytes: Uint8Array): { text: string; escaped: boolean } {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'), escaped: false };
  try {
    return { text: strict.decode(bytes), escaped: false };
  } catch {
    let text = '';
    for (let i = 0; i < bytes.length;) {
      const n = sequenceLength(bytes, i);
      if (n === 0) {
        text += String.fromCharCode(ESCAPE + bytes[i]!);
        i++;
      } else {
        text += strict.decode(bytes.subarray(i, i + n));
        i += n;
      }
    }
    return { text, escaped: true };
  }
}

/** Text back to bytes, each escaped byte as it was. */
export function encodeLine(text: string, escaped: boolean): Buffer {
  if (!escaped) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      i++;
      continue;
    }
    if (c >= ESCAPE + 0x80 && c <= ESCAPE + 0xff) {
      parts.push(Buffer.from(text.slice(from, i), 'utf8'), Buffer.of(c - ESCAPE));
      from = i + 1;
    }
  }
  parts.push(Buffer.from(text.slice(from), 'utf8'));
  return Buffer.concat(parts);
}

function csvCell(cell: string): string {
  return cell.includes('"') || cell.includes(',') ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Fixed-width text in, CSV records out, one line out for every line in, so the scanner's line
 * numbers are the file's. Lines up to the header pass as they are but for `"` and `,` (so that
 * they cannot open a record, and their bytes are still checked for UTF-8); a data line is cut
 * (cutLine) and written as one record of the header's width; a line with no row is written empty.
 * A line longer than `maxLineBytes` is not held in memory: it passes as its own length of
 * harmless bytes, for the scanner to reject as too long, with its row.
 */
export class FixedToCsv {
  private line = 1;
  /** The current line's bytes so far, when it began in an earlier chunk. */
  private parts: Uint8Array[] = [];
  private length = 0;
  /** The current line is passed through as it comes (title block, header, an over-long line). */
  private passing: boolean;
  private pendingCr = false;
  /** What this chunk has produced: buffers, and records of well-formed text not yet encoded. */
  private out: Uint8Array[] = [];
  private text = '';

  constructor(private readonly header: FixedHeader, private readonly maxLineBytes: number) {
    this.passing = this.line <= header.line;
  }

  write(chunk: Uint8Array): Uint8Array {
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk[0] === LF) i = 1;
    }
    // A chunk of ASCII only (most are) needs no check of its lines' UTF-8.
    const ascii = isAscii(chunk);
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let nextLf = -2;
    let nextCr = -2;
    while (i < chunk.length) {
      if (nextLf !== -1 && nextLf < i) nextLf = chunk.indexOf(LF, i);
      if (nextCr !== -1 && nextCr < i) nextCr = chunk.indexOf(CR, i);
      const end = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (end < 0) {
        this.take(chunk.subarray(i));
        break;
      }
      if (!this.passing && this.parts.length === 0 && end - i < this.maxLineBytes) {
        // The whole line is in this chunk.
        if (ascii) this.record(buf.toString('latin1', i, end), false);
        else this.recordBytes(chunk.subarray(i, end));
        this.text += '\n';
        this.line++;
        this.passing = this.line <= this.header.line;
      } else {
        this.take(chunk.subarray(i, end));
        this.endLine();
      }
      i = end + 1;
      if (chunk[end] === CR) {
        if (i >= chunk.length) this.pendingCr = true;
        else if (chunk[i] === LF) i++;
      }
    }
    return this.flush();
  }

  end(): Uint8Array {
    if (this.length > 0) this.endLine();
    return this.flush();
  }

  private flush(): Uint8Array {
    this.push(null);
    const bytes = this.out.length === 1 ? this.out[0]! : Buffer.concat(this.out);
    this.out = [];
    return bytes;
  }

  /** Adds bytes to the output, after the text gathered so far. */
  private push(bytes: Uint8Array | null): void {
    if (this.text) {
      this.out.push(Buffer.from(this.text, 'utf8'));
      this.text = '';
    }
    if (bytes) this.out.push(bytes);
  }

  private take(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.length += bytes.length;
    if (this.passing) {
      this.push(harmless(bytes));
      return;
    }
    this.parts.push(bytes.slice());
    // The scanner counts a line's break in its length: a line of maxLineBytes is already too long.
    if (this.length >= this.maxLineBytes) {
      this.passing = true;
      for (const p of this.parts) this.push(harmless(p));
      this.parts = [];
    }
  }

  private endLine(): void {
    if (!this.passing) this.recordBytes(this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts));
    this.text += '\n';
    this.parts = [];
    this.length = 0;
    this.line++;
    this.passing = this.line <= this.header.line;
  }

  private recordBytes(bytes: Uint8Array): void {
    const { text, escaped } = decodeLine(bytes);
    this.record(text, escaped);
  }

  /** A data line as one CSV record (nothing for a line that holds no row). */
  private record(line: string, escaped: boolean): void {
    if (isNoRow(line)) return;
    const record = cutLine(line, this.header.labels).map(csvCell).join(',');
    if (escaped) this.push(encodeLine(record, true));
    else this.text += record;
  }
}

/** The bytes with `"` and `,` replaced (same length, still UTF-8 where they were). */
function harmless(bytes: Uint8Array): Uint8Array {
  if (!bytes.includes(QUOTE) && !bytes.includes(COMMA)) return bytes.slice();
  const copy = bytes.slice();
  for (let i = 0; i < copy.length; i++) {
    if (copy[i] === QUOTE) copy[i] = 0x27;
    else if (copy[i] === COMMA) copy[i] = 0x3b;
  }
  return copy;
}
