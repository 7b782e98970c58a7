import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { AppError } from '../../contract/errors.ts';
import type { MappingRecipe } from '../../contract/import-types.ts';
import type { Db } from '../db/database.ts';
import { findHeaderRow, HEADER_SEARCH_ROWS, mapColumns } from './header.ts';
import type { KindSpec } from './kinds.ts';
import { NUM_MARK } from './normalise-sql.ts';
import { refuseNoHeader, type Staged } from './staging.ts';
import { guardZip } from './zip-guard.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Excel stores wall-clock values; exceljs hands them over as UTC dates. */
function dateText(d: Date): string {
  const ms = Math.round(d.getTime() / 1000) * 1000;
  const t = new Date(ms);
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const y = t.getUTCFullYear();
  if (y < 1900) return time;
  const date = `${pad(y, 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return time === '00:00:00' ? date : `${date} ${time}`;
}

export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return NUM_MARK + String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((p: { text?: unknown }) => String(p.text ?? '')).join('');
    if ('result' in v) return cellText(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

function rowCells(values: unknown): string[] {
  const arr = Array.isArray(values) ? values : [];
  const cells: string[] = [];
  for (let i = 1; i < arr.length; i++) cells.push(cellText(arr[i]) ?? '');
  return cells;
}

export interface XlsxOptions {
  /** Where the rows are spooled as CSV text for DuckDB to load in one statement. */
  spoolPath: string;
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
  /** Stop after the header and this many data rows (for previews). */
  maxDataRows?: number;
}

interface Found {
  headerRowNo: number;
  headers: string[];
}

function locateHeader(rows: { no: number; cells: string[] }[], spec: KindSpec, recipe?: MappingRecipe): Found | undefined {
  if (recipe?.headerRow !== undefined) {
    const row = rows.find((r) => r.no === recipe.headerRow);
    return row ? { headerRowNo: row.no, headers: row.cells } : undefined;
  }
  const index = findHeaderRow(rows.map((r) => r.cells), spec, recipe);
  const row = index === undefined ? undefined : rows[index];
  return row ? { headerRowNo: row.no, headers: row.cells } : undefined;
}

/**
 * Streams the first sheet that has a header row into the temp table `stg`
 * (row_no, c0..cN). Rows above the header (title block) are skipped; empty rows too.
 */
export async function stageXlsx(
  db: Db,
  path: string,
  spec: KindSpec,
  recipe: MappingRecipe | undefined,
  options: XlsxOptions,
): Promise<{ staged: Staged; preview: string[][] }> {
  // Sizes from the central directory first: a zip bomb is refused before anything is inflated.
  await guardZip(path);
  const input = createReadStream(path);
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
    options.onBytes?.(bytes);
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  const firstRows: string[][] = [];
  // Only errors of the workbook reader mean a damaged file; loading the spool is our own work.
  let reading = true;
  try {
    for await (const sheet of reader) {
      const staging = new SheetStaging(db, spec, recipe, options.spoolPath);
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (options.signal?.aborted) throw new AppError('CANCELLED', 'Impor dibatalkan.');
        const cells = rowCells(row.values);
        if (firstRows.length < 5) firstRows.push(cells);
        if (!(await staging.add(row.number, cells))) break;
        await staging.drained();
        if (options.maxDataRows !== undefined && staging.dataRows >= options.maxDataRows) break;
      }
      reading = false;
      const staged = await staging.finish();
      if (staged) return { staged, preview: staging.preview };
      reading = true;
    }
  } catch (err) {
    if (err instanceof AppError || !reading) throw err;
    throw new AppError('IMPORT_FAILED', 'Berkas XLSX rusak atau tidak lengkap dan tidak dapat dibaca. Simpan ulang dari Excel lalu impor lagi.', {
      cause: String(err instanceof Error ? err.message : err),
    });
  } finally {
    input.destroy();
  }
  refuseNoHeader(spec, firstRows);
}

/** A CSV field DuckDB reads back exactly: always quoted, quotes doubled; empty means NULL. */
function csvField(cell: string | undefined): string {
  return cell === undefined || cell === '' ? '' : `"${cell.replaceAll('"', '""')}"`;
}

/**
 * One sheet: buffers the first rows until the header is known, then spools data rows to a
 * CSV file that DuckDB loads into `stg` in one statement (far cheaper than a native call per cell).
 */
class SheetStaging {
  readonly preview: string[][] = [];
  dataRows = 0;
  private head: { no: number; cells: string[] }[] = [];
  private found: Found | undefined;
  private spool: WriteStream | undefined;
  private buffer: string[] = [];
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly spec: KindSpec,
    private readonly recipe: MappingRecipe | undefined,
    private readonly spoolPath: string,
  ) {}

  /** Returns false when the sheet has no header in its first rows and can be skipped. */
  async add(no: number, cells: string[]): Promise<boolean> {
    if (!this.found) {
      if (no <= HEADER_SEARCH_ROWS) {
        this.head.push({ no, cells });
        return true;
      }
      if (!this.start()) return false;
    }
    this.append(no, cells);
    return true;
  }

  /** Waits when the spool file is behind, so memory stays bounded on huge sheets. */
  drained(): Promise<void> {
    return this.pending;
  }

  async finish(): Promise<Staged | undefined> {
    if (!this.found && !this.start()) return undefined;
    this.flush();
    await this.pending;
    await new Promise<void>((done, fail) => this.spool!.end((err?: Error | null) => (err ? fail(err) : done())));
    const { headers, headerRowNo } = this.found!;
    const columns = [`'row_no': 'INTEGER'`, ...headers.map((_, i) => `'c${i}': 'VARCHAR'`)].join(', ');
    await this.db.run(
      `CREATE OR REPLACE TEMP TABLE stg AS SELECT * FROM read_csv($path, header = false, auto_detect = false,
        delim = ',', quote = '"', escape = '"', columns = {${columns}}, max_line_size = 4000000)`,
      { path: this.spoolPath },
    );
    return {
      headers, headerRow: headerRowNo, mapping: mapColumns(headers, this.spec, this.recipe),
      width: headers.length, delimiter: null, encoding: null, overflowColumn: null, format: 'xlsx',
      readerRejects: 0,
    };
  }

  private start(): boolean {
    this.found = locateHeader(this.head, this.spec, this.recipe);
    if (!this.found) return false;
    this.spool = createWriteStream(this.spoolPath);
    for (const r of this.head) if (r.no > this.found.headerRowNo) this.append(r.no, r.cells);
    return true;
  }

  private append(no: number, cells: string[]): void {
    if (cells.every((c) => c.trim() === '')) return;
    const width = this.found!.headers.length;
    let line = String(no);
    for (let i = 0; i < width; i++) line += `,${csvField(cells[i])}`;
    this.buffer.push(line);
    this.dataRows++;
    if (this.preview.length < 20) this.preview.push(cells.slice(0, width));
    if (this.buffer.length >= 5000) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.spool!.write(text)) this.pending = once(this.spool!, 'drain').then(() => undefined);
  }
}
