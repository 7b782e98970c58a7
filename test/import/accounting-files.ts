import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { nip } from '../helpers/workspace.ts';

/**
 * The files of "every byte accounted" (accounting.test.ts): one generator per case. Each writes its
 * file and returns what the test expects of it, worked out from what the generator itself wrote, by
 * the rules of docs/import.md, never by asking the product: how many data records the file holds
 * (blank lines and lines of separators or spaces only are no records; a quoted cell may span lines;
 * title block and header are no records), which rows are rejected or skipped and why, and the exact
 * values each good row must be stored with. A file that must be refused whole says so instead.
 */

export const HEADER = ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];

/** How large the files are: small for npm test, full for npm run robustness (test/support/sizes.ts). */
export interface AccountingSize {
  /** Data rows of the ordinary files (the line-ending files, the encodings, the duplicates…). */
  rows: number;
  /** Rows of the CSV with 1,200 extra columns, and of the 1,000-column workbook. */
  wideCsvRows: number;
  wideXlsxRows: number;
  /** Rows of each visible sheet of the workbook of several sheets. */
  sheetRows: number;
  /** Bytes of each over-long line, one file each. */
  longLines: number[];
  /** Rows with 2,000 extra fields each. */
  wideRejects: number;
  /** Import each file once more through the real CLI in a process of its own and measure its peak RSS. */
  memory: boolean;
}

/** An attendance row as the workspace stores it (the columns the test compares). */
export type StoredRow = {
  sheet: string | null;
  row_no: number;
  nip: string;
  date: string;
  agency: string;
  name: string | null;
  unit_name: string | null;
  check_in: string | null;
  check_out: string | null;
  status: string;
  mode: string | null;
};

export type RejectCode =
  | 'CSV_TOO_MANY_FIELDS' | 'CSV_TOO_FEW_FIELDS' | 'CSV_QUOTE' | 'CSV_ENCODING' | 'CSV_LINE_TOO_LONG' | 'DUPLICATE'
  | 'XLSX_TOO_MANY_CELLS' | 'XLSX_CELL_TOO_LONG' | 'XLSX_ROW_RANGE';

export interface ExpectedReject {
  row: number;
  sheet: string | null;
  code: RejectCode;
  /** The whole reason, or what it must match (built by `reason` below from what the generator wrote). */
  reason: RegExp;
}

export interface Expected {
  /** Data records in the file, counted by the generator as it wrote them. */
  records: number;
  imported: number;
  rejected: number;
  skipped: number;
  rejects: ExpectedReject[];
  skippedRows: { row: number; sheet: string | null }[];
  /** Every good row, as it must be stored, in (sheet, row) order. */
  stored: StoredRow[];
  /**
   * The batches, in order, with their counts: a text file's one (its encoding recorded), a
   * workbook's one per visible sheet with the header.
   */
  batches: BatchCounts[];
  /** The result's list of sheets: a workbook of several (the product lists them only then). */
  sheets?: Omit<BatchCounts, 'encoding'>[];
  /** Warnings the result must hold (and no others). */
  warnings: RegExp[];
  /** Text that must appear nowhere in the result (a cell too long to show). */
  hidden?: string[];
}

export interface BatchCounts {
  sheet: string | null;
  encoding: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
}

export interface Generated {
  name: string;
  path: string;
  bytes: number;
  /** What the import must do with the file: its counts, or a refusal of the whole file. */
  expected: Expected | { refused: RegExp };
}

export const AGENCY = 'UJI-AKUNTANSI';

// ---------------------------------------------------------------------------------------------
// Rows

interface Day { text: string; iso: string }

/** The 61 days of September and October 2025, written DD/MM/YYYY. */
const DAYS: Day[] = Array.from({ length: 61 }, (_, d) => {
  const date = new Date(Date.UTC(2025, 8, 1 + d));
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return { text: `${dd}/${mm}/2025`, iso: `2025-${mm}-${dd}` };
});

const NAMES = [
  'Ma’ruf Rénaldi', 'Siti Nur’aini', 'Andi Pratama', 'Dewi Lestari, S.E.', 'Putu Ayu Cécilia', 'Yohanes Ndruru',
  'Drs. H. Ahmad “Haji” Fauzi, M.Si.', 'Ni Luz Müller', 'Rizky Fadhillah', 'Agnès Sitompul',
];
const UNITS = ['Biro Umum', 'Bagian Kepegawaian', 'Dinas Pendidikan – Bidang SD', 'Sekretariat Daerah'];
const two = (n: number) => String(n).padStart(2, '0');

