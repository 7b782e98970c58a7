// Regenerates every file under samples/ except README.md (npm run samples): three agencies
// with their own export layouts (and a fourth, Sleman, in the layouts of real exports: sample-sleman.ts), a baseline that breaks no rule, planted breaches and
// negatives, bad rows for the importer, and the expected results. Everything comes from
// fixed seeds, so reruns are byte-identical.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import {
  BULAN, Ctx, Rng, checkAgency, compliance, csvText, decComma, dmy, hm, isFlex, isoWeek, longDate, makeNip, nipProblem,
  spacedNip, toDate, weekday, workingDays, writeSurvey, writeText, writeXlsx,
  type AgencyModel, type Approval, type BadRow, type Day, type Discipline, type Emp, type Encoding,
  type Finding, type FlexMode, type Mode, type Report, type Status, type Unit,
} from './sample-lib.js';
import * as SLEMAN from './sample-sleman.js';

const WORKDAYS = workingDays('2025-09-01', '2025-10-31');
type Kind = 'units' | 'roster' | 'attendance' | 'performance' | 'approvals' | 'reports';
type Cell = string | number | Date | null;
type Rec = Record<string, Cell>;
interface Plant {
  unit: string; story: string; name?: string; sex?: 1 | 2; pos?: string; discipline?: Discipline;
  fieldDuty?: boolean; negative?: boolean; expect?: { rule: string; period: string; netMinutes?: number }[];
  apply: (c: Ctx, e: Emp) => void;
}
interface Layout {
  xlsx: boolean; delim: string; eol: string; enc: Partial<Record<Kind, Encoding>> & { all: Encoding };
  byDate: boolean; files: Partial<Record<Kind, string>>; headers: Record<Kind, string>;
  date: (s: string) => Cell; attDate: (s: string) => Cell; time: (m: number, d: Day) => Cell;
  nip: (n: string) => string; yn: (b: boolean) => string; pct: (x: number) => Cell;
  status: Record<Status, string>; mode: Record<Mode, string>; disc: Record<Discipline, string>;
}
interface Spec {
  code: string; name: string; level: string; province: string; dir: string; seed: number; size: number;
  units: Unit[]; plants: Plant[]; approvals: boolean; weeklyApprovals: boolean; flexModes: FlexMode[];
  names: [string[], string[], string[], string[]]; layout: Layout; blankPct: number;
  extras: (c: Ctx, emps: Emp[]) => string[];
}
const must = <T>(x: T | undefined, what: string): T => { if (x === undefined) throw new Error(`missing ${what}`); return x; };
const U = (code: string, name: string, parent: string, service: Unit['service'], fwaStart = ''): Unit => ({ code, name, parent, service, fwaStart });
const SERVICE = { FRONTLINE: 'Layanan Langsung', SUPPORT: 'Dukungan Operasional', ADMIN: 'Administrasi' };
const BENTUK: Record<FlexMode, string> = { WFH: 'Rumah', WFA: 'Lokasi Lain', KANTOR_LAIN: 'Kantor Lain' };
const APPROVAL = { SUBMITTED: 'Diajukan', APPROVED: 'Disetujui', REJECTED: 'Ditolak', REVOKED: 'Dicabut' };
const POSITIONS = ['Analis Kebijakan Ahli Muda', 'Analis Kebijakan Ahli Pertama', 'Pranata Komputer Ahli Pertama',
  'Analis Sumber Daya Manusia Aparatur Ahli Muda', 'Pengadministrasi Perkantoran', 'Arsiparis Ahli Pertama',
  'Perencana Ahli Muda', 'Analis Hukum Ahli Pertama', 'Pengolah Data dan Informasi', 'Penelaah Teknis Kebijakan'];
const FRONT_POS = ['Penata Layanan Operasional', 'Operator Layanan Operasional', 'Petugas Loket Pelayanan'];
const TITLES = ['', '', '', ', S.E.', ', S.H.', ', S.Kom.', ', S.Sos.', ', S.IP.', ', S.T.', ', A.Md.', ', S.Sos., M.Si.'];
const KODE: Record<Status, string> = { HADIR: 'H', TERLAMBAT: 'TL1', PULANG_CEPAT: 'PSW1', IZIN: 'I', SAKIT: 'S', CUTI: 'CT', DINAS_LUAR: 'DL', TANPA_KETERANGAN: 'TK', LIBUR: 'LN' };
const WORDS: Record<Status, string> = { HADIR: 'Hadir', TERLAMBAT: 'Terlambat', PULANG_CEPAT: 'Pulang Cepat', IZIN: 'Izin', SAKIT: 'Sakit', CUTI: 'Cuti', DINAS_LUAR: 'Dinas Luar', TANPA_KETERANGAN: 'Alpa', LIBUR: 'Libur' };
const yaTidak = (b: boolean): string => (b ? 'Ya' : 'Tidak');
const jRng = new Rng(4242); // which Jateng rows print the NIP with spaces

