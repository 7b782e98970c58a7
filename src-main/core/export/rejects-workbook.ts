import { AppError } from '../../contract/errors.ts';
import type { ExportRejectsRequest, ExportRejectsResult } from '../../contract/export-types.ts';
import type { ImportBatch, RejectedRow, SkippedRow } from '../../contract/import-types.ts';
import type { Db } from '../db/database.ts';
import { batchRejects, batchSkips, getBatch } from '../import/batches.ts';
import type { Lang } from '../import/reasons.ts';
import { commitOutput, discardOutput, newBook, openOutput } from './output.ts';
import { ColumnFit, TableWriter, type Col, type TitleRow, type Value } from './sheet-kit.ts';

/** The workbook's words [Bahasa Indonesia, English]; the reasons come from reasons.ts. */
const WORDS = {
  rejected: ['Baris ditolak', 'Rejected rows'],
  skipped: ['Baris dilewati', 'Skipped rows'],
  file: ['Berkas', 'File'],
  sheet: ['Lembar', 'Sheet'],
  row: ['Baris', 'Row'],
  column: ['Kolom', 'Column'],
  value: ['Nilai', 'Value'],
  reason: ['Alasan', 'Reason'],
  agency: ['Instansi', 'Agency'],
  agencyFromFile: ['sesuai kolom instansi di berkas', "as given in the file's agency column"],
  noAgency: ['(tanpa instansi)', '(no agency)'],
  note: [
    'Baris berikut tidak diimpor ke Pantau. Perbaiki nilainya di berkas asli, lalu kirim ulang berkasnya.',
    'The rows below were not imported into Pantau. Correct their values in the original file, then send the file again.',
  ],
} satisfies Record<string, [string, string]>;

type Word = keyof typeof WORDS;

/** Rows written between two waits for the zip, so that a big batch's sheet is not held in memory whole. */
const CHUNK = 2048;

interface Part {
  batch: ImportBatch;
  rejects: RejectedRow[];
  skips: SkippedRow[];
}

export interface RejectsOptions {
  now: Date;
  lang: Lang;
  /** Data rows per sheet before the next one starts (tests use a small one). */
  maxRowsPerSheet?: number;
}

/**
 * The rejected rows of some batches of one agency, with their full reasons, and the skipped rows,
 * as a workbook the analyst sends back to the agency. Written beside `out`, renamed when complete.
 */
export async function exportRejects(db: Db, req: ExportRejectsRequest, opts: RejectsOptions): Promise<ExportRejectsResult> {
  const { lang } = opts;
  const say = (word: Word) => WORDS[word][lang === 'en' ? 1 : 0];
  const batches: ImportBatch[] = [];
  for (const id of req.batches) batches.push(await getBatch(db, id));
  const agencies = [...new Set(batches.map((b) => b.agency))];
  if (agencies.length > 1) {
    // The workbook names people (NIPs, names): one agency must not receive another's rows.
    const names = (l: 0 | 1) => agencies.map((a) => a ?? WORDS.noAgency[l]).join(', ');
    throw new AppError('BAD_REQUEST', `Batch ini milik beberapa instansi (${names(0)}); baris ditolak dikirim ke satu instansi, jadi pilih batch satu instansi saja.`,
      `These batches belong to several agencies (${names(1)}); rejected rows go back to one agency, so choose the batches of one agency.`, { agencies });
  }
  const parts: Part[] = [];
  for (const batch of batches) {
    parts.push({ batch, rejects: await batchRejects(db, batch.batch, lang), skips: await batchSkips(db, batch.batch, lang) });
  }

  const withSheet = batches.some((b) => b.sheet !== null);
  const where = (b: ImportBatch): Value[] => [b.file, ...(withSheet ? [b.sheet] : [])];
  const place = (header: string): Col[] => [
    { header: say('file'), max: 40 },
    ...(withSheet ? [{ header: say('sheet'), max: 33 }] : []),
    { header, fmt: 'int' },
  ];
  const rejectRows = parts.flatMap((p) => p.rejects.map((r): Value[] => [...where(p.batch), r.row, r.column || null, r.value, r.reason]));
  const skipRows = parts.flatMap((p) => p.skips.map((r): Value[] => [...where(p.batch), r.row, r.reason]));
  // Widths fitted to every row (a reason wraps within 90 characters, never inside a word).
  const fitted = (cols: Col[], rows: Value[][]) => {
    const fit = new ColumnFit(cols);
    for (const r of rows) fit.add(r, 'wrap');
    return fit.fitted();
  };
  const rejectCols = fitted([
    ...place(say('row')),
    { header: say('column'), max: 30 },
    { header: say('value'), max: 40 },
    { header: say('reason'), min: 60, max: 90 },
  ], rejectRows);
  const skipCols = fitted([...place(say('row')), { header: say('reason'), min: 60, max: 90 }], skipRows);
  const across = (values: Value[]): TitleRow => ({ values, style: 'text', merges: [[1, rejectCols.length]] });
  const title: TitleRow[] = [
    { ...across([say('rejected')]), style: 'title' },
    across([`${say('agency')}: ${agencies[0] ?? say('agencyFromFile')}`]),
    ...batches.map((b) => across([describeBatch(b, lang)])),
    across([say('note')]),
    { values: [] },
  ];

  const output = await openOutput(req.out);
  try {
    const book = newBook(output, opts.now);
    const write = async () => {
      // Every value is text as it stood in the file: a string cell, never a formula (sheet-kit.ts).
      const rejected = new TableWriter(book, say('rejected'), rejectCols, { title, maxRows: opts.maxRowsPerSheet, lang });
      await writeAll(rejected, rejectRows);
      const skipped = new TableWriter(book, say('skipped'), skipCols, { maxRows: opts.maxRowsPerSheet, lang });
      await writeAll(skipped, skipRows);
    };
    await Promise.race([write(), output.broken]);
    await commitOutput(output, book);
  } catch (err) {
    await discardOutput(output);
    throw err;
  }
  return {
    out: req.out,
    rows: parts.reduce((n, p) => n + p.rejects.length, 0),
    skipped: parts.reduce((n, p) => n + p.skips.length, 0),
  };
}

async function writeAll(table: TableWriter, rows: Value[][]): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    // The reason is never cut: wrapped within its column, the row as tall as it needs.
    table.add(rows[i]!, 'wrap');
    if ((i + 1) % CHUNK === 0) await table.drain();
  }
  table.finish();
}

function locale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}

/** presensi.xlsx, lembar Oktober (batch b-000002, diimpor 2025-10-03 08:15 UTC): 120 baris dibaca, … */
function describeBatch(b: ImportBatch, lang: Lang): string {
  const n = (v: number) => v.toLocaleString(locale(lang));
  const at = `${b.importedAt.slice(0, 10)} ${b.importedAt.slice(11, 16)} UTC`;
  if (lang === 'en') {
    return `${b.file}${b.sheet === null ? '' : `, sheet ${b.sheet}`} (batch ${b.batch}, imported ${at}): ${n(b.rowsRead)} rows read, `
      + `${n(b.rowsImported)} imported, ${n(b.rowsRejected)} rejected, ${n(b.rowsSkipped)} skipped`;
  }
  return `${b.file}${b.sheet === null ? '' : `, lembar ${b.sheet}`} (batch ${b.batch}, diimpor ${at}): ${n(b.rowsRead)} baris dibaca, `
    + `${n(b.rowsImported)} diimpor, ${n(b.rowsRejected)} ditolak, ${n(b.rowsSkipped)} dilewati`;
}