/** The i-th row of a file: a distinct (NIP, date) for every i below 999 × 61 × 20. */
export interface Person {
  nip: string;
  day: Day;
  name: string;
  unit: string;
  checkIn: string;
  checkOut: string;
}

export function person(i: number): Person {
  const seq = (i % 999) + 1;
  const day = DAYS[Math.floor(i / 999) % DAYS.length]!;
  const group = Math.floor(i / (999 * DAYS.length));
  return {
    nip: nip(seq, `${1986 - group}0926`, `${2015 - group}05`),
    day,
    name: NAMES[i % NAMES.length]!,
    unit: UNITS[i % UNITS.length]!,
    checkIn: `07:${two(i % 60)}`,
    checkOut: `16:${two((i * 7) % 60)}`,
  };
}

/** The eight cells of a person's row, in HEADER's order. */
/** Person i with a name no CSV writer quotes (no comma, no quote): for files where a quote must not close. */
export function unquoted(i: number): Person {
  return { ...person(i), name: ['Ma’ruf Rénaldi', 'Siti Nur’aini', 'Agnès Sitompul', 'Andi Pratama'][i % 4]! };
}

export function cells(p: Person): string[] {
  return [p.nip, p.name, p.unit, p.day.text, p.checkIn, p.checkOut, 'H', 'WFO'];
}

function stored(p: Person, row: number, sheet: string | null = null): StoredRow {
  return {
    sheet, row_no: row, nip: p.nip, date: p.day.iso, agency: AGENCY, name: p.name, unit_name: p.unit,
    check_in: `${p.checkIn}:00`, check_out: `${p.checkOut}:00`, status: 'HADIR', mode: 'WFO',
  };
}

/** A CSV cell: quoted (quotes doubled) where a separator, a quote or a line break is in it. */
export function cell(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function line(values: string[], delimiter = ','): string {
  return values.map((v) => cell(v, delimiter)).join(delimiter);
}

// ---------------------------------------------------------------------------------------------
// The reasons, as docs/import.md writes them (Rejects, counts and warnings), for what was written

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** 4000000 → 4.000.000, as the Indonesian messages write numbers. */
export const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const at = (row: number, sheet: string | null) => (sheet === null ? `baris ${row}` : `lembar ${sheet}, baris ${row}`);

export const reason = {
  /** The extra fields as the row holds them; a long list may be cut short in the message. */
  tooMany: (row: number, extra: string, sheet: string | null = null) =>
    new RegExp(`^${esc(at(row, sheet))}: "${esc(extra.slice(0, 60))}[^"]*" berisi lebih banyak kolom daripada judul kolom \\(periksa pemisah atau tanda kutip\\)$`),
  tooFew: (row: number, fields: number) =>
    new RegExp(`^${esc(at(row, null))}: "${fields} dari ${HEADER.length}" kolom saja, lebih sedikit daripada judul kolom`),
  /** `lines`: how many lines follow the row (they would have read as one cell). */
  quote: (row: number, lines: number | null) =>
    new RegExp(`^${esc(at(row, null))}: baris membuka tanda kutip \\("\\) yang tidak pernah ditutup: ${lines === null ? '\\d+' : lines} baris sesudahnya akan terbaca sebagai satu sel`),
  /** The cell as it is, with each byte that is not UTF-8 written \xNN. */
  encoding: (row: number, column: string, shown: string) =>
    new RegExp(`^${esc(at(row, null))}: ${esc(column)} "${esc(shown)}" berisi karakter yang tidak dapat dibaca \\(pengodean teks\\)$`),
  /** `bytes`: the line's length, its line break included. */
  tooLong: (row: number, bytes: number) =>
    new RegExp(`^${esc(at(row, null))}: baris terlalu panjang \\(${esc(thousands(bytes))} byte; paling panjang 4\\.000\\.000 byte\\)$`),
  duplicate: (row: number, nipText: string, kept: number, sheet: string | null = null) =>
    new RegExp(`^${esc(at(row, sheet))}: NIP "${nipText}" punya kunci yang sama dengan baris ${kept} di berkas ini; baris ${kept} yang dipakai$`),
  cellTooLong: (row: number, sheet: string, column: string, chars: number) =>
    new RegExp(`^${esc(at(row, sheet))}: ${esc(column)} terlalu panjang \\(${chars} karakter; satu sel Excel paling banyak 32\\.767\\)$`),
  /** A row numbered past Excel's last: rejected under its own number, which the reason repeats. */
  rowRange: (row: number, sheet: string) =>
    new RegExp(`^${esc(at(row, sheet))}: .*berada di luar batas lembar Excel \\(nomor baris ${row}; paling banyak 1\\.048\\.576\\)$`),
};

// ---------------------------------------------------------------------------------------------
// A CSV file, written piece by piece, counting its lines and records as it goes

/** A run of one repeated text, written to disk in pieces (the over-long lines). */
interface Repeat { repeat: string; times: number }
type Piece = Buffer | Repeat;

/** Line breaks in some text: CR, LF and CRLF each end one line (a CR that ended the text before pairs with a leading LF). */
function breaks(text: string, afterCr: boolean): { n: number; endsCr: boolean } {
  let n = 0;
  let cr = afterCr;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) n++;
    else if (c === 0x0a && !cr) n++;
    cr = c === 0x0d;
  }
  return { n, endsCr: text.length ? cr : afterCr };
}

