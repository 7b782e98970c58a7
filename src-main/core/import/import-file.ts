import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../contract/errors.ts';
import { fieldLabel, kindLabel } from '../../contract/labels.ts';
import { IMPORT_RESULT_ROWS, type ImportFileRequest, type MappingRecipe, type RejectedRow, type SkippedRow } from '../../contract/import-types.ts';
import { batchRejects, batchSkips } from './batches.ts';
import { replacedTable } from '../db/canonical.ts';
import type { Db } from '../db/database.ts';
import { stageCsv } from './csv-reader.ts';
import { insertReaderRejectsSql, insertRejectsSql, batchRangeSql, mergeSql, normaliseSql, skippedRowsSql, STORED } from './import-sql.ts';
import { KINDS, type KindSpec } from './kinds.ts';
import type { Lang } from './reasons.ts';
import { loadRecipe, storeRecipe } from './recipes.ts';
import { fileSize, sniffFile } from './sniff.ts';
import { refuseMissing, type FilePart, type Staged } from './staging.ts';
import { detectLayout, layoutFields, planPart, type FoundConstant, type PartPlan } from './layouts/layout.ts';
import type { LayoutId } from '../../contract/import-types.ts';
import { rosterConflict, type RosterMatch } from '../../contract/views-types.ts';
import { readXlsxParts } from './xlsx-reader.ts';

export interface ImportEnv {
  db: Db;
  tmpDir: string;
  now: () => Date;
  /** The language of the warnings an import answers with; the workspace keeps them in Indonesian. */
  lang?: Lang;
  /** The agency's effective profile parameters the import reads (workDays, dayStartsAt). */
  profile: (agency: string | null) => Promise<{ workDays: number; dayStartsAt: string }>;
  /** Brings what the workspace keeps derived from its rows up to date, inside the import's transaction. */
  derive?: () => Promise<void>;
}

export interface FileProgress {
  (phase: 'read' | 'check' | 'store', fraction: number | null, rows: number | null): void;
}

/** What one part of a file (the file itself, or one sheet of a workbook) became: one batch. */
export interface PartOutcome {
  sheet: string | null;
  batch: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  /** Canonical records written (a scan log's rows make fewer). */
  records: number;
  layout: LayoutId;
  /** Per field, the header (or "#N") of the column that supplied it. */
  mapping: Record<string, string>;
  constants: Record<string, FoundConstant>;
  ignored: IgnoredReport[];
}

/** A column passed over, by its header, with the reason's code and the field it would have been. */
export interface IgnoredReport {
  column: string;
  code: 'SCHEDULE' | 'SECOND_COLUMN' | 'HIDDEN_SHEET';
  field?: string;
}

/** A column's name in the report: its header, or "#N" (1-based) when it has none. */
function columnName(staged: Staged, i: number): string {
  const h = (staged.headers[i] ?? '').trim();
  return h === '' ? `#${i + 1}` : h;
}

export function mappingReport(staged: Staged): Record<string, string> {
  return Object.fromEntries(Object.entries(staged.mapping.columns).map(([field, i]) => [field, columnName(staged, i)]));
}

function ignoredReport(staged: Staged): IgnoredReport[] {
  return staged.mapping.ignored.map((x) => ({ column: columnName(staged, x.column), code: x.reason, field: x.field }));
}

export interface ImportOutcome {
  /** The first part's batch; a workbook of several sheets has one batch per sheet, in `parts`. */
  batch: string;
  agency: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  parts: PartOutcome[];
  warnings: string[];
  /** Hidden sheets of a workbook, passed over. */
  hidden: string[];
  /** The first IMPORT_RESULT_ROWS rejected and skipped rows, the sheet named when there are several. */
  rejects: RejectedRow[];
  skipped: SkippedRow[];
}

type Warning = [id: string, en: string];

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function needsAgency(spec: KindSpec): boolean {
  return spec.kind !== 'calendar' && spec.kind !== 'survey';
}

