// The XLSX reader's worker thread, one per workbook: exceljs inflates and parses the untrusted file
// here, under the caps xlsx-reader.ts sets, and the data rows are spooled to a CSV file for DuckDB.
// A workbook past a cap ends this thread, not the app. The main thread only gets small messages.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once, type EventEmitter } from 'node:events';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { ImportKind, MappingRecipe } from '../../contract/import-types.ts';
import { findHeader, HEADER_SEARCH_ROWS } from './header.ts';
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
  /**
   * Import: every visible sheet with the target's header row, each spooled as CSV to
   * `<spoolBase>-<n>.csv` (row_no, c0..cN) with its rejected rows in `<spoolBase>-<n>-rejects.csv`.
   */
  | {
    target: XlsxTarget;
    spoolBase: string;
    /**
     * A preview's check of the head of the file: only the first sheet with the header is spooled,
     * and only its first `rowLimit` data rows; the reading stops there.
     */
    rowLimit?: number;
  }
  /** Previews and detection: each target's header and first `rows` data rows, the workbook read once. */
  | { targets: XlsxTarget[]; rows: number }
);

export interface SheetFound {
  /** The sheet row the header starts on, and the one it ends on (a header may span rows). */
  headerRow: number;
  headerEnd: number;
  headers: string[];
  /** Each column's last label, by which it is matched to a field. */
  keys: string[];
  /** How many rows the header spans. */
  headerRows: number;
  /** The first data rows for a preview (XlsxJob's `rows`); none when they were spooled. */
  rows: string[][];
  /** A preview's: each shown row's number in the sheet, the sheet's name and its first rows as they are. */
  rowNumbers?: number[];
  sheet?: string;
  raw?: { row: number; cells: string[] }[];
  /** The title block: the non-empty rows above the header. */
  title: string[][];
}

/** A sheet an import spooled: its data rows and its rejected rows, each counted as it was written. */
export interface SheetSpooled extends SheetFound {
  sheet: string;
  dataPath: string;
  rejectsPath: string;
  /** Data rows: written to the data spool or to the rejects spool. */
  records: number;
  rejected: number;
}

export type XlsxMessage =
  | { type: 'bytes'; bytes: number }
  /**
   * Previews: one entry per target, null where no sheet has its header row. Imports: the spooled
   * sheets (complete and closed) and the hidden sheets passed over.
   */
  | {
    type: 'done'; sheets: (SheetFound | null)[]; spooled: SheetSpooled[]; hidden: string[]; firstRows: string[][];
    /** A preview's: the first visible sheet and its first rows as they are. */
    first?: { sheet: string; raw: { row: number; cells: string[] }[] };
    /** An import's: every sheet was read to its end (false when a `rowLimit` stopped the reading). */
    complete?: boolean;
  }
  /** `internal`: the reader failed in its own code (a TypeError), not on something it found in the file. */
  | { type: 'damaged'; cause: string; internal: boolean }
  | { type: 'inflated'; what: string; whatEn?: string }
  | { type: 'heap' };

interface Row {
  no: number;
  cells: string[];
}

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
  // A recipe names the sheet row; the header search counts the rows the sheet has.
  const at = recipe?.headerRow !== undefined ? rows.findIndex((r) => r.no === recipe.headerRow) : undefined;
  if (at === -1) return undefined;
  const found = findHeader(rows.map((r) => r.cells), spec, at === undefined ? recipe : { ...recipe!, headerRow: at + 1 });
  if (!found) return undefined;
  const first = rows[found.index]!;
  const last = rows[found.index + found.height - 1]!;
  const title = rows.slice(0, found.index).map((r) => r.cells).filter((c) => !isBlank(c));
  return { headerRow: first.no, headerEnd: last.no, headerRows: found.height, headers: found.headers, keys: found.keys, rows: [], title };
}

/** A sheet's rows as text cells; the first five of the workbook are kept for the no-header message. */
async function* sheetRows(sheet: unknown, firstRows: string[][]): AsyncGenerator<Row> {
  for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
    const cells = rowCells(row.values);
    if (firstRows.length < 5) firstRows.push(cells);
    yield { no: row.number, cells };
  }
}

/**
 * The most cells a preview peeks at: detection's thousands of rows (detect.ts) of a sheet of a
 * thousand columns stay as small as the text a CSV file is sampled by, copied once per kind.
 */
const PEEK_CELLS = 250_000;

/**
 * The rows a header may be on and the `count` non-empty rows after them (fewer past PEEK_CELLS):
 * enough to preview any kind.
 * Reads from the sheet's iterator without closing it, so the rest of the sheet can still be read.
 */
async function peekSheet(rows: AsyncIterator<Row>, count: number): Promise<Row[]> {
  const peeked: Row[] = [];
  let after = 0;
  let cells = 0;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const row = next.value;
    if (row.no <= HEADER_SEARCH_ROWS) peeked.push(row);
    else if (!isBlank(row.cells)) {
      peeked.push(row);
      cells += row.cells.length;
      if (++after === count || cells >= PEEK_CELLS) break;
    }
  }
  return peeked;
}