class CsvFile {
  private pieces: Piece[] = [];
  /** The physical line the next byte is on. */
  line = 1;
  bytes = 0;
  private afterCr = false;
  records = 0;
  readonly stored: StoredRow[] = [];
  readonly rejects: ExpectedReject[] = [];
  readonly skippedRows: { row: number; sheet: null }[] = [];
  /** The rejects of each key's earlier rows, which name the row kept. */
  private dupes = new Map<string, { kept: number; rejects: { row: number }[] }>();
  /** Where each key's row is in `stored`. */
  private keys = new Map<string, StoredRow>();

  constructor(private readonly encoding = 'utf-8') {}

  /** Text, in the file's encoding; its line breaks counted as the text has them. */
  text(s: string): this {
    return this.put(s, iconv.encode(s, this.encoding));
  }

  /** Bytes as they are (a stray byte, a zero byte), in an ASCII-compatible file. */
  raw(b: Buffer): this {
    return this.put(b.toString('latin1'), b);
  }

  private put(text: string, b: Buffer): this {
    const { n, endsCr } = breaks(text, this.afterCr);
    this.line += n;
    this.afterCr = endsCr;
    this.bytes += b.length;
    this.pieces.push(b);
    return this;
  }

  /** A run of `times` × `repeat` (ASCII, no line break), written without holding it in memory. */
  repeat(repeat: string, times: number): this {
    this.pieces.push({ repeat, times });
    this.bytes += repeat.length * times;
    this.afterCr = false;
    return this;
  }

  /** A good row of person i (with changed cells), stored as written. */
  good(p: Person, eol = '\n', delimiter = ',', prefix: string[] = []): this {
    const row = this.line;
    this.records++;
    this.text(line([...prefix, ...cells(p)], delimiter) + eol);
    this.keep(stored(p, row));
    return this;
  }

  /** A good row; an earlier row of its key is now rejected, naming this one. */
  keep(s: StoredRow): void {
    const key = `${s.nip}|${s.date}`;
    const earlier = this.keys.get(key);
    if (earlier) {
      // The last row of a key is kept; each earlier one is rejected naming it (docs/decisions.md, Imports).
      this.stored.splice(this.stored.indexOf(earlier), 1);
      const dupe = this.dupes.get(key) ?? { kept: s.row_no, rejects: [] };
      dupe.rejects.push({ row: earlier.row_no });
      dupe.kept = s.row_no;
      this.dupes.set(key, dupe);
    }
    this.keys.set(key, s);
    this.stored.push(s);
  }

  /** A record the import must reject: the text is written and counted as one record. */
  reject(text: string | Buffer, code: RejectCode, why: (row: number) => RegExp): this {
    const row = this.line;
    this.records++;
    this.rejects.push({ row, sheet: null, code, reason: why(row) });
    if (typeof text === 'string') this.text(text);
    else this.raw(text);
    return this;
  }

  /** A record the import must skip (no value in a mapped column). */
  skip(text: string): this {
    this.records++;
    this.skippedRows.push({ row: this.line, sheet: null });
    return this.text(text);
  }

  /** A row whose start line is noted before its pieces are written with text/raw/repeat. */
  startRecord(code: RejectCode, why: (row: number) => RegExp): number {
    const row = this.line;
    this.records++;
    this.rejects.push({ row, sheet: null, code, reason: why(row) });
    return row;
  }

