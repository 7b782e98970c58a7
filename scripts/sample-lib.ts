// Shared helpers for the sample generators: seeded randomness, the calendar and
// Indonesian formats, NIPs, byte-stable file writers, and a small reference
// implementation of the checks and compliance of docs/rules.md. make-samples
// runs that reference over its own model so a drifting baseline fails the
// build instead of silently planting extra findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import iconv from 'iconv-lite';
import type ExcelJS from 'exceljs';

// mulberry32: tiny, fast and identical on every platform (Math.random is not seedable).
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)] as T; }
  normal(mu: number, sd: number): number {
    return mu + sd * Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}

// ---- calendar (UTC throughout so the host time zone never shifts a date) ----
const DAY_MS = 86_400_000;
export const toDate = (s: string): Date => new Date(`${s}T00:00:00Z`);
export const isoOf = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (s: string, n: number): string => isoOf(new Date(toDate(s).getTime() + n * DAY_MS));
/** 0 = Monday … 6 = Sunday */
export const weekday = (s: string): number => (toDate(s).getUTCDay() + 6) % 7;
export function isoWeek(s: string): string {
  const thu = toDate(addDays(s, 3 - weekday(s)));
  const y = thu.getUTCFullYear();
  const w = 1 + Math.floor((thu.getTime() - Date.UTC(y, 0, 1)) / DAY_MS / 7);
  return `${y}-W${String(w).padStart(2, '0')}`;
}
// HOLIDAY days (Libur Nasional + Cuti Bersama) of 2025 from the shared national calendar.
export const HOLIDAYS_2025: ReadonlySet<string> = new Set([
  '01-01', '01-27', '01-28', '01-29', '03-28', '03-29', '03-31', '04-01', '04-02', '04-03', '04-04',
  '04-07', '04-18', '04-20', '05-01', '05-12', '05-13', '05-29', '05-30', '06-01', '06-06', '06-09',
  '06-27', '08-17', '08-18', '09-05', '12-25', '12-26'].map((d) => `2025-${d}`));
export const isWorkingDay = (s: string): boolean => weekday(s) < 5 && !HOLIDAYS_2025.has(s);
export function workingDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) out.push(d);
  return out;
}

// ---- Indonesian formats ----
export const HARI = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
export const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
  'September', 'Oktober', 'November', 'Desember'];
const p2 = (n: number): string => String(n).padStart(2, '0');
export const dmy = (s: string, sep = '/'): string => `${s.slice(8, 10)}${sep}${s.slice(5, 7)}${sep}${s.slice(0, 4)}`;
export const longDate = (s: string): string =>
  `${HARI[weekday(s)]}, ${Number(s.slice(8, 10))} ${BULAN[Number(s.slice(5, 7)) - 1]} ${s.slice(0, 4)}`;
export const hm = (min: number, sep = ':'): string => `${p2(Math.floor(min / 60))}${sep}${p2(min % 60)}`;
export const hoursText = (min: number): string => `${Math.floor(min / 60)} j ${p2(min % 60)} m`;
export const decComma = (x: number): string => x.toFixed(2).replace('.', ',');

