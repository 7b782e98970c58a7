import { isAscii } from 'node:buffer';
import { AppError } from '../../contract/errors.ts';

/**
 * The app's own reading of a CSV body, done while the file is staged for DuckDB: every record is
 * counted here, by the rules of RFC 4180 as agencies' files bend them (a quote opens a field only
 * at its start, `""` inside quotes is one quote), so that the counts of an import come from the
 * file and not from DuckDB's bookkeeping. Each good record is written out again in one plain form
 * DuckDB cannot read differently: its starting line number first, then its fields, quoted only
 * where needed, ending in LF. Records that cannot be placed under the header are not written
 * but listed with the reason: too long, bytes that are not UTF-8, more or fewer fields than the
 * header, a quote that never closes.
 *
 * The records are written in the file's order, so DuckDB numbers them 0, 1, 2…; where a written
 * record does not start on the line after the previous one (a rejected or blank line between, a
 * quoted cell over several lines) the scanner notes the shift (`shifts`), from which a record's
 * line is worked out again (rowNoSql in import-sql.ts). A plain file has no shift.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

export interface ScanLayout {
  /** The field separator, one character. */
  delimiter: string;
  /** Physical line on which the header ends: records starting on or before it are not data. */
  headerEndLine: number;
  headers: string[];
  /** A record is longer than this many bytes: rejected whole, with its row number. */
  maxRecordBytes: number;
  /** Check that every byte sequence is UTF-8 (the input of a transcoded file always is). */
  validateUtf8: boolean;
}

export interface ScanReject {
  row: number;
  column: string;
  value: string | null;
  code: 'CSV_TOO_MANY_FIELDS' | 'CSV_TOO_FEW_FIELDS' | 'CSV_QUOTE' | 'CSV_ENCODING' | 'CSV_LINE_TOO_LONG';
  detail: string | null;
}