/** A sheet's first rows as they are, for picking the header row. */
const rawRows = (rows: Row[]) => rows.filter((r) => r.no <= HEADER_SEARCH_ROWS).map((r) => ({ row: r.no, cells: r.cells }));

function previewOf(rows: Row[], target: XlsxTarget, count: number, sheet: string): SheetFound | null {
  const found = locateHeader(rows.filter((r) => r.no <= HEADER_SEARCH_ROWS), KINDS[target.kind], target.recipe);
  if (!found) return null;
  const data = rows.filter((r) => r.no > found.headerEnd && !isBlank(r.cells)).slice(0, count);
  return { ...found, rows: data.map((r) => r.cells.slice(0, found.headers.length)), rowNumbers: data.map((r) => r.no), sheet, raw: rawRows(rows) };
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
}

interface WorkbookParts {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string; name: string; state?: string }[] };
}

/**
 * A sheet's name and visibility as the workbook lists them, for the sheet read from part `part`
 * ("xl/worksheets/sheet3.xml" is part 3). ExcelJS finds them only when the workbook's relation
 * names the part as Excel writes it ("worksheets/sheet3.xml"); openpyxl and other writers name it
 * from the package's root ("/xl/worksheets/sheet3.xml"), and ExcelJS then gives every such sheet
 * as visible and named "Sheet3": a hidden sheet would be imported, a sheet's name never read.
 */