// ---------------------------------------------------------------- the three agencies
const KEMENDAGRI: Spec = {
  code: 'KEMENDAGRI', name: 'Kementerian Dalam Negeri', level: 'pusat', province: 'DKI Jakarta', dir: 'kemendagri',
  seed: 101, size: 30, approvals: true, weeklyApprovals: false, flexModes: ['WFH', 'WFH', 'WFA', 'KANTOR_LAIN'], blankPct: 0,
  units: [U('KDN.01', 'Sekretariat Jenderal', '', 'ADMIN'), U('KDN.01.01', 'Biro Perencanaan', 'KDN.01', 'ADMIN', '2025-09-01'),
    U('KDN.01.02', 'Biro Umum', 'KDN.01', 'SUPPORT', '2025-09-01'), U('KDN.01.03', 'Biro Hukum', 'KDN.01', 'ADMIN', '2025-09-01'),
    U('KDN.05', 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil', '', 'ADMIN'),
    U('KDN.05.02', 'Direktorat Pelayanan Administrasi Kependudukan', 'KDN.05', 'FRONTLINE'),
    U('KDN.09', 'Badan Pengembangan Sumber Daya Manusia', '', 'ADMIN'),
    U('KDN.09.01', 'Pusat Pengembangan Kompetensi Pemerintahan Dalam Negeri', 'KDN.09', 'ADMIN')],
  names: [['Andi', 'Rizky', 'Muhammad', 'Hendra', 'Yohanes', 'Made', 'Arief', 'Fajar', 'Dimas', 'Irfan', 'Reza', 'Taufik', 'Gede', 'Benny'],
    ['Pratama', 'Gunawan', 'Simanjuntak', 'Saputra', 'Nugroho', 'Hidayat', 'Siregar', 'Wijaya', 'Nasution', 'Hakim', 'Manurung', 'Firmansyah', 'Harahap'],
    ['Fitri', 'Nurul', 'Ratna', 'Dewi', 'Maria', 'Ni Luh', 'Siti', 'Indah', 'Yuliana', 'Kartika', 'Anisa', 'Putri', 'Intan'],
    ['Handayani', 'Hidayah', 'Anggraini', 'Sari', 'Pertiwi', 'Puspitasari', 'Lubis', 'Wulandari', 'Maharani', 'Safitri', 'Oktaviani', 'Simatupang']],
  plants: [
    { unit: 'KDN.01.03', story: 'WFH Mon 15, WFA Tue 16, WFH Thu 18 Sep: 3 flexible days in one ISO week, all approved and reported',
      expect: [{ rule: 'LOK-01', period: '2025-W38' }],
      apply: (c, e) => { c.flex(e, '2025-09-15', 'WFH'); c.flex(e, '2025-09-16', 'WFA'); c.flex(e, '2025-09-18', 'WFH'); } },
    { unit: 'KDN.05.02', story: 'FRONTLINE unit, one WFH day (approved and reported)', expect: [{ rule: 'LOK-02', period: '2025-09-24' }],
      apply: (c, e) => c.flex(e, '2025-09-24', 'WFH') },
    { unit: 'KDN.01.02', discipline: 'ACTIVE', story: 'Status Hukuman Disiplin "Sedang Menjalani", one WFH day (approved by mistake, reported)',
      expect: [{ rule: 'ELG-01', period: '2025-10-08' }], apply: (c, e) => c.flex(e, '2025-10-08', 'WFH') },
    { unit: 'KDN.01.01', story: 'WFA day with a daily report but no approval at all', expect: [{ rule: 'APR-01', period: '2025-10-21' }],
      apply: (c, e) => c.flex(e, '2025-10-21', 'WFA', { approval: null }) },
    { unit: 'KDN.01.03', negative: true, story: 'WFH Thu 2 + Fri 3 Oct (W40) then Mon 6 Oct (W41): 2 + 1 flexible days in different ISO weeks, no LOK-01',
      apply: (c, e) => { for (const d of ['2025-10-02', '2025-10-03', '2025-10-06']) c.flex(e, d, 'WFH'); } },
    { unit: 'KDN.01.02', negative: true, story: 'APPROVED approval with Keadaan Khusus = Ya for 22–24 Sep covers 3 WFH days in W39: exempt, no LOK-01',
      apply: (c, e) => {
        for (const d of ['2025-09-22', '2025-09-23', '2025-09-24']) c.flex(e, d, 'WFH', { approval: null });
        c.approve(e, '2025-09-22', '2025-09-24', 'WFH', 'APPROVED', true);
      } },
    { unit: 'KDN.01.01', story: 'bad row: NIP stored as a numeric cell on 10 Sep (no attendance for that day once rejected)',
      apply: (c, e) => c.reject(e, '2025-09-10', 'nip', Number(e.nip), 'NIP tersimpan sebagai angka di Excel; digit terakhir hilang') },
    { unit: 'KDN.09.01', story: 'bad row: unknown Kode Kehadiran "XYZ" on 14 Oct',
      apply: (c, e) => c.reject(e, '2025-10-14', 'status', 'XYZ', 'kode kehadiran "XYZ" tidak dikenal') },
  ],
  extras: (c, emps) => {
    for (const e of emps) c.absent(e, '2025-09-05', 'LIBUR', null, 'Libur Nasional Maulid Nabi Muhammad S.A.W.');
    const e = must(emps.slice(KEMENDAGRI.plants.length).find((x) => x.unit.code === 'KDN.01.02'), 'staff'); // not a planted case
    const wfo = must(WORKDAYS.find((d) => d > '2025-10-01' && c.get(e.nip, d)?.mode === 'WFO'), 'WFO day');
    c.approve(e, wfo, wfo, 'WFH', 'REVOKED');
    c.approve(e, '2025-11-03', '2025-11-04', 'WFA', 'SUBMITTED');
    return [`every employee has a Kode Kehadiran "LN" row on the holiday 2025-09-05: LIBUR, not counted for JAM-01`,
      `${e.nip}: a "Dicabut" approval on ${wfo}, a WFO day, and a "Diajukan" approval for 3–4 Nov (no attendance): no finding`];
  },
  layout: {
    xlsx: true, delim: '', eol: '', enc: { all: 'utf8' }, byDate: true,
    files: { units: 'unit-kerja.xlsx', roster: 'pegawai.xlsx', attendance: 'presensi-2025-09-10.xlsx', performance: 'kinerja-2025.xlsx', approvals: 'persetujuan-fwa.xlsx', reports: 'laporan-harian.xlsx' },
    headers: {
      units: 'Kode Unit:unitCode|Nama Unit:unitName|Kode Unit Atasan:parentUnit|Jenis Layanan:serviceType|Tanggal Mulai FWA:fwaStart',
      roster: 'No:no|NIP:nip|Nama:name|Jabatan:position|Unit Kerja:unitName|Status Hukuman Disiplin:discipline|Keadaan Khusus (Ya/Tidak):special|Tugas Luar Kantor (Ya/Tidak):fieldDuty|Layanan Langsung ke Masyarakat (Ya/Tidak):frontline',
      attendance: 'No:no|NIP:nip|Nama Pegawai:name|Jabatan:position|Unit Kerja:unitName|Tanggal:date|Jam Masuk:checkIn|Jam Pulang:checkOut|Kode Kehadiran:status|Mode Kerja (WFO/WFH/WFA/DL):mode|Keterangan:note',
      performance: 'No:no|NIP:nip|Nama Pegawai:name|Tahun:year|Periode:period|Capaian Target (%):achievementPct|Predikat Kinerja:rating',
      approvals: 'No:no|Nomor Surat:letter|NIP:nip|Nama Pegawai:name|Tanggal Mulai:from|Tanggal Selesai:to|Bentuk:kind|Alasan:reason|Keadaan Khusus (Ya/Tidak):special|Status:status|Disetujui Oleh:approver',
      reports: 'No:no|NIP:nip|Nama Pegawai:name|Tanggal:date|Uraian Kegiatan:activity|Keluaran/Output:output|Status Verifikasi Atasan:verified' },
    // Office scans arrive as Excel time cells; the mobile app (flexible days) exports "07:31" text.
    date: toDate, attDate: toDate, time: (m, d) => (isFlex(d) ? hm(m) : m / 1440), nip: (n) => n, yn: yaTidak, pct: (x) => x,
    status: KODE, mode: { WFO: 'WFO', WFH: 'WFH', WFA: 'WFA', KANTOR_LAIN: 'Kantor Lain', DL: 'DL' },
    disc: { NONE: '-', ACTIVE: 'Sedang Menjalani', IN_PROCESS: 'Dalam Proses' },
  },
};

const JATENG: Spec = {
  code: 'PEMPROV-JATENG', name: 'Pemerintah Provinsi Jawa Tengah', level: 'provinsi', province: 'Jawa Tengah', dir: 'pemprov-jateng',
  seed: 202, size: 32, approvals: true, weeklyApprovals: true, flexModes: ['WFH', 'WFH', 'WFH', 'KANTOR_LAIN'], blankPct: 0,
  units: [U('4.01', 'Sekretariat Daerah', '', 'ADMIN'), U('4.01.03', 'Biro Organisasi', '4.01', 'ADMIN', '2025-09-01'),
    U('5.03', 'Badan Kepegawaian Daerah', '', 'ADMIN', '2025-09-01'), U('2.16', 'Dinas Komunikasi dan Informatika', '', 'SUPPORT', '2025-09-01'),
    U('5.02', 'Badan Pengelola Pendapatan Daerah', '', 'ADMIN'), U('5.02.01', 'UPPD Kota Semarang I', '5.02', 'FRONTLINE'),
    U('5.01', 'Badan Perencanaan Pembangunan Daerah', '', 'ADMIN')],
  names: [['Budi', 'Agus', 'Eko', 'Slamet', 'Teguh', 'Bambang', 'Joko', 'Sigit', 'Wahyu', 'Heru', 'Bayu', 'Aris', 'Hadi', 'Yoga'],
    ['Santoso', 'Prasetyo', 'Purnomo', 'Riyadi', 'Wibowo', 'Susilo', 'Setyawan', 'Widodo', 'Hartono', 'Suryadi', 'Kuncoro', 'Saputro', 'Wicaksono'],
    ['Sri', 'Endang', 'Rina', 'Siti', 'Retno', 'Dyah', 'Ratih', 'Yuni', 'Ani', 'Novi', 'Eka', 'Tutik', 'Wiwik', 'Nining'],
    ['Wahyuni', 'Lestari', 'Kusumawati', 'Susilowati', 'Aminah', 'Rahayu', 'Handayani', 'Purwanti', 'Utami', 'Setyaningsih', 'Pratiwi', 'Rahmawati']],
  plants: [
    { unit: '2.16', name: 'Andréas Kurniawan, S.T.', sex: 1, expect: [{ rule: 'LOK-01', period: '2025-W37' }],
      story: 'WFH Mon 8, Kantor Lain Wed 10, WFH Thu 11 Sep: 2 WFH + 1 Kantor Lain in one ISO week, all approved and reported',
      apply: (c, e) => { c.flex(e, '2025-09-08', 'WFH'); c.flex(e, '2025-09-10', 'KANTOR_LAIN'); c.flex(e, '2025-09-11', 'WFH'); } },
    { unit: '5.03', story: 'WFH day whose only approval has Status "Ditolak" (reported)', expect: [{ rule: 'APR-01', period: '2025-10-16' }],
      apply: (c, e) => c.flex(e, '2025-10-16', 'WFH', { approval: 'REJECTED' }) },
    { unit: '5.01', expect: [{ rule: 'DIS-01', period: '2025' }, { rule: 'JAM-01', period: '2025-W43', netMinutes: 946 }],
      story: 'Alpa Mon 20–Wed 22 Oct: 3 unexcused working days in 2025 (band 3, teguran lisan). They count 0 h in JAM-01: '
        + 'W43 = 0+0+0 + Thu 07.12–16.08 (476) + Fri 07.20–16.40 (470) = 946 min (15 j 46 m) < 2250 min (37 j 30 m)',
      apply: (c, e) => {
        for (const d of ['2025-10-20', '2025-10-21', '2025-10-22']) c.absent(e, d, 'TANPA_KETERANGAN', null, '');
        c.times(e, '2025-10-23', '07:12', '16:08'); c.times(e, '2025-10-24', '07:20', '16:40');
      } },
    { unit: '2.16', name: 'Muhammad Ma’ruf, S.Kom.', sex: 1, pos: 'Teknisi Jaringan (penugasan lapangan)', fieldDuty: true, negative: true,
      story: 'Tugas Luar Kantor = Ya and 4 WFA (Lokasi Lain) days Mon 22–Thu 25 Sep: exempt from the cap, no LOK-01',
      apply: (c, e) => { for (const d of ['2025-09-22', '2025-09-23', '2025-09-24', '2025-09-25']) c.flex(e, d, 'WFA'); } },
    { unit: '5.03', negative: true, story: 'W42: Dinas Luar on Mon 13 Oct (mode DL) + WFH Tue 14 and Thu 16: only 2 flexible days, no LOK-01; the DL day is not counted in JAM-01',
      apply: (c, e) => { c.absent(e, '2025-10-13', 'DINAS_LUAR', 'DL', ''); c.flex(e, '2025-10-14', 'WFH'); c.flex(e, '2025-10-16', 'WFH'); } },
    { unit: '4.01.03', name: 'Dwi Nur’aini, S.E.', sex: 2, story: 'bad row: impossible date 31/09/2025 (an extra row; her 30/09 row stays)',
      apply: (c, e) => c.reject(e, '2025-09-30', 'date', '31/09/2025', 'tanggal "31/09/2025" bukan tanggal yang valid', false) },
    { unit: '5.02.01', story: 'bad row: 17-digit NIP on 07/10/2025 (no attendance for that day once rejected)',
      apply: (c, e) => c.reject(e, '2025-10-07', 'nip', e.nip.slice(0, 17), 'NIP harus 18 digit (17 digit)') },
    { unit: '4.01.03', story: 'duplicate: the 17/09/2025 row appears twice, identical',
      apply: (c, e) => c.dupes.add(must(c.get(e.nip, '2025-09-17'), 'day')) },
  ],
  extras: (c, emps) => {
    const e = must(emps.slice(JATENG.plants.length).find((x) => x.unit.code === '5.03'), 'staff');
    c.approve(e, '2025-11-10', '2025-11-14', 'WFH', 'SUBMITTED');
    return [`${e.nip}: a "Diajukan" approval for 10–14 Nov, after the attendance period: no finding`,
      'UPPD Kota Semarang I (FRONTLINE) staff work only from the office: no LOK-02',
      'approvals are weekly ranges (Tanggal Mulai–Tanggal Selesai) that may span office days in between: no finding'];
  },
  layout: {
    xlsx: false, delim: ';', eol: '\r\n', enc: { all: 'win1252' }, byDate: false,
    files: { units: 'unit-kerja.csv', roster: 'pegawai.csv', attendance: 'presensi-2025-09-10.csv', performance: 'kinerja-2025.csv', approvals: 'persetujuan-fwa.csv', reports: 'laporan-harian.csv' },
    headers: {
      units: 'Kode Unit:unitCode|Nama Unit:unitName|Kode Unit Atasan:parentUnit|Jenis Layanan:serviceType|Tanggal Mulai FWA:fwaStart',
      roster: 'NIP:nip|Nama:name|Jabatan:position|Unit Kerja:unitName|Status Hukuman Disiplin:discipline|Keadaan Khusus:special|Tugas Luar Kantor:fieldDuty|Layanan Langsung ke Masyarakat:frontline',
      attendance: 'NIP:nip|Nama:name|Unit Kerja:unitName|Tgl:date|Scan Masuk:checkIn|Scan Pulang:checkOut|Status Kehadiran:status|Lokasi Kerja:mode',
      performance: 'NIP:nip|Nama:name|Tahun:year|Periode:period|Capaian Target (%):achievementPct|Predikat Kinerja:rating',
      approvals: 'NIP:nip|Nama:name|Tanggal Mulai:from|Tanggal Selesai:to|Bentuk:kind|Keadaan Khusus:special|Status:status|Disetujui Oleh:approver|Alasan:reason',
      reports: 'NIP:nip|Nama:name|Tanggal:date|Uraian Kegiatan:activity|Keluaran/Output:output|Status Verifikasi Atasan:verified' },
    date: dmy, attDate: dmy, time: (m) => hm(m, '.'), nip: (n) => (jRng.chance(0.2) ? spacedNip(n) : n), yn: yaTidak, pct: decComma,
    status: WORDS, mode: { WFO: 'Kantor', WFH: 'Rumah', WFA: 'Lokasi Lain', KANTOR_LAIN: 'Kantor Lain', DL: 'Dinas Luar' },
    disc: { NONE: 'Tidak Ada', ACTIVE: 'Sedang Menjalani', IN_PROCESS: 'Dalam Proses' },
  },
};

const BOGOR: Spec = {
  code: 'PEMKOT-BOGOR', name: 'Pemerintah Kota Bogor', level: 'kota', province: 'Jawa Barat', dir: 'pemkot-bogor',
  seed: 303, size: 28, approvals: false, weeklyApprovals: false, flexModes: ['WFH', 'WFH', 'WFA'], blankPct: 2,
  units: [U('4.01', 'Sekretariat Daerah', '', 'ADMIN'), U('4.01.02', 'Bagian Organisasi', '4.01', 'ADMIN', '2025-09-01'),
    U('2.12', 'Dinas Kependudukan dan Pencatatan Sipil', '', 'FRONTLINE'),
    U('5.01', 'Badan Perencanaan Pembangunan Daerah', '', 'ADMIN', '2025-09-01'),
    U('2.16', 'Dinas Komunikasi, Informatika, Statistik dan Persandian', '', 'SUPPORT', '2025-10-01'),
    U('5.03', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', '', 'ADMIN')],
  names: [['Asep', 'Dede', 'Ujang', 'Cecep', 'Yayan', 'Dadang', 'Iwan', 'Deden', 'Tatang', 'Yusuf', 'Irwan', 'Hendi', 'Ridwan'],
    ['Saepudin', 'Kurniawan', 'Hidayat', 'Supriatna', 'Sopyan', 'Suherman', 'Permana', 'Ramdani', 'Gumilar', 'Sudrajat', 'Nugraha', 'Mulyana'],
    ['Euis', 'Neng', 'Iis', 'Ai', 'Cucu', 'Enok', 'Lilis', 'Yanti', 'Nia', 'Wulan', 'Yuyun', 'Nenden'],
    ['Komalasari', 'Rostika', 'Nurhayati', 'Rohmawati', 'Kurniasih', 'Sumarni', 'Nurjanah', 'Marlina', 'Fitriani', 'Kusmiati', 'Ratnasari']],
  plants: [
    { unit: '5.01', story: 'WFH day without a daily report', expect: [{ rule: 'LAP-01', period: '2025-09-17' }],
      apply: (c, e) => c.flex(e, '2025-09-17', 'WFH', { report: false }) },
    { unit: '5.03', expect: [{ rule: 'JAM-01', period: '2025-W41', netMinutes: 2105 }],
      story: 'W41 check-out 14:00 on Tue 7 and Thu 9 Oct: 470 + 340 + 480 + 335 + 480 = 2105 min (35 j 05 m) < 2250 min (37 j 30 m)',
      apply: (c, e) => {
        c.times(e, '2025-10-06', '07:15', '16:05'); c.times(e, '2025-10-07', '07:20', '14:00', 'PULANG_CEPAT');
        c.times(e, '2025-10-08', '07:10', '16:10'); c.times(e, '2025-10-09', '07:25', '14:00', 'PULANG_CEPAT');
        c.times(e, '2025-10-10', '07:05', '16:35');
      } },
    { unit: '5.03', negative: true, story: 'W40 exactly at the limit: Mon–Thu 07:30–16:00 and Fri 07:00–16:00 = 5 × 450 = 2250 min: no JAM-01',
      apply: (c, e) => {
        for (const d of ['2025-09-29', '2025-09-30', '2025-10-01', '2025-10-02']) c.times(e, d, '07:30', '16:00');
        c.times(e, '2025-10-03', '07:00', '16:00', 'PULANG_CEPAT');
      } },
    { unit: '5.01', discipline: 'IN_PROCESS', negative: true, story: 'Status Hukuman Disiplin "Dalam Proses" but office days only: no ELG-01', apply: () => undefined },
    { unit: '4.01.02', story: 'bad row: jam_pulang "25:61" on 29 Sep', apply: (c, e) => c.reject(e, '2025-09-29', 'checkOut', '25:61', 'jam "25:61" tidak valid') },
    { unit: '2.12', story: 'bad row: NIP with sex digit 3 on 1 Oct',
      apply: (c, e) => c.reject(e, '2025-10-01', 'nip', `${e.nip.slice(0, 14)}3${e.nip.slice(15)}`, 'digit ke-15 NIP (jenis kelamin) harus 1 atau 2') },
    { unit: '5.01', story: 'bad row: unknown jenis_fwa "Pantai" on 23 Oct', apply: (c, e) => c.reject(e, '2025-10-23', 'mode', 'Pantai', 'jenis FWA "Pantai" tidak dikenal') },
  ],
  extras: () => ['Bogor has no approvals file: none of its flexible days raises APR-01',
    'Disdukcapil (FRONTLINE) staff work only from the office: no LOK-02',
    'two October performance records have an empty capaian_kinerja; met target then follows the predikat'],
  layout: {
    xlsx: false, delim: ',', eol: '\n', enc: { all: 'utf8', roster: 'utf8bom' }, byDate: true,
    files: { units: 'unit-kerja.csv', roster: 'pegawai.csv', attendance: 'presensi-2025-09-10.csv', performance: 'kinerja-2025.csv', reports: 'laporan-harian.csv' },
    headers: {
      units: 'kode_unit:unitCode|nama_unit:unitName|kode_unit_atasan:parentUnit|jenis_layanan:serviceType|tanggal_mulai_fwa:fwaStart',
      roster: 'nip_baru:nip|nama_lengkap:name|jabatan:position|opd:unitName|status_hukuman_disiplin:discipline|keadaan_khusus:special|tugas_luar_kantor:fieldDuty|layanan_langsung_ke_masyarakat:frontline',
      attendance: 'nip_baru:nip|nama_lengkap:name|opd:unitName|tanggal_presensi:date|jam_datang:checkIn|jam_pulang:checkOut|keterangan_kehadiran:status|jenis_fwa:mode',
      performance: 'nip_baru:nip|nama_lengkap:name|tahun:year|bulan:period|capaian_kinerja:achievementPct|predikat_kinerja:rating',
      approvals: '', reports: 'nip_baru:nip|tanggal:date|uraian_kegiatan:activity|keluaran/output:output|status_verifikasi_atasan:verified' },
    // Office days leave jenis_fwa empty (an empty mode on a present day imports as WFO: docs/import.md, Values).
    date: (s) => s, attDate: longDate, time: (m) => hm(m), nip: (n) => n, yn: (b) => (b ? 'ya' : 'tidak'), pct: decComma,
    status: { ...WORDS, TERLAMBAT: 'Telat', TANPA_KETERANGAN: 'Tanpa Keterangan' },
    mode: { WFO: '', WFH: 'WFH', WFA: 'WFA', KANTOR_LAIN: 'Kantor Lain', DL: 'DL' },
    disc: { NONE: '', ACTIVE: 'Sedang Menjalani', IN_PROCESS: 'Dalam Proses' },
  },
};

// ---------------------------------------------------------------- generation
interface Perf { nip: string; month: number; pct: number | null; rating: string }
interface Built extends AgencyModel {
  spec: Spec; bad: BadRow[]; dupes: Set<Day>; perf: Perf[]; negatives: { nip: string | null; story: string }[]; reports: Report[];
}
const rating = (x: number): string => (x >= 110 ? 'Sangat Baik' : x >= 100 ? 'Baik' : x >= 90 ? 'Butuh Perbaikan' : x >= 75 ? 'Kurang' : 'Sangat Kurang');

function personName(rng: Rng, [mf, ml, ff, fl]: Spec['names'], sex: 1 | 2, used: Set<string>): string {
  for (;;) {
    const base = sex === 1 ? `${rng.pick(mf)} ${rng.pick(ml)}` : `${rng.pick(ff)} ${rng.pick(fl)}`;
    if (!used.has(base)) { used.add(base); return base + rng.pick(TITLES); }
  }
}
/** Occasional excused days (sick, leave, official travel, permission): no times needed, no rule touched. */
function excused(c: Ctx, e: Emp): void {
  const { rng } = c;
  if (rng.chance(0.35)) c.absent(e, rng.pick(WORKDAYS), 'SAKIT', null, 'Surat keterangan sakit');
  if (rng.chance(0.25)) {
    const i = rng.int(0, WORKDAYS.length - 3), n = rng.int(1, 3);
    for (const d of WORKDAYS.slice(i, i + n)) c.absent(e, d, 'CUTI', null, 'Cuti tahunan');
  }
  if (rng.chance(0.2)) c.absent(e, rng.pick(WORKDAYS), 'DINAS_LUAR', 'DL', 'Surat tugas perjalanan dinas');
  if (rng.chance(0.1)) c.absent(e, rng.pick(WORKDAYS), 'IZIN', null, 'Izin keperluan keluarga');
}
/** Eligible staff of FWA units keep 1–2 fixed flexible weekdays, so no ISO week can pass the cap of 2. */
function flexHabit(c: Ctx, e: Emp, modes: FlexMode[]): void {
  const { rng } = c, u = e.unit;
  if (!u.fwaStart || u.service === 'FRONTLINE' || e.discipline !== 'NONE' || !rng.chance(0.6)) return;
  const first = rng.int(0, 4);
  const wds = rng.chance(0.35) ? [first, (first + rng.int(1, 4)) % 5] : [first];
  for (const d of WORKDAYS) {
    if (wds.includes(weekday(d)) && d >= u.fwaStart && c.get(e.nip, d)?.mode === 'WFO' && rng.chance(0.75)) c.flex(e, d, rng.pick(modes));
  }
}
/** Pemprov Jateng files one approval per employee, week and form, from its first to its last day. */
function mergeWeekly(list: Approval[]): Approval[] {
  const m = new Map<string, Approval>();
  for (const a of list) {
    const k = [a.nip, isoWeek(a.from), a.kind, a.status, a.special].join('|'), prev = m.get(k);
    m.set(k, prev ? { ...prev, from: prev.from < a.from ? prev.from : a.from, to: prev.to > a.to ? prev.to : a.to } : a);
  }
  return [...m.values()];
}

function build(spec: Spec): Built {
  const rng = new Rng(spec.seed), c = new Ctx(rng, spec.approvals), used = new Set<string>(), names = new Set<string>();
  const leaves = spec.units.filter((u) => !spec.units.some((v) => v.parent === u.code));
  const emps = Array.from({ length: spec.size }, (_, i): Emp => {
    const p = spec.plants[i];
    const unit = p ? must(spec.units.find((u) => u.code === p.unit), p.unit) : must(leaves[i % leaves.length], 'leaf');
    const sex = p?.sex ?? (rng.chance(0.5) ? 1 : 2);
    return { nip: makeNip(rng, sex, !p && i % 11 === 10, used), name: p?.name ?? personName(rng, spec.names, sex, names),
      position: p?.pos ?? rng.pick(unit.service === 'FRONTLINE' ? FRONT_POS : POSITIONS), unit,
      discipline: p?.discipline ?? 'NONE', special: false, fieldDuty: p?.fieldDuty ?? false };
  });
  for (const e of emps) for (const d of WORKDAYS) c.put(c.baseline(e.nip, d));
  for (const e of emps.slice(spec.plants.length)) { excused(c, e); flexHabit(c, e, spec.flexModes); }
  spec.plants.forEach((p, i) => p.apply(c, must(emps[i], 'plant')));
  const extra = spec.extras(c, emps);
  const perf = emps.flatMap((e) => [3, 4, 5, 6, 7, 8, 9, 10].map((month): Perf => {
    const fwa = e.unit.fwaStart !== '' && `2025-${String(month).padStart(2, '0')}` >= e.unit.fwaStart.slice(0, 7);
    const pct = Math.round(Math.min(120, Math.max(62, rng.normal(fwa ? 106 : 104, 6))) * 100) / 100;
    return { nip: e.nip, month, pct, rating: rating(pct) };
  }));
  // A few October records carry only the predikat, to exercise the rating fallback of the comparison
  // (without a capaian, Sangat Baik or Baik meets the target).
  const oct = perf.filter((p) => p.month === 10);
  for (const p of oct.slice(oct.length - spec.blankPct)) p.pct = null;
  const order = new Map(emps.map((e, i) => [e.nip, String(i).padStart(3, '0')]));
  const key = (date: string, nip: string): string => `${date}${order.get(nip)}`;
  const approvals = spec.approvals ? (spec.weeklyApprovals ? mergeWeekly(c.approvals) : c.approvals) : null;
  return {
    code: spec.code, spec, units: spec.units, emps, perf, bad: c.bad, dupes: c.dupes,
    days: [...c.days.values()].sort((x, y) => key(x.date, x.nip).localeCompare(key(y.date, y.nip))),
    approvals: approvals?.sort((x, y) => key(x.from, x.nip).localeCompare(key(y.from, y.nip))) ?? null,
    reports: c.reports.sort((x, y) => key(x.date, x.nip).localeCompare(key(y.date, y.nip))),
    negatives: [...spec.plants.flatMap((p, i) => (p.negative ? [{ nip: emps[i]?.nip ?? null, story: p.story }] : [])),
      ...extra.map((story) => ({ nip: null, story }))],
  };
}

// ---------------------------------------------------------------- rendering
interface Mark { row: number; bad?: BadRow; dupOf?: number; day?: Day }
function records(b: Built, kind: Kind): { recs: Rec[]; marks: Mark[] } {
  const L = b.spec.layout, marks: Mark[] = [];
  const emp = (nip: string): Emp => must(b.emps.find((e) => e.nip === nip), nip);
  const numbered = <T>(xs: readonly T[], f: (x: T, i: number) => Rec): { recs: Rec[]; marks: Mark[] } => ({ marks, recs: xs.map((x, i) => ({ no: i + 1, ...f(x, i) })) });
  switch (kind) {
    case 'units': return numbered(b.units, (u) => ({ unitCode: u.code, unitName: u.name, parentUnit: u.parent,
      serviceType: SERVICE[u.service], fwaStart: u.fwaStart ? L.date(u.fwaStart) : null }));
    case 'roster': return numbered(b.emps, (e) => ({ nip: L.nip(e.nip), name: e.name, position: e.position, unitName: e.unit.name,
      discipline: L.disc[e.discipline], special: L.yn(e.special), fieldDuty: L.yn(e.fieldDuty), frontline: L.yn(e.unit.service === 'FRONTLINE') }));
    case 'performance': return numbered(b.perf, (p) => ({ nip: L.nip(p.nip), name: emp(p.nip).name, year: 2025,
      period: BULAN[p.month - 1] ?? '', achievementPct: p.pct === null ? null : L.pct(p.pct), rating: p.rating }));
    case 'approvals': return numbered(b.approvals ?? [], (a, i) => ({ letter: `B-${String(i + 1).padStart(3, '0')}/${emp(a.nip).unit.code}/${a.from.slice(5, 7)}/2025`,
      nip: L.nip(a.nip), name: emp(a.nip).name, from: L.date(a.from), to: L.date(a.to), kind: BENTUK[a.kind], reason: a.reason,
      special: L.yn(a.special), status: APPROVAL[a.status], approver: a.approver }));
    case 'reports': return numbered(b.reports, (r) => ({ nip: L.nip(r.nip), name: emp(r.nip).name, date: L.date(r.date),
      activity: r.activity, output: r.output, verified: L.yn(r.verified) }));
  }
  const order = new Map(b.emps.map((e, i) => [e.nip, String(i).padStart(3, '0')]));
  const key = (d: Day): string => (L.byDate ? `${d.date}${order.get(d.nip)}` : `${order.get(d.nip)}${d.date}`);
  const items: { d: Day; bad?: BadRow }[] = [...b.days.map((d) => ({ d })), ...b.bad.map((x) => ({ d: x.day, bad: x }))];
  items.sort((x, y) => key(x.d).localeCompare(key(y.d))); // stable: an extra bad row follows the regular row of its day
  const recs: Rec[] = [];
  for (const { d, bad } of items) {
    const e = emp(d.nip);
    const r: Rec = { no: recs.length + 1, nip: L.nip(e.nip), name: e.name, position: e.position, unitName: e.unit.name,
      date: L.attDate(d.date), checkIn: d.inMin === null ? null : L.time(d.inMin, d), checkOut: d.outMin === null ? null : L.time(d.outMin, d),
      status: L.status[d.status], mode: d.mode ? L.mode[d.mode] : '', note: d.note };
    if (bad) { r[bad.column] = bad.value; marks.push({ row: recs.length, bad }); }
    recs.push(r);
    if (b.dupes.has(d)) { marks.push({ row: recs.length, dupOf: recs.length - 1, day: d }); recs.push({ ...r, no: recs.length + 1 }); }
  }
  return { recs, marks };
}

const SHEETS: Record<Kind, [string, string, string]> = {
  units: ['Unit Kerja', 'DAFTAR UNIT KERJA DAN JENIS LAYANAN', 'Keadaan per 1 September 2025'],
  roster: ['Pegawai', 'DAFTAR PEGAWAI APARATUR SIPIL NEGARA', 'Keadaan per 31 Oktober 2025'],
  attendance: ['Rekap Presensi', 'REKAPITULASI PRESENSI HARIAN PEGAWAI', 'Periode: 1 September 2025 s.d. 31 Oktober 2025'],
  performance: ['Kinerja Bulanan', 'REKAPITULASI CAPAIAN KINERJA BULANAN PEGAWAI', 'Periode: Maret s.d. Oktober 2025'],
  approvals: ['Persetujuan FWA', 'REGISTER PERSETUJUAN FLEKSIBILITAS KERJA (FWA)', 'Periode: September s.d. November 2025'],
  reports: ['Laporan Harian', 'REKAPITULASI LAPORAN HARIAN PELAKSANAAN FWA', 'Periode: 1 September 2025 s.d. 31 Oktober 2025'],
};
/** Kemendagri style: a merged title block (rows 1–3), a blank row, the header in row 5. */
async function writeSheet(path: string, kind: Kind, cs: [string, string][], recs: Rec[]): Promise<void> {
  const [sheet, ...titles] = SHEETS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIMPEG Kemendagri';
  wb.created = wb.modified = new Date(Date.UTC(2025, 10, 1)); // exceljs would stamp "now"
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 5 }] });
  ['KEMENTERIAN DALAM NEGERI REPUBLIK INDONESIA', ...titles].forEach((t, i) => {
    ws.mergeCells(i + 1, 1, i + 1, cs.length);
    Object.assign(ws.getCell(i + 1, 1), { value: t, font: { bold: true, size: i ? 12 : 14 }, alignment: { horizontal: 'center' } });
  });
  cs.forEach(([h, k], j) => {
    Object.assign(ws.getCell(5, j + 1), { value: h, font: { bold: true }, border: { bottom: { style: 'thin' } } });
    ws.getColumn(j + 1).width = Math.min(48, Math.max(h.length, ...recs.slice(0, 60).map((r) => String(r[k] ?? '').length), 10) + 2);
  });
  recs.forEach((r, i) => cs.forEach(([, k], j) => {
    const cell = ws.getCell(6 + i, j + 1), v = r[k] === '' ? null : r[k] ?? null; // real exports leave cells empty
    cell.value = v;
    const fmt = v instanceof Date ? 'dd/mm/yyyy' : typeof v === 'number' && k.startsWith('check') ? 'hh:mm'
      : typeof v === 'number' && k === 'achievementPct' ? '0.00' : k === 'nip' && typeof v === 'string' ? '@' : '';
    if (fmt) cell.numFmt = fmt;
  }));
  await writeXlsx(path, wb);
}

