import { profileVersionWords } from '../../contract/param-words.ts';
import type { ExportSheet } from '../../contract/export-types.ts';
import type { ImportKind } from '../../contract/import-types.ts';
import { KIND_LABELS, kindLabel } from '../../contract/labels.ts';
import { agencyName, letterhead, say, sheetName, type ExportContext } from './export-context.ts';
import type { BatchRow } from './export-sql.ts';
import { localTime, longDate, wallClock } from './report-text.ts';
import { SheetBuilder, type Col, type Value } from './sheet-kit.ts';

/** A batch's kind as the screens name it; a kind Pantau does not know (none so far) as stored. */
function kindName(ctx: ExportContext, kind: string): string {
  return kind in KIND_LABELS ? kindLabel(kind as ImportKind, ctx.lang) : kind;
}

function facts(ctx: ExportContext): [string, Value][] {
  const { run } = ctx;
  const s = (id: string, en: string) => say(ctx, id, en);
  return [
    [s('Aplikasi', 'Application'), `Pantau ${ctx.version}`],
    [s('Dibuat', 'Generated'), localTime(ctx.now, ctx.lang)],
    [s('Jenis laporan', 'Kind of report'), ctx.kind === 'unit' ? s('Laporan unit', 'Unit report') : s('Laporan lengkap', 'Full report')],
    [s('Instansi', 'Agency'), ctx.agency ?? agencyName(ctx, null)],
    ['Unit', ctx.unit ?? s('Semua unit', 'All units')],
    [s('Dari tanggal', 'From'), longDate(run.from, ctx.lang)],
    [s('Sampai tanggal', 'To'), longDate(run.to, ctx.lang)],
    // The check's number, as `pantau check` and the screens name it.
    [s('Pemeriksaan', 'Check'), run.run],
    [s('Versi profil', 'Profile version'), profileVersionWords(run.profileVersion, ctx.lang)],
    [s('Perbandingan kinerja', 'Performance comparison'),
      ctx.compare.period ? ctx.fmt.period(ctx.compare.period) : s('semua periode kinerja', 'every performance period')],
    [s('Disamarkan', 'Pseudonymised'), ctx.pseudo.on
      ? s('Ya: NIP dan nama diganti kode (HMAC-SHA-256); kunci tidak disimpan', 'Yes: NIPs and names replaced by codes (HMAC-SHA-256); the key is not stored')
      : s('Tidak', 'No')],
  ];
}

/**
 * Where every figure came from: the run, the profile, and each source file with its kind (as the
 * screens name it), hash and import time on the local clock (the zone named in the header).
 */
export function writeManifest(ctx: ExportContext, batches: BatchRow[]): ExportSheet {
  const s = (id: string, en: string) => say(ctx, id, en);
  const zone = wallClock(ctx.now).zone;
  const cols: Col[] = [
    { header: 'Batch' },
    { header: s('Berkas', 'File'), max: 30 },
    { header: s('Jenis', 'Kind'), max: 16 },
    { header: s('Instansi', 'Agency'), max: 16 },
    { header: 'Format' },
    { header: s('Ukuran (byte)', 'Size (bytes)'), fmt: 'int' },
    { header: 'SHA-256' },
    { header: `${s('Waktu impor', 'Imported at')} (${zone})`, fmt: 'datetime' },
    { header: s('Dibaca', 'Read'), fmt: 'int' },
    { header: s('Diimpor', 'Imported'), fmt: 'int' },
    { header: s('Ditolak', 'Rejected'), fmt: 'int' },
    // Read = imported + rejected + skipped (title rows, totals, weekends, …): without it the counts would not add up.
    { header: s('Dilewati', 'Skipped'), fmt: 'int' },
    { header: s('Digantikan', 'Replaced'), fmt: 'int' },
  ];
  const sheet = new SheetBuilder(sheetName(ctx, 'manifest'), cols, {
    lang: ctx.lang, letterhead: letterhead(ctx, s('Manifest: Asal Data', 'Manifest: Where the Data Came From')),
  });
  // The facts first, label and value each across a few columns; then the table of batches, whose header is the sheet's.
  for (const [label, value] of facts(ctx)) sheet.add([label, null, value], 'text', undefined, [[1, 2], [3, cols.length]], ['label']);
  sheet.blank();
  let last = sheet.header(cols.map((c) => c.header), [{ label: s('Baris', 'Rows'), from: 9, to: 13 }]);
  for (const b of batches) {
    last = sheet.add([b.batch_id, b.file_name, kindName(ctx, b.kind), b.agency, b.format, b.size, b.sha256, wallClock(b.imported_at).date, b.rows_read,
      b.rows_imported, b.rows_rejected, b.rows_skipped, b.rows_replaced]);
  }
  sheet.filter(last);
  const written = sheet.write(ctx.book);
  return { ...written, rows: batches.length };
}