  expected(extra: Partial<Expected> = {}): Expected {
    const rejects = [...this.rejects];
    for (const [key, d] of this.dupes) {
      for (const r of d.rejects) rejects.push({ row: r.row, sheet: null, code: 'DUPLICATE', reason: reason.duplicate(r.row, key.split('|')[0]!, d.kept) });
    }
    rejects.sort((a, b) => a.row - b.row);
    const counts = { rowsRead: this.records, rowsImported: this.stored.length, rowsRejected: rejects.length, rowsSkipped: this.skippedRows.length };
    return {
      records: this.records,
      imported: this.stored.length,
      rejected: rejects.length,
      skipped: this.skippedRows.length,
      rejects,
      skippedRows: this.skippedRows,
      stored: [...this.stored].sort((a, b) => a.row_no - b.row_no),
      batches: [{ sheet: null, encoding: this.encoding, ...counts }],
      warnings: [],
      ...extra,
    };
  }

  async write(dir: string, name: string, expected: Expected | { refused: RegExp }): Promise<Generated> {
    const path = join(dir, name);
    const out = createWriteStream(path);
    const put = async (b: Buffer) => {
      if (!out.write(b)) await once(out, 'drain');
    };
    for (const p of this.pieces) {
      if (Buffer.isBuffer(p)) await put(p);
      else {
        const block = Buffer.from(p.repeat.repeat(Math.max(1, Math.floor((1 << 20) / p.repeat.length))), 'latin1');
        const per = block.length / p.repeat.length;
        let left = p.times;
        while (left > 0) {
          const n = Math.min(left, per);
          await put(n === per ? block : block.subarray(0, n * p.repeat.length));
          left -= n;
        }
      }
    }
    out.end();
    await once(out, 'close');
    return { name, path, bytes: this.bytes, expected };
  }
}

const headerLine = (eol = '\n', delimiter = ',') => line(HEADER, delimiter) + eol;

// ---------------------------------------------------------------------------------------------
// The cases

export interface Case {
  /** The file's name, which says what it tests. */
  name: string;
  generate(dir: string, size: AccountingSize): Promise<Generated>;
}

/** A title block ending in LF above CRLF data. */
async function titleLfOverCrlf(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text('REKAP PRESENSI PEGAWAI\nPeriode: September 2025\n\n').text(headerLine('\r\n'));
  for (let i = 0; i < size.rows; i++) f.good(person(i), '\r\n');
  return f.write(dir, 'title-lf-over-crlf.csv', f.expected());
}

/** A title block of CR-only lines over LF data. */
async function titleCrOverLf(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text('REKAP PRESENSI PEGAWAI\rDinas Pendidikan\r\r').text(headerLine('\n'));
  for (let i = 0; i < size.rows; i++) f.good(person(i), '\n');
  return f.write(dir, 'title-cr-over-lf.csv', f.expected());
}

/**
 * A CRLF header over LF data, with quoted cells: one spanning lines (CRLF and LF inside, kept as
 * they are, the record numbered by the line it starts on) and one with a comma and doubled quotes.
 */
async function crlfHeaderOverLf(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text(headerLine('\r\n'));
  const half = Math.floor(size.rows / 2);
  for (let i = 0; i < size.rows; i++) {
    const p = person(i);
    if (i === 3) p.unit = 'Biro Umum\r\nSubbagian Tata Usaha\nLantai 2';
    if (i === half) p.name = 'Ir. "Bung" Hatta, M.Sc.';
    f.good(p, '\n');
  }
  return f.write(dir, 'crlf-header-over-lf.csv', f.expected());
}

/** One row ending in CR alone inside an LF file. */
async function crRowInLf(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  const at = Math.floor(size.rows / 2);
  for (let i = 0; i < size.rows; i++) f.good(person(i), i === at ? '\r' : '\n');
  return f.write(dir, 'cr-row-in-lf.csv', f.expected());
}

/** The last row without a line break. */
async function noFinalBreak(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  for (let i = 0; i < size.rows; i++) f.good(person(i), i === size.rows - 1 ? '' : '\n');
  return f.write(dir, 'no-final-break.csv', f.expected());
}

/**
 * Rows with extra fields: one non-empty extra field (each row one reject), 2,000 non-empty extra
 * fields (each row one reject, however many fields), and only empty extra fields (imported).
 */
async function extraFields(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  let k = 0;
  const next = () => person(k++);
  for (let i = 0; i < 5; i++) f.good(next());
  for (const extra of ['catatan', 'lebih', 'Cuti setengah hari']) {
    f.reject(`${line(cells(next()))},${extra}\n`, 'CSV_TOO_MANY_FIELDS', (row) => reason.tooMany(row, extra));
    f.good(next());
  }
  const many = Array.from({ length: 2000 }, (_, j) => `x${j}`).join(',');
  for (let i = 0; i < size.wideRejects; i++) {
    f.reject(`${line(cells(next()))},${many}\n`, 'CSV_TOO_MANY_FIELDS', (row) => reason.tooMany(row, many));
    f.good(next());
  }
  // Empty extra fields are ignored: these rows are imported.
  f.good(next(), ',\n');
  f.good(next(), ',,,,,\n');
  f.good(next(), `${','.repeat(2000)}\n`);
  for (let i = 0; i < 5; i++) f.good(next());
  return f.write(dir, 'extra-fields.csv', f.expected());
}

