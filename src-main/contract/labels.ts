import type { ImportKind } from './import-types.ts';

/**
 * What a user calls each kind of data and each field [Bahasa Indonesia, English]: one list for the
 * screens, the CLI's messages and the import's refusals, so no internal key reaches a person.
 */
export const KIND_LABELS: Record<ImportKind, readonly [string, string]> = {
  attendance: ['Presensi', 'Attendance'],
  roster: ['Daftar pegawai', 'Roster'],
  units: ['Unit kerja', 'Work units'],
  performance: ['Kinerja (SKP)', 'Performance (SKP)'],
  approvals: ['Persetujuan FWA', 'FWA approvals'],
  reports: ['Laporan harian', 'Daily reports'],
  survey: ['Survei FWA', 'FWA survey'],
  calendar: ['Kalender libur', 'Holiday calendar'],
};

export const FIELD_LABELS = {
  nip: ['NIP', 'NIP'],
  name: ['Nama', 'Name'],
  unitName: ['Unit kerja', 'Work unit'],
  position: ['Jabatan', 'Position'],
  date: ['Tanggal', 'Date'],
  checkIn: ['Jam masuk', 'Check-in time'],
  checkOut: ['Jam pulang', 'Check-out time'],
  status: ['Status', 'Status'],
  mode: ['Mode kerja', 'Work mode'],
  pin: ['PIN mesin / no. kartu', 'Device PIN / card no.'],
  absent: ['Tidak hadir (ya/tidak)', 'Absent (yes/no)'],
  scanTime: ['Waktu pindaian', 'Scan time'],
  scanState: ['Jenis pindaian (masuk/pulang)', 'Scan type (in/out)'],
  fieldDuty: ['Tugas luar kantor', 'Field duty'],
  specialCondition: ['Keadaan khusus', 'Special condition'],
  specialFrom: ['Keadaan khusus mulai', 'Special condition from'],
  specialTo: ['Keadaan khusus selesai', 'Special condition to'],
  discipline: ['Hukuman disiplin', 'Disciplinary penalty'],
  serviceType: ['Jenis layanan', 'Service type'],
  frontline: ['Layanan langsung', 'Front-line service'],
  unitCode: ['Kode unit', 'Unit code'],
  parentUnit: ['Unit atasan', 'Parent unit'],
  fwaStart: ['Tanggal mulai FWA', 'FWA start date'],
  year: ['Tahun', 'Year'],
  period: ['Periode', 'Period'],
  achievementPct: ['Capaian (%)', 'Achievement (%)'],
  rating: ['Predikat', 'Rating'],
  dateFrom: ['Tanggal mulai', 'Start date'],
  dateTo: ['Tanggal selesai', 'End date'],
  kind: ['Bentuk fleksibilitas', 'Form of flexibility'],
  approver: ['Penyetuju', 'Approver'],
  activity: ['Uraian kegiatan', 'Activity'],
  output: ['Keluaran', 'Output'],
  verified: ['Verifikasi atasan', 'Supervisor verification'],
  respondentId: ['ID responden', 'Respondent ID'],
  agency: ['Instansi', 'Agency'],
  participated: ['Pernah menjalankan FWA', 'Took part in FWA'],
  satisfaction: ['Kepuasan', 'Satisfaction'],
  metTarget: ['Target tercapai', 'Target met'],
  dayType: ['Jenis hari', 'Day type'],
  description: ['Keterangan', 'Description'],
} as const satisfies Record<string, readonly [string, string]>;

