import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../contract/errors.ts';
import type { MappingRecipe } from '../../contract/import-types.ts';
import type { Db } from '../db/database.ts';
import { mapColumns } from './header.ts';
import type { KindSpec } from './kinds.ts';
import { STG_REJECTS_COLUMNS } from './import-sql.ts';
import { refuseNoHeader, type FilePart, type Staged } from './staging.ts';
import type { SheetFound, SheetSpooled, XlsxJob, XlsxMessage } from './xlsx-worker.ts';
import { bombRefusal, guardZip } from './zip-guard.ts';

/**
 * The heap a worker may fill parsing one workbook; past it the worker stops itself and the file is
 * refused (a legitimate 1,000,000-row attendance sheet peaks at about 70 MB). V8's own limit for
 * the worker is four times higher: at that limit Node ends just the worker for most allocations,
 * but one large allocation can abort the whole process (nodejs/node#47224), so the worker's own
 * check comes first and V8's limit leaves room for the largest allocation below it.
 */
const XLSX_HEAP_MB = 256;

export interface XlsxOptions {
  /** Where each sheet's rows are spooled as CSV text for DuckDB to load in one statement: `<spoolBase>-<n>.csv`. */
  spoolBase: string;
  /** The name messages give the file when the path is a temporary copy (uploads). */
  fileName?: string;
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
  /** A preview's check: the first sheet with the header only, and only its first this many data rows (`complete` says whether that was all). */
  rowLimit?: number;
}

type Done = Extract<XlsxMessage, { type: 'done' }>;

