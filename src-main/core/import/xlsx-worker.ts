// The XLSX reader's worker thread, one per workbook: exceljs inflates and parses the untrusted file
// here, under the caps xlsx-reader.ts sets, and the data rows are spooled to a CSV file for DuckDB.
// A workbook past a cap ends this thread, not the app. The main thread only gets small messages.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { ImportKind, MappingRecipe } from '../../contract/import-types.ts';
import { findHeaderRow, HEADER_SEARCH_ROWS } from './header.ts';
import { KINDS, type KindSpec } from './kinds.ts';
import { NUM_MARK } from './normalise-sql.ts';
import { ZIP_LIMITS } from './zip-guard.ts';

/** A kind to look for, with the agency's recipe if it has one. */
export interface XlsxTarget {
  kind: ImportKind;
  recipe: MappingRecipe | undefined;
}

export type XlsxJob = {
  path: string;
  /** The heap the thread may fill; past it the thread ends itself. */
  heapMb: number;
} & (
  /** Import: every data row of the first sheet with the target's header row, spooled as CSV. */
  | { target: XlsxTarget; spoolPath: string }
  /** Previews and detection: each target's header and first data rows, the workbook read once. */
  | { targets: XlsxTarget[] }
);

export interface SheetFound {
  headerRow: number;
  headers: string[];
  /** The first 20 data rows for a preview; none when they were spooled. */
  rows: string[][];
  /** The data rows spooled, counted as they were written. */
  records?: number;
}

export type XlsxMessage =
  | { type: 'bytes'; bytes: number }
  /** One entry per target, null where no sheet has its header row; any spool file is complete and closed. */
  | { type: 'done'; sheets: (SheetFound | null)[]; firstRows: string[][] }
  | { type: 'damaged'; cause: string }
  | { type: 'inflated'; what: string; whatEn?: string }
  | { type: 'heap' };

interface Row {
  no: number;
  cells: string[];
}

const PREVIEW_ROWS = 20;

const job = workerData as XlsxJob;
const post = (message: XlsxMessage) => parentPort!.postMessage(message);

/** Says why the thread stops, and stops it at once; xlsx-reader.ts refuses the file. */
function end(message: XlsxMessage): never {
  post(message);
  process.exit(1);
}

/**
 * Called for every chunk read from the file and every chunk inflated, so between two calls the
 * parser handles a few KB. Stopping here, well below V8's own limit, keeps clear of that limit,
 * where Node does not always end just the worker (see XLSX_HEAP_MB in xlsx-reader.ts).
 */
function checkHeap(): void {
  if (getHeapStatistics().used_heap_size > job.heapMb * 1024 ** 2) end({ type: 'heap' });
}

/**
 * Every entry unzipper (inside exceljs) inflates goes through zlib.createInflateRaw, so counting
 * what those inflaters put out sees the real sizes, whatever the central directory declared.
 */
function capInflation(): void {
  const { maxTotalBytes, maxRatio, minRatioBytes } = ZIP_LIMITS;
  const createInflateRaw = zlib.createInflateRaw;
  let total = 0;
  // Node defines it read-only but configurable.
  Object.defineProperty(zlib, 'createInflateRaw', {
    value(options?: zlib.ZlibOptions) {
      const inflater = createInflateRaw(options);
      const push = inflater.push.bind(inflater);
      let out = 0;
      inflater.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
        if (chunk) {
          out += chunk.length;
          total += chunk.length;
          if (out >= minRatioBytes && out > maxRatio * inflater.bytesWritten) {
            const sizes = `${(out / 1024 ** 2).toFixed(0)} MB dari ${(inflater.bytesWritten / 1024).toFixed(0)} KB`;
            end({ type: 'inflated', what: `sebuah bagian lebih dari ${maxRatio}× ukuran terkompresinya: ${sizes}`, whatEn: `a part over ${maxRatio}× its compressed size: ${sizes}` });
          }
          if (total > maxTotalBytes) end({ type: 'inflated', what: `lebih dari ${(maxTotalBytes / 1024 ** 3).toFixed(1)} GB`, whatEn: `over ${(maxTotalBytes / 1024 ** 3).toFixed(1)} GB` });
          checkHeap();
        }
        return push(chunk, encoding);
      };
      return inflater;
    },
  });
}

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

function cellText(value: unknown): string | null {
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

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function locateHeader(rows: Row[], spec: KindSpec, recipe?: MappingRecipe): SheetFound | undefined {
  if (recipe?.headerRow !== undefined) {
    const row = rows.find((r) => r.no === recipe.headerRow);
    return row ? { headerRow: row.no, headers: row.cells, rows: [] } : undefined;
  }
  const index = findHeaderRow(rows.map((r) => r.cells), spec, recipe);
  const row = index === undefined ? undefined : rows[index];
  return row ? { headerRow: row.no, headers: row.cells, rows: [] } : undefined;
}

/** A sheet's rows as text cells; the first five of the workbook are kept for the no-header message. */
async function* sheetRows(sheet: unknown, firstRows: string[][]): AsyncGenerator<Row> {
  for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
    const cells = rowCells(row.values);
    if (firstRows.length < 5) firstRows.push(cells);
    yield { no: row.number, cells };
  }
}