// ---- NIP (docs/import.md, Values) ----
/** PNS: birth YYYYMMDD + TMT CPNS YYYYMM + sex + seq; PPPK: birth + year + "2" + contract no. + sex + seq. */
export function makeNip(rng: Rng, sex: 1 | 2, pppk: boolean, used: Set<string>): string {
  for (;;) {
    const by = pppk ? rng.int(1984, 1999) : rng.int(1966, 1997);
    const birth = `${by}${p2(rng.int(1, 12))}${p2(rng.int(1, 28))}`;
    const mid = pppk ? `${rng.int(2021, 2024)}21` : `${Math.min(2024, by + rng.int(22, 32))}${p2(rng.pick([1, 2, 3, 4, 12]))}`;
    for (let seq = 1; seq < 10; seq++) {
      const nip = `${birth}${mid}${sex}00${seq}`;
      if (!used.has(nip)) { used.add(nip); return nip; }
    }
  }
}
/** The import's NIP validity rule (docs/import.md, Values) with "today" pinned to the sample date; null when valid. */
export function nipProblem(nip: string, today = '2025-11-01'): string | null {
  if (!/^\d{18}$/.test(nip)) return `${nip.length} digits`;
  const birth = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const by = Number(nip.slice(0, 4));
  if (Number.isNaN(toDate(birth).getTime()) || isoOf(toDate(birth)) !== birth) return 'birth date';
  if (by < 1940 || by > Number(today.slice(0, 4)) - 17) return 'birth year';
  if (!'12'.includes(nip[14] as string)) return 'sex digit';
  const y = Number(nip.slice(8, 12)), m = Number(nip.slice(12, 14));
  if (m >= 1 && m <= 12) return y >= by + 17 && `${y}-${p2(m)}` <= today.slice(0, 7) ? null : 'appointment';
  return nip[12] === '2' && nip[13] !== '0' && y >= 2019 && y <= Number(today.slice(0, 4)) ? null : 'appointment';
}
export const spacedNip = (n: string): string => `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;

// ---- writers ----
export type Encoding = 'utf8' | 'utf8bom' | 'win1252';
export function csvText(rows: readonly (readonly string[])[], delim: string, eol: string): string {
  const q = (v: string): string => (/["\r\n]/.test(v) || v.includes(delim) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(q).join(delim)).join(eol) + eol;
}
export function writeText(path: string, text: string, enc: Encoding): void {
  mkdirSync(dirname(path), { recursive: true });
  if (enc !== 'win1252') return writeFileSync(path, (enc === 'utf8bom' ? '\uFEFF' : '') + text, 'utf8');
  const buf = iconv.encode(text, 'win1252');
  // iconv silently turns unmappable characters into "?": refuse instead of writing a lossy file.
  if (iconv.decode(buf, 'win1252') !== text) throw new Error(`${path}: text not representable in Windows-1252`);
  writeFileSync(path, buf);
}
/** exceljs/JSZip stamp every zip entry with the current time; pin it so reruns are byte-identical. */
export async function writeXlsx(path: string, wb: ExcelJS.Workbook): Promise<void> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const dosDate = ((2025 - 1980) << 9) | (11 << 5) | 1;
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const local = buf.readUInt32LE(p + 42);
    buf.writeUInt32LE(dosDate << 16, p + 12);
    buf.writeUInt32LE(dosDate << 16, local + 10);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, buf);
}

// ---- canonical model (the canonical values of docs/import.md) ----
export type Status = 'HADIR' | 'TERLAMBAT' | 'PULANG_CEPAT' | 'IZIN' | 'SAKIT' | 'CUTI' | 'DINAS_LUAR'
  | 'TANPA_KETERANGAN' | 'LIBUR';
export type FlexMode = 'WFH' | 'WFA' | 'KANTOR_LAIN';
export type Mode = 'WFO' | FlexMode | 'DL';
export type Discipline = 'NONE' | 'ACTIVE' | 'IN_PROCESS';
export interface Unit { code: string; name: string; parent: string; service: 'FRONTLINE' | 'SUPPORT' | 'ADMIN'; fwaStart: string }
export interface Emp {
  nip: string; name: string; position: string; unit: Unit;
  discipline: Discipline; special: boolean; fieldDuty: boolean;
}
export interface Day { nip: string; date: string; status: Status; mode: Mode | null; inMin: number | null; outMin: number | null; note: string }
export interface Approval {
  nip: string; from: string; to: string; kind: FlexMode; special: boolean;
  status: 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'REVOKED'; approver: string; reason: string;
}
export interface Report { nip: string; date: string; activity: string; output: string; verified: boolean }
export interface Finding {
  rule: string; nip: string; name: string; agency: string; unit: string; period: string;
  detail: string; netMinutes?: number; requiredMinutes?: number;
}
export interface AgencyModel {
  code: string; units: Unit[]; emps: Emp[]; days: Day[];
  /** null: the agency files no approvals (no APR-01) or no daily reports (no LAP-01), as rules.md says. */
  approvals: Approval[] | null; reports: Report[] | null;
}

export const FLEX: ReadonlySet<string> = new Set(['WFH', 'WFA', 'KANTOR_LAIN']);
export const isFlex = (d: Day): boolean => d.mode !== null && FLEX.has(d.mode);
const PRESENT: ReadonlySet<string> = new Set(['HADIR', 'TERLAMBAT', 'PULANG_CEPAT']);
const DAY_REQ = 450; // 37.5 h / 5 working days, in minutes

/** JAM-01 net minutes: span minus its overlap with the break (Mon–Thu 12:00–13:00, Fri 11:30–13:00). */
export function netMinutes(d: Day): number {
  if (d.status === 'TANPA_KETERANGAN' || d.inMin === null || d.outMin === null) return 0;
  const [bs, be] = weekday(d.date) === 4 ? [690, 780] : [720, 780];
  return d.outMin - d.inMin - Math.max(0, Math.min(d.outMin, be) - Math.max(d.inMin, bs));
}
const countsForHours = (d: Day): boolean => isWorkingDay(d.date) && d.mode !== 'DL'
  && (d.status === 'TANPA_KETERANGAN' || (PRESENT.has(d.status) && d.inMin !== null && d.outMin !== null));
// PP 94/2021 penalty bands, highest first, worded as the product's DIS-01 findings are.
const BANDS: [number, string][] = [
  [28, 'pemberhentian dengan hormat tidak atas permintaan sendiri'],
  [25, 'pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan'],
  [21, 'penurunan jabatan setingkat lebih rendah selama 12 bulan'],
  [17, 'pemotongan tunjangan kinerja 25% selama 12 bulan'], [14, 'pemotongan tunjangan kinerja 25% selama 9 bulan'],
  [11, 'pemotongan tunjangan kinerja 25% selama 6 bulan'], [7, 'pernyataan tidak puas secara tertulis'],
  [4, 'teguran tertulis'], [3, 'teguran lisan']];

/** Reference implementation of the default national profile, for one agency. */
export function checkAgency(a: AgencyModel): Finding[] {
  const out: Finding[] = [];
  for (const e of a.emps) {
    const add = (rule: string, period: string, detail: string, extra: Partial<Finding> = {}): void => {
      out.push({ rule, nip: e.nip, name: e.name, agency: a.code, unit: e.unit.name, period, detail, ...extra });
    };
    const days = a.days.filter((d) => d.nip === e.nip);
    const approved = (date: string, specialOnly: boolean): boolean => (a.approvals ?? []).some((p) =>
      p.nip === e.nip && p.status === 'APPROVED' && p.from <= date && date <= p.to && (!specialOnly || p.special));
    const exempt = (date: string): boolean => e.fieldDuty || e.special || approved(date, true);
    const flexPerWeek = new Map<string, number>();
    for (const d of days.filter(isFlex)) {
      if (isWorkingDay(d.date) && !exempt(d.date)) flexPerWeek.set(isoWeek(d.date), (flexPerWeek.get(isoWeek(d.date)) ?? 0) + 1);
      if (e.unit.service === 'FRONTLINE' && !exempt(d.date)) add('LOK-02', d.date, `${d.mode} di unit layanan langsung`);
      if (e.discipline !== 'NONE') add('ELG-01', d.date, `${d.mode} saat hukuman disiplin ${e.discipline}`);
      if (a.approvals && !approved(d.date, false)) add('APR-01', d.date, `${d.mode} tanpa persetujuan yang disetujui`);
      if (a.reports && !a.reports.some((r) => r.nip === e.nip && r.date === d.date)) add('LAP-01', d.date, `${d.mode} tanpa laporan harian`);
    }
    for (const [w, n] of flexPerWeek) if (n > 2) add('LOK-01', w, `${n} hari fleksibel lokasi dalam seminggu (maks. 2)`);
    const hours = new Map<string, { net: number; req: number }>();
    for (const d of days.filter(countsForHours)) {
      const h = hours.get(isoWeek(d.date)) ?? { net: 0, req: 0 };
      h.net += netMinutes(d); h.req += DAY_REQ;
      hours.set(isoWeek(d.date), h);
    }
    for (const [w, h] of hours) {
      if (h.net < h.req) add('JAM-01', w, `${hoursText(h.net)} dari ${hoursText(h.req)}`, { netMinutes: h.net, requiredMinutes: h.req });
    }
    const tk = days.filter((d) => d.status === 'TANPA_KETERANGAN' && isWorkingDay(d.date)).length;
    const band = BANDS.find(([min]) => tk >= min);
    if (band) add('DIS-01', '2025', `${tk} hari kerja tanpa keterangan dalam 2025: ${band[1]}`);
  }
  return out.sort((x, y) => `${x.rule}${x.nip}${x.period}`.localeCompare(`${y.rule}${y.nip}${y.period}`));
}

export interface ComplianceRow { agency: string; unit: string; employeeWeeks: number; compliantEmployeeWeeks: number; rate: number }
/** Compliance (docs/rules.md): observed employee-weeks without a finding (DIS-01 stays out), per unit and agency total. */
export function compliance(a: AgencyModel, findings: readonly Finding[]): ComplianceRow[] {
  const bad = new Set(findings.filter((f) => f.rule !== 'DIS-01')
    .map((f) => `${f.nip}|${f.period.includes('W') ? f.period : isoWeek(f.period)}`));
  const rows = new Map<string, ComplianceRow>();
  const seen = new Set<string>();
  for (const d of a.days) {
    const key = `${d.nip}|${isoWeek(d.date)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const unit = a.emps.find((e) => e.nip === d.nip)?.unit.name ?? '?';
    for (const u of [unit, '(semua unit)']) {
      const r = rows.get(u) ?? { agency: a.code, unit: u, employeeWeeks: 0, compliantEmployeeWeeks: 0, rate: 0 };
      r.employeeWeeks++;
      if (!bad.has(key)) r.compliantEmployeeWeeks++;
      r.rate = Math.round((r.compliantEmployeeWeeks / r.employeeWeeks) * 10000) / 10000;
      rows.set(u, r);
    }
  }
  return [...rows.values()].sort((x, y) => x.unit.localeCompare(y.unit));
}