/** The worker's entry: built beside the bundled main (electron-vite), or the TypeScript source. */
function workerUrl(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./xlsx-worker.js', import.meta.url);
  // Node 20 gives a worker none of its parent's loader hooks: from the sources (CLI, tests) the
  // worker registers tsx itself before it loads the TypeScript entry.
  const entry = new URL('./xlsx-worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/** The workbook reader's own error names the cause (an unexpected end, a broken part); it carries no cell content. */
function damaged(cause: string): AppError {
  return new AppError('IMPORT_FAILED', `Berkas XLSX tidak dapat dibaca (${cause}). Bila berkasnya rusak atau tidak lengkap, simpan ulang dari Excel lalu impor lagi.`,
    `The XLSX file cannot be read (${cause}). If it is damaged or incomplete, save it again from Excel, then import it again.`, { cause });
}

function tooMuchMemory(fileName: string): AppError {
  return new AppError('IMPORT_FAILED',
    `Berkas ${fileName} ditolak: membaca lembar kerjanya melampaui batas memori (${XLSX_HEAP_MB} MB). Berkas seperti ini biasanya rusak atau sengaja dibuat untuk melumpuhkan aplikasi; bila datanya memang sebesar itu, simpan sebagai CSV lalu impor lagi.`, `File ${fileName} refused: reading its worksheet went past the memory limit (${XLSX_HEAP_MB} MB). Files like this are usually damaged or made on purpose to cripple the application; if the data really is that large, save it as CSV and import it again.`);
}

function workerFailed(fileName: string, err: Error & { code?: string }): AppError {
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return tooMuchMemory(fileName);
  return new AppError('IMPORT_FAILED',
    `Berkas ${fileName} tidak dapat dibaca: pembacaan lembar kerjanya berhenti tiba-tiba. Simpan ulang dari Excel lalu impor lagi.`, `File ${fileName} cannot be read: reading its worksheet stopped unexpectedly. Save it again from Excel, then import it again.`, { cause: err.message });
}

/**
 * Parses the workbook in a worker with a capped heap, one worker per file: the worker writes an
 * import's rows to the spool file itself and sends only progress, the headers found and the
 * outcome. Cancelling terminates it.
 */
async function readInWorker(job: XlsxJob, fileName: string, options: Pick<XlsxOptions, 'signal' | 'onBytes'> = {}): Promise<Done> {
  const outcome = await runWorker(job, fileName, options);
  if (outcome.type === 'done') return outcome;
  // exceljs's streaming reader now and then fails on a sound workbook under load ("Cannot read
  // properties of undefined (reading 'sheets')": it saw no workbook part, exceljs#962); the same
  // file read again in a fresh worker (which truncates the spool files) reads whole. A file that
  // fails twice is damaged.
  const again = outcome.internal ? await runWorker(job, fileName, options) : outcome;
  if (again.type === 'done') return again;
  throw damaged(again.cause);
}

type Damaged = Extract<XlsxMessage, { type: 'damaged' }>;

function runWorker(job: XlsxJob, fileName: string, options: Pick<XlsxOptions, 'signal' | 'onBytes'>): Promise<Done | Damaged> {
  const { signal, onBytes } = options;
  if (signal?.aborted) return Promise.reject(new AppError('CANCELLED', 'Impor dibatalkan.', 'Import cancelled.'));
  const worker = new Worker(workerUrl(), {
    workerData: job,
    // exceljs makes much short-lived garbage: a 32 MB young generation parsed a quarter slower.
    resourceLimits: { maxOldGenerationSizeMb: 4 * XLSX_HEAP_MB, maxYoungGenerationSizeMb: 64 },
  });
  return new Promise<Done | Damaged>((resolve, reject) => {
    let settled = false;
    // The worker has stopped before the caller hears, so it no longer writes the spool file the caller removes.
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      void worker.terminate().then(outcome);
    };
    const cancel = () => settle(() => reject(new AppError('CANCELLED', 'Impor dibatalkan.', 'Import cancelled.')));
    signal?.addEventListener('abort', cancel);
    worker.on('message', (m: XlsxMessage) => {
      if (settled) return;
      if (m.type === 'bytes') onBytes?.(m.bytes);
      else if (m.type === 'done') settle(() => resolve(m));
      else if (m.type === 'inflated') settle(() => reject(bombRefusal(m.what, m.whatEn)));
      else if (m.type === 'heap') settle(() => reject(tooMuchMemory(fileName)));
      else settle(() => resolve(m));
    });
    worker.on('error', (err) => settle(() => reject(workerFailed(fileName, err))));
    worker.on('exit', (code) => settle(() => reject(workerFailed(fileName, new Error(`exit code ${code}`)))));
  });
}

/** A sheet the worker spooled, read into `stg` and `stg_rejects`. */
async function loadSheet(db: Db, sheet: SheetSpooled, spec: KindSpec, recipe: MappingRecipe | undefined): Promise<Staged> {
  const { headers, headerRow, keys } = sheet;
  const columns = [`'row_no': 'INTEGER'`, ...headers.map((_, i) => `'c${i}': 'VARCHAR'`)].join(', ');
  const read = (columns: string) => `SELECT *
FROM read_csv($path, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
  columns = ${columns}, max_line_size = 4000000)`;
  await db.run(`CREATE OR REPLACE TEMP TABLE stg AS ${read(`{${columns}}`)}`, { path: sheet.dataPath });
  await db.run(`CREATE OR REPLACE TEMP TABLE stg_rejects AS ${read(STG_REJECTS_COLUMNS)}`, { path: sheet.rejectsPath });
  return {
    sheet: sheet.sheet, headers, headerRow, mapping: mapColumns(headers, spec, recipe, keys), title: sheet.title,
    width: headers.length, delimiter: null, encoding: null, format: 'xlsx', records: sheet.records, rejected: sheet.rejected,
  };
}

/**
 * Reads a workbook in a worker, which spools every visible sheet that has the kind's header row
 * (rows above it, the title block, and empty rows left out); each sheet is one part of the import.
 * Hidden sheets and sheets without the header are passed over and named in the warnings.
 */
export async function readXlsxParts(
  db: Db,
  path: string,
  spec: KindSpec,
  recipe: MappingRecipe | undefined,
  options: XlsxOptions,
): Promise<{ parts: FilePart[]; warnings: [string, string][]; hidden: string[]; complete: boolean }> {
  // Sizes from the central directory first: a zip bomb is refused before anything is inflated.
  await guardZip(path);
  const job: XlsxJob = { path, heapMb: XLSX_HEAP_MB, target: { kind: spec.kind, recipe }, spoolBase: options.spoolBase, rowLimit: options.rowLimit };
  const { spooled, hidden, firstRows, complete } = await readInWorker(job, options.fileName ?? basename(path), options);
  if (spooled.length === 0) refuseNoHeader(spec, firstRows);
  const warnings: [string, string][] = [];
  if (hidden.length) {
    const names = hidden.map((n) => `"${n}"`).join(', ');
    warnings.push([`Lembar tersembunyi tidak diimpor: ${names}. Tampilkan lembarnya di Excel bila datanya perlu diimpor.`,
      `Hidden sheets were not imported: ${names}. Unhide them in Excel if their data should be imported.`]);
  }
  return { parts: spooled.map((sheet) => ({ sheet: sheet.sheet, load: () => loadSheet(db, sheet, spec, recipe) })), warnings, hidden, complete: complete ?? true };
}

/**
 * For each kind, the header row and first `rows` data rows of the first sheet that has that header
 * (null where none has), reading the workbook once; the workbook's first rows; the first visible
 * sheet's first rows with their numbers; the hidden sheets passed over on the way.
 */
export async function previewXlsx(
  path: string,
  targets: { spec: KindSpec; recipe: MappingRecipe | undefined }[],
  rows: number,
): Promise<{ sheets: (SheetFound | null)[]; firstRows: string[][]; first?: { sheet: string; raw: { row: number; cells: string[] }[] }; hidden: string[] }> {
  await guardZip(path);
  const job: XlsxJob = { path, heapMb: XLSX_HEAP_MB, targets: targets.map((t) => ({ kind: t.spec.kind, recipe: t.recipe })), rows };
  return readInWorker(job, basename(path));
}
