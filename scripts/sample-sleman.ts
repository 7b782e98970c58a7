// The fourth sample agency, Pemerintah Kabupaten Sleman, whose files come in the layouts of real
// exports (rules.md §1) rather than one row per employee-day: a SIASN roster with device PINs, a
// wide monthly recap, a fixed-width TXT, a fingerprint scan log, an exception list, e-presensi daily
// sheets whose date is only in the title, and a TPP workbook whose period is only in the title.
// Its model goes through the same reference checks as the other agencies; every model day is written
// to exactly one file, so the union of what the product stores is the model's attendance.
import ExcelJS from 'exceljs';
import {
  Ctx, Rng, addDays, csvText, dmy, hm, isWorkingDay, weekday, workingDays, writeText, writeXlsx,
  type AgencyModel, type Day, type Emp, type Status, type Unit,
} from './sample-lib.js';

export const CODE = 'PEMKAB-SLEMAN';
export const NAME = 'Pemerintah Kabupaten Sleman';
export const LEVEL = 'kabupaten';
export const PROVINCE = 'DI Yogyakarta';
const DIR = 'pemkab-sleman';

const U = (code: string, name: string, service: Unit['service'], fwaStart = ''): Unit => ({ code, name, parent: '', service, fwaStart });
const UNITS: Unit[] = [
  U('4.01.03', 'Bagian Organisasi', 'ADMIN', '2025-09-01'),
  U('2.16', 'Dinas Komunikasi dan Informatika', 'SUPPORT', '2025-09-01'),
  U('2.12', 'Dinas Kependudukan dan Pencatatan Sipil', 'FRONTLINE'),
  U('5.03', 'Badan Kepegawaian, Pendidikan dan Pelatihan', 'ADMIN', '2025-09-01'),
];
// SIASN's `skpd` names the whole regional office; a Bagian is part of the Sekretariat Daerah.
const SKPD: Record<string, string> = { '4.01.03': 'Sekretariat Daerah' };
const SERVICE = { FRONTLINE: 'Layanan Langsung', SUPPORT: 'Dukungan Operasional', ADMIN: 'Administrasi' };

