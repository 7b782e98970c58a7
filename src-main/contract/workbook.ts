/**
 * The workbook's sheets as a person reads of them [Bahasa Indonesia, English]: their names (the
 * workbook's tabs), what each holds in plain words, and for a sheet that is a table what its rows
 * count. One list for the workbook itself and the export screen.
 */
export const SHEET_NAMES = {
  summary: ['Ringkasan', 'Summary'],
  units: ['Kepatuhan per unit', 'Compliance per unit'],
  weeks: ['Kepatuhan per minggu', 'Compliance per week'],
  findings: ['Temuan', 'Findings'],
  comparison: ['Perbandingan', 'Comparison'],
  survey: ['Survei', 'Survey'],
  quality: ['Kualitas data', 'Data quality'],
  method: ['Metode', 'Method'],
  manifest: ['Manifest', 'Manifest'],
} as const satisfies Record<string, readonly [string, string]>;

export type SheetId = keyof typeof SHEET_NAMES;

export const SHEET_ABOUT = {
  summary: ['Kop laporan, angka utama, kepatuhan per instansi dan per aturan, kinerja, survei, lalu tempat, tanggal dan tanda tangan; siap dicetak',
    'The letterhead, headline figures, compliance by agency and by rule, performance, the survey, then place, date and signature; ready to print'],
  units: ['Kepatuhan setiap unit kerja, untuk seluruh periode dan per minggu', 'Each work unit\'s compliance, over the whole period and week by week'],
  weeks: ['Kepatuhan unit ini minggu demi minggu', 'This unit\'s compliance week by week'],
  findings: ['Setiap temuan: pegawai, periode, uraian, dasar hukum, berkas dan baris sumbernya', 'Every finding: the employee, the period, what was found, the legal basis, the source file and rows'],
  comparison: ['Kinerja pegawai fleksibel dan konvensional, sebelum dan sesudah mulai FWA', 'Performance of flexible and conventional workers, before and after the start of FWA'],
  survey: ['Hasil survei FWA di samping angka rujukan pemerintah', 'The FWA survey beside the government\'s reference figures'],
  quality: ['Baris yang ditolak dengan alasannya, pegawai di luar daftar, hari hadir tanpa jam', 'Rejected rows with their reasons, employees missing from the roster, present days without times'],
  method: ['Setiap aturan dengan dasar hukumnya, cara menghitung, dan nilai profil yang dipakai', 'Each rule with its legal basis, how the figures are made, and the profile values used'],
  manifest: ['Asal data: setiap berkas sumber dengan jenis, ukuran, sidik SHA-256 dan waktu impornya', 'Where the data came from: each source file with its kind, size, SHA-256 fingerprint and import time'],
} as const satisfies Record<SheetId, readonly [string, string]>;

/** What a table sheet's rows are, "{n}" their number; the summary is a page, not a table. */
export const SHEET_ROWS = {
  units: ['{n} unit kerja', '{n} work units'],
  weeks: ['{n} minggu', '{n} weeks'],
  findings: ['{n} temuan', '{n} findings'],
  comparison: ['{n} baris kinerja', '{n} performance rows'],
  survey: ['{n} baris survei', '{n} survey rows'],
  quality: ['{n} catatan', '{n} entries'],
  method: ['{n} aturan', '{n} rules'],
  manifest: ['{n} berkas sumber', '{n} source files'],
} as const satisfies Partial<Record<SheetId, readonly [string, string]>>;

/**
 * The name a workbook is offered under: Pantau-<scope>-<date>.xlsx, and -disamarkan before the
 * extension when pseudonymised, so that the named and the pseudonymised workbook of one day do not
 * take each other's place.
 */
export function workbookFileName(scope: { agency?: string; unit?: string; pseudonymised: boolean; date: string }): string {
  const name = (scope.unit || scope.agency || 'semua').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'semua';
  return `Pantau-${name}-${scope.date}${scope.pseudonymised ? '-disamarkan' : ''}.xlsx`;
}
