import { AppError } from '../../contract/errors.ts';
import { BATCH_REJECTS_PAGE, type BatchRejectsRequest, type BatchRejectsResult, type ImportBatch, type ImportKind, type LayoutId, type RejectedRow, type SkippedRow, type UndoImportResult } from '../../contract/import-types.ts';
import { replacedTable } from '../db/canonical.ts';
import type { Db } from '../db/database.ts';
import { undoSql } from './import-sql.ts';
import { KINDS } from './kinds.ts';
import { formatReject, formatSkip, type Lang } from './reasons.ts';

interface BatchRow {
  batch_id: string; file_name: string; kind: ImportKind; agency: string | null; sha256: string; size: number;
  format: 'csv' | 'xlsx'; encoding: string | null; delimiter: string | null; header_row: number; mapping: string;
  imported_at: string; rows_read: number; rows_imported: number; rows_rejected: number; rows_skipped: number; rows_replaced: number;
  status: 'active' | 'undone'; undone_at: string | null; sheet: string | null; layout: LayoutId; records: number; constants: string;
}

/**
 * The records a batch `b` wrote: batches stored before the layouts wrote one record per imported
 * row (migration 6) have no count of their own, and wrote one per row.
 */
export const batchRecords = (b: string): string => `coalesce(${b}.records, ${b}.rows_imported)`;

const BATCH_COLUMNS = `batch_id, file_name, kind, agency, sha256, size, format, encoding, delimiter, header_row, mapping,
  strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at, rows_read, rows_imported, rows_rejected, rows_skipped, rows_replaced,
  status, strftime(undone_at, '%Y-%m-%dT%H:%M:%SZ') AS undone_at, sheet, layout, ${batchRecords('batches')} AS records, constants`;

function toBatch(r: BatchRow): ImportBatch {
  return {
    batch: r.batch_id, file: r.file_name, kind: r.kind, agency: r.agency, sha256: r.sha256, size: r.size,
    format: r.format, encoding: r.encoding, delimiter: r.delimiter, headerRow: r.header_row,
    mapping: JSON.parse(r.mapping) as Record<string, string>, importedAt: r.imported_at, rowsRead: r.rows_read,
    rowsImported: r.rows_imported, rowsRejected: r.rows_rejected, rowsSkipped: r.rows_skipped, rowsReplaced: r.rows_replaced, status: r.status,
    undoneAt: r.undone_at, sheet: r.sheet, layout: r.layout, records: r.records,
    constants: JSON.parse(r.constants) as ImportBatch['constants'],
  };
}

export async function listBatches(db: Db, includeUndone: boolean): Promise<ImportBatch[]> {
  const rows = await db.all<BatchRow & Record<string, unknown>>(
    `SELECT ${BATCH_COLUMNS}
FROM batches
WHERE $all OR status = 'active'
ORDER BY seq`,
    { all: includeUndone },
  );
  return rows.map(toBatch);
}

/** One batch, as listImports lists it; NOT_FOUND when there is none. */
export async function getBatch(db: Db, batch: string): Promise<ImportBatch> {
  const row = await db.one<BatchRow & Record<string, unknown>>(`SELECT ${BATCH_COLUMNS} FROM batches WHERE batch_id = $batch`, { batch });
  if (!row) throw new AppError('NOT_FOUND', `Impor ${batch} tidak ditemukan.`, `Import ${batch} not found.`, { batch });
  return toBatch(row);
}

/** Rows `offset` to `offset + limit - 1` of a list; all of them when no page is asked for. */
export interface Page {
  offset: number;
  limit: number;
}
const pageSql = (page: Page | undefined) => (page ? ' LIMIT $limit OFFSET $offset' : '');

/**
 * Rejected rows of a batch (a page of them, or all), reasons in the requested language, naming the
 * file's own column header and, unless told otherwise (a workbook of one data sheet), the sheet.
 */
