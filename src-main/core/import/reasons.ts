export type Lang = 'id' | 'en';

/**
 * Why a row was rejected, by code. Each text follows `<column> "<value>"`, so that the
 * whole reason reads: baris 17: Tanggal "2025-02-31" bukan tanggal yang valid.
 */
const REASONS: Record<string, [id: string, en: string]> = {
  REQUIRED: ['kosong, padahal wajib diisi', 'is empty but required'],
  DATE_INVALID: ['bukan tanggal yang valid', 'is not a valid date'],
  DATE_IMPLAUSIBLE: [
    'di luar rentang yang masuk akal (sebelum 2000 atau lebih dari setahun ke depan); mungkin kolom yang salah dipetakan',
    'is outside the plausible range (before 2000 or more than a year ahead); perhaps the wrong column was mapped',
  ],
  TIME_INVALID: ['bukan jam yang valid (contoh: 07:30)', 'is not a valid time (e.g. 07:30)'],
  STATUS_UNKNOWN: ['bukan kode kehadiran yang dikenal', 'is not a known attendance code'],
  PIN_UNKNOWN: [
    'tidak ada di daftar pegawai instansi ini (kolom PIN); impor daftar pegawai dengan kolom PIN lebih dahulu',
    "is not in this agency's roster (its PIN column); import a roster with a PIN column first",
  ],
  MODE_UNKNOWN: ['bukan mode kerja yang dikenal (WFO/WFH/WFA/Kantor Lain/DL)', 'is not a known work mode (WFO/WFH/WFA/Kantor Lain/DL)'],
  BOOL_UNKNOWN: ['bukan Ya/Tidak', 'is not Ya/Tidak (yes/no)'],
  DISCIPLINE_UNKNOWN: ['bukan status hukuman disiplin yang dikenal', 'is not a known discipline status'],
  SERVICE_UNKNOWN: ['bukan jenis layanan yang dikenal', 'is not a known service type'],
  NUMBER_INVALID: ['bukan angka', 'is not a number'],
  YEAR_INVALID: ['bukan tahun yang valid', 'is not a valid year'],
  SATISFACTION_INVALID: ['bukan nilai kepuasan 1–5', 'is not a satisfaction score 1–5'],
  APPROVAL_STATUS_UNKNOWN: ['bukan status persetujuan yang dikenal (Diajukan/Disetujui/Ditolak/Dicabut)', 'is not a known approval status'],
  DAY_TYPE_UNKNOWN: ['bukan jenis hari yang dikenal (Libur Nasional/Cuti Bersama/Hari FWA Nasional)', 'is not a known day type'],
  VERIFIED_UNKNOWN: ['bukan status verifikasi yang dikenal', 'is not a known verification status'],
  PERIOD_INVALID: ['bukan periode yang dapat dibaca (mis. Januari, Triwulan I, Semester II, Tahunan)', 'is not a readable period'],
  DATE_RANGE: ['lebih awal dari tanggal mulai', 'is before the start date'],
  AGENCY_MISSING: ['tanpa instansi: isi kolom Instansi atau pilih instansi saat impor', 'has no agency: fill the Instansi column or choose an agency'],
  NIP_NUMBER: [
    'tersimpan sebagai angka oleh Excel sehingga digitnya hilang dan tidak dapat dipulihkan; simpan kolom NIP sebagai teks',
    'was stored as a number by Excel and lost digits that cannot be recovered; store the NIP column as text',
  ],
  NIP_NOT_DIGITS: ['berisi karakter selain angka', 'contains characters other than digits'],
  NIP_LENGTH: ['tidak 18 digit', 'is not 18 digits'],
  NIP_NIK: ['16 digit: ini NIK (nomor induk kependudukan), bukan NIP; berkas perlu kolom NIP atau PIN mesin', 'has 16 digits: it is a NIK (national identity number), not a NIP; the file needs a NIP or device PIN column'],
  NIP_BIRTHDATE: ['tidak valid: digit 1–8 bukan tanggal lahir yang mungkin', 'is invalid: digits 1–8 are not a plausible birth date'],
  NIP_SEX: ['tidak valid: digit ke-15 (jenis kelamin) harus 1 atau 2', 'is invalid: digit 15 (sex) must be 1 or 2'],
  NIP_APPOINTMENT: ['tidak valid: digit 9–14 bukan TMT CPNS maupun kode PPPK yang valid', 'is invalid: digits 9–14 are neither an appointment month nor a PPPK code'],
  DUPLICATE: ['punya kunci yang sama dengan baris {d} di berkas ini; baris {d} yang dipakai', 'has the same key as row {d} of this file; row {d} is kept'],
  CSV_TOO_MANY_FIELDS: ['berisi lebih banyak kolom daripada judul kolom (periksa pemisah atau tanda kutip)', 'has more fields than the header (check the delimiter or quotes)'],
  CSV_TOO_FEW_FIELDS: [
    'kolom saja, lebih sedikit daripada judul kolom (periksa pemisah atau tanda kutip)',
    'fields only, fewer than the header (check the delimiter or quotes)',
  ],
  CSV_QUOTE: [
    'membuka tanda kutip (") yang tidak pernah ditutup: {d} baris sesudahnya akan terbaca sebagai satu sel, jadi hanya baris ini yang ditolak dan baris sesudahnya dibaca seperti biasa',
    'opens a quote (") that never closes: the {d} lines after it would read as one cell, so only this row is rejected and the lines after it are read as usual',
  ],
  CSV_ENCODING: ['berisi karakter yang tidak dapat dibaca (pengodean teks)', 'contains unreadable characters (text encoding)'],
  CSV_LINE_TOO_LONG: ['terlalu panjang ({d} byte; paling panjang 4.000.000 byte)', 'is too long ({d} bytes; at most 4,000,000 bytes)'],
  XLSX_ROW_RANGE: ['berada di luar batas lembar Excel (nomor baris {d}; paling banyak 1.048.576)', 'lies beyond the rows an Excel sheet has (row number {d}; at most 1,048,576)'],
  XLSX_CELL_TOO_LONG: ['terlalu panjang ({d} karakter; satu sel Excel paling banyak 32.767)', 'is too long ({d} characters; an Excel cell holds at most 32,767)'],
};

