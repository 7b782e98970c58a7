import type { ExportSheet } from '../../contract/export-types.ts';
import { scopeParams, type ExportContext } from './export-context.ts';
import { FINDINGS_SQL, type FindingRow } from './export-sql.ts';
import { TableWriter, type Col } from './sheet-kit.ts';

const COLS: Col[] = [
  { header: 'Aturan', width: 9 },
  { header: 'NIP', width: 21 },
  { header: 'Nama', width: 30 },
  { header: 'Instansi', width: 16 },
  { header: 'Unit', width: 34 },
  { header: 'Periode', width: 11 },
  { header: 'Mulai', width: 11, fmt: 'date' },
  { header: 'Selesai', width: 11, fmt: 'date' },
  { header: 'Uraian', width: 48 },
  { header: 'Dasar hukum', width: 40 },
  { header: 'Status', width: 10 },
  { header: 'Berkas sumber', width: 30 },
  { header: 'Baris sumber', width: 16 },
];

const STATUS: Record<string, string> = { new: 'baru', open: 'berlanjut' };

/**
 * Every open finding of the run, streamed from the database a chunk at a time (a million
 * findings never become a million objects), continuing on "Temuan (2)" past the sheet limit.
 */
export async function writeFindings(ctx: ExportContext): Promise<ExportSheet[]> {
  const table = new TableWriter(ctx.book, 'Temuan', COLS, { maxRows: ctx.maxRowsPerSheet, frozenCols: 3 });
  const { pseudo } = ctx;
  let written = 0;
  for await (const chunk of ctx.db.stream<FindingRow & Record<string, unknown>>(FINDINGS_SQL, scopeParams(ctx))) {
    for (const f of chunk) {
      table.add([
        f.rule, pseudo.nip(f.nip), pseudo.name(f.nip, f.name), f.agency, f.unit, f.period, f.period_start, f.period_end,
        f.detail, f.basis, STATUS[f.status] ?? f.status, f.files, f.rows,
      ]);
    }
    written += chunk.length;
    await ctx.tick(written);
    await table.drain();
  }
  return table.finish();
}