/** The rows a header may be on and the 20 non-empty rows after them: enough to preview any kind. */
async function peekSheet(rows: AsyncIterable<Row>): Promise<Row[]> {
  const peeked: Row[] = [];
  let after = 0;
  for await (const row of rows) {
    if (row.no <= HEADER_SEARCH_ROWS) peeked.push(row);
    else if (!isBlank(row.cells)) {
      peeked.push(row);
      if (++after === PREVIEW_ROWS) break;
    }
  }
  return peeked;
}

function previewOf(rows: Row[], target: XlsxTarget): SheetFound | null {
  const found = locateHeader(rows.filter((r) => r.no <= HEADER_SEARCH_ROWS), KINDS[target.kind], target.recipe);
  if (!found) return null;
  const data = rows.filter((r) => r.no > found.headerRow && !isBlank(r.cells)).slice(0, PREVIEW_ROWS);
  return { ...found, rows: data.map((r) => r.cells.slice(0, found.headers.length)) };
}

/**
 * Reads sheets in order: for an import, until one has the target's header row (rows above it,
 * the title block, and empty rows are skipped); for previews, until every target found its sheet.
 */
async function read(): Promise<XlsxMessage> {
  const input = createReadStream(job.path);
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
    post({ type: 'bytes', bytes });
    checkHeap();
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  const targets = 'targets' in job ? job.targets : [job.target];
  const sheets: (SheetFound | null)[] = targets.map(() => null);
  const firstRows: string[][] = [];
  // Only errors of the workbook reader mean a damaged file; writing the spool is our own work.
  let reading = true;
  try {
    for await (const sheet of reader) {
      const rows = sheetRows(sheet, firstRows);
      if ('spoolPath' in job) {
        const staging = new SheetSpool(KINDS[job.target.kind], job.target.recipe, job.spoolPath);
        for await (const row of rows) {
          if (!staging.add(row.no, row.cells)) break;
          await staging.drained();
        }
        reading = false;
        sheets[0] = (await staging.finish()) ?? null;
        reading = true;
      } else {
        const peeked = await peekSheet(rows);
        targets.forEach((t, i) => (sheets[i] ??= previewOf(peeked, t)));
      }
      if (sheets.every(Boolean)) break;
    }
  } catch (err) {
    if (!reading) throw err;
    return { type: 'damaged', cause: String(err instanceof Error ? err.message : err) };
  } finally {
    input.destroy();
  }
  return { type: 'done', sheets, firstRows };
}

/** A CSV field DuckDB reads back exactly: always quoted, quotes doubled; empty means NULL. */
function csvField(cell: string | undefined): string {
  return cell === undefined || cell === '' ? '' : `"${cell.replaceAll('"', '""')}"`;
}

/**
 * One sheet: buffers the first rows until the header is known, then spools data rows as CSV
 * text (row_no, c0..cN) that DuckDB loads in one statement (far cheaper than a call per cell).
 */
class SheetSpool {
  private head: Row[] = [];
  private found: SheetFound | undefined;
  private spool: WriteStream | undefined;
  private buffer: string[] = [];
  private pending: Promise<void> = Promise.resolve();
  private records = 0;

  constructor(
    private readonly spec: KindSpec,
    private readonly recipe: MappingRecipe | undefined,
    private readonly spoolPath: string,
  ) {}

  /** Returns false when the sheet has no header in its first rows and can be skipped. */
  add(no: number, cells: string[]): boolean {
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

  async finish(): Promise<SheetFound | undefined> {
    if (!this.found && !this.start()) return undefined;
    this.flush();
    await this.pending;
    await new Promise<void>((done, fail) => this.spool!.end((err?: Error | null) => (err ? fail(err) : done())));
    return { ...this.found!, records: this.records };
  }

  private start(): boolean {
    this.found = locateHeader(this.head, this.spec, this.recipe);
    if (!this.found) return false;
    this.spool = createWriteStream(this.spoolPath);
    for (const r of this.head) if (r.no > this.found.headerRow) this.append(r.no, r.cells);
    return true;
  }

  private append(no: number, cells: string[]): void {
    if (isBlank(cells)) return;
    const width = this.found!.headers.length;
    let line = String(no);
    for (let i = 0; i < width; i++) line += `,${csvField(cells[i])}`;
    this.buffer.push(line);
    this.records++;
    if (this.buffer.length >= 5000) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.spool!.write(text)) this.pending = once(this.spool!, 'drain').then(() => undefined);
  }
}

capInflation();
post(await read());