/** A growable byte buffer. */
class Bytes {
  data = new Uint8Array(256);
  length = 0;
  push(b: number): void {
    if (this.length === this.data.length) this.grow(1);
    this.data[this.length++] = b;
  }
  append(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.length + n > this.data.length) this.grow(n);
    this.data.set(src.subarray(from, to), this.length);
    this.length += n;
  }
  private grow(n: number): void {
    let size = this.data.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * UTF-8 checked byte by byte (the Unicode standard's table of well-formed byte sequences), counting
 * the well-formed multi-byte characters and the malformed sequences: a file with more of the second
 * is not UTF-8 at all.
 */
export class Utf8Census {
  multibyte = 0;
  malformed = 0;
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;

  get pending(): boolean {
    return this.need > 0;
  }

  /** Takes the next byte; false when it makes a sequence malformed. */
  byte(b: number): boolean {
    if (this.need > 0) {
      if (b >= this.lo && b <= this.hi) {
        this.lo = 0x80;
        this.hi = 0xbf;
        if (--this.need === 0) this.multibyte++;
        return true;
      }
      this.reset();
      this.malformed++;
      if (b < 0x80) return false;
      this.lead(b);
      return false;
    }
    if (b < 0x80) return true;
    return this.lead(b);
  }

  reset(): void {
    this.need = 0;
    this.lo = 0x80;
    this.hi = 0xbf;
  }

  private lead(b: number): boolean {
    if (b >= 0xc2 && b <= 0xdf) this.need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      this.need = 2;
      if (b === 0xe0) this.lo = 0xa0;
      if (b === 0xed) this.hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      this.need = 3;
      if (b === 0xf0) this.lo = 0x90;
      if (b === 0xf4) this.hi = 0x8f;
    } else {
      this.malformed++;
      return false;
    }
    return true;
  }
}

/** Counts a sample's well-formed and malformed UTF-8 (a sequence cut off at its end is neither). */
export function utf8Census(bytes: Uint8Array): Utf8Census {
  const census = new Utf8Census();
  for (const b of bytes) census.byte(b);
  return census;
}

const enum State {
  /** At the start of a field: only spaces so far (dropped if a quote follows). */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: `""` or the end of the quotes. */
  QuoteInQuoted,
  /** After the closing quote: anything up to the separator is kept as it is. */
  AfterQuote,
}

/** Text of bytes for a message, with every byte that is not UTF-8 written \xNN. */
export function showBytes(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    try {
      out += decoder.decode(bytes.subarray(i, i + len));
      i += len;
    } catch {
      out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

function tooLong(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}


export class CsvScanner {
  /** Data records in the file: written + rejected. */
  records = 0;
  written = 0;
  /**
   * Where the line of a written record departs from `firstLine + index`: from written record
   * `index` on, add `shift` (each entry replaces the one before).
   */
  readonly shifts: { index: number; shift: number }[] = [];
  private shift = 0;
  readonly rejects: ScanReject[] = [];
  /** Well-formed multi-byte UTF-8 characters and malformed sequences seen: whether the file is UTF-8 at all. */
  readonly utf8 = new Utf8Census();

  private readonly delim: number;
  private readonly width: number;
  private readonly lastNamed: number;
  private line = 1;
  private recordLine = 1;
  private state = State.FieldStart;
  private pendingCr = false;
  /** The byte before this one, across chunks: CRLF inside quotes is one line. */
  private lastByte = -1;
  private prevCr = false;
  /** The current field's bytes, unquoted. */
  private field = new Bytes();
  /** Whether the field must be quoted when written (a separator, a quote or a line break in it). */
  private fieldSpecial = false;
  /** The record's fields written in their plain form, separated; where each field starts. */
  private rec = new Bytes();
  private starts: number[] = [];
  /** The record's raw bytes while it is short enough to read again (a quote that never closes). */
  private raw = new Bytes();
  private rawBytes = 0;
  private overlong = false;
  /** The field of the record's first malformed UTF-8. */
  private badField = -1;
  private out = new Bytes();

  constructor(private readonly layout: ScanLayout) {
    this.delim = layout.delimiter.charCodeAt(0);
    this.width = layout.headers.length;
    this.lastNamed = layout.headers.map((h) => h.trim() !== '').lastIndexOf(true);
  }

  /** Scans a chunk; returns the records it completed, in their plain form, for the staged file. */
  write(chunk: Uint8Array): Uint8Array {
    this.scan(chunk);
    return this.take();
  }

  /** The end of the file: the last record, or a quote left open. */
  end(): Uint8Array {
    this.finish();
    return this.take();
  }

  private finish(): void {
    this.pendingCr = false;
    if (this.state === State.Quoted) this.unclosedQuote();
    else if (this.state !== State.FieldStart || this.field.length > 0 || this.starts.length > 0) this.endRecord();
  }

  private take(): Uint8Array {
    const bytes = this.out.view().slice();
    this.out.length = 0;
    return bytes;
  }

  private scan(chunk: Uint8Array): void {
    const max = this.layout.maxRecordBytes;
    const validate = this.layout.validateUtf8;
    const delim = this.delim;
    // Checked natively, once per chunk: in a chunk of ASCII without quotes or zero bytes (most of
    // them) a record's end needs only its separators counted on the way (see plainRecords).
    const clean = isAscii(chunk) && chunk.indexOf(QUOTE) < 0 && chunk.indexOf(0) < 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.state === State.FieldStart && this.starts.length === 0 && this.field.length === 0 && !this.pendingCr) {
        const next = this.plainRecords(chunk, i, clean);
        if (next > i) {
          i = next - 1;
          continue;
        }
      }
      const b = chunk[i]!;
      this.prevCr = this.lastByte === CR;
      this.lastByte = b;
      if (b === 0) this.binary();
      if (this.pendingCr) {
        this.pendingCr = false;
        if (b === LF) continue;
      }
      if (++this.rawBytes > max) this.overlong = true;
      else this.raw.push(b);
      if (validate && (b >= 0x80 || this.utf8.pending) && !this.utf8.byte(b) && this.badField < 0) this.badField = this.starts.length;
      let state = this.state;
      if (state === State.QuoteInQuoted) {
        if (b === QUOTE) {
          this.fieldSpecial = true;
          this.keep(QUOTE);
          this.state = State.Quoted;
          continue;
        }
        state = this.state = State.AfterQuote;
      }
      if (state === State.Quoted) {
        if (b === QUOTE) this.state = State.QuoteInQuoted;
        else if (b === LF || b === CR) {
          // A line break inside quotes belongs to the field as it is; CRLF counts one line.
          if (b === CR || !this.prevCr) this.line++;
          this.fieldSpecial = true;
          this.keep(b);
        } else {
          if (b === delim) this.fieldSpecial = true;
          this.keep(b);
        }
      } else if (b === delim) this.endField();
      else if (b === LF || b === CR) {
        if (b === CR) this.pendingCr = true;
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
      } else if (state === State.FieldStart) {
        if (b === QUOTE) {
          // Spaces before an opening quote are not part of the field.
          this.field.length = 0;
          this.state = State.Quoted;
        } else {
          this.keep(b);
          if (b !== SPACE && b !== TAB) this.state = State.Unquoted;
        }
      } else {
        if (b === QUOTE) this.fieldSpecial = true;
        this.keep(b);
      }
    }
  }

  /**
   * Most records are plain: no quote, no byte above ASCII, the whole record in this chunk. A run of
   * such records is found by looking for their line breaks and copied as it is (one copy for the
   * run, where the file ends its lines with LF alone); anything else goes through the byte-by-byte
   * reading. Returns the index of the first record it did not take. In a `clean` chunk (no quote,
   * no zero byte, nothing above ASCII) every record is plain up to its length and field count.
   */
  private plainRecords(chunk: Uint8Array, from: number, clean: boolean): number {
    const delim = this.delim;
    const width = this.width;
    const max = this.layout.maxRecordBytes;
    const headerEnd = this.layout.headerEndLine;
    const out = this.out;
    let at = from;
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart >= 0) out.append(chunk, runStart, runEnd);
      runStart = -1;
      runEnd = -1;
    };
    records: while (at < chunk.length) {
      let count = 1;
      let blank = true;
      let i = at;
      if (clean) {
        for (; i < chunk.length; i++) {
          const b = chunk[i]!;
          if (b === delim) count++;
          else if (b === LF || b === CR) break;
        }
        for (let j = at; j < i && blank; j++) {
          const b = chunk[j]!;
          blank = b === delim || b === SPACE || b === TAB;
        }
      } else {
        for (; i < chunk.length; i++) {
          const b = chunk[i]!;
          if (b === delim) count++;
          else if (b > QUOTE) {
            if (b >= 0x80) break records;
            blank = false;
          } else if (b === LF || b === CR) break;
          else if (b === QUOTE || b === 0) break records;
          else if (b !== SPACE && b !== TAB) blank = false;
        }
      }
      if (i >= chunk.length || i - at > max || count > width || i === at) break;
      const cr = chunk[i] === CR;
      let next = i + 1;
      if (cr) {
        if (next >= chunk.length) break;
        if (chunk[next] === LF) next++;
      }
      const row = this.line;
      this.line++;
      this.recordLine = this.line;
      if (row <= headerEnd || blank) {
        flush();
      } else if (++this.records && count <= this.lastNamed) {
        flush();
        this.reject(row, '_row', `${count} dari ${width}`, 'CSV_TOO_FEW_FIELDS');
      } else {
        this.note(row);
        if (!cr && runEnd === at) runEnd = next;
        else {
          flush();
          if (cr) {
            out.append(chunk, at, i);
            out.push(LF);
          } else {
            runStart = at;
            runEnd = next;
          }
        }
        this.written++;
      }
      at = next;
    }
    flush();
    return at;
  }

  private binary(): never {
    throw new AppError('IMPORT_FAILED',
      `Berkas ini berisi data biner (byte 0 di baris ${this.line}), bukan teks CSV. Simpan ulang dari aplikasi asalnya sebagai CSV atau XLSX.`,
      `This file contains binary data (a zero byte on line ${this.line}), not CSV text. Save it again from its application as CSV or XLSX.`);
  }

  private keep(b: number): void {
    if (!this.overlong) this.field.push(b);
  }


  /** Writes the field in its plain form: as it is, or quoted with its quotes doubled. */
  private endField(): void {
    const rec = this.rec;
    if (this.starts.length > 0) rec.push(this.delim);
    this.starts.push(rec.length);
    const f = this.field;
    if (!this.fieldSpecial) rec.append(f.data, 0, f.length);
    else {
      rec.push(QUOTE);
      for (let i = 0; i < f.length; i++) {
        const c = f.data[i]!;
        if (c === QUOTE) rec.push(QUOTE);
        rec.push(c);
      }
      rec.push(QUOTE);
    }
    f.length = 0;
    this.fieldSpecial = false;
    this.state = State.FieldStart;
  }

  /** Field i of the record as text (for a message). */
  private fieldText(i: number): string {
    const from = this.starts[i]!;
    const to = i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.rec.length;
    const bytes = this.rec.data.subarray(from, to);
    const text = showBytes(bytes);
    return bytes[0] === QUOTE ? text.slice(1, -1).replaceAll('""', '"') : text;
  }

  private column(i: number): string {
    const h = this.layout.headers[i]?.trim();
    return h ? h : `kolom ${i + 1}`;
  }

  private endRecord(): void {
    this.endField();
    const row = this.recordLine;
    const count = this.starts.length;
    // A line of nothing, or of separators, spaces and empty quoted cells only (the empty rows a
    // spreadsheet exports), is no record: an empty cell is written without its quotes.
    const blank = this.rec.view().every((c) => c === SPACE || c === TAB || c === this.delim);
    if (!blank && row > this.layout.headerEndLine) {
      this.records++;
      this.judge(row, count);
    }
    this.rec.length = 0;
    this.starts = [];
    this.raw.length = 0;
    this.rawBytes = 0;
    this.overlong = false;
    this.badField = -1;
  }

  private judge(row: number, count: number): void {
    if (this.overlong) return this.reject(row, '_row', null, 'CSV_LINE_TOO_LONG', this.rawBytes.toLocaleString('id-ID'));
    if (this.badField >= 0) return this.reject(row, this.column(this.badField), tooLong(this.fieldText(this.badField)), 'CSV_ENCODING');
    if (count > this.width) {
      const extra: string[] = [];
      for (let i = this.width; i < count; i++) {
        const text = this.fieldText(i);
        if (text.trim() !== '') extra.push(text);
      }
      if (extra.length > 0) return this.reject(row, '_row', tooLong(extra.join(this.layout.delimiter)), 'CSV_TOO_MANY_FIELDS');
    }
    if (count <= this.lastNamed) return this.reject(row, '_row', `${count} dari ${this.width}`, 'CSV_TOO_FEW_FIELDS');
    this.note(row);
    const out = this.out;
    const end = count > this.width ? this.starts[this.width]! - 1 : this.rec.length;
    out.append(this.rec.data, 0, end);
    out.push(LF);
    this.written++;
  }

  /** Notes a shift when the record about to be written does not start where its index says. */
  private note(row: number): void {
    const shift = row - (this.layout.headerEndLine + 1) - this.written;
    if (shift !== this.shift) {
      this.shifts.push({ index: this.written, shift });
      this.shift = shift;
    }
  }

  private reject(row: number, column: string, value: string | null, code: ScanReject['code'], detail: string | null = null): void {
    this.rejects.push({ row, column, value, code, detail });
  }

  /**
   * The file ended inside quotes. When the record is short enough to have been kept, its first
   * line is rejected and the lines after it are read again as records of their own: a stray
   * quote should cost one row, not the rest of the file.
   */
  private unclosedQuote(): void {
    const row = this.recordLine;
    // The lines after the opening one; a line break that ends the file starts no line.
    const consumed = this.line - row - (this.lastByte === LF || this.lastByte === CR ? 1 : 0);
    if (this.overlong) {
      throw new AppError('IMPORT_FAILED',
        `Baris ${row}: tanda kutip (") dibuka tetapi tidak pernah ditutup, sehingga ${consumed.toLocaleString('id-ID')} baris sesudahnya terbaca sebagai satu sel. Perbaiki tanda kutip di baris ${row}, lalu impor lagi.`,
        `Row ${row}: a quote (") opens but never closes, so the ${consumed.toLocaleString('en-US')} lines after it read as one cell. Fix the quote on row ${row}, then import again.`);
    }
    const raw = this.raw.view().slice();
    let firstBreak = raw.findIndex((c) => c === LF || c === CR);
    if (firstBreak >= 0 && raw[firstBreak] === CR && raw[firstBreak + 1] === LF) firstBreak++;
    this.rec.length = 0;
    this.starts = [];
    this.field.length = 0;
    this.fieldSpecial = false;
    this.raw.length = 0;
    this.rawBytes = 0;
    this.badField = -1;
    this.utf8.reset();
    this.state = State.FieldStart;
    if (row > this.layout.headerEndLine) {
      this.records++;
      this.reject(row, '_row', null, 'CSV_QUOTE', String(consumed));
    }
    this.line = row + 1;
    this.recordLine = this.line;
    if (firstBreak < 0) return;
    this.scan(raw.subarray(firstBreak + 1));
    this.finish();
  }
}