/** The file's parts as its reader finds them, with what the reader passed over (hidden or headerless sheets). */
async function openParts(env: ImportEnv, req: ImportFileRequest, size: number, spec: KindSpec, recipe: MappingRecipe | undefined,
  tmpBase: string, signal: AbortSignal | undefined, progress: FileProgress): Promise<{ parts: FilePart[]; warnings: Warning[]; hidden: string[] }> {
  const sniffed = await sniffFile(req.path, size);
  if (sniffed.format === 'xlsx') {
    const onBytes = (b: number) => progress('read', size ? b / size : null, null);
    return readXlsxParts(env.db, req.path, spec, recipe, { signal, onBytes, spoolBase: tmpBase, fileName: req.fileName });
  }
  const staged = await withProgress(env, (f) => progress('read', f, null), () => stageCsv(env.db, req.path, sniffed, spec, recipe, `${tmpBase}.csv`));
  return { parts: [{ sheet: null, load: async () => staged }], warnings: [], hidden: [] };
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

// stg_scan_*: the scan layout's tables (layouts/scans.ts); stg_wide: a wide sheet's day cells (layouts/wide.ts).
const STAGING_TABLES = ['stg', 'stg_rejects', 'stg_shifts', 'stg_reader_errors', 'stg_scans', 'stg_scan_rows', 'stg_scan_days', 'stg_scan_keys',
  'stg_scan_dates', 'stg_wide'];

/** A part's tables while the file is imported: its normalised rows and the rows its reader rejected. */
const partTables = (k: number) => ({ norm: `norm_${k}`, rejects: `reader_rejects_${k}` });

/**
 * Imports one file in one transaction: every row is stored, listed as rejected or listed as
 * skipped, each with its reason; on any failure nothing from the file is stored. A workbook's
 * sheets are one batch each, so every stored row names its sheet through its batch.
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
    throw new AppError('IMPORT_FAILED', `Instansi wajib dipilih untuk ${kindLabel(spec.kind, 'id')} (--agency KODE).`, `An agency must be chosen for ${kindLabel(spec.kind, 'en')} (--agency CODE).`);
  }
  const size = await fileSize(req.path);
  const recipe = req.mapping ?? (agency ? await loadRecipe(db, agency, spec.kind) : undefined);
  const profile = await env.profile(agency);
  const tmpBase = join(env.tmpDir, `pantau-${process.pid}-${Date.now()}`);
  const onAbort = () => db.interrupt();
  signal?.addEventListener('abort', onAbort);
  const created: string[] = [];
  try {
    progress('read', 0, null);
    const [hash, file] = await Promise.all([
      sha256(req.path),
      openParts(env, req, size, spec, recipe, tmpBase, signal, progress),
    ]);
    // Each part is read and normalised first, outside the transaction (rows a transaction has just
    // written read slower in DuckDB); then all of them are stored in one.
    const prepared: { k: number; staged: Staged; plan: PartPlan }[] = [];
    let mode = false;
    for (const [k, part] of file.parts.entries()) {
      const staged = await part.load();
      checkMapping(spec, staged, agency, detectLayout(spec, staged, recipe), req.mapping === undefined);
      progress('check', null, null);
      const tables = partTables(k);
      created.push(tables.norm, tables.rejects);
      const plan = await withProgress(env, (f) => progress('check', f, null),
        () => normalisePart(env, { spec, staged, req, recipe, agency, profile }, tables.norm));
      mode ||= plan.source.fields.mode !== undefined;
      await db.run(`CREATE OR REPLACE TEMP TABLE ${tables.rejects} AS SELECT * FROM stg_rejects`);
      await dropStaging(db);
      if (signal?.aborted) throw new AppError('CANCELLED', 'Impor dibatalkan.', 'Import cancelled.');
      prepared.push({ k, staged, plan });
    }
    progress('store', null, null);
    // Batch numbers are taken before the transaction, each committed at once: a sequence value taken
    // inside a transaction that a crash cuts short is given out again, and rows such a transaction
    // left behind (db/orphans.ts) must not share their batch with a later import.
    const seqs: number[] = [];
    for (const _ of prepared) seqs.push((await db.one<{ n: number }>("SELECT nextval('batch_seq') AS n"))!.n);
    // The answer is built inside the transaction, before COMMIT: once the rows are committed nothing
    // is left that could fail and report a stored file as failed. It is bounded (the first
    // IMPORT_RESULT_ROWS rejected and skipped rows), so it can always be sent.
    const several = prepared.length > 1;
    const sum = (parts: PartOutcome[], k: 'rowsRead' | 'rowsImported' | 'rowsRejected' | 'rowsSkipped') => parts.reduce((n, p) => n + p[k], 0);
    return await withProgress(env, (f) => progress('store', f, null), () => db.transaction(async (): Promise<ImportOutcome> => {
      const parts: PartOutcome[] = [];
      for (const [i, { k, staged, plan }] of prepared.entries()) {
        parts.push(await store(env, { req, spec, agency, size, hash, staged, plan, tables: partTables(k), seq: seqs[i]! }));
      }
      if (req.mapping && agency && req.saveRecipe !== false) await storeRecipe(db, agency, spec.kind, req.mapping, env.now());
      await env.derive?.();
      const warnings = [...file.warnings, ...(await fileWarnings(env, spec, mode, hash, agency, parts.map((p) => p.batch),
        prepared.map((p) => partTables(p.k).norm)))];
      for (const p of parts) {
        await db.run('UPDATE batches SET warnings = $w WHERE batch_id = $batch', { w: JSON.stringify(warnings.map(([id]) => id)), batch: p.batch });
      }
      const lang = env.lang ?? 'id';
      const rejects: RejectedRow[] = [];
      const skipped: SkippedRow[] = [];
      for (const p of parts) {
        // The sheet is named once a workbook has several: with one, the row alone finds it.
        rejects.push(...(await batchRejects(db, p.batch, lang, several, { offset: 0, limit: IMPORT_RESULT_ROWS - rejects.length })));
        skipped.push(...(await batchSkips(db, p.batch, lang, several, { offset: 0, limit: IMPORT_RESULT_ROWS - skipped.length })));
      }
      // An abort on an idle connection interrupts nothing; checking here, before COMMIT, rolls it all back.
      if (signal?.aborted) throw new AppError('CANCELLED', 'Impor dibatalkan.', 'Import cancelled.');
      return {
        batch: parts[0]!.batch, agency, parts,
        rowsRead: sum(parts, 'rowsRead'), rowsImported: sum(parts, 'rowsImported'), rowsRejected: sum(parts, 'rowsRejected'), rowsSkipped: sum(parts, 'rowsSkipped'),
        warnings: warnings.map((w) => w[lang === 'en' ? 1 : 0]), hidden: file.hidden, rejects, skipped,
      };
    }));
  } catch (err) {
    if (signal?.aborted || /INTERRUPT/i.test(String(err))) throw new AppError('CANCELLED', 'Impor dibatalkan; tidak ada data dari berkas ini yang disimpan.', 'Import cancelled; no data from this file was stored.');
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await dropStaging(db).catch(() => undefined);
    if (created.length) await db.run(created.map((t) => `DROP TABLE IF EXISTS ${t}`).join('; ')).catch(() => undefined);
    await removeSpools(tmpBase);
  }
}

/**
 * One staged part planned (layout, constants) and normalised into `table`, with the signature block
 * and in-file duplicates marked: the import and the preview's check run exactly this.
 */
export async function normalisePart(env: ImportEnv, part: {
  spec: KindSpec; staged: Staged; req: Pick<ImportFileRequest, 'period' | 'date' | 'fileName' | 'path'>; recipe: MappingRecipe | undefined; agency: string | null;
  profile: { workDays: number; dayStartsAt: string };
}, table: string): Promise<PartPlan> {
  const { db } = env;
  const { spec, staged, req, recipe, agency, profile } = part;
  const plan = await planPart(db, spec, staged, { req, recipe }, profile.dayStartsAt);
  const norm = normaliseSql(spec, staged, table, plan.source, recipe?.values);
  const params: Record<string, string | number | null> = { agency, today: isoDate(env.now()), work_days: profile.workDays };
  norm.extraKeys.forEach((key, i) => (params[`h${i}`] = key));
  await db.run(norm.sql, params);
  if ((await db.one<{ n: number }>(norm.signature.candidates))!.n > 0) await db.run(norm.signature.mark);
  if ((await db.one<{ n: number }>(norm.duplicates.candidates))!.n > 0) await db.run(norm.duplicates.mark);
  return plan;
}

/** The staged copies of this file (a text file's parts `<tmpBase>.csv.<n>`, a workbook's `<tmpBase>-<n>.csv` and rejects). */
export async function removeSpools(tmpBase: string): Promise<void> {
  const prefix = basename(tmpBase);
  const names = await readdir(dirname(tmpBase)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(join(dirname(tmpBase), n), { force: true })));
}