// ---- generation primitives used by make-samples ----
export interface BadRow { day: Day; column: string; value: string | number; reason: string }
const parseHM = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
export const ACTIVITIES: readonly [string, string][] = [
  ['Menyusun draf telaahan staf', '1 dokumen draf telaahan'], ['Memverifikasi berkas usulan', '12 berkas terverifikasi'],
  ['Merekapitulasi data kepegawaian', '1 file rekapitulasi (xlsx)'], ['Menyusun bahan paparan pimpinan', '1 bahan paparan'],
  ['Mengikuti rapat koordinasi daring', '1 notula rapat'], ['Menyusun laporan kegiatan bulanan', '1 laporan kegiatan'],
  ['Mengolah data capaian kinerja', '1 tabel olahan data'], ['Mereviu rancangan peraturan', '1 catatan hasil reviu'],
  ['Memutakhirkan basis data layanan', '250 baris data diperbarui'], ['Menyusun kerangka acuan kerja', '1 draf KAK']];
const REASONS = ['Penyelesaian dokumen perencanaan', 'Penyusunan laporan tanpa interaksi tatap muka',
  'Analisis data berbasis aplikasi', 'Koordinasi dengan kantor wilayah'];

/** The day-by-day model of one agency while it is being generated. */
export class Ctx {
  readonly days = new Map<string, Day>();
  readonly approvals: Approval[] = [];
  readonly reports: Report[] = [];
  readonly bad: BadRow[] = [];
  readonly dupes = new Set<Day>();
  constructor(readonly rng: Rng, readonly withApprovals: boolean) {}
  get(nip: string, date: string): Day | undefined { return this.days.get(`${nip}|${date}`); }
  put(d: Day): void { this.days.set(`${d.nip}|${d.date}`, d); }
  /** In 07:00–07:29, out 16:00–16:20 (Fri 16:30–16:45): at least 7 h 31 m net. */
  onTime(nip: string, date: string): Day {
    const fri = weekday(date) === 4;
    return { nip, date, status: 'HADIR', mode: 'WFO', inMin: this.rng.int(420, 449),
      outMin: fri ? this.rng.int(990, 1005) : this.rng.int(960, 980), note: '' };
  }
  /** Mostly on time; the late and early days still net ≥ 7 h 31 m, so JAM-01 can never fire. */
  baseline(nip: string, date: string): Day {
    const brk = weekday(date) === 4 ? 90 : 60;
    const r = this.rng.next();
    if (r < 0.05) {
      const inMin = this.rng.int(451, 465);
      return { nip, date, status: 'TERLAMBAT', mode: 'WFO', inMin, outMin: inMin + brk + 451 + this.rng.int(0, 9), note: `Terlambat ${inMin - 450} menit` };
    }
    if (r < 0.08) {
      const inMin = this.rng.int(420, 425), outMin = inMin + brk + 451 + this.rng.int(0, 5);
      return { nip, date, status: 'PULANG_CEPAT', mode: 'WFO', inMin, outMin, note: `Pulang cepat ${(brk === 90 ? 990 : 960) - outMin} menit` };
    }
    return this.onTime(nip, date);
  }
  absent(e: Emp, date: string, status: Status, mode: Mode | null, note: string): void {
    this.put({ nip: e.nip, date, status, mode, inMin: null, outMin: null, note });
  }
  times(e: Emp, date: string, inHM: string, outHM: string, status: Status = 'HADIR'): void {
    this.put({ nip: e.nip, date, status, mode: 'WFO', inMin: parseHM(inHM), outMin: parseHM(outHM), note: '' });
  }
  /** A flexible-location day, by default with an approved approval and a daily report. */
  flex(e: Emp, date: string, mode: FlexMode, o: { approval?: Approval['status'] | null; report?: boolean } = {}): void {
    this.put({ ...this.onTime(e.nip, date), mode, note: `Presensi aplikasi (${mode})` });
    const status = o.approval === undefined ? 'APPROVED' : o.approval;
    if (this.withApprovals && status) this.approve(e, date, date, mode, status);
    if (o.report === false) return;
    const [activity, output] = this.rng.pick(ACTIVITIES);
    this.reports.push({ nip: e.nip, date, activity, output, verified: this.rng.chance(0.9) });
  }
  approve(e: Emp, from: string, to: string, kind: FlexMode, status: Approval['status'], special = false): void {
    const reason = special ? 'Keadaan khusus: mendampingi orang tua pascaoperasi' : this.rng.pick(REASONS);
    this.approvals.push({ nip: e.nip, from, to, kind, special, status, approver: `Kepala ${e.unit.name}`, reason });
  }
  /** A row the importer must reject; by default it replaces the employee's regular row of that day. */
  reject(e: Emp, date: string, column: string, value: string | number, reason: string, replace = true): void {
    const day = this.get(e.nip, date) ?? this.onTime(e.nip, date);
    if (replace) this.days.delete(`${e.nip}|${date}`);
    this.bad.push({ day: replace ? day : this.onTime(e.nip, date), column, value, reason });
  }
}