interface FileInfo {
  file: string; agency: string | null; kind: string; name: string; level: string | null; province: string | null; dataRows: number;
  /** Sleman's layouts (sample-sleman.ts); the other files are one record per data row. */
  layout?: string; skippedRows?: number; records?: number; constants?: Record<string, { value: string; from: string }>;
  badRows: { file: string; row: number; column: string; value: string; reason: string }[];
  duplicates: { file: string; rows: number[]; nip: string; date: string }[];
}
const KIND_NAME: Record<Kind, string> = { units: 'Daftar unit kerja', roster: 'Daftar pegawai', attendance: 'Rekap presensi harian Sep–Okt 2025',
  performance: 'Capaian kinerja bulanan Mar–Okt 2025', approvals: 'Register persetujuan FWA', reports: 'Laporan harian FWA' };
async function writeTable(b: Built, kind: Kind): Promise<FileInfo | null> {
  const L = b.spec.layout, name = L.files[kind];
  if (!name) return null;
  const { recs, marks } = records(b, kind), path = `samples/${b.spec.dir}/${name}`, file = `${b.spec.dir}/${name}`;
  const cs = L.headers[kind].split('|').map((s): [string, string] => [s.slice(0, s.lastIndexOf(':')), s.slice(s.lastIndexOf(':') + 1)]);
  if (L.xlsx) await writeSheet(path, kind, cs, recs);
  else writeText(path, csvText([cs.map(([h]) => h), ...recs.map((r) => cs.map(([, k]) => String(r[k] ?? '')))], L.delim, L.eol), L.enc[kind] ?? L.enc.all);
  const first = L.xlsx ? 6 : 2; // spreadsheet row number of the first data row (title block and header above it)
  return { file, agency: b.code, kind, name: `${KIND_NAME[kind]} — ${b.spec.name}`, level: b.spec.level, province: b.spec.province,
    dataRows: recs.length,
    badRows: marks.flatMap((m) => (m.bad ? [{ file, row: first + m.row, column: m.bad.column, value: String(m.bad.value), reason: m.bad.reason }] : [])),
    duplicates: marks.flatMap((m) => (m.dupOf !== undefined && m.day ? [{ file, rows: [first + m.dupOf, first + m.row], nip: m.day.nip, date: m.day.date }] : [])) };
}