// Fixed names, NIPs and PINs keep the agency small and readable; all NIPs pass nipProblem (checked by make-samples).
const PEOPLE: [string, string, string, string][] = [
  ['198703152010012004', 'Rina Kusumaningrum, S.IP.', 'Analis Organisasi', '1014'],
  ['199001222015031002', 'Bayu Aji Nugroho, S.Kom.', 'Pranata Komputer Ahli Pertama', '1027'],
  ['198511082009012003', 'Endah Sulistyowati', 'Petugas Loket Pelayanan', '1031'],
  ['199205172019031001', 'Galih Prasetya, S.Sos.', 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', '1046'],
  ['198208232006041005', 'Hanung Wicaksono, S.T.', 'Analis Kebijakan Ahli Muda', '1052'],
  ['199403102020122011', 'Anindya Puspitasari, S.Kom.', 'Pranata Komputer Ahli Pertama', '1068'],
  ['198012112008011002', 'Sutrisno', 'Operator Layanan Operasional', '1073'],
  ['197909302005012006', 'Sri Lestari Handayani, S.E.', 'Perencana Ahli Muda', '1085'],
  ['199107052018032002', 'Dyah Ayu Kartikasari, S.H.', 'Analis Hukum Ahli Pertama', '1091'],
  ['198804142011011003', 'Wisnu Hadi Saputro, S.Kom.', 'Pengolah Data dan Informasi', '1104'],
  ['198605262010012001', 'Tri Wahyuningsih', 'Penata Layanan Operasional', '1112'],
  ['199512012022032009', 'Ayu Laksmi Dewanti, S.Psi.', 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', '1126'],
];
const SIGNER = { name: 'Drs. Budi Santosa, M.Si.', nip: '197102141996031003', title: 'Kepala Badan Kepegawaian, Pendidikan dan Pelatihan' };

// Which file holds which days (each day in one file only).
const SEP = workingDays('2025-09-01', '2025-09-30'); // wide monthly recap
const FIXED = ['2025-10-01', '2025-10-02', '2025-10-03']; // fixed-width TXT
const DAILY = ['2025-10-20', '2025-10-21']; // e-presensi daily sheets
const OCT_REST = workingDays('2025-10-06', '2025-10-31').filter((d) => !DAILY.includes(d)); // scan log + exception list
const ALL = [...SEP, ...FIXED, ...DAILY, ...OCT_REST].sort();

export interface SlemanPlant { nip: string; name: string; kind: 'finding' | 'negative'; story: string; expect?: { rule: string; period: string; netMinutes?: number }[] }
export interface SlemanFile {
  file: string; kind: string; name: string; layout: 'rows' | 'wide' | 'scans' | 'fixed';
  dataRows: number; skippedRows: number; records: number; constants?: Record<string, { value: string; from: string }>;
}
export interface SlemanBuilt extends AgencyModel {
  perf: { nip: string; month: number; pct: number | null; rating: string }[];
  plants: SlemanPlant[]; negatives: string[];
}

const parseHM = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const present = (d: Day): boolean => ['HADIR', 'TERLAMBAT', 'PULANG_CEPAT'].includes(d.status);

export function buildSleman(): SlemanBuilt {
  const rng = new Rng(404), c = new Ctx(rng, false);
  const emps: Emp[] = PEOPLE.map(([nip, name, position], i) => ({ nip, name, position, unit: UNITS[i % UNITS.length] as Unit,
    discipline: 'NONE', special: false, fieldDuty: false }));
  const [lok, jam, front, single] = emps as [Emp, Emp, Emp, Emp];
  // Scans cannot tell late from on time: every office day is HADIR, and times always net ≥ 7 h 31 m.
  for (const e of emps) for (const d of ALL) c.put(c.onTime(e.nip, d));
  const flexDay = (e: Emp, date: string, mode: 'WFH' | 'WFA'): void => {
    // September's recap holds a code only (no times); October's exception list carries the app's times.
    const d = c.onTime(e.nip, date);
    c.put(SEP.includes(date) ? { ...d, mode, inMin: null, outMin: null, note: '' } : { ...d, mode, note: `Presensi aplikasi (${mode})` });
  };
  const plants: SlemanPlant[] = [];
  // LOK-01 in the wide recap: three flexible days in W38.
  flexDay(lok, '2025-09-15', 'WFH'); flexDay(lok, '2025-09-16', 'WFA'); flexDay(lok, '2025-09-18', 'WFH');
  plants.push({ nip: lok.nip, name: lok.name, kind: 'finding', expect: [{ rule: 'LOK-01', period: '2025-W38' }],
    story: 'wide recap (rekap-absensi-2025-09.xlsx): WFH Mon 15, WFA Tue 16, WFH Thu 18 Sep: 3 flexible days in one ISO week (codes only, no times)' });
  // JAM-01 in the scan log: two early departures in W42.
  const jamDays: [string, string, string][] = [['2025-10-13', '07:14', '16:08'], ['2025-10-14', '07:20', '14:02'],
    ['2025-10-15', '07:05', '16:10'], ['2025-10-16', '07:25', '14:05'], ['2025-10-17', '07:10', '16:40']];
  for (const [d, i, o] of jamDays) c.times(jam, d, i, o);
  plants.push({ nip: jam.nip, name: jam.name, kind: 'finding', expect: [{ rule: 'JAM-01', period: '2025-W42', netMinutes: 2121 }],
    story: 'scan log (scanlog-2025-10.csv): W42 last scans 14:02 on Tue 14 and 14:05 on Thu 16 Oct: 474 + 342 + 485 + 340 + 480 = 2121 min (35 j 21 m) < 2250 min (37 j 30 m)' });
  plants.push({ nip: front.nip, name: front.name, kind: 'negative', story: 'Disdukcapil (FRONTLINE) staff work only from the office: no LOK-02' });
  // One scan only: a record with a check-in and no check-out, a data-quality note, not counted for JAM-01.
  c.put({ nip: single.nip, date: '2025-10-08', status: 'HADIR', mode: 'WFO', inMin: parseHM('07:21'), outMin: null, note: '' });
  plants.push({ nip: single.nip, name: single.name, kind: 'negative',
    story: 'scan log: a single scan (07:21) on Wed 8 Oct: check-in only, listed as a present day missing a time, not counted for JAM-01: no finding' });

  // The others: a few excused days anywhere, and at most one flexible day a week, never on the
  // days of the fixed TXT or the daily sheets (neither writes a work mode).
  const excuse: [Status, string, string][] = [['SAKIT', 'S', 'Sakit'], ['CUTI', 'C', 'Cuti'], ['IZIN', 'I', 'Izin'], ['DINAS_LUAR', 'DL', 'Dinas Luar']];
  for (const e of emps.slice(4)) {
    for (const [status] of excuse) {
      if (!rng.chance(0.3)) continue;
      const d = rng.pick(ALL);
      c.absent(e, d, status, status === 'DINAS_LUAR' ? 'DL' : null, '');
    }
    if (!e.unit.fwaStart || e.unit.service === 'FRONTLINE' || !rng.chance(0.7)) continue;
    const wd = rng.int(0, 4);
    for (const d of ALL) {
      if (weekday(d) === wd && !FIXED.includes(d) && !DAILY.includes(d) && c.get(e.nip, d)?.mode === 'WFO' && rng.chance(0.7)) {
        flexDay(e, d, rng.pick(['WFH', 'WFH', 'WFA'] as const));
      }
    }
  }
  // e-Kinerja predikat of September (paid with the October TPP): no capaian, so the predikat decides.
  const perf = emps.map((e) => ({ nip: e.nip, month: 9, pct: null, rating: rng.pick(['Baik', 'Baik', 'Baik', 'Sangat Baik', 'Butuh Perbaikan']) }));
  const order = new Map(emps.map((e, i) => [e.nip, String(i).padStart(3, '0')]));
  const days = [...c.days.values()].sort((x, y) => `${x.date}${order.get(x.nip)}`.localeCompare(`${y.date}${order.get(y.nip)}`));
  return { code: CODE, units: UNITS, emps, days, approvals: null, reports: null, perf, plants,
    negatives: ['Sleman has neither approvals nor daily reports: no APR-01 and no LAP-01 for its flexible days',
      'each day of the model is in exactly one attendance file: September in the wide recap, 1–3 Oct in the fixed TXT, 20–21 Oct in the daily sheets, the other October office days in the scan log and their other days in the exception list'] };
}

// ---------------------------------------------------------------- writers
const STATUS_CODE: Partial<Record<Status, string>> = { SAKIT: 'S', CUTI: 'C', IZIN: 'I', DINAS_LUAR: 'DL', TANPA_KETERANGAN: 'TK' };
const STATUS_WORD: Partial<Record<Status, string>> = { HADIR: 'Hadir', SAKIT: 'Sakit', CUTI: 'Cuti', IZIN: 'Izin', DINAS_LUAR: 'Dinas Luar' };
const dayOf = (b: SlemanBuilt, nip: string, date: string): Day | undefined => b.days.find((d) => d.nip === nip && d.date === date);
const workbook = (creator: string): ExcelJS.Workbook => {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.created = wb.modified = new Date(Date.UTC(2025, 10, 1)); // exceljs would stamp "now"
  return wb;
};
/** Rows of a signature block, each written in one column (where the printed page puts it). */
const signature = (title: string): string[] => ['Mengetahui,', title, SIGNER.name, `NIP. ${SIGNER.nip}`];

function unitsFile(b: SlemanBuilt): SlemanFile {
  const rows = b.units.map((u) => [u.code, u.name, u.parent, SERVICE[u.service], u.fwaStart ? dmy(u.fwaStart) : '']);
  // Headers of its own (not Bogor's kode_unit/nama_unit), so an earlier import still names the agency of each file.
  writeText(`samples/${DIR}/unit-kerja.csv`, csvText([['Kode Unit Kerja', 'Nama Unit Kerja', 'Induk Unit', 'Jenis Layanan', 'TMT FWA'], ...rows], ',', '\n'), 'utf8');
  return { file: `${DIR}/unit-kerja.csv`, kind: 'units', name: `Daftar unit kerja — ${NAME}`, layout: 'rows', dataRows: rows.length, skippedRows: 0, records: rows.length };
}

/** SIASN's export: snake_case headers, `unor_nama` beside `skpd`, and the BKD's added device PIN column. */
function rosterFile(b: SlemanBuilt): SlemanFile {
  const pin = new Map(PEOPLE.map((p) => [p[0], p[3]]));
  const rows = b.emps.map((e) => [e.nip, e.name, e.unit.name, SKPD[e.unit.code] ?? e.unit.name, e.position, pin.get(e.nip) ?? '']);
  writeText(`samples/${DIR}/pegawai-siasn.csv`, csvText([['nip_baru', 'nama', 'unor_nama', 'skpd', 'jabatan_nama', 'PIN'], ...rows], ',', '\n'), 'utf8');
  return { file: `${DIR}/pegawai-siasn.csv`, kind: 'roster', name: `Daftar pegawai (SIASN) — ${NAME}`, layout: 'rows', dataRows: rows.length, skippedRows: 0, records: rows.length };
}

/** One row per employee, one column per day of September; empty cells for weekends and the holiday. */
async function wideFile(b: SlemanBuilt): Promise<SlemanFile> {
  const wb = workbook('Aplikasi Presensi Pemkab Sleman');
  const ws = wb.addWorksheet('Rekap September');
  const days = 30;
  ['PEMERINTAH KABUPATEN SLEMAN', 'REKAP ABSENSI BULAN SEPTEMBER 2025', 'Dicetak pada 02/10/2025 08:15'].forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    ws.getCell(i + 1, 1).font = { bold: i < 2 };
  });
  const head = ['No', 'NIP', 'Nama', 'Unit Kerja'];
  head.forEach((h, j) => { ws.getCell(5, j + 1).value = h; });
  // Day headers as numbers, as Excel keeps a typed 1…30.
  for (let d = 1; d <= days; d++) ws.getCell(5, head.length + d).value = d;
  let cells = 0;
  b.emps.forEach((e, i) => {
    const r = 6 + i;
    [i + 1, e.nip, e.name, e.unit.name].forEach((v, j) => { ws.getCell(r, j + 1).value = v; });
    ws.getCell(r, 2).numFmt = '@';
    for (let d = 1; d <= days; d++) {
      const x = dayOf(b, e.nip, `2025-09-${String(d).padStart(2, '0')}`);
      if (!x) continue;
      cells++;
      ws.getCell(r, head.length + d).value = x.mode === 'WFH' || x.mode === 'WFA' ? x.mode
        : present(x) ? `${hm(x.inMin ?? 0)}-${hm(x.outMin ?? 0)}` : STATUS_CODE[x.status] ?? '';
    }
  });
  const sig = signature(`Kepala ${b.units[0]?.name ?? ''}`);
  // At the right, under the last weeks' day columns, where the printed page puts it: each line is skipped once, not per day cell.
  sig.forEach((t, k) => { ws.getCell(6 + b.emps.length + 1 + k, head.length + 24).value = t; });
  await writeXlsx(`samples/${DIR}/rekap-absensi-2025-09.xlsx`, wb);
  return { file: `${DIR}/rekap-absensi-2025-09.xlsx`, kind: 'attendance', name: `Rekap absensi bulanan September 2025 — ${NAME}`, layout: 'wide',
    dataRows: cells + sig.length, skippedRows: sig.length, records: cells, constants: { period: { value: '2025-09', from: 'title' } } };
}

