import { createReadStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { MappingRecipe } from '../../contract/import-types.ts';
import { AppError } from '../../contract/errors.ts';
import type { Db } from '../db/database.ts';
import { CsvScanner } from './csv-scan.ts';
import { DELIMITERS, splitRecords, type SampleRecord } from './csv-records.ts';
import { fixedLayout, FixedToCsv, textLines, type FixedHeader } from './fixed-reader.ts';
import { findHeader, mapColumns, mappedCount, type HeaderFound } from './header.ts';
import type { KindSpec } from './kinds.ts';
import { decodeSample, type Sniffed } from './sniff.ts';
import { refuseNoHeader, type Staged } from './staging.ts';

export interface CsvLayout {
  delimiter: string;
  records: SampleRecord[];
  header: HeaderFound;
  /** The physical line on which the header ends: the data follow it (0: no header, line 1 is data). */
  headerEndLine: number;
  /**
   * A file with no header row: its columns are named `#1`…`#N` and mapped by number, by this recipe
   * (the caller's with `header: false`, or the device log's own, see ATTLOG_RECIPE).
   */
  headerless?: MappingRecipe;
}

/**
 * The raw log of ZKTeco-type terminals (`attlog.dat`, also written by Solution and Fingerspot
 * devices): no header, tab-separated PIN, `YYYY-MM-DD HH:MM:SS`, verify mode, state, work code,
 * reserved. Recognised by its lines alone (rules.md §1, `scans`).
 */
const ATTLOG_LINE = /^\s*[0-9A-Za-z]+\t\s*\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?\s*(?:\t|$)/;
export const ATTLOG_RECIPE: MappingRecipe = { header: false, layout: 'scans', columns: { pin: 1, scanTime: 2, scanState: 4 } };

/** How many of the first non-empty lines must look like device log lines. */
const ATTLOG_SAMPLE = 5;

function looksAttlog(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, ATTLOG_SAMPLE + 1);
  // The sample may end inside its last line: that one is not judged.
  const judged = lines.length > ATTLOG_SAMPLE ? lines.slice(0, ATTLOG_SAMPLE) : lines;
  return judged.length > 0 && judged.every((l) => ATTLOG_LINE.test(l));
}

/**
 * A file read without a header row, its columns named `#1`…`#N`: the delimiter is the one that
 * splits the first records into the most fields, the same number in most of them.
 */
function headerlessLayout(text: string, recipe: MappingRecipe): CsvLayout | undefined {
  let best: { delimiter: string; records: SampleRecord[]; width: number; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const records = splitRecords(text, delimiter, 40);
    if (records.length === 0) continue;
    const widths = records.map((r) => r.cells.length);
    const width = Math.max(...widths);
    const common = widths.filter((w) => w === width).length;
    const score = width > 1 ? width * 1000 + common : 0;
    if (!best || score > best.score) best = { delimiter, records, width, score };
  }
  if (!best) return undefined;
  const headers = Array.from({ length: best.width }, (_, i) => `#${i + 1}`);
  return {
    delimiter: best.delimiter,
    records: best.records,
    header: { index: 0, height: 0, headers, keys: headers },
    headerEndLine: 0,
    headerless: recipe,
  };
}

/**
 * Picks the delimiter under which the header maps the most canonical fields. The header is the
 * first of the first rows that, alone or with the rows under it, has three known headers (a title
 * block may sit above it), else the first non-empty row, when that row maps at least one field
 * (docs/import.md, File formats).
 */