// ---------------------------------------------------------------- expected results
/** Fails the run when the reference checks find anything but the planted findings. */
function verify(b: Built, found: Finding[]): void {
  verifyModel(b, found, b.spec.plants.flatMap((p, i) => (p.expect ?? []).map((x) => ({ ...x, nip: emps(b, i) }))), b.bad);
}
function verifyModel(b: AgencyModel, found: Finding[], want: { rule: string; nip: string; period: string; netMinutes?: number }[], bad: BadRow[]): void {
  const key = (x: { rule: string; nip: string; period: string }): string => `${x.rule} ${x.nip} ${x.period}`;
  const got = new Set(found.map(key)), exp = new Set(want.map(key));
  const problems = [...[...got].filter((k) => !exp.has(k)).map((k) => `unplanned ${k}`), ...[...exp].filter((k) => !got.has(k)).map((k) => `missing ${k}`)];
  for (const w of want) if (w.netMinutes !== undefined && found.find((f) => key(f) === key(w))?.netMinutes !== w.netMinutes) problems.push(`net minutes of ${key(w)}`);
  for (const e of b.emps) if (nipProblem(e.nip)) problems.push(`invalid NIP ${e.nip}`);
  for (const x of bad) if (x.column === 'nip' && typeof x.value === 'string' && !nipProblem(x.value)) problems.push(`bad NIP ${x.value} is valid`);
  if (problems.length) throw new Error(`${b.code}: ${problems.join('; ')}`);
}
const emps = (b: Built, i: number): string => must(b.emps[i], 'employee').nip;