// ---- the national survey (Google Form export) ----
const SARAN = ['', '', '', '', '', 'Pertahankan FWA dengan evaluasi berkala', 'Perlu aplikasi "laporan harian" yang terintegrasi dengan e-Kinerja',
  'Jadwal WFH per tim dibuat bergiliran.\nKuota per unit sebaiknya dievaluasi tiap triwulan.', 'Tingkatkan kapasitas VPN kantor',
  'Sediakan ruang kerja bersama di kantor lain, terutama untuk rapat lintas unit', 'Mohon laptop dinas untuk pegawai yang WFH',
  'Target harian sebaiknya disepakati di awal minggu', 'FWA cocok untuk tugas analisis, kurang cocok untuk layanan',
  'Perlu pelatihan aplikasi rapat daring bagi pimpinan', 'Sudah baik', 'Kurangi rapat mendadak di hari WFH'];
const KENDALA = ['Jaringan', 'Perangkat', 'Koordinasi', 'Jaringan, Koordinasi', 'Tidak ada', 'Lainnya: listrik sering padam'];
const pct2 = (k: number, n: number): number | null => (n ? Math.round((k / n) * 10000) / 100 : null);
/**
 * ~150 respondents; staff of FWA units mostly took part, others rarely. Returns the survey summary
 * (docs/rules.md, Flexible versus conventional).
 */