/** Solution's fixed-width TXT: values printed under their labels, a rule under the header. */
function fixedFile(b: SlemanBuilt): SlemanFile {
  const cols: [string, number][] = [['No.', 5], ['NIP', 21], ['Nama', 30], ['Tanggal', 12], ['Jam Masuk', 11], ['Jam Pulang', 12], ['Status', 8]];
  const line = (cells: string[]): string => cells.map((v, i) => v.padEnd(cols[i]?.[1] ?? 0)).join('').trimEnd();
  const out = ['LAPORAN KEHADIRAN PEGAWAI', 'PEMERINTAH KABUPATEN SLEMAN', `Periode : ${dmy(FIXED[0] ?? '')} - ${dmy(FIXED[FIXED.length - 1] ?? '')}`, '',
    line(cols.map(([h]) => h)), line(cols.map(([, w]) => '-'.repeat(w - 2)))];
  let n = 0;
  for (const date of FIXED) {
    for (const e of b.emps) {
      const x = dayOf(b, e.nip, date);
      if (!x) continue;
      n++;
      out.push(line([String(n).padStart(3), e.nip, e.name.length > 27 ? e.name.slice(0, 27) : e.name, dmy(date),
        x.inMin === null ? '' : hm(x.inMin), x.outMin === null ? '' : hm(x.outMin), present(x) ? 'H' : STATUS_CODE[x.status] ?? '']));
    }
  }
  writeText(`samples/${DIR}/presensi-2025-10-01_03.txt`, `${out.join('\r\n')}\r\n`, 'utf8');
  return { file: `${DIR}/presensi-2025-10-01_03.txt`, kind: 'attendance', name: `Laporan kehadiran 1–3 Okt 2025 (TXT) — ${NAME}`, layout: 'fixed',
    dataRows: n, skippedRows: 0, records: n };
}