/** Flex vs conventional (docs/rules.md, Flexible versus conventional), counted straight from the model. */
function compare(bs: (AgencyModel & { perf: Perf[] })[]) {
  const byAgency = bs.map((b) => {
    const g = { agency: b.code, flex: { n: 0, met: 0 }, conventional: { n: 0, met: 0 }, withoutAttendance: 0 };
    for (const p of b.perf) {
      const days = b.days.filter((d) => d.nip === p.nip && Number(d.date.slice(5, 7)) === p.month);
      if (!days.length) { g.withoutAttendance++; continue; }
      const grp = days.some(isFlex) ? g.flex : g.conventional;
      grp.n++;
      if (p.pct !== null ? p.pct >= 100 : ['Sangat Baik', 'Baik'].includes(p.rating)) grp.met++;
    }
    return g;
  });
  const sum = (f: (g: (typeof byAgency)[number]) => number): number => byAgency.reduce((s, g) => s + f(g), 0);
  return { flex: { n: sum((g) => g.flex.n), met: sum((g) => g.flex.met) }, conventional: { n: sum((g) => g.conventional.n), met: sum((g) => g.conventional.met) },
    withoutAttendance: sum((g) => g.withoutAttendance), byAgency };
}

const built = [KEMENDAGRI, JATENG, BOGOR].map(build);
const sleman = SLEMAN.buildSleman();
const slemanWant = sleman.plants.flatMap((p) => (p.expect ?? []).map((x) => ({ ...x, nip: p.nip })));
const findings = [...built.flatMap((b) => { const f = checkAgency(b); verify(b, f); return f; }),
  ...(() => { const f = checkAgency(sleman); verifyModel(sleman, f, slemanWant, []); return f; })()];
