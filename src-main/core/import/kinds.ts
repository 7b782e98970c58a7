import type { ImportKind } from '../../contract/import-types.ts';
import type { CanonicalTable, ColumnsOf } from '../db/canonical.ts';

/** How a raw text cell becomes a typed value; each maps to a SQL macro in normalise-sql.ts. */
export type Parser =
  | 'nip' | 'text' | 'date' | 'time' | 'status' | 'mode' | 'bool' | 'discipline' | 'service'
  | 'number' | 'year' | 'satisfaction' | 'approvalStatus' | 'dayType' | 'verified' | 'approvalKind';

export interface FieldSpec {
  name: string;
  parser: Parser;
  /** Header texts after normalisation (see headerKey), most specific first. */
  synonyms: string[];
  /** Taken only when the file has no column of `synonyms` (beside one, such a header is a schedule). */
  fallbackSynonyms?: string[];
  required?: boolean;
  /** A required field another field may stand in for (a device PIN resolved to the NIP). */
  orField?: string;
}

interface KindSpecOf<T extends CanonicalTable> {
  kind: ImportKind;
  /** The canonical table the kind's rows are merged into. */
  table: T;
  /** Natural key, as canonical table columns. */
  key: ColumnsOf<T>[];
  fields: FieldSpec[];
  /** Header-level alternatives: at least one of each group must be mapped. */
  needOneOf?: string[][];
  /** Unmapped columns are kept as a JSON object of answers (survey). */
  keepExtra?: boolean;
  /** Headers of scheduled times: never mapped, named as passed over in the import report. */
  schedules?: { field: string; synonyms: string[] }[];
}

/** One kind's spec; its key can name only columns of its own table. */
export type KindSpec = { [T in CanonicalTable]: KindSpecOf<T> }[CanonicalTable];

const F = {
  // `nik` (the national identity number) only where no NIP column is: a 16-digit value in it is then
  // rejected as a NIK (rules.md §1, Device PINs).
  nip: { name: 'nip', parser: 'nip', required: true,
    synonyms: ['nip', 'nip baru', 'nip/ni pppk', 'nip/nippppk', 'ni pppk', 'nomor induk pegawai', 'no induk pegawai'],
    fallbackSynonyms: ['nik'] },
  // A device PIN or card number: the roster's `pin` column, by which scan exports are resolved to NIPs.
  pin: { name: 'pin', parser: 'text',
    // ZKTeco's SDK and att2000 tables write `EnrollNumber`/`Enroll No`; some Indonesian device software `No. Absen`/`ID Absen`.
    synonyms: ['pin', 'no id', 'id mesin', 'user id', 'userid', 'ac-no', 'ac no', 'no akun', 'emp no', 'nopeg', 'no pin', 'id pegawai mesin', 'badgenumber',
      'enroll number', 'enrollnumber', 'enroll no', 'no absen', 'id absen'] },
  // English labels: the terminal software's exports (ZKTeco Attendance Management: Name, Department, Date).
  name: { name: 'name', parser: 'text', synonyms: ['nama', 'nama pegawai', 'nama lengkap', 'name', 'employee name'] },
  // The work unit before the regional office: SIASN (BKN's civil-service system) lists carry
  // `unor nama` (unit organisasi, the employee's own unit) beside `skpd`, which names the whole
  // regional office, as `opd` does; a file with both is mapped to the unit.
  unitName: { name: 'unitName', parser: 'text',
    synonyms: ['unit kerja', 'unor nama', 'nama unor', 'unor', 'satuan kerja', 'satker', 'unit organisasi', 'nama unit',
      'nama unit kerja', 'skpd', 'opd', 'sub unit kerja', 'department', 'departemen', 'dept'] },
  position: { name: 'position', parser: 'text', synonyms: ['jabatan', 'jabatan nama', 'nama jabatan'] },
  date: { name: 'date', parser: 'date', required: true,
    synonyms: ['tanggal', 'tgl', 'hari/tanggal', 'tanggal presensi', 'tgl presensi', 'tanggal absen', 'date'] },
  serviceType: { name: 'serviceType', parser: 'service', synonyms: ['jenis layanan'] },
  frontline: { name: 'frontline', parser: 'bool', synonyms: ['layanan langsung ke masyarakat', 'layanan langsung'] },
  specialCondition: { name: 'specialCondition', parser: 'bool', synonyms: ['keadaan khusus'] },
} satisfies Record<string, FieldSpec>;