export async function dropStaging(db: Db): Promise<void> {
  await db.run(STAGING_TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`).join('; '));
}

/** Fields a part may hold in no column: what its layout supplies, and a date or period found elsewhere (layouts/layout.ts). */
const SUPPLIED_ELSEWHERE = ['date', 'year/period'];

export function checkMapping(spec: KindSpec, staged: Staged, agency: string | null, layout: LayoutId, saved: boolean): void {
  const [gone] = staged.mapping.absent;
  if (gone) {
    const column = typeof gone.column === 'number' ? `kolom ke-${gone.column}` : `"${gone.column}"`;
    const columnEn = typeof gone.column === 'number' ? `column ${gone.column}` : `"${gone.column}"`;
    const recipe = saved ? `resep tersimpan instansi ${agency} untuk ${kindLabel(spec.kind, 'id')}` : 'resep pemetaan (--mapping)';
    const recipeEn = saved ? `the saved recipe of agency ${agency} for ${kindLabel(spec.kind, 'en')}` : 'the mapping recipe (--mapping)';
    throw new AppError('IMPORT_FAILED',
      `Kolom ${column} untuk isian ${fieldLabel(gone.field, 'id')} yang disebut ${recipe} tidak ada di berkas ini. Perbaiki resepnya atau beri resep baru dengan --mapping.`,
      `Column ${columnEn} for field ${fieldLabel(gone.field, 'en')}, named by ${recipeEn}, is not in this file. Correct the recipe or give a new one with --mapping.`,
      { kind: spec.kind });
  }
  const supplied = new Set([...layoutFields(layout), ...SUPPLIED_ELSEWHERE]);
  const missing = staged.mapping.missing.filter((m) => !supplied.has(m));
  if (missing.length) refuseMissing(spec, missing, staged.headers);
  if (!agency && spec.kind === 'survey' && staged.mapping.columns.agency === undefined) {
    throw new AppError('IMPORT_FAILED', 'Berkas survei ini tidak memiliki kolom Instansi, jadi instansi wajib dipilih saat impor (--agency KODE).',
      'This survey file has no Instansi (agency) column, so an agency must be chosen when importing (--agency CODE).');
  }
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

interface StoreInput {
  plan: PartPlan;
  req: ImportFileRequest;
  spec: KindSpec;
  agency: string | null;
  size: number;
  hash: string;
  staged: Staged;
  tables: { norm: string; rejects: string };
  seq: number;
}

/** One part as one batch: its rejects and skipped rows listed, its good rows merged by natural key. */
async function store(env: ImportEnv, input: StoreInput): Promise<PartOutcome> {
  const { db } = env;
  const { spec, staged } = input;
  const { seq } = input;
  const batch = `b-${String(seq).padStart(6, '0')}`;
  const { plan } = input;
  const mapping = mappingReport(staged);
  const ignored = ignoredReport(staged);
  await db.run(
    `INSERT INTO batches (batch_id, seq, file_name, file_path, size, sha256, agency, kind, format, encoding, delimiter,
  header_row, mapping, imported_at, rows_read, rows_imported, rows_rejected, rows_skipped, rows_replaced, warnings, status, sheet,
  layout, constants, ignored, records)
VALUES ($batch, $seq, $file, $path, $size, $sha, $agency, $kind, $format, $enc, $delim,
  $header, $mapping, $at, 0, 0, 0, 0, 0, '[]', 'active', $sheet, $layout, $constants, $ignored, 0)`,
    {
      batch, seq, file: input.req.fileName ?? basename(input.req.path), path: input.req.path, size: input.size,
      sha: input.hash, agency: input.agency, kind: spec.kind, format: staged.format,
      enc: staged.encoding, delim: staged.delimiter, header: staged.headerRow, mapping: JSON.stringify(mapping),
      at: env.now().toISOString(), sheet: staged.sheet, layout: plan.layout, constants: JSON.stringify(plan.constants),
      ignored: JSON.stringify(ignored),
    },
  );
  const { norm, rejects } = input.tables;
  await db.run(insertReaderRejectsSql(rejects), { batch });
  await db.run(insertRejectsSql(norm), { batch });
  await db.run(skippedRowsSql(norm), { batch });
  const { replace, remove, insert } = mergeSql(spec, norm);
  // Nothing to replace in an empty table, or when the batch stores no row: skip two semi-joins over the whole file.
  const existing = await db.one<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${spec.table} LIMIT 1)`);
  const rangeSql = batchRangeSql(spec, norm);
  const range = rangeSql ? (await db.one<{ lo: string | null; hi: string | null }>(rangeSql))! : { lo: null, hi: null };
  if (existing!.n > 0 && !(rangeSql && range.lo === null)) {
    const bound = { batch, lo: range.lo, hi: range.hi };
    await db.run(replace, bound);
    await db.run(remove, bound);
  }
  // The range the batch's rows and the rows it replaced lie in (an undo changes rows only there too).
  if (rangeSql) await db.run('UPDATE batches SET key_from = CAST($lo AS DATE), key_to = CAST($hi AS DATE) WHERE batch_id = $batch', { batch, ...range });
  await db.run(insert, { batch });
  const counts = (await db.one<{ ok: number; bad: number; skipped: number; records: number }>(
    `SELECT coalesce(sum(weight) FILTER (WHERE err IS NULL AND skip IS NULL), 0) AS ok,
       coalesce(sum(weight) FILTER (WHERE err IS NOT NULL), 0) AS bad, coalesce(sum(weight) FILTER (WHERE skip IS NOT NULL), 0) AS skipped,
       count(*) FILTER (WHERE err IS NULL AND skip IS NULL) AS records
     FROM ${norm}`,
  ))!;
  const replaced = (await db.one<{ n: number }>(
    `SELECT count(*) AS n FROM ${replacedTable(spec.table)} WHERE replaced_by = $batch`, { batch },
  ))!.n;
  const rowsRead = staged.records;
  const rowsImported = counts.ok;
  const rowsRejected = counts.bad + staged.rejected;
  const rowsSkipped = counts.skipped;
  // The rows the reader counted in the file must all be accounted for: a file can fail, never come up short.
  const missing = rowsRead - rowsImported - rowsRejected - rowsSkipped;
  if (missing !== 0) {
    const where = staged.sheet ? ` (lembar ${staged.sheet})` : '';
    const whereEn = staged.sheet ? ` (sheet ${staged.sheet})` : '';
    throw new AppError('IMPORT_FAILED',
      `Berkas berisi ${rowsRead} baris data${where}, tetapi ${rowsImported} diimpor, ${rowsRejected} ditolak dan ${rowsSkipped} dilewati: selisih ${missing}. Tidak ada yang disimpan dari berkas ini.`,
      `The file has ${rowsRead} data rows${whereEn}, but ${rowsImported} were imported, ${rowsRejected} rejected and ${rowsSkipped} skipped: ${missing} unaccounted for. Nothing from this file was stored.`);
  }
  await db.run(
    `UPDATE batches SET rows_read = $read, rows_imported = $ok, rows_rejected = $rej, rows_skipped = $skip, rows_replaced = $repl,
       records = $records
     WHERE batch_id = $batch`,
    { read: rowsRead, ok: rowsImported, rej: rowsRejected, skip: rowsSkipped, repl: replaced, records: counts.records, batch },
  );
  return {
    sheet: staged.sheet, batch, rowsRead, rowsImported, rowsRejected, rowsSkipped, records: counts.records,
    layout: plan.layout, mapping, constants: plan.constants, ignored,
  };
}