export function chooseLayout(text: string, spec: KindSpec, recipe?: MappingRecipe): CsvLayout | undefined {
  if (recipe?.header === false) return headerlessLayout(text, recipe);
  let best: (CsvLayout & { score: number }) | undefined;
  for (const delimiter of DELIMITERS) {
    const records = splitRecords(text, delimiter, 40);
    const cells = records.map((r) => r.cells);
    // A recipe's headerRow is the line number the preview and the batch report show, not the record
    // index (blank lines are not records).
    const index = recipe?.headerRow !== undefined ? recordAtLine(records, recipe.headerRow) : undefined;
    if (recipe?.headerRow !== undefined && index === undefined) continue;
    const header = findHeader(cells, spec, index === undefined ? recipe : { ...recipe!, headerRow: index + 1 })
      ?? (records[0] ? { index: 0, height: 1, headers: records[0].cells, keys: records[0].cells } : undefined);
    if (!header) continue;
    const mapped = mappedCount(header.headers, spec, recipe, header.keys);
    if (mapped === 0) continue;
    const score = mapped * 1000 + header.headers.length;
    const headerEndLine = records[header.index + header.height - 1]!.endLine;
    if (!best || score > best.score) best = { delimiter, records, header, headerEndLine, score };
  }
  if (!best && spec.kind === 'attendance' && looksAttlog(text)) return headerlessLayout(text, ATTLOG_RECIPE);
  return best;
}

function recordAtLine(records: SampleRecord[], line: number): number | undefined {
  const index = records.findIndex((r) => r.startLine <= line && line <= r.endLine);
  return index >= 0 ? index : undefined;
}

export function csvSampleRows(sniffed: Sniffed): string[][] {
  const text = decodeSample(sniffed);
  let bestRows: string[][] = [];
  for (const delimiter of DELIMITERS) {
    const rows = splitRecords(text, delimiter, 40).map((r) => r.cells);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (width > Math.max(0, ...bestRows.map((r) => r.length))) bestRows = rows;
  }
  return bestRows;
}

/** A record longer than this is rejected whole: no row of an agency export comes near it. */
export const MAX_RECORD_BYTES = 4_000_000;

export interface CsvBody {
  delimiter: string;
  /** Physical line on which the header ends; the data follow it. */
  headerEndLine: number;
  headers: string[];
}

/** Rewrites the decoded body before the scanner reads it (fixed-width text into CSV records, line for line). */
export interface BodyFilter {
  write(chunk: Uint8Array): Uint8Array;
  end(): Uint8Array;
}

/**
 * The staged body is written in parts of about this many bytes, each read into `stg` as soon as it
 * is complete: DuckDB reads one part while the scanner writes the next, each on its own core.
 */
const PART_BYTES = 32 << 20;

/**
 * Stages the body of the file in parts (`<tmpPath>.0`, `.1`…), inside the only folder DuckDB may
 * read (the SQL sandbox), through the app's own scanner (csv-scan.ts): decoded to UTF-8 where it is
 * not, every record counted, checked and written in one plain form. Each part is handed to
 * `onPart` when it is complete; it ends at a record's end, as every chunk the scanner returns does.
 */
async function stageBody(path: string, encoding: string, bom: number, body: CsvBody, tmpPath: string,
  onPart: (partPath: string) => void, filter?: BodyFilter): Promise<CsvScanner> {
  const scanner = new CsvScanner({ ...body, maxRecordBytes: MAX_RECORD_BYTES, validateUtf8: encoding === 'utf-8' });
  const source = createReadStream(path, { start: bom, highWaterMark: 1 << 20 });
  const scan = async function* (chunks: AsyncIterable<Buffer | string>) {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      yield scanner.write(filter ? filter.write(bytes) : bytes);
    }
    if (filter) yield scanner.write(filter.end());
    yield scanner.end();
  };
  const write = async (chunks: AsyncIterable<Uint8Array>) => {
    let part: { path: string; file: FileHandle; bytes: number } | undefined;
    let next = 0;
    const finish = async () => {
      const done = part!;
      part = undefined;
      await done.file.close();
      onPart(done.path);
    };
    try {
      for await (const bytes of chunks) {
        if (bytes.length === 0) continue;
        if (!part) {
          const partPath = `${tmpPath}.${next++}`;
          part = { path: partPath, file: await open(partPath, 'w'), bytes: 0 };
        }
        await part.file.write(bytes);
        part.bytes += bytes.length;
        if (part.bytes >= PART_BYTES) await finish();
      }
      if (part) await finish();
    } finally {
      await part?.file.close();
    }
  };
  if (encoding === 'utf-8') await pipeline(source, scan, write);
  else await pipeline(source, iconv.decodeStream(encoding), iconv.encodeStream('utf-8'), scan, write);
  return scanner;
}