/**
 * The fingerprint terminal's log as its desktop software exports it: one line per scan, the device
 * PIN (`AC-No.`), the device's short name, date and time in one cell, the key pressed. Double taps
 * and break scans fall between the first and the last scan of the day, to the second.
 */
function scansFile(b: SlemanBuilt): SlemanFile {
  const rng = new Rng(4040);
  const pin = new Map(PEOPLE.map((p) => [p[0], p[3]]));
  const lines: [string, string, string, string][] = [];
  let records = 0;
  for (const e of b.emps) {
    const short = e.name.split(',')[0]!.toUpperCase().slice(0, 12).trim();
    for (const date of OCT_REST) {
      const x = dayOf(b, e.nip, date);
      if (!x || x.mode !== 'WFO' || x.inMin === null) continue;
      records++;
      const at = (min: number, sec: number): string => `${dmy(date)} ${hm(min)}:${String(sec).padStart(2, '0')}`;
      const s = rng.int(0, 29);
      lines.push([pin.get(e.nip) ?? '', short, at(x.inMin, s), 'Masuk']);
      if (rng.chance(0.15)) lines.push([pin.get(e.nip) ?? '', short, at(x.inMin, s + rng.int(3, 30)), 'Masuk']); // double tap
      if (x.outMin === null) continue;
      if (rng.chance(0.2)) {
        const brk = weekday(date) === 4 ? 690 : 720;
        lines.push([pin.get(e.nip) ?? '', short, at(brk + rng.int(1, 9), rng.int(0, 59)), 'Keluar Istirahat']);
        lines.push([pin.get(e.nip) ?? '', short, at(brk + rng.int(45, 55), rng.int(0, 59)), 'Kembali Istirahat']);
      }
      lines.push([pin.get(e.nip) ?? '', short, at(x.outMin, rng.int(0, 59)), 'Pulang']);
    }
  }
  const head = ['AC-No.', 'Nama', 'Waktu', 'Status', 'Verifikasi'];
  writeText(`samples/${DIR}/scanlog-2025-10.csv`, csvText([head, ...lines.map((l) => [...l, 'Sidik Jari'])], ',', '\r\n'), 'utf8');
  return { file: `${DIR}/scanlog-2025-10.csv`, kind: 'attendance', name: `Log mesin sidik jari Okt 2025 — ${NAME}`, layout: 'scans',
    dataRows: lines.length, skippedRows: 0, records };
}