/** Rows ending before the header's last named column. */
async function shortRows(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  let k = 0;
  for (let i = 0; i < Math.min(size.rows, 50); i++) f.good(person(k++));
  for (const n of [1, 5, 7]) {
    f.reject(`${line(cells(person(k++)).slice(0, n))}\n`, 'CSV_TOO_FEW_FIELDS', (row) => reason.tooFew(row, n));
    f.good(person(k++));
  }
  return f.write(dir, 'short-rows.csv', f.expected());
}

/** One line of `bytes` bytes (a name that long) between good rows: rejected with its row, streamed to disk. */
function overLong(bytes: number): Case {
  const mb = Math.round(bytes / 2 ** 20);
  return {
    name: `long-line-${mb}mb.csv`,
    async generate(dir, size) {
      const f = new CsvFile().text(headerLine());
      let k = 0;
      for (let i = 0; i < Math.min(size.rows, 100); i++) f.good(person(k++));
      const p = person(k++);
      const head = `${p.nip},`;
      const tail = `,${line(cells(p).slice(2))}\n`;
      const fill = bytes - head.length - tail.length;
      f.startRecord('CSV_LINE_TOO_LONG', (row) => reason.tooLong(row, bytes));
      f.text(head).repeat('A', fill).text(tail);
      for (let i = 0; i < Math.min(size.rows, 100); i++) f.good(person(k++));
      return f.write(dir, `long-line-${mb}mb.csv`, f.expected());
    },
  };
}

/** 2,001 lines; row 6 opens a quote that never closes: row 6 rejected, every other line imported. */
async function unclosedQuote(dir: string): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  const LINES = 2001;
  let k = 0;
  for (let i = 0; i < 4; i++) f.good(unquoted(k++));
  const p = unquoted(k++);
  const opens = `${p.nip},"${p.name},${line(cells(p).slice(2))}\n`;
  // The lines after row 6, to the end of the file: they would have been read as one cell.
  f.reject(opens, 'CSV_QUOTE', (row) => reason.quote(row, null));
  while (f.line <= LINES) f.good(unquoted(k++));
  return f.write(dir, 'unclosed-quote.csv', f.expected());
}

/**
 * The same quote, with `LINES` lines after it, with and without a final line break: the reason says
 * how many lines follow row 6 (the lines that would have read as one cell).
 */
export async function unclosedQuoteLines(dir: string, finalBreak: boolean): Promise<{ path: string; row: number; linesAfter: number }> {
  const f = new CsvFile().text(headerLine());
  let k = 0;
  for (let i = 0; i < 4; i++) f.good(unquoted(k++));
  const p = unquoted(k++);
  const row = f.line;
  f.reject(`${p.nip},"${p.name},${line(cells(p).slice(2))}\n`, 'CSV_QUOTE', (r) => reason.quote(r, null));
  for (let i = 0; i < 10; i++) f.good(unquoted(k++), i === 9 && !finalBreak ? '' : '\n');
  const g = await f.write(dir, `unclosed-quote-${finalBreak ? 'final-break' : 'no-final-break'}.csv`, f.expected());
  return { path: g.path, row, linesAfter: 10 };
}

/**
 * A quote that opens on row 6 and never closes, with more than a record may hold (4,000,000 bytes)
 * after it: the file is refused whole, naming the row (docs/decisions.md, Imports).
 */
