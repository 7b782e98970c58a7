import type { ImportKind } from '../../src-main/contract/import-types.ts';
import { csv, importOne, nip, writeText, type TestCore } from '../helpers/workspace.ts';

/** The agencies of the small workspace the records tests read. */
export const AG = 'PEMKOT-UJI';
export const OTHER = 'PEMKOT-LAIN';

/** One small CSV of each kind, with the values a round trip must give back (import order = batch order). */
export const FILES: { kind: ImportKind; agency?: string; name: string; rows: string[][] }[] = [
  {
    kind: 'attendance', agency: AG, name: 'presensi.csv', rows: [
      ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
      [nip(1), 'Ani', 'Bagian Umum', '01/09/2025', '07:31', '16:05', 'H', 'WFH'],
      [nip(1), 'Ani', 'Bagian Umum', '02/09/2025', '07:31:05', '', 'TL', ''],
      [nip(2), '"=SUM(1,2)"', 'Bagian "Umum"', '01/09/2025', '', '', 'S', ''],
    ],
  },
  {
    kind: 'attendance', agency: OTHER, name: 'presensi-lain.csv', rows: [
      ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
      [nip(3), 'Cici', '01/09/2025', '07:00', '16:00', 'H', 'WFO'],
    ],
  },
  {
    kind: 'roster', agency: AG, name: 'pegawai.csv', rows: [
      ['NIP', 'Nama', 'Unit Kerja', 'Jabatan', 'Tugas Luar Kantor', 'Keadaan Khusus', 'Keadaan Khusus Mulai', 'Keadaan Khusus Selesai',
        'Hukuman Disiplin', 'Jenis Layanan', 'PIN'],
      [nip(1), 'Ani', 'Bagian Umum', 'Analis', 'Ya', 'Ya', '01/09/2025', '30/09/2025', 'Tidak', 'Layanan Langsung', '0107'],
    ],
  },
  {
    kind: 'units', agency: AG, name: 'unit.csv', rows: [
      ['Nama Unit', 'Kode Unit', 'Unit Atasan', 'Jenis Layanan', 'Mulai FWA'],
      ['Bagian Umum', 'U.01', 'U', 'Administrasi', '01/09/2025'],
    ],
  },
  {
    kind: 'performance', agency: AG, name: 'kinerja.csv', rows: [
      ['NIP', 'Nama', 'Tahun', 'Periode', 'Capaian', 'Predikat'],
      [nip(1), 'Ani', '2025', 'Triwulan III', '"90,22"', 'Baik'],
      [nip(1), 'Ani', '2025', 'Oktober', '"101,5"', 'Sangat Baik'],
    ],
  },
  {
    kind: 'approvals', agency: AG, name: 'persetujuan.csv', rows: [
      ['NIP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk', 'Keadaan Khusus', 'Status', 'Disetujui Oleh'],
      [nip(1), '01/09/2025', '05/09/2025', 'Rumah', 'Tidak', 'Disetujui', 'Kepala Bagian'],
    ],
  },
  {
    kind: 'reports', agency: AG, name: 'laporan.csv', rows: [
      ['NIP', 'Tanggal', 'Uraian Kegiatan', 'Keluaran/Output', 'Status Verifikasi Atasan'],
      [nip(1), '01/09/2025', 'Menyusun laporan', '1 laporan', 'Terverifikasi'],
    ],
  },
  {
    kind: 'survey', agency: AG, name: 'survei.csv', rows: [
      ['ID Responden', 'Unit Kerja', 'Pernah Menjalankan FWA', 'Kepuasan terhadap FWA', 'Target Kinerja Tercapai', 'Saran'],
      ['R1', 'Bagian Umum', 'Ya', '4', 'Ya', '-'],
    ],
  },
  {
    kind: 'calendar', name: 'kalender-2027.csv', rows: [
      ['Tanggal', 'Jenis', 'Keterangan'],
      ['01/01/2027', 'Libur Nasional', 'Tahun Baru 2027'],
    ],
  },
];

/** Imports FILES one by one; the national calendar is b-000001, so FILES[i] is batch b-00000(i+2). */
export async function importFixture(core: TestCore): Promise<void> {
  for (const f of FILES) {
    const path = writeText(core.dir, f.name, csv(f.rows));
    const result = await importOne(core, { path, kind: f.kind, agency: f.agency });
    if (result.status !== 'imported' || result.rowsImported !== f.rows.length - 1) throw new Error(`fixture ${f.name}: ${JSON.stringify(result)}`);
  }
}

export const batchOf = (name: string) => `b-${String(FILES.findIndex((f) => f.name === name) + 2).padStart(6, '0')}`;