function readCsvSql(width: number, parallel: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `INSERT INTO stg
SELECT *
FROM read_csv($path, header = false, auto_detect = false, delim = $delim, quote = '"', escape = '"', new_line = '\\n',
  null_padding = true, parallel = ${parallel}, columns = {${columns}}, store_rejects = true, rejects_table = 'stg_reader_errors',
  rejects_scan = 'stg_scans', ignore_errors = true, max_line_size = ${MAX_RECORD_BYTES + 64})`;
}

/**
 * Reads the parts of a staged body into the temp table `stg` (every column as text), one after the
 * other in the file's order, while the scanner writes the next; a part is removed once read.
 */
class StagedLoader {
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;

  private constructor(private readonly db: Db, private readonly delimiter: string, private readonly width: number) {}

  static async create(db: Db, delimiter: string, width: number): Promise<StagedLoader> {
    const columns = Array.from({ length: width }, (_, i) => `c${i} VARCHAR`).join(', ');
    await db.run(`DROP TABLE IF EXISTS stg_reader_errors; DROP TABLE IF EXISTS stg_scans;
CREATE OR REPLACE TEMP TABLE stg (${columns})`);
    return new StagedLoader(db, delimiter, width);
  }

  add(partPath: string): void {
    this.queue = this.queue.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await this.read(partPath);
      } catch (err) {
        this.failure = err;
        return;
      }
      // Early, to keep no second copy of the whole file on disk; the import's end removes what a
      // failed removal leaves (removeSpools in import-file.ts).
      await rm(partPath, { force: true }).catch(() => undefined);
    });
  }

  /** Waits for every part added; throws the first failure. */
  async done(): Promise<void> {
    await this.queue;
    if (this.failure !== undefined) throw this.failure;
  }

  private async read(partPath: string): Promise<void> {
    const params = { path: partPath, delim: this.delimiter };
    try {
      await this.db.run(readCsvSql(this.width, true), params);
    } catch (err) {
      if (!/quoted new ?lines/i.test(String(err))) throw err;
      await this.db.run(readCsvSql(this.width, false), params);
    }
  }
}

/**
 * Stages the body and reads it into `stg`. DuckDB must read exactly the records the scanner wrote:
 * a difference refuses the file, naming it.
 */
async function stageAndRead(db: Db, path: string, encoding: string, bom: number, body: CsvBody, tmpPath: string,
  filter?: BodyFilter): Promise<CsvScanner> {
  const loader = await StagedLoader.create(db, body.delimiter, body.headers.length);
  let scanner: CsvScanner;
  try {
    scanner = await stageBody(path, encoding, bom, body, tmpPath, (part) => loader.add(part), filter);
  } finally {
    // No statement may be left running on the connection, whatever the scan did.
    await loader.done().catch(() => undefined);
  }
  await loader.done();
  const read = (await db.one<{ n: number }>('SELECT count(*) AS n FROM stg'))!.n;
  if (read !== scanner.written) {
    throw new AppError('IMPORT_FAILED',
      `Pantau menghitung ${scanner.written} baris data yang dapat dibaca, tetapi pembaca CSV hanya memuat ${read}. Tidak ada yang disimpan dari berkas ini; simpan ulang berkasnya sebagai CSV dari Excel lalu impor lagi.`,
      `Pantau counted ${scanner.written} readable data rows, but the CSV reader loaded ${read}. Nothing from this file was stored; save the file again as CSV from Excel, then import it again.`);
  }
  return scanner;
}

/**
 * The body of a CSV file into the temp table `stg`, counted and checked by the scanner on the way.
 * A file taken for UTF-8 from its first bytes whose body is mostly not UTF-8 is read again as
 * Windows-1252.
 */