async function unclosedQuoteTooLong(dir: string): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  let k = 0;
  for (let i = 0; i < 4; i++) f.good(unquoted(k++));
  const p = unquoted(k++);
  f.text(`${p.nip},"${p.name},${line(cells(p).slice(2))}\n`);
  while (f.bytes < 4_200_000) f.good(unquoted(k++));
  return f.write(dir, 'unclosed-quote-past-4mb.csv', { refused: /^Baris 6: tanda kutip \("\) dibuka tetapi tidak pernah ditutup, sehingga [\d.]+ baris sesudahnya terbaca sebagai satu sel\. Perbaiki tanda kutip di baris 6/ });
}

/**
 * A UTF-8 file with names like Ma’ruf Rénaldi, one stray Windows-1252 byte in one name (before or
 * after the first 256 KB, which decide the encoding), and a name that is exactly U+0001.
 */
function strayByte(where: 'early' | 'late'): Case {
  const name = `utf8-stray-byte-${where}.csv`;
  return {
    name,
    async generate(dir, size) {
      const f = new CsvFile().text(headerLine());
      let k = 0;
      const before = where === 'early' ? Math.min(size.rows, 20) : 0;
      for (let i = 0; i < before; i++) f.good(person(k++));
      while (where === 'late' && f.bytes < 300 * 1024) f.good(person(k++));
      const p = person(k++);
      // R\xE9naldi: é as Windows-1252 writes it, one byte that is not UTF-8.
      f.reject(Buffer.concat([Buffer.from(`${p.nip},Ma’ruf R`), Buffer.from([0xe9]), Buffer.from(`naldi,${line(cells(p).slice(2))}\n`)]),
        'CSV_ENCODING', (row) => reason.encoding(row, 'Nama', 'Ma’ruf R\\xE9naldi'));
      const control = person(k++);
      control.name = '\u0001';
      f.good(control);
      for (let i = 0; i < Math.min(size.rows, 200); i++) f.good(person(k++));
      return f.write(dir, name, f.expected());
    },
  };
}

/** The whole body in Windows-1252 (é, ’, “ ”, –): imported, every name decoded right. */
async function windows1252(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile('windows-1252').text(headerLine());
  for (let i = 0; i < size.rows; i++) f.good(person(i));
  return f.write(dir, 'windows-1252.csv', f.expected());
}

/** UTF-16 LE without a byte order mark (Latin text): imported. */
async function utf16NoBom(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile('utf-16le').text(headerLine('\r\n'));
  for (let i = 0; i < size.rows; i++) f.good(person(i), '\r\n');
  return f.write(dir, 'utf16le-no-bom.csv', f.expected());
}

/** A zero byte after the first 256 KB: refused as binary, naming its line; nothing stored. */
async function nulLate(dir: string): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  let k = 0;
  while (f.bytes < 300 * 1024) f.good(person(k++));
  const p = person(k++);
  const row = f.line;
  f.raw(Buffer.concat([Buffer.from(`${p.nip},Andi`), Buffer.from([0]), Buffer.from(`,${line(cells(p).slice(2))}\n`)]));
  for (let i = 0; i < 10; i++) f.good(person(k++));
  return f.write(dir, 'nul-after-256kb.csv', {
    refused: new RegExp(`^Berkas ini berisi data biner \\(byte 0 di baris ${row}\\), bukan teks CSV`),
  });
}

/** The 8 attendance columns among 1,200 extra ones (600 before, 600 after), every cell filled: imported. */
async function wideCsv(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile();
  const extra = (from: number) => Array.from({ length: 600 }, (_, j) => `Data Tambahan ${from + j}`);
  f.text(line([...extra(1), ...HEADER, ...extra(601)]) + '\n');
  const fill = (i: number) => Array.from({ length: 600 }, (_, j) => `v${i}.${j}`);
  for (let i = 0; i < size.wideCsvRows; i++) {
    const row = f.line;
    const p = person(i);
    f.records++;
    f.text(line([...fill(i), ...cells(p), ...fill(i + 1)]) + '\n');
    f.keep(stored(p, row));
  }
  return f.write(dir, 'wide-1208-columns.csv', f.expected());
}

/** Blank lines and lines of separators or spaces only between the data: no rows, not counted, not reported. */
async function blankLines(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text('\n\n').text(headerLine()).text('\n');
  const blanks = ['\n', '   \n', ',,,,,,,\n', ' , , ,  ,\n', '\r\n', ',,,,,,,,,,,,\n', '\r', '  \t \n'];
  for (let i = 0; i < Math.min(size.rows, 200); i++) {
    f.good(person(i));
    if (i % 3 === 0) f.text(blanks[i % blanks.length]!);
  }
  f.text('\n\n,,,\n');
  return f.write(dir, 'blank-lines.csv', f.expected());
}

/**
 * Rows whose every cell is empty but quoted (`"","",…`, a lone `""`), as some exports write an empty
 * row: "rows with every cell empty are no rows and are not counted" (docs/import.md, Rejects,
 * counts and warnings), as an XLSX row with every cell empty is not.
 */
async function emptyQuotedCells(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  const empties = [`${Array(8).fill('""').join(',')}\n`, '""\n', `"",,,,,,,\n`];
  for (let i = 0; i < Math.min(size.rows, 40); i++) {
    f.good(person(i));
    if (i % 10 === 0) f.text(empties[(i / 10) % empties.length]!);
  }
  return f.write(dir, 'empty-quoted-cells.csv', f.expected());
}

/** A row with values only in unmapped columns (a No counter, a remark): skipped with its reason. */
async function skippedRows(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text(line(['No', ...HEADER, 'Keterangan']) + '\n');
  const n = Math.min(size.rows, 100);
  let no = 1;
  for (let i = 0; i < n; i++) {
    f.good(person(i), i % 2 ? ',\n' : ',hadir\n', ',', [String(no++)]);
    if (i === 2 || i === n - 1) f.skip(`${no++},,,,,,,,,\n`);
    if (i === 10) f.skip(`${no++},,,,,,,,,Dicetak oleh admin\n`);
  }
  return f.write(dir, 'skipped-rows.csv', f.expected());
}

/** Duplicated natural keys: the last row of a key kept, each earlier one rejected naming it. */
async function duplicates(dir: string, size: AccountingSize): Promise<Generated> {
  const f = new CsvFile().text(headerLine());
  const n = Math.min(size.rows, 200);
  for (let i = 0; i < n; i++) {
    f.good(person(i));
    if (i === 10) f.good({ ...person(3), name: 'Koreksi Pertama', checkIn: '08:15' });
    if (i === 20) f.good({ ...person(3), name: 'Koreksi Kedua', checkIn: '08:45' });
    if (i === 30) f.good({ ...person(25), unit: 'Unit Pindahan' });
  }
  return f.write(dir, 'duplicates.csv', f.expected());
}

// ---------------------------------------------------------------------------------------------
// Workbooks

type XCell = string | null;

/** Writes sheets of rows (row numbers of the sheet given where they skip) with exceljs. */
async function writeWorkbook(path: string, sheets: { name: string; state?: 'veryHidden' | 'hidden'; rows: [number, XCell[]][] }[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.state) ws.state = s.state;
    for (const [n, values] of s.rows) {
      const row = ws.getRow(n);
      values.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v;
      });
      row.commit();
    }
  }
  await wb.xlsx.writeFile(path);
  const { statSync } = await import('node:fs');
  return statSync(path).size;
}