/** The canonical values of code fields (status, work mode, yes/no, …), for a value map the user fills in. */
export const CODE_LABELS: Record<string, readonly [string, string]> = {
  HADIR: ['Hadir', 'Present'],
  TERLAMBAT: ['Terlambat', 'Late'],
  PULANG_CEPAT: ['Pulang cepat', 'Left early'],
  IZIN: ['Izin', 'Permitted absence'],
  SAKIT: ['Sakit', 'Sick'],
  CUTI: ['Cuti', 'Leave'],
  DINAS_LUAR: ['Dinas luar', 'Official duty elsewhere'],
  TUGAS_BELAJAR: ['Tugas belajar', 'Study assignment'],
  TANPA_KETERANGAN: ['Tanpa keterangan', 'Unexcused absence'],
  LIBUR: ['Libur', 'Day off'],
  WFO: ['WFO (di kantor)', 'WFO (at the office)'],
  WFH: ['WFH (di rumah)', 'WFH (at home)'],
  WFA: ['WFA (lokasi lain)', 'WFA (elsewhere)'],
  KANTOR_LAIN: ['Kantor lain', 'Another office'],
  DL: ['Dinas luar', 'Official travel'],
  true: ['Ya', 'Yes'],
  false: ['Tidak', 'No'],
  NONE: ['Tidak ada', 'None'],
  ACTIVE: ['Sedang menjalani', 'Serving'],
  IN_PROCESS: ['Dalam proses', 'In process'],
  FRONTLINE: ['Layanan langsung', 'Front-line service'],
  SUPPORT: ['Dukungan operasional', 'Operational support'],
  ADMIN: ['Administrasi', 'Administration'],
  SUBMITTED: ['Diajukan', 'Submitted'],
  APPROVED: ['Disetujui', 'Approved'],
  REJECTED: ['Ditolak', 'Rejected'],
  REVOKED: ['Dicabut', 'Revoked'],
  HOLIDAY: ['Libur nasional / cuti bersama', 'Public holiday'],
  NATIONAL_FWA_DAY: ['Hari FWA nasional', 'National FWA day'],
  RUMAH: ['Rumah', 'Home'],
  LOKASI_LAIN: ['Lokasi lain', 'Another location'],
  SIF: ['Sif', 'Shift'],
  DINAMIS: ['Dinamis', 'Dynamic'],
  LOKASI: ['Lokasi', 'Location'],
  WAKTU: ['Waktu', 'Time'],
};

export type FieldName = keyof typeof FIELD_LABELS;

const LANG_INDEX = { id: 0, en: 1 } as const;

/** A field's label; a group of alternatives ("year/period") reads "Tahun atau Periode". */
export function fieldLabel(field: string, lang: 'id' | 'en'): string {
  const i = LANG_INDEX[lang];
  return field.split('/').map((f) => (FIELD_LABELS as Record<string, readonly [string, string]>)[f]?.[i] ?? f).join(lang === 'id' ? ' atau ' : ' or ');
}

export function kindLabel(kind: ImportKind, lang: 'id' | 'en'): string {
  return KIND_LABELS[kind][LANG_INDEX[lang]];
}

/**
 * The columns of the screens' tables [Bahasa Indonesia, English]: their headers on screen and in the
 * tables' Excel downloads.
 */
export const COLUMN_LABELS = {
  unit: ['Unit kerja', 'Work unit'],
  agency: ['Instansi', 'Agency'],
  rate: ['Kepatuhan', 'Compliance'],
  employeeWeeks: ['Pegawai-minggu', 'Employee-weeks'],
  compliant: ['Patuh', 'Compliant'],
  employees: ['Pegawai', 'Employees'],
  findings: ['Temuan', 'Findings'],
  week: ['Minggu', 'Week'],
  rule: ['Aturan', 'Rule'],
  nip: ['NIP', 'NIP'],
  name: ['Nama', 'Name'],
  period: ['Periode', 'Period'],
  detail: ['Uraian', 'Detail'],
  basis: ['Dasar hukum', 'Legal basis'],
  status: ['Status', 'Status'],
  sources: ['Sumber (impor:baris)', 'Source (import:row)'],
  flexDays: ['Hari fleksibel', 'Flexible days'],
  flexDaysShort: ['Fleks.', 'Flex'],
  actions: ['Tindakan', 'Actions'],
} as const satisfies Record<string, readonly [string, string]>;

/** A finding's status against the check before, as the screens and the downloads write it. */
export const STATUS_LABELS = {
  new: ['Baru', 'New'],
  open: ['Berlanjut', 'Continuing'],
  resolved: ['Selesai', 'Resolved'],
} as const satisfies Record<string, readonly [string, string]>;

/** Every entry of a label table under a message-key prefix ("field.nip"), for the screens' message table. */
export function prefixed<P extends string, K extends string>(prefix: P, labels: Record<K, readonly [string, string]>): Record<`${P}${K}`, readonly [string, string]> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}${k}`, v])) as Record<`${P}${K}`, readonly [string, string]>;
}