function sheetOf(workbook: WorkbookParts, sheet: SheetReader, part: string | undefined, seen: number): { name: string; state?: string } {
  const rel = part === undefined ? undefined
    : workbook.workbookRels?.find((r) => r.Target.replace(/^\/xl\//, '') === `worksheets/sheet${part}.xml`);
  const listed = rel && workbook.model?.sheets?.find((s) => s.rId === rel.Id);
  return listed ? { name: listed.name, state: listed.state } : { name: sheet.name ?? `Sheet${seen}`, state: sheet.state };
}

/**
 * Reads every sheet in order. An import spools each visible sheet that has the target's header
 * row (rows above it, the title block, and empty rows are left out) and passes over hidden ones.
 * A preview peeks at each sheet until every target found its sheet. A sheet is read to its end
 * before the next one is, as the streaming reader needs; only reading stops early, when nothing
 * after it is wanted.
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
  // ExcelJS announces the part of each sheet just before it gives the sheet.
  let part: string | undefined;
  (reader as unknown as EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') part = entry.id;
  });
  const workbook = reader as unknown as WorkbookParts;
  const targets = 'targets' in job ? job.targets : [job.target];
  const sheets: (SheetFound | null)[] = targets.map(() => null);
  const spooled: SheetSpooled[] = [];
  const hidden: string[] = [];
  const firstRows: string[][] = [];
  let first: { sheet: string; raw: { row: number; cells: string[] }[] } | undefined;
  let complete = true;
  let seen = 0;
  // Only errors of the workbook reader mean a damaged file; writing the spool is our own work.
  let reading = true;
  try {
    for await (const sheet of reader as AsyncIterable<SheetReader>) {
      seen++;
      const { name, state } = sheetOf(workbook, sheet, part, seen);
      const total = workbook.model?.sheets?.length;
      const last = total !== undefined && seen >= total;
      if (state === 'hidden' || state === 'veryHidden') {
        hidden.push(name);
        continue;
      }
      const rows = sheetRows(sheet, firstRows);
      if ('spoolBase' in job) {
        const spool = new SheetSpool(KINDS[job.target.kind], job.target.recipe, `${job.spoolBase}-${spooled.length + 1}`);
        const limit = job.rowLimit;
        let stopped = false;
        for await (const row of rows) {
          spool.add(row.no, row.cells);
          await spool.drained();
          if (limit !== undefined && spool.count >= limit) {
            stopped = true;
            break;
          }
        }
        reading = false;
        const done = await spool.finish();
        if (done) spooled.push({ ...done, sheet: name });
        reading = true;
        // A preview's check stops at the first sheet it spooled: the head of the file is all it reads.
        if (limit !== undefined && (stopped || done)) {
          complete = !stopped && last;
          break;
        }
      } else {
        const iterator = rows[Symbol.asyncIterator]();
        const peeked = await peekSheet(iterator, job.rows);
        first ??= { sheet: name, raw: rawRows(peeked) };
        targets.forEach((t, i) => (sheets[i] ??= previewOf(peeked, t, job.rows, name)));
        if (sheets.every(Boolean) || last) break;
        // The rest of the sheet is read (and dropped): the next sheet can only be read after it.
        while (!(await iterator.next()).done);
      }
    }
  } catch (err) {
    if (!reading) throw err;
    return { type: 'damaged', cause: String(err instanceof Error ? err.message : err), internal: err instanceof TypeError };
  } finally {
    input.destroy();
  }
  return { type: 'done', sheets, spooled, hidden, firstRows, first, complete };
}

/** A CSV field DuckDB reads back exactly: always quoted, quotes doubled; empty means NULL. */
function csvField(cell: string | undefined): string {
  return cell === undefined || cell === '' ? '' : `"${cell.replaceAll('"', '""')}"`;
}

/** Excel's own limits: a sheet has at most 1,048,576 rows and a cell at most 32,767 characters. */
const MAX_ROW = 1_048_576;
const MAX_CELL = 32_767;

/**
 * One sheet: buffers the first rows until the header is known, then spools data rows as CSV
 * text (row_no, c0..cN) that DuckDB loads in one statement (far cheaper than a call per cell), and
 * the rows that cannot be placed under the header to the rejects spool (row_no, column, value,
 * code, detail). A rejected row's content goes nowhere else: no log, no message.
 */
class SheetSpool {
  private head: Row[] = [];
  private found: SheetFound | undefined;
  private data: WriteStream | undefined;
  private rejects: WriteStream | undefined;
  private buffer: string[] = [];
  private rejectBuffer: string[] = [];
  private pending: Promise<void> = Promise.resolve();
  private records = 0;
  private rejected = 0;

  /** The data rows taken so far (spooled or rejected). */
  get count(): number {
    return this.records;
  }
  /** No header among the sheet's first rows: it holds none of this kind's data. */
  private absent = false;

  constructor(
    private readonly spec: KindSpec,
    private readonly recipe: MappingRecipe | undefined,
    private readonly base: string,
  ) {}

  add(no: number, cells: string[]): void {
    if (this.absent) return;
    if (!this.found) {
      if (no <= HEADER_SEARCH_ROWS) {
        this.head.push({ no, cells });
        return;
      }
      // No header among the first rows: the sheet holds none of this kind's data; the rest is read past.
      if (!this.start()) return;
    }
    this.append(no, cells);
  }

  /** Waits when a spool file is behind, so memory stays bounded on huge sheets. */
  drained(): Promise<void> {
    return this.pending;
  }

  async finish(): Promise<Omit<SheetSpooled, 'sheet'> | undefined> {
    if (this.absent || (!this.found && !this.start())) return undefined;
    this.flush();
    await this.pending;
    const close = (stream: WriteStream) => new Promise<void>((done, fail) => stream.end((err?: Error | null) => (err ? fail(err) : done())));
    await Promise.all([close(this.data!), close(this.rejects!)]);
    return { ...this.found!, dataPath: `${this.base}.csv`, rejectsPath: `${this.base}-rejects.csv`, records: this.records, rejected: this.rejected };
  }

  private start(): boolean {
    this.found = locateHeader(this.head, this.spec, this.recipe);
    if (!this.found) {
      this.absent = true;
      return false;
    }
    this.data = createWriteStream(`${this.base}.csv`);
    this.rejects = createWriteStream(`${this.base}-rejects.csv`);
    for (const r of this.head) if (r.no > this.found.headerEnd) this.append(r.no, r.cells);
    this.head = [];
    return true;
  }

  private append(no: number, cells: string[]): void {
    if (isBlank(cells)) return;
    this.records++;
    const headers = this.found!.headers;
    const width = headers.length;
    const reason = this.problem(no, cells, width);
    if (reason) {
      this.rejected++;
      const [column, value, code, detail] = reason;
      this.rejectBuffer.push([Math.min(no, 2 ** 31 - 1), column, value, code, detail].map((v) => csvField(v === null ? undefined : String(v))).join(','));
    } else {
      let line = String(no);
      for (let i = 0; i < width; i++) line += `,${csvField(cells[i])}`;
      this.buffer.push(line);
    }
    if (this.buffer.length + this.rejectBuffer.length >= 5000) this.flush();
  }

  /** Why a row cannot be placed under the header: [column, value, code, detail], or null. */
  private problem(no: number, cells: string[], width: number): [string, string | null, string, string | null] | null {
    if (no > MAX_ROW) return ['_row', null, 'XLSX_ROW_RANGE', String(no)];
    const long = cells.findIndex((c) => c.length > MAX_CELL);
    if (long >= 0) return [this.found!.headers[long]?.trim() || `kolom ${long + 1}`, null, 'XLSX_CELL_TOO_LONG', String(cells[long]!.length)];
    const extra = cells.slice(width).filter((c) => c.trim() !== '');
    if (extra.length > 0) return ['_row', extra.join(', ').slice(0, 200), 'CSV_TOO_MANY_FIELDS', null];
    return null;
  }

  private flush(): void {
    const write = (stream: WriteStream, lines: string[]) => {
      if (lines.length && !stream.write(`${lines.join('\n')}\n`)) this.pending = once(stream, 'drain').then(() => undefined);
    };
    write(this.data!, this.buffer);
    write(this.rejects!, this.rejectBuffer);
    this.buffer = [];
    this.rejectBuffer = [];
  }
}

capInflation();
post(await read());
