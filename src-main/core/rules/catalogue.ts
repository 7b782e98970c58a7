import type { RuleId, RuleInfo } from '../../contract/rules-types.ts';

/** The rule catalogue of rules.md §2. Adding a rule is adding an entry here, its SQL and its tests. */
export const CATALOGUE: Record<RuleId, RuleInfo> = {
  'LOK-01': {
    id: 'LOK-01', period: 'week', basis: 'PermenPANRB 4/2025 Pasal 13 ayat (1)',
    title: { id: 'Batas hari fleksibel lokasi per minggu', en: 'Weekly cap on flexible-location days' },
    explanation: {
      id: 'Paling banyak maxFlexDays hari kerja fleksibel lokasi (WFH, WFA, Kantor Lain) dalam satu minggu ISO; tugas luar kantor, keadaan khusus dan hari FWA nasional tidak dihitung.',
      en: 'At most maxFlexDays flexible-location working days (WFH, WFA, other office) per ISO week; field duty, special conditions and national FWA days do not count.',
    },
    parameters: ['maxFlexDays', 'countNationalFwaDays', 'workDays'],
  },
  'LOK-02': {
    id: 'LOK-02', period: 'date', basis: 'Perpres 21/2023 Pasal 7; PermenPANRB 4/2025 Pasal 8',
    title: { id: 'Unit layanan langsung bekerja dari kantor', en: 'Front-line units work from the office' },
    explanation: {
      id: 'Pegawai unit yang memberi layanan langsung kepada masyarakat bekerja dari kantor; setiap hari fleksibel lokasi tanpa pengecualian adalah temuan.',
      en: 'Staff of units serving the public directly work from the office; every flexible-location day without an exemption is a finding.',
    },
    parameters: ['rules.LOK-02.enabled'],
  },
  'ELG-01': {
    id: 'ELG-01', period: 'date', basis: 'PermenPANRB 4/2025 Pasal 25',
    title: { id: 'Tidak fleksibel selama hukuman disiplin', en: 'No flexibility under disciplinary penalty' },
    explanation: {
      id: 'Pegawai yang sedang menjalani atau dalam proses hukuman disiplin tidak boleh bekerja fleksibel; pengecualian tidak berlaku.',
      en: 'Employees serving or facing a disciplinary penalty may not work flexibly; exemptions do not apply.',
    },
    parameters: ['rules.ELG-01.enabled'],
  },
  'JAM-01': {
    id: 'JAM-01', period: 'week', basis: 'Perpres 21/2023 Pasal 4 dan Pasal 9',
    title: { id: 'Jam kerja bersih mingguan', en: 'Net weekly working hours' },
    explanation: {
      id: 'Jam kerja bersih dalam seminggu (di luar istirahat) sekurang-kurangnya 37 jam 30 menit, dihitung sebanding dengan hari kerja yang dihitung; 32 jam 30 menit pada bulan Ramadan.',
      en: 'Net weekly hours (breaks excluded) at least 37 h 30 min, prorated over the counted working days; 32 h 30 min in Ramadan.',
    },
    parameters: ['weeklyHours', 'ramadanWeeklyHours', 'ramadanFrom', 'ramadanTo', 'breakMonThu', 'breakFri', 'toleranceMinutes', 'workDays'],
  },
  'APR-01': {
    id: 'APR-01', period: 'date', basis: 'Perpres 21/2023 Pasal 8 ayat (3); PermenPANRB 4/2025 Pasal 12 dan Pasal 30',
    title: { id: 'Hari fleksibel harus disetujui', en: 'Flexible days need an approval' },
    explanation: {
      id: 'Setiap hari fleksibel lokasi tercakup persetujuan berstatus Disetujui; hanya diperiksa untuk instansi yang mengimpor data persetujuan.',
      en: 'Every flexible-location day is covered by an approved approval; checked only for agencies that imported approvals.',
    },
    parameters: ['rules.APR-01.enabled'],
  },
  'LAP-01': {
    id: 'LAP-01', period: 'date', basis: 'PermenPANRB 4/2025 Pasal 30; SOP instansi',
    title: { id: 'Laporan harian pada hari fleksibel', en: 'Daily report on flexible days' },
    explanation: {
      id: 'Setiap hari fleksibel lokasi memiliki laporan harian; hanya diperiksa untuk instansi yang mengimpor laporan harian.',
      en: 'Every flexible-location day has a daily report; checked only for agencies that imported daily reports.',
    },
    parameters: ['rules.LAP-01.enabled'],
  },
  'DIS-01': {
    id: 'DIS-01', period: 'year', basis: 'PP 94/2021 Pasal 8–11',
    title: { id: 'Ketidakhadiran tanpa keterangan', en: 'Unexcused absence' },
    explanation: {
      id: 'Hari kerja tanpa keterangan yang terkumpul dalam setahun mencapai tingkat hukuman disiplin PP 94/2021 (mulai 3 hari), atau 10 hari kerja berturut-turut.',
      en: 'Unexcused working days accumulated in a year reach a PP 94/2021 penalty band (from 3 days), or 10 consecutive working days.',
    },
    parameters: ['rules.DIS-01.enabled', 'workDays'],
  },
};