/** Why a row was skipped, by code: rows that by design hold no record. */
const SKIP_REASONS: Record<string, [id: string, en: string]> = {
  NO_VALUES: ['tidak berisi nilai pada kolom mana pun yang dipetakan', 'holds no value in any mapped column'],
  TOTAL: ['baris jumlah atau ringkasan, bukan data', 'a total or summary row, not data'],
  SIGNATURE: ['bagian blok tanda tangan', 'part of the signature block'],
  REPEATED_HEADER: ['judul kolom yang diulang', 'a repeated header row'],
  UNLABELLED_TOTAL: ['tanpa pengenal dan hanya berisi angka (baris jumlah)', 'has no identifier and holds numbers only (a total row)'],
  DAY_OFF: ['hari libur (bukan hari kerja) tanpa status dan tanpa jam', 'a day off (not a working day) with no status and no time'],
  NO_RECORD: ['tanpa status dan tanpa jam masuk/pulang: tidak ada catatan hari itu', 'no status and no check-in/check-out time: no record that day'],
};

/** baris 7 dilewati: tidak berisi nilai pada kolom mana pun yang dipetakan. */
export function formatSkip(lang: Lang, row: number, code: string, detail: string | null, sheet: string | null = null): string {
  const texts = SKIP_REASONS[code];
  const text = (texts ? texts[lang === 'en' ? 1 : 0] : code).replaceAll('{d}', detail ?? '?');
  return `${where(lang, row, sheet)} ${lang === 'en' ? 'skipped' : 'dilewati'}: ${text}`;
}

/** "baris 17", or "lembar Oktober, baris 17" for a sheet of a workbook. */
function where(lang: Lang, row: number, sheet: string | null): string {
  if (sheet === null) return lang === 'en' ? `row ${row}` : `baris ${row}`;
  return lang === 'en' ? `sheet ${sheet}, row ${row}` : `lembar ${sheet}, baris ${row}`;
}

export function formatReject(
  lang: Lang,
  row: number,
  column: string,
  value: string | null,
  code: string,
  detail: string | null,
  sheet: string | null = null,
): string {
  const texts = REASONS[code];
  const text = (texts ? texts[lang === 'en' ? 1 : 0] : code).replaceAll('{d}', detail ?? '?');
  const subject = [column, value === null || code === 'REQUIRED' ? '' : `"${value}"`].filter(Boolean).join(' ');
  return `${where(lang, row, sheet)}: ${subject || (lang === 'en' ? 'row' : 'baris')} ${text}`;
}
