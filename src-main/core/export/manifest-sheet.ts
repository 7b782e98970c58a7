import type { ExportSheet } from '../../contract/export-types.ts';
import { isoDate, type ExportContext } from './export-context.ts';
import type { BatchRow } from './export-sql.ts';
import { openSheet, writeRow, type Col, type Fmt, type Value } from './sheet-kit.ts';

const COLS: Col[] = [
  { header: 'Batch', width: 22 },
  { header: 'Berkas', width: 34 },
  { header: 'Jenis', width: 12 },
  { header: 'Instansi', width: 16 },
  { header: 'Format', width: 8 },
  { header: 'Ukuran (byte)', width: 12, fmt: 'int' },
  { header: 'SHA-256', width: 66 },
  { header: 'Diimpor (UTC)', width: 17, fmt: 'datetime' },
  { header: 'Baris dibaca', width: 10, fmt: 'int' },
  { header: 'Diimpor', width: 10, fmt: 'int' },
  { header: 'Ditolak', width: 10, fmt: 'int' },
  { header: 'Digantikan', width: 10, fmt: 'int' },
];

function facts(ctx: ExportContext): [string, Value, Fmt?][] {
  const { run } = ctx;
  return [
    ['Aplikasi', `Pantau ${ctx.version}`],
    ['Dibuat (UTC)', ctx.now, 'datetime'],
    ['Jenis laporan', ctx.kind === 'unit' ? 'Laporan unit' : 'Laporan lengkap'],
    ['Instansi', ctx.agency ?? 'Semua instansi'],
    ['Unit', ctx.unit ?? 'Semua unit'],
    ['Dari tanggal', isoDate(run.from), 'date'],
    ['Sampai tanggal', isoDate(run.to), 'date'],
    ['Pemeriksaan (run)', run.run],
    ['Versi profil', run.profileVersion],
    ['Perbandingan kinerja', ctx.compare.period ? `periode ${ctx.compare.period}` : 'semua periode kinerja'],
    ['Disamarkan', ctx.pseudo.on ? 'Ya: NIP dan nama diganti kode (HMAC-SHA-256); kunci tidak disimpan' : 'Tidak'],
  ];
}

/** Where every figure came from: the run, the profile, and each source file with its hash. */
export function writeManifest(ctx: ExportContext, batches: BatchRow[]): ExportSheet {
  const name = 'Manifest';
  const list = facts(ctx);
  const headerRow = list.length + 2;
  const ws = openSheet(ctx.book, name, { cols: COLS, frozenRows: headerRow });
  for (const [label, value, fmt] of list) writeRow(ws, [label, value], undefined, [undefined, fmt]);
  writeRow(ws, []);
  writeRow(ws, COLS.map((c) => c.header), 'header');
  for (const b of batches) {
    writeRow(ws, [b.batch_id, b.file_name, b.kind, b.agency, b.format, b.size, b.sha256, b.imported_at, b.rows_read,
      b.rows_imported, b.rows_rejected, b.rows_replaced]);
  }
  ws.autoFilter = `A${headerRow}:L${headerRow + batches.length}`;
  ws.commit();
  return { name, rows: batches.length };
}