async function fileWarnings(env: ImportEnv, spec: KindSpec, mode: boolean, hash: string, agency: string | null, batches: string[], norms: string[]): Promise<Warning[]> {
  const warnings: Warning[] = [];
  if (spec.kind === 'attendance' && !mode) {
    warnings.push(['Berkas tidak memiliki kolom mode kerja; setiap hari hadir dicatat sebagai WFO.', 'The file has no work mode column; every day present is recorded as WFO.']);
  }
  const same = await env.db.one<{ batch_id: string; agency: string | null }>(
    `SELECT batch_id, agency
FROM batches
WHERE sha256 = $hash AND kind = $kind AND status = 'active' AND NOT list_contains(string_split($batches, ','), batch_id)
ORDER BY agency IS NOT DISTINCT FROM $agency DESC, seq
LIMIT 1`,
    { hash, kind: spec.kind, batches: batches.join(','), agency },
  );
  if (same && same.agency === agency) {
    warnings.push([`Isi berkas ini sama persis dengan impor ${same.batch_id}; baris dengan kunci yang sama diganti, tidak digandakan.`, `The contents of this file are identical to import ${same.batch_id}; rows with the same key were replaced, not duplicated.`]);
  } else if (same) {
    const other = same.agency ?? '-';
    warnings.push([`Isi berkas ini sama persis dengan impor ${same.batch_id} untuk instansi ${other}: datanya kini tersimpan untuk dua instansi. Batalkan salah satu impor bila berkas ini hanya milik satu instansi.`,
      `The contents of this file are identical to import ${same.batch_id} for agency ${other}: its data is now stored for two agencies. Undo one of the imports if the file belongs to one agency only.`]);
  }
  const conflict = agency && (spec.key as readonly string[]).includes('nip') ? await rosterConflictOf(env.db, agency, batches, norms) : null;
  if (conflict) {
    const { other, own } = conflict;
    warnings.push([
      `Menurut daftar pegawai, ${other.matched} dari ${other.of} NIP berkas ini terdaftar di instansi ${other.agency} dan hanya ${own} di ${agency}: periksa instansinya. Bila berkas ini milik ${other.agency}, batalkan impor ini lalu impor lagi untuk ${other.agency}.`,
      `By the rosters, ${other.matched} of the ${other.of} NIPs in this file belong to agency ${other.agency} and only ${own} to ${agency}: check the agency. If the file is ${other.agency}'s, undo this import and import it again for ${other.agency}.`,
    ]);
  }
  return warnings;
}