export async function batchRejects(db: Db, batch: string, lang: Lang, nameSheet = true, page?: Page): Promise<RejectedRow[]> {
  const info = await getBatch(db, batch);
  const sheet = nameSheet ? info.sheet : null;
  const rows = await db.all<{ row_no: number; column_name: string; value: string | null; code: string; detail: string | null }>(
    `SELECT row_no, column_name, value, code, detail FROM rejects WHERE batch_id = $batch ORDER BY row_no, column_name${pageSql(page)}`,
    { batch, ...page },
  );
  return rows.map((r) => {
    const column = r.column_name === '_row' ? '' : info.mapping[r.column_name] || r.column_name;
    return {
      row: r.row_no,
      ...(sheet === null ? {} : { sheet }),
      column,
      value: r.value,
      reason: formatReject(lang, r.row_no, column, r.value, r.code, r.detail, sheet),
    };
  });
}

/** Skipped rows of a batch (a page of them, or all), with their reasons in the requested language. */
export async function batchSkips(db: Db, batch: string, lang: Lang, nameSheet = true, page?: Page): Promise<SkippedRow[]> {
  const sheet = nameSheet ? (await getBatch(db, batch)).sheet : null;
  const rows = await db.all<{ row_no: number; code: string; detail: string | null }>(
    `SELECT row_no, code, detail FROM skips WHERE batch_id = $batch ORDER BY row_no${pageSql(page)}`,
    { batch, ...page },
  );
  return rows.map((r) => ({ row: r.row_no, ...(sheet === null ? {} : { sheet }), reason: formatSkip(lang, r.row_no, r.code, r.detail, sheet) }));
}

/** batchRejects of the API: one page of each list, with the lists' sizes. */
export async function batchRejectsPage(db: Db, req: BatchRejectsRequest, lang: Lang): Promise<BatchRejectsResult> {
  const { batch, nameSheet = true } = req;
  const page = { offset: req.offset ?? 0, limit: req.limit ?? BATCH_REJECTS_PAGE };
  // A row can be rejected for more than one column: the list is counted, not taken from rowsRejected.
  const totals = (await db.one<{ rejects: number; skipped: number }>(
    `SELECT (SELECT count(*) FROM rejects WHERE batch_id = $batch)::INTEGER AS rejects,
  (SELECT count(*) FROM skips WHERE batch_id = $batch)::INTEGER AS skipped`,
    { batch },
  ))!;
  return {
    batch,
    rejects: await batchRejects(db, batch, lang, nameSheet, page),
    skipped: await batchSkips(db, batch, lang, nameSheet, page),
    rejectsTotal: totals.rejects,
    skippedTotal: totals.skipped,
  };
}

/** Removes one batch's rows and restores what it had replaced, in one transaction, with what `derive` keeps derived from them. */
export async function undoBatch(db: Db, batch: string, now: Date, derive?: () => Promise<void>): Promise<UndoImportResult> {
  const info = await getBatch(db, batch);
  if (info.status !== 'active') throw new AppError('BAD_REQUEST', `Impor ${batch} sudah dibatalkan sebelumnya.`, `Import ${batch} has already been undone.`, { batch });
  const spec = KINDS[info.kind];
  return db.transaction(async () => {
    const removed = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${spec.table} WHERE batch_id = $batch`, { batch }))!.n;
    const sql = undoSql(spec);
    for (const statement of [...sql.drop, sql.handOver]) await db.run(statement, { batch });
    const restored = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${replacedTable(spec.table)} WHERE replaced_by = $batch`, { batch }))!.n;
    await db.run(sql.restore, { batch });
    await db.run(sql.forget, { batch });
    await db.run(`UPDATE batches SET status = 'undone', undone_at = $at WHERE batch_id = $batch`, { batch, at: now.toISOString() });
    await derive?.();
    return { batch, rowsRemoved: removed, rowsRestored: restored };
  });
}