const slemanFiles = await SLEMAN.writeSleman(sleman);
const files: FileInfo[] = [];
for (const kind of ['units', 'roster', 'attendance', 'performance', 'approvals', 'reports'] as const) {
  for (const b of built) { const f = await writeTable(b, kind); if (f) files.push(f); }
  // Sleman's after the others of the same kind, so its roster (with the PINs) is in before any attendance.
  for (const f of kind in slemanFiles ? slemanFiles[kind as keyof typeof slemanFiles] : []) {
    files.push({ ...f, agency: SLEMAN.CODE, level: SLEMAN.LEVEL, province: SLEMAN.PROVINCE, badRows: [], duplicates: [] });
  }
}
// The present days without both times (rules.md, JAM-01: data-quality notes), from the models.
const missingTimes = [...built, sleman].flatMap((b) => b.days.filter((d) => ['HADIR', 'TERLAMBAT', 'PULANG_CEPAT'].includes(d.status)
  && d.mode !== 'DL' && (d.inMin === null || d.outMin === null)).map((d) => ({ agency: b.code, nip: d.nip, date: d.date })));
const survey = writeSurvey('samples/survei-fwa-2025.csv', built.map((b) => ({ code: b.code, units: b.units.filter((u) => !b.units.some((v) => v.parent === u.code)) })));
files.push({ file: 'survei-fwa-2025.csv', agency: null, kind: 'survey', name: 'Survei kepuasan dan capaian kinerja FWA 2025 (Google Form)',
  level: null, province: null, dataRows: survey.rows, badRows: [], duplicates: [] });