/** A workbook sheet's rows and what the import must make of them. */
class SheetRows {
  readonly rows: [number, XCell[]][] = [];
  records = 0;
  readonly stored: StoredRow[] = [];
  readonly rejects: ExpectedReject[] = [];
  constructor(readonly name: string, private readonly named: boolean) {}
  put(row: number, values: XCell[]): this {
    this.rows.push([row, values]);
    return this;
  }
  good(row: number, p: Person): this {
    this.records++;
    this.stored.push(stored(p, row, this.name));
    return this.put(row, cells(p));
  }
  reject(row: number, values: XCell[], code: RejectCode, why: (row: number, sheet: string | null) => RegExp): this {
    this.records++;
    this.rejects.push({ row, sheet: this.named ? this.name : null, code, reason: why(row, this.named ? this.name : null) });
    return this.put(row, values);
  }
  counts(): Omit<BatchCounts, 'encoding'> {
    return { sheet: this.name, rowsRead: this.records, rowsImported: this.stored.length, rowsRejected: this.rejects.length, rowsSkipped: 0 };
  }
}

/**
 * Two visible data sheets (each counted, listed in `sheets`), a very hidden sheet placed first
 * (passed over, named in a warning), cells right of the header, a cell over 32,767 characters (its
 * content nowhere in the result) and a row numbered 2,000,000.
 */
