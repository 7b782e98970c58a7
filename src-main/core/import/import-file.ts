import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../contract/errors.ts';
import type { ImportFileRequest, MappingRecipe } from '../../contract/import-types.ts';
import { replacedTable } from '../db/canonical.ts';
import type { Db } from '../db/database.ts';
import { stageCsv } from './csv-reader.ts';
import { INSERT_READER_REJECTS_SQL, insertRejectsSql, mergeSql, normaliseSql, SKIPPED_ROWS_SQL } from './import-sql.ts';
import { KINDS, type KindSpec } from './kinds.ts';
import type { Lang } from './reasons.ts';
import { loadRecipe, storeRecipe } from './recipes.ts';
import { fileSize, sniffFile } from './sniff.ts';
import { refuseMissing, type Staged } from './staging.ts';
import { stageXlsx } from './xlsx-reader.ts';

export interface ImportEnv {
  db: Db;
  tmpDir: string;
  now: () => Date;
  /** The language of the warnings an import answers with; the workspace keeps them in Indonesian. */
  lang?: Lang;
}

export interface FileProgress {
  (phase: 'read' | 'check' | 'store', fraction: number | null, rows: number | null): void;
}

export interface ImportOutcome {
  batch: string;
  agency: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  warnings: string[];
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function needsAgency(spec: KindSpec): boolean {
  return spec.kind !== 'calendar' && spec.kind !== 'survey';
}

async function stage(env: ImportEnv, req: ImportFileRequest, size: number, spec: KindSpec, recipe: MappingRecipe | undefined,
  tmpFile: string, signal: AbortSignal | undefined, progress: FileProgress): Promise<Staged> {
  const sniffed = await sniffFile(req.path, size);
  if (sniffed.format === 'xlsx') {
    const onBytes = (b: number) => progress('read', size ? b / size : null, null);
    const options = { signal, onBytes, spoolPath: tmpFile, fileName: req.fileName };
    return stageXlsx(env.db, req.path, spec, recipe, options);
  }
  return withProgress(env, (f) => progress('read', f, null), () => stageCsv(env.db, req.path, sniffed, spec, recipe, tmpFile));
}

/** While a long query runs, reports DuckDB's own progress estimate. */
async function withProgress<T>(env: ImportEnv, report: (f: number | null) => void, work: () => Promise<T>): Promise<T> {
  // DuckDB's progress is polled sparingly: each poll costs the import time.
  const timer = setInterval(() => report(env.db.progress()), 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Imports one file as one batch, in one transaction: either every row is stored
 * or listed as rejected, or (on any failure) nothing from the file is stored.
 */
export async function importFile(
  env: ImportEnv,
  req: ImportFileRequest,
  progress: FileProgress,
  signal?: AbortSignal,
): Promise<ImportOutcome> {
  const { db } = env;
  const spec = KINDS[req.kind];
  const agency = req.agency?.trim() || null;
  if (!agency && needsAgency(spec)) {
    throw new AppError('IMPORT_FAILED', `Instansi wajib dipilih untuk jenis data "${spec.kind}" (--agency KODE).`, `An agency must be chosen for data kind "${spec.kind}" (--agency CODE).`);
  }
  const size = await fileSize(req.path);
  const recipe = req.mapping ?? (agency ? await loadRecipe(db, agency, spec.kind) : undefined);
  const tmpFile = join(env.tmpDir, `pantau-${process.pid}-${Date.now()}.csv`);
  const onAbort = () => db.interrupt();
  signal?.addEventListener('abort', onAbort);
  try {
    progress('read', 0, null);
    const [hash, staged] = await Promise.all([
      sha256(req.path),
      stage(env, req, size, spec, recipe, tmpFile, signal, progress),
    ]);
    if (staged.mapping.missing.length) refuseMissing(spec, staged.mapping.missing, staged.headers);
    if (!agency && spec.kind === 'survey' && staged.mapping.columns.agency === undefined) {
      throw new AppError('IMPORT_FAILED', 'Berkas survei ini tidak memiliki kolom Instansi, jadi instansi wajib dipilih saat impor (--agency KODE).',
        'This survey file has no Instansi (agency) column, so an agency must be chosen when importing (--agency CODE).');
    }
    progress('check', null, null);
    const norm = normaliseSql(spec, staged);
    const params: Record<string, string | number | null> = { agency, today: isoDate(env.now()) };
    norm.extraKeys.forEach((k, i) => (params[`h${i}`] = k));
    await withProgress(env, (f) => progress('check', f, null), () => db.run(norm.sql, params));
    if (signal?.aborted) throw new AppError('CANCELLED', 'Impor dibatalkan.', 'Import cancelled.');
    progress('store', null, null);
    const outcome = await db.transaction(() =>
      store(env, { req, spec, agency, size, hash, staged, recipe: req.mapping, signal }),
    );
    const warnings = await fileWarnings(env, spec, staged, hash, outcome.batch);
    await db.run('UPDATE batches SET warnings = $w WHERE batch_id = $batch', { w: JSON.stringify(warnings.map(([id]) => id)), batch: outcome.batch });
    return { ...outcome, warnings: warnings.map((w) => w[env.lang === 'en' ? 1 : 0]) };
  } catch (err) {
    if (signal?.aborted || /INTERRUPT/i.test(String(err))) throw new AppError('CANCELLED', 'Impor dibatalkan; tidak ada data dari berkas ini yang disimpan.', 'Import cancelled; no data from this file was stored.');
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await db.run('DROP TABLE IF EXISTS stg; DROP TABLE IF EXISTS norm; DROP TABLE IF EXISTS stg_rejects; DROP TABLE IF EXISTS stg_scans').catch(() => undefined);
    await rm(tmpFile, { force: true });
  }
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

interface StoreInput {
  req: ImportFileRequest;
  spec: KindSpec;
  agency: string | null;
  size: number;
  hash: string;
  staged: Staged;
  recipe: MappingRecipe | undefined;
  signal: AbortSignal | undefined;
}

async function store(env: ImportEnv, input: StoreInput): Promise<ImportOutcome> {
  const { db } = env;
  const { spec, staged } = input;
  const seq = (await db.one<{ n: number }>("SELECT nextval('batch_seq') AS n"))!.n;
  const batch = `b-${String(seq).padStart(6, '0')}`;
  const mapping = Object.fromEntries(
    Object.entries(staged.mapping.columns).map(([field, i]) => [field, (staged.headers[i] ?? '').trim()]),
  );
  await db.run(
    `INSERT INTO batches (batch_id, seq, file_name, file_path, size, sha256, agency, kind, format, encoding, delimiter,
  header_row, mapping, imported_at, rows_read, rows_imported, rows_rejected, rows_skipped, rows_replaced, warnings, status)
VALUES ($batch, $seq, $file, $path, $size, $sha, $agency, $kind, $format, $enc, $delim,
  $header, $mapping, $at, 0, 0, 0, 0, 0, '[]', 'active')`,
    {
      batch, seq, file: input.req.fileName ?? basename(input.req.path), path: input.req.path, size: input.size,
      sha: input.hash, agency: input.agency, kind: spec.kind, format: staged.format,
      enc: staged.encoding, delim: staged.delimiter, header: staged.headerRow, mapping: JSON.stringify(mapping),
      at: env.now().toISOString(),
    },
  );
  if (staged.readerRejects.length > 0) {
    const rejects = staged.readerRejects.map((r) => ({ row_no: r.row, column_name: r.column, value: r.value, code: r.code, detail: r.detail }));
    await db.run(INSERT_READER_REJECTS_SQL, { batch, rejects: JSON.stringify(rejects) });
  }
  await db.run(insertRejectsSql(), { batch });
  await db.run(SKIPPED_ROWS_SQL, { batch });
  const { replace, remove, insert } = mergeSql(spec);
  // Nothing to replace in an empty table: skip two semi-joins over the whole file.
  const existing = await db.one<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${spec.table} LIMIT 1)`);
  if (existing!.n > 0) {
    await db.run(replace, { batch });
    await db.run(remove, { batch });
  }
  await db.run(insert, { batch });
  const counts = (await db.one<{ ok: number; bad: number; skipped: number }>(
    `SELECT count(*) FILTER (WHERE err IS NULL) AS ok, count(*) FILTER (WHERE err IS NOT NULL) AS bad,
       (SELECT count(*) FROM skips WHERE batch_id = $batch) AS skipped
     FROM norm`,
    { batch },
  ))!;
  const replaced = (await db.one<{ n: number }>(
    `SELECT count(*) AS n FROM ${replacedTable(spec.table)} WHERE replaced_by = $batch`, { batch },
  ))!.n;
  const rowsRead = staged.records;
  const rowsImported = counts.ok;
  const rowsRejected = counts.bad + staged.readerRejects.length;
  const rowsSkipped = counts.skipped;
  // The rows the reader counted in the file must all be accounted for: a file can fail, never come up short.
  if (rowsImported + rowsRejected + rowsSkipped !== rowsRead) {
    throw new AppError('IMPORT_FAILED',
      `Berkas berisi ${rowsRead} baris data, tetapi ${rowsImported} diimpor, ${rowsRejected} ditolak dan ${rowsSkipped} dilewati: selisih ${rowsRead - rowsImported - rowsRejected - rowsSkipped}. Tidak ada yang disimpan dari berkas ini.`,
      `The file has ${rowsRead} data rows, but ${rowsImported} were imported, ${rowsRejected} rejected and ${rowsSkipped} skipped: ${rowsRead - rowsImported - rowsRejected - rowsSkipped} unaccounted for. Nothing from this file was stored.`);
  }
  await db.run(
    `UPDATE batches SET rows_read = $read, rows_imported = $ok, rows_rejected = $rej, rows_skipped = $skip, rows_replaced = $repl
     WHERE batch_id = $batch`,
    { read: rowsRead, ok: rowsImported, rej: rowsRejected, skip: rowsSkipped, repl: replaced, batch },
  );
  if (input.recipe && input.agency) await storeRecipe(db, input.agency, spec.kind, input.recipe, env.now());
  // An abort on an idle connection interrupts nothing; checking here, before COMMIT, rolls it all back.
  if (input.signal?.aborted) throw new AppError('CANCELLED', 'Impor dibatalkan.', 'Import cancelled.');
  return { batch, agency: input.agency, rowsRead, rowsImported, rowsRejected, rowsSkipped, warnings: [] };
}

async function fileWarnings(env: ImportEnv, spec: KindSpec, staged: Staged, hash: string, batch: string): Promise<Array<[id: string, en: string]>> {
  const warnings: Array<[id: string, en: string]> = [];
  if (spec.kind === 'attendance' && staged.mapping.columns.mode === undefined) {
    warnings.push(['Berkas tidak memiliki kolom mode kerja; setiap hari hadir dicatat sebagai WFO.', 'The file has no work mode column; every day present is recorded as WFO.']);
  }
  const same = await env.db.one<{ batch_id: string }>(
    `SELECT batch_id
FROM batches
WHERE sha256 = $hash AND kind = $kind AND status = 'active' AND batch_id <> $batch
ORDER BY seq
LIMIT 1`,
    { hash, kind: spec.kind, batch },
  );
  if (same) {
    warnings.push([`Isi berkas ini sama persis dengan impor ${same.batch_id}; baris dengan kunci yang sama diganti, tidak digandakan.`, `The contents of this file are identical to import ${same.batch_id}; rows with the same key were replaced, not duplicated.`]);
  }
  return warnings;
}

