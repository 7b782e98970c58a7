import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { MappingRecipe } from '../../contract/import-types.ts';
import type { Db } from '../db/database.ts';
import { DELIMITERS, splitRecords, type SampleRecord } from './csv-records.ts';
import { findHeaderRow, mapColumns } from './header.ts';
import type { KindSpec } from './kinds.ts';
import { decodeSample, type Sniffed } from './sniff.ts';
import { refuseNoHeader, type Staged } from './staging.ts';

interface CsvLayout {
  delimiter: string;
  records: SampleRecord[];
  headerIndex: number;
}

/**
 * Picks the delimiter under which a header row maps the most canonical fields. The header is
 * the first of the first rows with three known headers (a title block may sit above it), else
 * the first non-empty row, when that row maps at least one field (docs/import.md, File formats).
 */
export function chooseLayout(text: string, spec: KindSpec, recipe?: MappingRecipe): CsvLayout | undefined {
  let best: (CsvLayout & { score: number }) | undefined;
  for (const delimiter of DELIMITERS) {
    const records = splitRecords(text, delimiter, 40);
    const cells = records.map((r) => r.cells);
    // A recipe's headerRow is the line number the preview and the batch report, not the record index
    // (blank lines are skipped as records).
    const headerIndex = recipe?.headerRow !== undefined
      ? recordAtLine(records, recipe.headerRow)
      : (findHeaderRow(cells, spec, recipe) ?? 0);
    if (headerIndex === undefined || records[headerIndex] === undefined) continue;
    const header = records[headerIndex].cells;
    const mapped = Object.keys(mapColumns(header, spec, recipe).columns).length;
    if (mapped === 0) continue;
    const score = mapped * 1000 + header.length;
    if (!best || score > best.score) best = { delimiter, records, headerIndex, score };
  }
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

/**
 * Stages the file as UTF-8 at tmpPath, inside the only folder DuckDB may read (the SQL sandbox):
 * a UTF-8 file is copied as it is, anything else is transcoded.
 */
async function transcode(path: string, sniffed: Sniffed, tmpPath: string): Promise<string> {
  if (sniffed.encoding === 'utf-8') {
    await copyFile(path, tmpPath);
    return tmpPath;
  }
  await pipeline(
    createReadStream(path, { start: sniffed.bom }),
    iconv.decodeStream(sniffed.encoding ?? 'utf-8'),
    iconv.encodeStream('utf-8'),
    createWriteStream(tmpPath),
  );
  return tmpPath;
}

/**
 * The NULL string of the read: no real cell is exactly U+0001, so an empty field reads as ''
 * and only a field missing from a short row (padded by null_padding) reads as NULL.
 */
export const CSV_NULLSTR = '\u0001';

function readCsvSql(width: number, parallel: boolean): string {
  // One overflow column beyond the header catches rows with an extra field.
  const columns = Array.from({ length: width + 1 }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE stg AS
SELECT *
FROM read_csv($path, header = false,
  auto_detect = false, delim = $delim, quote = '"', escape = '"', skip = $skip, null_padding = true,
  nullstr = $nullstr,
  parallel = ${parallel}, columns = {${columns}}, store_rejects = true, rejects_table = 'stg_rejects',
  rejects_scan = 'stg_scans', ignore_errors = true, max_line_size = 4000000)`;
}

export interface CsvBody {
  delimiter: string;
  /** Physical lines before the first data row (the header's end line). */
  skip: number;
  /** Fields in the header; the data rows land in stg.c0..c{width-1}, extras in c{width}. */
  width: number;
}

/**
 * The production read of a CSV body into the temp table `stg` (every column text, an empty field
 * '' and a field missing from a short row NULL), with rows DuckDB cannot parse in `stg_rejects`. Returns the number of those rejects.
 */
export async function readCsvBody(db: Db, path: string, sniffed: Sniffed, body: CsvBody, tmpPath: string): Promise<number> {
  const source = await transcode(path, sniffed, tmpPath);
  const params = { path: source, delim: body.delimiter, skip: body.skip, nullstr: CSV_NULLSTR };
  await db.run('DROP TABLE IF EXISTS stg_rejects; DROP TABLE IF EXISTS stg_scans');
  try {
    await db.run(readCsvSql(body.width, true), params);
  } catch (err) {
    if (!/quoted new ?lines/i.test(String(err))) throw err;
    await db.run(readCsvSql(body.width, false), params);
  }
  return (await db.one<{ n: number }>('SELECT count(*) AS n FROM stg_rejects'))!.n;
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
  if (!layout) refuseNoHeader(spec, csvSampleRows(sniffed));
  const header = layout.records[layout.headerIndex]!;
  const mapping = mapColumns(header.cells, spec, recipe);
  const width = header.cells.length;
  const readerRejects = await readCsvBody(db, path, sniffed, { delimiter: layout.delimiter, skip: header.endLine, width }, tmpPath);
  return {
    headers: header.cells,
    headerRow: header.endLine,
    mapping,
    width,
    delimiter: layout.delimiter,
    encoding: sniffed.encoding,
    overflowColumn: `c${width}`,
    format: 'csv',
    readerRejects,
  };
}
