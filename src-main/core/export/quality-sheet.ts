import type { ExportSheet } from '../../contract/export-types.ts';
import { formatReject } from '../import/reasons.ts';
import { isoDate, scopeParams, type ExportContext } from './export-context.ts';
import { REJECTS_SQL, type BatchRow, type RejectRow } from './export-sql.ts';
import { TableWriter, type Col } from './sheet-kit.ts';

const COLS: Col[] = [
  { header: 'Jenis', width: 26 },
  { header: 'Instansi', width: 16 },
  { header: 'Batch', width: 10 },
  { header: 'Berkas', width: 30 },
  { header: 'Baris', width: 8, fmt: 'int' },
  { header: 'Kolom', width: 18 },
  { header: 'Nilai', width: 22 },
  { header: 'NIP', width: 21 },
  { header: 'Nama', width: 28 },
  { header: 'Tanggal', width: 11, fmt: 'date' },
  { header: 'Keterangan', width: 70 },
];

/**
 * Canonical fields whose rejected values say nothing about a person. Any other value (a NIP, a
 * name, an approver, free text, a whole unreadable CSV line) is hidden in a pseudonymised export.
 */
const PLAIN_FIELDS = new Set([
  'date', 'dateFrom', 'dateTo', 'checkIn', 'checkOut', 'status', 'mode', 'fieldDuty', 'specialCondition', 'specialFrom',
  'specialTo', 'discipline', 'serviceType', 'frontline', 'unitCode', 'parentUnit', 'fwaStart', 'achievementPct', 'rating',
  'year', 'period', 'kind', 'dayType', 'verified', 'participated', 'satisfaction', 'metTarget', 'agency', 'unitName', 'position',
]);
const ID_FIELDS = new Set(['nip', 'respondentId']);
const HIDDEN = '(disamarkan)';

function shownValue(ctx: ExportContext, field: string, value: string | null): string | null {
  if (!ctx.pseudo.on || value === null || PLAIN_FIELDS.has(field)) return value;
  return ID_FIELDS.has(field) ? ctx.pseudo.nip(value) : HIDDEN;
}

/** Notes of the run (employees missing from the roster, present days without times), then every rejected row. */
export async function writeDataQuality(ctx: ExportContext, batches: BatchRow[]): Promise<ExportSheet[]> {
  const table = new TableWriter(ctx.book, 'Kualitas data', COLS, { maxRows: ctx.maxRowsPerSheet });
  const { pseudo } = ctx;
  const files = new Map(batches.map((b) => [b.batch_id, b.file_name]));
  for (const e of pseudo.sorted(ctx.run.dataQuality.notInRoster)) {
    table.add(['Tidak ada di daftar pegawai', e.agency, null, null, null, null, null, pseudo.nip(e.nip), pseudo.name(e.nip, e.name), null,
      `${e.records} catatan presensi; tetap diperiksa, tanpa pengecualian karena tidak ada data pegawainya`]);
  }
  for (const m of pseudo.sorted(ctx.run.dataQuality.missingTimes)) {
    table.add(['Jam masuk/pulang kosong', m.agency, m.source.batch, files.get(m.source.batch) ?? null, m.source.row, null, null,
      pseudo.nip(m.nip), null, isoDate(m.date), 'Hadir tanpa jam masuk atau jam pulang; hari ini tidak dihitung untuk JAM-01']);
  }
  // The file's own header names the column, as the import report does.
  const headers = new Map(batches.map((b) => [b.batch_id, JSON.parse(b.mapping) as Record<string, string>]));
  let written = 0;
  for await (const chunk of ctx.db.stream<RejectRow & Record<string, unknown>>(REJECTS_SQL, scopeParams(ctx))) {
    for (const r of chunk) {
      const column = r.column_name === '_row' ? '' : headers.get(r.batch_id)?.[r.column_name] || r.column_name;
      const value = shownValue(ctx, r.column_name, r.value);
      table.add(['Baris ditolak', r.agency, r.batch_id, r.file_name, r.row_no, column, value, null, null, null,
        formatReject(ctx.lang, r.row_no, column, value, r.code, r.detail)]);
    }
    written += chunk.length;
    await ctx.tick(written);
    await table.drain();
  }
  return table.finish();
}