export async function readCsvBody(db: Db, path: string, sniffed: Sniffed, body: CsvBody, tmpPath: string,
  filter?: () => BodyFilter): Promise<{ scanner: CsvScanner; encoding: string }> {
  let encoding = sniffed.encoding ?? 'utf-8';
  let scanner = await stageAndRead(db, path, encoding, sniffed.bom, body, tmpPath, filter?.());
  if (encoding === 'utf-8' && sniffed.bom === 0 && scanner.utf8.malformed > scanner.utf8.multibyte) {
    encoding = 'windows-1252';
    scanner = await stageAndRead(db, path, encoding, 0, body, tmpPath, filter?.());
  }
  // Where a record's line departs from its position (see csv-scan.ts): read back by rowNoSql.
  await db.run(`CREATE OR REPLACE TEMP TABLE stg_shifts AS
SELECT *
FROM (SELECT unnest(from_json($shifts, '[{"index":"BIGINT","shift":"INTEGER"}]'), recursive := true))`,
  { shifts: JSON.stringify(scanner.shifts) });
  const rejects = scanner.rejects.map((r) => ({ row_no: r.row, column_name: r.column, value: r.value, code: r.code, detail: r.detail }));
  await db.run(`CREATE OR REPLACE TEMP TABLE stg_rejects AS
SELECT *
FROM (SELECT unnest(from_json($rejects, '[{"row_no":"INTEGER","column_name":"VARCHAR","value":"VARCHAR","code":"VARCHAR","detail":"VARCHAR"}]'), recursive := true))`,
  { rejects: JSON.stringify(rejects) });
  return { scanner, encoding };
}

export async function stageCsv(
  db: Db,
  path: string,
  sniffed: Sniffed,
  spec: KindSpec,
  recipe: MappingRecipe | undefined,
  tmpPath: string,
): Promise<Staged> {
  const text = decodeSample(sniffed);
  const layout = chooseLayout(text, spec, recipe);
  const fixed = layout?.headerless ? undefined : fixedLayout(text, spec, recipe, layout);
  if (fixed) return stageFixed(db, path, sniffed, spec, recipe, tmpPath, fixed);
  if (!layout) refuseNoHeader(spec, csvSampleRows(sniffed));
  const { header } = layout;
  // Headerless: line 1 is data (headerEndLine 0), and the scanner counts from it as from any header.
  const body = { delimiter: layout.delimiter, headerEndLine: layout.headerEndLine, headers: header.headers };
  const { scanner, encoding } = await readCsvBody(db, path, sniffed, body, tmpPath);
  return {
    headers: header.headers,
    headerRow: layout.headerless ? 0 : layout.records[header.index]!.startLine,
    mapping: mapColumns(header.headers, spec, layout.headerless ?? recipe, header.keys),
    width: header.headers.length,
    delimiter: layout.delimiter,
    encoding,
    format: 'csv',
    sheet: null,
    firstLine: body.headerEndLine + 1,
    shifted: scanner.shifts.length > 0,
    records: scanner.records,
    rejected: scanner.rejects.length,
    title: layout.records.slice(0, header.index).map((r) => r.cells),
  };
}

/**
 * A fixed-width text file (fixed-reader.ts): each line cut under the header's labels and scanned as
 * a CSV record of its own, so that it is counted, checked and numbered as a CSV file's rows are.
 */
async function stageFixed(db: Db, path: string, sniffed: Sniffed, spec: KindSpec, recipe: MappingRecipe | undefined,
  tmpPath: string, fixed: FixedHeader): Promise<Staged> {
  const headers = fixed.labels.map((l) => l.text);
  const body = { delimiter: ',', headerEndLine: fixed.line, headers };
  const { scanner, encoding } = await readCsvBody(db, path, sniffed, body, tmpPath, () => new FixedToCsv(fixed, MAX_RECORD_BYTES));
  return {
    headers,
    headerRow: fixed.line,
    mapping: mapColumns(headers, spec, recipe),
    width: headers.length,
    delimiter: null,
    encoding,
    format: 'csv',
    layout: 'fixed',
    sheet: null,
    title: textLines(decodeSample(sniffed), fixed.line - 1).map((l) => [l.text]),
    firstLine: fixed.line + 1,
    shifted: scanner.shifts.length > 0,
    records: scanner.records,
    rejected: scanner.rejects.length,
  };
}