export const KINDS: Record<ImportKind, KindSpec> = {
  attendance: {
    kind: 'attendance', table: 'attendance', key: ['nip', 'date'],
    schedules: [
      { field: 'checkIn', synonyms: ['jadwal masuk', 'harus c/in', 'must c/in', 'on duty', 'awal tugas', 'jam kerja'] },
      { field: 'checkOut', synonyms: ['jadwal pulang', 'harus c/out', 'must c/out', 'off duty', 'akhir tugas'] },
    ],
    fields: [
      { ...F.nip, orField: 'pin' }, F.pin, F.name, F.unitName, F.date,
      // The scans, never the schedule: `jam masuk` is the scan only in a file with no header of the first list.
      { name: 'checkIn', parser: 'time',
        synonyms: ['scan masuk', 'absen masuk', 'clock in', 'check in', 'check-in', 'checkin', 'masuk'],
        fallbackSynonyms: ['jam masuk', 'jam datang'] },
      { name: 'checkOut', parser: 'time',
        synonyms: ['scan pulang', 'scan keluar', 'absen pulang', 'clock out', 'check out', 'check-out', 'checkout', 'pulang', 'keluar'],
        fallbackSynonyms: ['jam pulang', 'jam keluar'] },
      // Pengecualian (exception): exports that list only the days off the normal pattern (leave,
      // duty, sickness) name their code column so; the usual names come first.
      { name: 'status', parser: 'status',
        synonyms: ['kode kehadiran', 'status kehadiran', 'keterangan kehadiran', 'kehadiran', 'status', 'pengecualian'],
        // A daily sheet's last column, `Keterangan`, holds the day's status (Sakit, Izin, DL) when no column above does.
        fallbackSynonyms: ['keterangan', 'ket'] },
      { name: 'mode', parser: 'mode',
        synonyms: ['mode kerja', 'lokasi kerja', 'jenis lokasi', 'tempat kerja', 'wfo/wfh/wfa', 'jenis fwa'] },
      // True with no other status on a working day is an unexcused absence (rules.md §1, Placeholders).
      { name: 'absent', parser: 'bool', synonyms: ['absent', 'bolos', 'alpa', 'tidak hadir'] },
      // A scan log's clock event (layout `scans`): date and time in one cell, or the time beside `date`.
      { name: 'scanTime', parser: 'text',
        synonyms: ['waktu', 'jam', 'time', 'checktime', 'check time', 'waktu scan', 'jam scan', 'tanggal/jam', 'tanggal jam',
          'tanggal & jam', 'date/time', 'datetime', 'date time', 'tanggal dan jam', 'waktu absen', 'jam absen', 'scan',
          // Fingerspot's scan log: `Tanggal Scan` holds date and time where no `Jam` column is; beside one it is the date (layouts/scans.ts).
          'scan time', 'tanggal scan'] },
      // Kept, never used for pairing: terminals record whatever key was pressed.
      { name: 'scanState', parser: 'text',
        synonyms: ['state', 'status scan', 'jenis scan', 'checktype', 'check type', 'in/out', 'tipe', 'new state',
          'io', 'i/o', 'inout', 'in out', 'jenis absen'] },
    ],
  },
  roster: {
    kind: 'roster', table: 'employees', key: ['nip'],
    fields: [
      F.nip, F.name, F.unitName, F.position, F.pin,
      { name: 'fieldDuty', parser: 'bool', synonyms: ['tugas luar kantor'] },
      F.specialCondition,
      { name: 'specialFrom', parser: 'date',
        synonyms: ['keadaan khusus mulai', 'mulai keadaan khusus', 'tanggal mulai keadaan khusus', 'keadaan khusus dari'] },
      { name: 'specialTo', parser: 'date',
        synonyms: ['keadaan khusus selesai', 'keadaan khusus sampai', 'akhir keadaan khusus', 'tanggal akhir keadaan khusus', 'tanggal selesai keadaan khusus'] },
      { name: 'discipline', parser: 'discipline', synonyms: ['status hukuman disiplin', 'hukuman disiplin', 'hukdis'] },
      F.serviceType, F.frontline,
    ],
  },
  units: {
    kind: 'units', table: 'units', key: ['agency', 'unit_name'],
    fields: [
      { ...F.unitName, required: true, synonyms: ['nama unit', 'nama unit kerja', ...F.unitName.synonyms] },
      { name: 'unitCode', parser: 'text', synonyms: ['kode unit', 'kode unit kerja'] },
      { name: 'parentUnit', parser: 'text', synonyms: ['kode unit atasan', 'unit atasan', 'induk unit'] },
      F.serviceType, F.frontline,
      { name: 'fwaStart', parser: 'date', synonyms: ['tanggal mulai fwa', 'mulai fwa', 'tmt fwa'] },
    ],
  },
  performance: {
    kind: 'performance', table: 'performance', key: ['nip', 'period_start', 'period_end'],
    needOneOf: [['year', 'period']],
    fields: [
      F.nip, F.name, F.unitName,
      { name: 'year', parser: 'year', synonyms: ['tahun', 'tahun penilaian'] },
      { name: 'period', parser: 'text', synonyms: ['periode', 'periode penilaian', 'bulan'] },
      { name: 'achievementPct', parser: 'number',
        synonyms: ['capaian target', 'capaian', 'capaian kinerja', 'persentase capaian'] },
      // e-Kinerja (BKN's performance system) writes the predikat as `hasil akhir` or `penilaian kinerja`.
      { name: 'rating', parser: 'text',
        synonyms: ['predikat kinerja', 'predikat kinerja periodik', 'predikat', 'hasil akhir', 'penilaian kinerja'] },
    ],
  },
  approvals: {
    kind: 'approvals', table: 'approvals', key: ['nip', 'date_from', 'kind'],
    needOneOf: [['date', 'dateFrom']],
    fields: [
      F.nip,
      { name: 'dateFrom', parser: 'date', synonyms: ['tanggal mulai', 'tgl mulai', 'mulai'] },
      { name: 'dateTo', parser: 'date', synonyms: ['tanggal selesai', 'tgl selesai', 'selesai', 'tanggal akhir'] },
      { ...F.date, required: false },
      { name: 'kind', parser: 'approvalKind', synonyms: ['bentuk', 'bentuk fleksibilitas', 'jenis fleksibilitas'] },
      F.specialCondition,
      { name: 'status', parser: 'approvalStatus', required: true, synonyms: ['status', 'status persetujuan'] },
      { name: 'approver', parser: 'text', synonyms: ['disetujui oleh', 'penyetuju'] },
    ],
  },
  reports: {
    kind: 'reports', table: 'daily_reports', key: ['nip', 'date'],
    fields: [
      F.nip, F.date,
      { name: 'activity', parser: 'text', synonyms: ['uraian kegiatan', 'kegiatan', 'uraian'] },
      { name: 'output', parser: 'text', synonyms: ['keluaran/output', 'keluaran', 'output'] },
      { name: 'verified', parser: 'verified', synonyms: ['status verifikasi atasan', 'status verifikasi', 'verifikasi atasan', 'verifikasi'] },
    ],
  },
  survey: {
    kind: 'survey', table: 'survey', key: ['agency', 'respondent_id'], keepExtra: true,
    fields: [
      { name: 'respondentId', parser: 'text', required: true,
        synonyms: ['id responden', 'no responden', 'nomor responden'] },
      { name: 'agency', parser: 'text', synonyms: ['instansi', 'nama instansi'] },
      F.unitName,
      { name: 'participated', parser: 'bool', synonyms: ['pernah menjalankan fwa'] },
      { name: 'satisfaction', parser: 'satisfaction', synonyms: ['kepuasan terhadap fwa', 'kepuasan'] },
      { name: 'metTarget', parser: 'bool', synonyms: ['target kinerja tercapai'] },
    ],
  },
  calendar: {
    kind: 'calendar', table: 'calendar', key: ['date'],
    fields: [
      F.date,
      { name: 'dayType', parser: 'dayType', required: true, synonyms: ['jenis', 'jenis hari'] },
      { name: 'description', parser: 'text', synonyms: ['keterangan', 'nama hari'] },
    ],
  },
};

/** Same normalisation as the SQL macro pt_key: Excel's text marker ('), case, spaces, underscores, dots, (hints). */
export function headerKey(text: string): string {
  return text
    // A workbook's number cell carries the reader's mark (a day header `1`…`31`).
    .replace(/\u001f/g, '')
    .replace(/^\s*'/, '')
    .replace(/\u00a0/g, ' ')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/_/g, ' ')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