const expected = {
  generatedBy: 'npm run samples (scripts/make-samples.ts); checked against the reference rules in scripts/sample-lib.ts',
  profile: 'national defaults of rules.md §2 (maxFlexDays 2, weeklyHours 37.5, breaks 12:00-13:00 / Fri 11:30-13:00, tolerance 0)',
  attendancePeriod: { from: '2025-09-01', to: '2025-10-31' },
  findings: findings.map(({ rule, nip, name, agency, unit, period, detail, netMinutes, requiredMinutes }) =>
    ({ rule, nip, name, agency, unit, period, detail, ...(netMinutes === undefined ? {} : { netMinutes, requiredMinutes }) })),
  plantedCases: [...built.flatMap((b) => b.spec.plants.map((p, i) => ({ agency: b.code, nip: emps(b, i), name: must(b.emps[i], 'e').name,
    kind: p.expect ? 'finding' : p.negative ? 'negative' : 'bad-input', case: p.story }))),
    ...sleman.plants.map((p) => ({ agency: sleman.code, nip: p.nip, name: p.name, kind: p.kind, case: p.story }))],
  negatives: [...built.flatMap((b) => b.negatives.map((n) => ({ agency: b.code, nip: n.nip, case: n.story }))),
    ...sleman.negatives.map((story) => ({ agency: sleman.code, nip: null, case: story }))],
  badRows: files.flatMap((f) => f.badRows),
  duplicates: files.flatMap((f) => f.duplicates),
  // dataRows = rowsRead as the import counts rows (a scan line, a filled day cell, skipped rows included);
  // records = the canonical records written (employee-days of a scan log).
  files: files.map((f) => ({ file: f.file, agency: f.agency, kind: f.kind, layout: f.layout ?? 'rows', dataRows: f.dataRows,
    badRows: f.badRows.length, duplicateRows: f.duplicates.length, skippedRows: f.skippedRows ?? 0,
    records: f.records ?? f.dataRows - f.badRows.length - f.duplicates.length, ...(f.constants ? { constants: f.constants } : {}) })),
  compliance: [...built, sleman].flatMap((b) => compliance(b, findings.filter((f) => f.agency === b.code))),
  dataQuality: { missingTimes },
  compare: compare([...built, sleman]),
  survey: survey.summary,
};
writeFileSync('samples/expected.json', `${JSON.stringify(expected, null, 2)}\n`);
writeFileSync('samples/manifest.json', `${JSON.stringify(files.map(({ file, agency, kind, name, level, province }) => ({ file, agency, kind, name, level, province })), null, 2)}\n`);
writeFileSync('samples/EXPECTED.md', expectedMarkdown(expected));
console.log(`samples: ${files.length} files, ${findings.length} planted findings, ${expected.badRows.length} bad rows`);

