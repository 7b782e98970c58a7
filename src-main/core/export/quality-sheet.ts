import type { ExportSheet } from '../../contract/export-types.ts';
import { formatReject } from '../import/reasons.ts';
import { readNotes } from '../rules/check-run.ts';
import { isoDate, letterhead, say, scopeParams, sheetName, type ExportContext } from './export-context.ts';
import { REJECTS_SQL, type BatchRow, type RejectRow } from './export-sql.ts';
import { ColumnFit, letterheadRows, TableWriter, type Col, type Value } from './sheet-kit.ts';

function columns(ctx: ExportContext): Col[] {
  const s = (id: string, en: string) => say(ctx, id, en);
  return [
    { header: s('Jenis', 'Kind'), max: 16 },
    { header: s('Instansi', 'Agency'), max: 16 },
    { header: 'Batch' },
    { header: s('Berkas', 'File'), max: 24 },
    { header: s('Baris', 'Row'), fmt: 'int' },
    { header: s('Kolom', 'Column'), max: 16 },
    { header: s('Nilai', 'Value'), max: 20 },
    { header: 'NIP' },
    { header: s('Nama', 'Name'), max: 18 },
    { header: s('Tanggal', 'Date'), fmt: 'date' },
    { header: s('Keterangan', 'Remarks'), max: 48 },
  ];
}

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

function shownValue(ctx: ExportContext, field: string, value: string | null): string | null {
  if (!ctx.pseudo.on || value === null || PLAIN_FIELDS.has(field)) return value;
  return ID_FIELDS.has(field) ? ctx.pseudo.nip(value) : say(ctx, '(disamarkan)', '(pseudonymised)');
}

/**
 * Notes of the run (employees missing from the roster, present days without times), then every
 * rejected row. The rejected rows are read twice, a chunk at a time: once to fit the column widths
 * (a streamed sheet writes them first), once to write them.
 */
export async function writeDataQuality(ctx: ExportContext, batches: BatchRow[]): Promise<ExportSheet[]> {
  const s = (id: string, en: string) => say(ctx, id, en);
  const { pseudo } = ctx;
  const files = new Map(batches.map((b) => [b.batch_id, b.file_name]));
  // The file's own header names the column, as the import report does.
  const headers = new Map(batches.map((b) => [b.batch_id, JSON.parse(b.mapping) as Record<string, string>]));
  // Every note of the run (the run's answer lists only the first ones).
  const { run, dataQuality } = ctx.run;
  const notInRoster = await readNotes(ctx.db, run, 'notInRoster', { offset: 0, limit: dataQuality.notInRosterTotal });
  const missingTimes = await readNotes(ctx.db, run, 'missingTimes', { offset: 0, limit: dataQuality.missingTimesTotal });
  const notes: Value[][] = [
    ...pseudo.sorted(notInRoster).map((e): Value[] => [
      s('Tidak ada di daftar pegawai', 'Not on the roster'), e.agency, null, null, null, null, null, pseudo.nip(e.nip), pseudo.name(e.nip, e.name), null,
      s(`${ctx.fmt.int(e.records)} catatan presensi; tetap diperiksa, tanpa pengecualian karena tidak ada data pegawainya`,
        `${ctx.fmt.int(e.records)} attendance records; checked all the same, without exemptions, as there is no roster data for them`)]),
    ...pseudo.sorted(missingTimes).map((m): Value[] => [
      s('Jam masuk/pulang kosong', 'Check-in/out time missing'), m.agency, m.source.batch, files.get(m.source.batch) ?? null, m.source.row, null, null,
      pseudo.nip(m.nip), null, isoDate(m.date),
      s('Hadir tanpa jam masuk atau jam pulang; hari ini tidak dihitung untuk JAM-01', 'Present without a check-in or check-out time; the day does not count for JAM-01')]),
  ];
  const rejected = (r: RejectRow): Value[] => {
    const column = r.column_name === '_row' ? '' : headers.get(r.batch_id)?.[r.column_name] || r.column_name;
    const value = shownValue(ctx, r.column_name, r.value);
    return [s('Baris ditolak', 'Rejected row'), r.agency, r.batch_id, r.file_name, r.row_no, column, value, null, null, null,
      formatReject(ctx.lang, r.row_no, column, value, r.code, r.detail)];
  };

  const fit = new ColumnFit(columns(ctx));
  for (const n of notes) fit.add(n);
  for await (const chunk of ctx.db.stream<RejectRow & Record<string, unknown>>(REJECTS_SQL, scopeParams(ctx))) {
    for (const r of chunk) fit.add(rejected(r));
  }
  const cols = fit.fitted();
  const title = letterheadRows(letterhead(ctx, s('Kualitas Data', 'Data Quality')), cols.length);
  const table = new TableWriter(ctx.book, sheetName(ctx, 'quality'), cols, { maxRows: ctx.maxRowsPerSheet, title, lang: ctx.lang });
  for (const n of notes) table.add(n);
  let written = 0;
  for await (const chunk of ctx.db.stream<RejectRow & Record<string, unknown>>(REJECTS_SQL, scopeParams(ctx))) {
    for (const r of chunk) table.add(rejected(r));
    written += chunk.length;
    await ctx.tick(written);
    await table.drain();
  }
  return table.finish();
}