export function writeSurvey(path: string, agencies: { code: string; units: Unit[] }[]) {
  const rng = new Rng(505);
  const header = ['Timestamp', 'ID Responden', 'Instansi', 'Unit Kerja', 'Peran', 'Jenis Kelamin', 'Kelompok Usia',
    'Pernah Menjalankan FWA (Ya/Tidak)', 'Bentuk FWA yang Dijalani', 'Kepuasan terhadap FWA (1-5)', 'Target Kinerja Tercapai (Ya/Tidak)', 'Kendala', 'Saran'];
  const stamps = Array.from({ length: 150 }, () => new Date(Date.UTC(2025, 10, rng.int(3, 14), rng.int(7, 21), rng.int(0, 59), rng.int(0, 59))))
    .sort((a, b) => a.getTime() - b.getTime());
  const tally = new Map(agencies.map((a) => [a.code, { agency: a.code, participants: 0, nonParticipants: 0, satisfied: 0, metTarget: 0 }]));
  const rows = stamps.map((t, i) => {
    const a = rng.pick(agencies), u = rng.pick(a.units), tl = tally.get(a.code);
    const part = rng.chance(u.fwaStart !== '' && u.service !== 'FRONTLINE' ? 0.92 : 0.3);
    const sat = part ? rng.pick([5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2]) : 0, met = part && rng.chance(0.9);
    if (tl) { if (part) tl.participants++; else tl.nonParticipants++; if (sat >= 4) tl.satisfied++; if (met) tl.metTarget++; }
    const stamp = `${dmy(isoOf(t))} ${t.toISOString().slice(11, 19)}`;
    return [stamp, `R${String(i + 1).padStart(4, '0')}`, a.code, u.name, rng.chance(0.12) ? 'Pimpinan Unit' : 'Pegawai',
      rng.chance(0.5) ? 'Laki-laki' : 'Perempuan', rng.pick(['< 30', '30-39', '40-49', '≥ 50']), part ? 'Ya' : 'Tidak',
      part ? rng.pick(['Rumah', 'Rumah, Lokasi Lain', 'Kantor Lain', 'Rumah, Kantor Lain']) : '', part ? String(sat) : '',
      part ? (met ? 'Ya' : 'Tidak') : '', part ? rng.pick(KENDALA) : '', rng.pick(SARAN)];
  });
  writeText(path, csvText([header, ...rows], ',', '\n'), 'utf8');
  const byAgency = [...tally.values()].map((x) => ({ ...x, satisfiedPct: pct2(x.satisfied, x.participants), metTargetPct: pct2(x.metTarget, x.participants) }));
  const sum = (k: 'participants' | 'nonParticipants' | 'satisfied' | 'metTarget'): number => byAgency.reduce((s, x) => s + x[k], 0);
  return { rows: rows.length, summary: { respondents: rows.length, participants: sum('participants'), nonParticipants: sum('nonParticipants'),
    satisfied: sum('satisfied'), metTarget: sum('metTarget'), satisfiedPct: pct2(sum('satisfied'), sum('participants')),
    metTargetPct: pct2(sum('metTarget'), sum('participants')), byAgency } };
}