function expectedMarkdown(x: typeof expected): string {
  const cell = (v: unknown): string => String(v ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const table = (head: string[], rows: unknown[][]): string => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
  const c = x.compare, s = x.survey;
  return `${[
    '# Expected results of the samples', '',
    `Generated by \`npm run samples\`; the machine-readable twin is \`expected.json\`. Profile: ${x.profile}.`,
    `Attendance ${x.attendancePeriod.from} to ${x.attendancePeriod.to}. The generator runs a reference implementation of`,
    'rules.md over its own model and stops if it finds anything but the findings below.', '',
    '## Findings (the complete list: the baseline implies none)', '',
    table(['rule', 'agency', 'nip', 'name', 'period', 'detail'], x.findings.map((f) => [f.rule, f.agency, f.nip, f.name, f.period, f.detail])), '',
    '## Planted cases', '',
    table(['agency', 'nip', 'name', 'kind', 'case'], x.plantedCases.map((p) => [p.agency, p.nip, p.name, p.kind, p.case])), '',
    '## Other negative cases (must not be findings)', '',
    ...x.negatives.filter((n) => n.nip === null).map((n) => `- ${n.agency}: ${n.case}`), '',
    '## Bad rows (each must be rejected; row = spreadsheet row number, header and title block included)', '',
    table(['file', 'row', 'column', 'value', 'reason'], x.badRows.map((b) => [b.file, b.row, b.column, b.value, b.reason])), '',
    'Duplicates (same NIP and date twice, identical content, so either "newest wins" or a reject leaves the findings unchanged):', '',
    table(['file', 'rows', 'nip', 'date'], x.duplicates.map((d) => [d.file, d.rows.join(' and '), d.nip, d.date])), '',
    '## Data rows per file (rows below the header)', '',
    'Rows as the import counts them (rowsRead = imported + rejected + skipped): a scan line each in a scan log, a filled day cell each in a',
    'wide recap, and the skipped rows (JUMLAH rows, signature blocks) each once. Records: the attendance records written (employee-days).', '',
    table(['file', 'agency', 'kind', 'layout', 'data rows', 'bad rows', 'duplicate rows', 'skipped rows', 'records', 'read from the title'],
      x.files.map((f) => [f.file, f.agency, f.kind, f.layout, f.dataRows, f.badRows, f.duplicateRows, f.skippedRows, f.records,
        Object.entries('constants' in f ? f.constants ?? {} : {}).map(([k, v]) => `${k} ${v.value}`).join(', ')])), '',
    '## Data quality (present days without both times: not counted for JAM-01, listed as notes)', '',
    table(['agency', 'nip', 'date'], x.dataQuality.missingTimes.map((m) => [m.agency, m.nip, m.date])), '',
    '## Compliance per agency (rules.md §3; per unit in expected.json)', '',
    table(['agency', 'employee-weeks', 'compliant', 'rate'], x.compliance.filter((r) => r.unit === '(semua unit)')
      .map((r) => [r.agency, r.employeeWeeks, r.compliantEmployeeWeeks, `${(r.rate * 100).toFixed(1)} %`])), '',
    '## Flex vs conventional (rules.md §4; monthly records with attendance in their month)', '',
    table(['group', 'n', 'met target'], [['flex', c.flex.n, c.flex.met], ['conventional', c.conventional.n, c.conventional.met]]), '',
    `Records without attendance in their period (Maret–Agustus): ${c.withoutAttendance}.`, '',
    '## Survey', '',
    `${s.respondents} respondents: ${s.participants} took part in FWA, ${s.nonParticipants} did not; satisfied (4–5) ${s.satisfied} = ${s.satisfiedPct} %, met target ${s.metTarget} = ${s.metTargetPct} %.`,
  ].join('\n')}\n`;
}