/** The days of the scan log's period that a terminal does not record: leave, duty, sickness and app presence. */
function exceptionsFile(b: SlemanBuilt): SlemanFile {
  const rows: string[][] = [];
  for (const date of OCT_REST) {
    for (const e of b.emps) {
      const x = dayOf(b, e.nip, date);
      if (!x || x.mode === 'WFO') continue;
      rows.push([e.nip, e.name, dmy(date), STATUS_WORD[x.status] ?? '', x.mode === 'DL' ? 'Dinas Luar' : x.mode ?? '',
        x.inMin === null ? '' : hm(x.inMin), x.outMin === null ? '' : hm(x.outMin),
        x.mode === 'WFH' || x.mode === 'WFA' ? x.note : x.status === 'SAKIT' ? 'Surat keterangan sakit' : x.status === 'DINAS_LUAR' ? 'Surat tugas' : '']);
    }
  }
  const head = ['NIP', 'Nama', 'Tanggal', 'Pengecualian', 'Lokasi Kerja', 'Jam Masuk', 'Jam Pulang', 'Keterangan'];
  writeText(`samples/${DIR}/pengecualian-2025-10.csv`, csvText([head, ...rows], ';', '\r\n'), 'utf8');
  return { file: `${DIR}/pengecualian-2025-10.csv`, kind: 'attendance', name: `Daftar pengecualian presensi Okt 2025 — ${NAME}`, layout: 'rows',
    dataRows: rows.length, skippedRows: 0, records: rows.length };
}