async function workbookSheets(dir: string, size: AccountingSize): Promise<Generated> {
  let k = 0;
  const hidden = new SheetRows('Lama', true).put(1, HEADER);
  // The hidden sheet's people (a birth year no other file uses) must not be stored.
  for (let i = 0; i < 5; i++) hidden.put(2 + i, cells(person(999 * 61 * 15 + i)));
  const sep = new SheetRows('September', true).put(1, ['REKAP PRESENSI SEPTEMBER 2025']).put(3, HEADER);
  let r = 4;
  for (let i = 0; i < size.sheetRows; i++) {
    sep.good(r++, person(k++));
    if (i === 2) sep.reject(r++, [...cells(person(k++)), null, 'catatan'], 'XLSX_TOO_MANY_CELLS', (row, s) => reason.tooMany(row, 'catatan', s));
  }
  const secret = `RAHASIA-${'x'.repeat(40_000)}`;
  const long = person(k++);
  sep.reject(r++, [long.nip, secret, ...cells(long).slice(2)], 'XLSX_CELL_TOO_LONG', (row, s) => reason.cellTooLong(row, s!, 'Nama', secret.length));
  sep.good(r++, person(k++));
  const okt = new SheetRows('Oktober', true).put(1, HEADER);
  r = 2;
  for (let i = 0; i < size.sheetRows; i++) okt.good(r++, person(k++));
  const far = person(k++);
  okt.reject(2_000_000, [far.nip, 'RAHASIA-JAUH', ...cells(far).slice(2)], 'XLSX_ROW_RANGE', (row, s) => reason.rowRange(row, s!));
  const path = join(dir, 'workbook-sheets.xlsx');
  const bytes = await writeWorkbook(path, [
    { name: hidden.name, state: 'veryHidden', rows: hidden.rows },
    { name: sep.name, rows: sep.rows },
    { name: okt.name, rows: okt.rows },
  ]);
  const sheets = [sep, okt];
  const rejects = sheets.flatMap((s) => s.rejects);
  return {
    name: 'workbook-sheets.xlsx', path, bytes,
    expected: {
      records: sep.records + okt.records,
      imported: sep.stored.length + okt.stored.length,
      rejected: rejects.length,
      skipped: 0,
      rejects,
      skippedRows: [],
      stored: [...sep.stored, ...okt.stored],
      batches: sheets.map((s) => ({ ...s.counts(), encoding: null })),
      sheets: sheets.map((s) => s.counts()),
      warnings: [/^Lembar tersembunyi tidak diimpor: "Lama"\. /],
      hidden: ['RAHASIA'],
    },
  };
}

/** A workbook 1,000 columns wide (the 8 attendance columns among 992 filled extra ones): imported. */
async function wideXlsx(dir: string, size: AccountingSize): Promise<Generated> {
  const s = new SheetRows('Data', false);
  const extra = (from: number) => Array.from({ length: 496 }, (_, j) => `Data Tambahan ${from + j}`);
  s.put(1, [...extra(1), ...HEADER, ...extra(497)]);
  const fill = (i: number) => Array.from({ length: 496 }, (_, j) => `v${i}.${j}`);
  for (let i = 0; i < size.wideXlsxRows; i++) {
    const p = person(i);
    s.records++;
    s.stored.push(stored(p, i + 2, 'Data'));
    s.put(i + 2, [...fill(i), ...cells(p), ...fill(i + 1)]);
  }
  const path = join(dir, 'wide-1000-columns.xlsx');
  const bytes = await writeWorkbook(path, [{ name: 'Data', rows: s.rows }]);
  return {
    name: 'wide-1000-columns.xlsx', path, bytes,
    expected: {
      records: s.records, imported: s.stored.length, rejected: 0, skipped: 0, rejects: [], skippedRows: [],
      stored: s.stored, batches: [{ ...s.counts(), encoding: null }], warnings: [],
    },
  };
}

/** Every case, in the order the test runs them. */
export function accountingCases(size: AccountingSize): Case[] {
  const plain = (name: string, generate: (dir: string, size: AccountingSize) => Promise<Generated>): Case => ({ name, generate });
  return [
    plain('title-lf-over-crlf.csv', titleLfOverCrlf),
    plain('title-cr-over-lf.csv', titleCrOverLf),
    plain('crlf-header-over-lf.csv', crlfHeaderOverLf),
    plain('cr-row-in-lf.csv', crRowInLf),
    plain('no-final-break.csv', noFinalBreak),
    plain('extra-fields.csv', extraFields),
    plain('short-rows.csv', shortRows),
    ...size.longLines.map(overLong),
    plain('unclosed-quote.csv', unclosedQuote),
    plain('unclosed-quote-past-4mb.csv', unclosedQuoteTooLong),
    strayByte('early'),
    strayByte('late'),
    plain('windows-1252.csv', windows1252),
    plain('utf16le-no-bom.csv', utf16NoBom),
    plain('nul-after-256kb.csv', nulLate),
    plain('wide-1208-columns.csv', wideCsv),
    plain('wide-1000-columns.xlsx', wideXlsx),
    plain('blank-lines.csv', blankLines),
    {
      // Fixed bug: a row of empty quoted cells was counted and skipped, a lone "" rejected as "1 dari 8" kolom saja.
      name: 'empty-quoted-cells.csv', generate: emptyQuotedCells,
    },
    plain('skipped-rows.csv', skippedRows),
    plain('workbook-sheets.xlsx', workbookSheets),
    plain('duplicates.csv', duplicates),
  ];
}