/**
 * The import screen asks before it files a file under an agency whose roster holds fewer of its
 * NIPs than another's (rosterConflict); an import made without the screen (the CLI) says so in a
 * warning. The rosters are read without this import's own rows, so a roster is judged by the others.
 * The file's NIPs are read from its normalised parts (`norms`), the rows it stores: the same rows
 * just written inside the transaction read many times slower (14 s for 30M rows, against 1 s).
 */
async function rosterConflictOf(db: Db, agency: string, batches: string[], norms: string[]): Promise<{ other: RosterMatch; own: number } | null> {
  const matches = await db.all<RosterMatch>(`
WITH mine AS (SELECT unnest(string_split($batches, ',')) AS batch_id),
ids AS (SELECT DISTINCT nip AS id FROM (${norms.map((n) => `SELECT nip FROM ${n} WHERE ${STORED}`).join(' UNION ALL ')}) WHERE nip IS NOT NULL),
-- A roster imported for another agency replaces the same NIPs (the roster's key is the NIP alone):
-- the rows it replaced are the roster it is judged by.
rosters AS (
  SELECT agency, nip FROM employees WHERE batch_id NOT IN (SELECT batch_id FROM mine)
  UNION ALL
  SELECT agency, nip FROM ${replacedTable('employees')} WHERE replaced_by IN (SELECT batch_id FROM mine))
SELECT e.agency, count(DISTINCT ids.id)::INTEGER AS matched, (SELECT count(*) FROM ids)::INTEGER AS "of"
FROM ids JOIN rosters e ON e.nip = ids.id
WHERE e.agency IS NOT NULL
GROUP BY e.agency
ORDER BY matched DESC, e.agency`, { batches: batches.join(',') });
  const other = rosterConflict(agency, matches);
  return other ? { other, own: matches.find((m) => m.agency === agency.trim().toUpperCase())?.matched ?? 0 } : null;
}