/** The e-presensi daily sheet: the date only in the title, schedule and scans, a JUMLAH row and a signature block. */
async function dailyFile(b: SlemanBuilt, date: string): Promise<SlemanFile> {
  const wb = workbook('e-Presensi Pemkab Sleman');
  const ws = wb.addWorksheet('Laporan Harian');
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(date.slice(5, 7)) - 1];
  ['LAPORAN PRESENSI HARIAN PEGAWAI', 'PEMERINTAH KABUPATEN SLEMAN', `Tanggal : ${date.slice(8, 10)} ${mon} ${date.slice(0, 4)}`,
    // Downloaded two weeks later: a date the import must not take for the data's.
    `Tanggal unduh: ${dmy(addDays(date, 14))} 09:12:44`].forEach((t, i) => { ws.getCell(i + 1, 1).value = t; });
  const head = ['No', 'NIP', 'Nama', 'Unit Kerja', 'Jadwal Masuk', 'Jadwal Pulang', 'Scan Masuk', 'Scan Pulang', 'Keterangan'];
  head.forEach((h, j) => { ws.getCell(6, j + 1).value = h; });
  const fri = weekday(date) === 4;
  let n = 0, scansIn = 0, scansOut = 0;
  for (const e of b.emps) {
    const x = dayOf(b, e.nip, date);
    if (!x) continue;
    n++;
    if (x.inMin !== null) scansIn++;
    if (x.outMin !== null) scansOut++;
    [n, e.nip, e.name, e.unit.name, '07:30', fri ? '16:30' : '16:00', x.inMin === null ? '' : hm(x.inMin), x.outMin === null ? '' : hm(x.outMin),
      present(x) ? 'Tepat Waktu' : STATUS_WORD[x.status] ?? ''].forEach((v, j) => { ws.getCell(6 + n, j + 1).value = v === '' ? null : v; });
    ws.getCell(6 + n, 2).numFmt = '@';
  }
  ws.getCell(7 + n, 1).value = 'JUMLAH';
  ws.getCell(7 + n, 7).value = scansIn;
  ws.getCell(7 + n, 8).value = scansOut;
  const sig = signature(SIGNER.title);
  sig.forEach((t, k) => { ws.getCell(9 + n + k, 8).value = t; });
  const file = `${DIR}/presensi-harian-${date}.xlsx`;
  await writeXlsx(`samples/${file}`, wb);
  return { file, kind: 'attendance', name: `Laporan presensi harian ${Number(date.slice(8, 10))} Okt 2025 — ${NAME}`, layout: 'rows',
    dataRows: n + 1 + sig.length, skippedRows: 1 + sig.length, records: n, constants: { date: { value: date, from: 'title' } } };
}

/** The TPP payment workbook: paid in October for September's performance, e-Kinerja's `Hasil Akhir`. */
async function tppFile(b: SlemanBuilt): Promise<SlemanFile> {
  const wb = workbook('SIMPEG Pemkab Sleman');
  const ws = wb.addWorksheet('TPP');
  ['DAFTAR PEMBAYARAN TAMBAHAN PENGHASILAN PEGAWAI (TPP)', 'PEMERINTAH KABUPATEN SLEMAN',
    'BULAN OKTOBER 2025 UNTUK KINERJA SEPTEMBER 2025'].forEach((t, i) => { ws.getCell(i + 1, 1).value = t; });
  const head = ['No', 'NIP', 'Nama', 'Jabatan', 'Hasil Akhir', 'Besaran TPP (Rp)', 'Jumlah Diterima (Rp)'];
  head.forEach((h, j) => { ws.getCell(5, j + 1).value = h; });
  const rng = new Rng(4141);
  let total = 0;
  b.perf.forEach((p, i) => {
    const e = b.emps.find((x) => x.nip === p.nip) as Emp;
    const base = rng.int(30, 70) * 100_000, paid = p.rating === 'Butuh Perbaikan' ? base * 0.8 : base;
    total += paid;
    [i + 1, e.nip, e.name, e.position, p.rating, base, paid].forEach((v, j) => { ws.getCell(6 + i, j + 1).value = v; });
    ws.getCell(6 + i, 2).numFmt = '@';
    ws.getCell(6 + i, 6).numFmt = ws.getCell(6 + i, 7).numFmt = '#,##0';
  });
  const end = 6 + b.perf.length;
  ws.getCell(end, 1).value = 'JUMLAH';
  ws.getCell(end, 7).value = total;
  const sig = signature(SIGNER.title);
  sig.forEach((t, k) => { ws.getCell(end + 2 + k, 6).value = t; });
  await writeXlsx(`samples/${DIR}/tpp-2025-10.xlsx`, wb);
  return { file: `${DIR}/tpp-2025-10.xlsx`, kind: 'performance', name: `TPP Oktober 2025 (kinerja September 2025) — ${NAME}`, layout: 'rows',
    dataRows: b.perf.length + 1 + sig.length, skippedRows: 1 + sig.length, records: b.perf.length,
    constants: { period: { value: '2025-09', from: 'title' } } };
}

/** Sleman's files by kind, in the order they must be imported (units and roster first, so PINs resolve). */
export async function writeSleman(b: SlemanBuilt): Promise<Record<'units' | 'roster' | 'attendance' | 'performance', SlemanFile[]>> {
  const covered = new Set([...SEP, ...FIXED, ...DAILY, ...OCT_REST]);
  for (const d of b.days) if (!covered.has(d.date) || !isWorkingDay(d.date)) throw new Error(`${CODE}: ${d.nip} ${d.date} is in no file`);
  return {
    units: [unitsFile(b)], roster: [rosterFile(b)],
    attendance: [await wideFile(b), fixedFile(b), scansFile(b), exceptionsFile(b), ...(await Promise.all(DAILY.map((d) => dailyFile(b, d))))],
    performance: [await tppFile(b)],
  };
}
