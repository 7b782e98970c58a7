import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/database.ts';
import { migrate } from '../../src-main/core/db/migrations.ts';
import { runRange } from '../../src-main/core/rules/check-run.ts';
import { DIS_01 } from '../../src-main/core/rules/dis-01.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { JAM_01 } from '../../src-main/core/rules/jam-01.ts';
import type { RuleDefinition } from '../../src-main/core/rules/rule.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { AGENCY_DAYS, buildSharedTables, createRunProfiles, judgeWeeks, type RunRange } from '../../src-main/core/rules/run-tables.ts';
import { insertWeekFacts } from '../../src-main/core/rules/week-facts.ts';

// JAM-01 (net weekly hours) and DIS-01 (PP 94/2021 bands, docs/rules.md). The run's shared tables
// are built from hand-made attendance records, so each rule is tested alone.

type Status =
  | 'HADIR'
  | 'TERLAMBAT'
  | 'PULANG_CEPAT'
  | 'IZIN'
  | 'SAKIT'
  | 'CUTI'
  | 'DINAS_LUAR'
  | 'TUGAS_BELAJAR'
  | 'TANPA_KETERANGAN'
  | 'LIBUR';

interface Rec {
  date: string;
  status: Status;
  mode?: string | null;
  in?: string | null;
  out?: string | null;
  ramadan?: boolean;
  nip?: string;
  name?: string;
  unit?: string;
  /** Defaults to the record's position in the list, 1-based, so sources read as list positions. */
  row?: number;
}

interface Setup {
  workDays?: number;
  weeklyHours?: number;
  toleranceMinutes?: number;
  /** HOLIDAY dates: not working days in `agency_days`. */
  holidays?: string[];
  /** The first day of the weeks the run judges, as a re-check binds it (every week judged when unset). */
  judgedFrom?: string;
}

type Finding = {
  rule: string;
  nip: string;
  agency: string;
  name: string | null;
  unit: string | null;
  period: string;
  week: string | null;
  detail: string;
  sources: { batch: string; row: number }[];
};

const AGENCY = 'PEMPROV-JATENG';
const NIP = '199605062024011001';
const NIP2 = '197012071997021001';
const BATCH = 'b1';
const DISMISSAL = 'pemberhentian dengan hormat tidak atas permintaan sendiri';

let db: Db;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await migrate(db);
});

afterAll(() => db?.close());

/** ISO date `n` days after `iso`. */
function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function present(date: string, checkIn: string | null, checkOut: string | null, extra: Partial<Rec> = {}): Rec {
  return { date, status: 'HADIR', mode: 'WFO', in: checkIn, out: checkOut, ...extra };
}

function tk(date: string, extra: Partial<Rec> = {}): Rec {
  return { date, status: 'TANPA_KETERANGAN', mode: null, ...extra };
}

/** A full normal week from `monday`: Mon–Thu 07:30–16:00, Fri 07:30–16:30 (5 × 450 = 2250 net minutes). */
function normalWeek(monday: string, extra: Partial<Rec> = {}): Rec[] {
  return [0, 1, 2, 3, 4].map((i) => present(addDays(monday, i), '07:30', i === 4 ? '16:30' : '16:00', extra));
}

/** Sources for list positions of the records, in the single test batch. */
function rows(...positions: number[]): { batch: string; row: number }[] {
  return positions.map((row) => ({ batch: BATCH, row }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Puts the records in `attendance` (and the holidays in `calendar`) of an empty workspace, the
 * agency's profile in `prof`, and builds the run's tables over the records' dates as the engine does.
 * Ramadan is the profile's date range: from the first to the last record marked `ramadan`.
 */
const BOOK = createRuleBook(RULES);

async function load(records: Rec[], setup: Setup = {}): Promise<RunRange> {
  await db.run('DELETE FROM attendance; DELETE FROM calendar; DELETE FROM week_facts');
  const ramadan = records.filter((r) => r.ramadan).map((r) => r.date).sort();
  const inside = (d: string) => ramadan.length > 0 && d >= ramadan[0]! && d <= ramadan.at(-1)!;
  if (records.some((r) => !r.ramadan && inside(r.date))) throw new Error('Ramadan records must be contiguous');
  const { rules: _, ...defaults } = BOOK.defaults();
  await createRunProfiles(db, BOOK, [{
    agency: AGENCY,
    values: {
      ...defaults as Record<string, never>, workDays: setup.workDays ?? 5, weeklyHours: setup.weeklyHours ?? 37.5,
      ramadanFrom: ramadan[0] ?? null, ramadanTo: ramadan.at(-1) ?? null, toleranceMinutes: setup.toleranceMinutes ?? 0,
    },
    enabled: ['JAM-01', 'DIS-01'],
  }]);
  const json = records.map((r, i) => ({
    nip: r.nip ?? NIP,
    date: r.date,
    name: r.name ?? 'Joko Susilo, S.IP.',
    unit: r.unit ?? 'Bagian Umum',
    status: r.status,
    mode: r.mode === undefined ? 'WFO' : r.mode,
    check_in: r.in ?? null,
    check_out: r.out ?? null,
    row_no: r.row ?? i + 1,
  }));
  await db.run(
    `INSERT INTO attendance
     SELECT x.nip, CAST(x.date AS DATE), $agency, x.name, x.unit, x.status, x.mode, CAST(x.check_in AS TIME),
       CAST(x.check_out AS TIME), $batch, x.row_no
     FROM (SELECT unnest(from_json($rows, '[{"nip":"VARCHAR","date":"VARCHAR","name":"VARCHAR","unit":"VARCHAR",
       "status":"VARCHAR","mode":"VARCHAR","check_in":"VARCHAR","check_out":"VARCHAR","row_no":"INTEGER"}]'), recursive := true)) AS x`,
    { rows: JSON.stringify(json), agency: AGENCY, batch: BATCH },
  );
  await db.run(
    `INSERT INTO calendar SELECT CAST(unnest(from_json($holidays, '["VARCHAR"]')) AS DATE), 'HOLIDAY', 'libur', 'b0', 1`,
    { holidays: JSON.stringify(setup.holidays ?? []) },
  );
  const dates = records.map((r) => r.date).sort();
  const range = runRange(dates[0]!, dates.at(-1)!);
  // The workspace's weekly facts, from the same profile (week-facts.ts keeps them for a real workspace).
  await db.run(AGENCY_DAYS, { ...range });
  await db.run(insertWeekFacts('true'));
  const span = await buildSharedTables(db, range, () => judgeWeeks(db, range, null));
  return { ...range, ...span };
}

/** One rule's findings as the run writes them (its id, period label and week added), in a stable order, each with its Indonesian sentence. */
async function findings(rule: RuleDefinition, records: Rec[], setup: Setup): Promise<Finding[]> {
  const book = createRuleBook([rule]);
  const rows = await db.all<Omit<Finding, 'detail'> & { figures: string }>(
    `SELECT rule, nip, agency, name, unit, period, week, figures, sources FROM (${book.findingsSql()}) ORDER BY nip, period, agency`,
    { ...await load(records, setup), ...(setup.judgedFrom ? { judgedFrom: setup.judgedFrom } : {}) });
  return rows.map(({ figures, ...f }) => ({ ...f, detail: book.detail({ ...f, figures, detail: null }, 'id') }));
}

const jam = (records: Rec[], setup: Setup = {}) => findings(JAM_01, records, setup);
const dis = (records: Rec[], setup: Setup = {}) => findings(DIS_01, records, setup);

/** The one finding's period, detail and sources, which is what every case asserts. */
function summary(findings: Finding[]): { period: string; detail: string; sources: { batch: string; row: number }[] }[] {
  return findings.map((f) => ({ period: f.period, detail: f.detail, sources: f.sources }));
}

// 2025-09-08 is the Monday of 2025-W37.
const W37 = '2025-09-08';

describe('JAM-01 net working hours per week', () => {
  it('a full normal week (Mon–Thu 07:30–16:00, Fri 07:30–16:30) has no finding', async () => {
    expect(await jam(normalWeek(W37))).toEqual([]);
  });

  it('exactly at the limit (Fri 07:00–16:00, 450 net) has no finding', async () => {
    const week = normalWeek(W37);
    week[4] = present(addDays(W37, 4), '07:00', '16:00');
    expect(await jam(week)).toEqual([]);
  });

  it('one minute short is a finding with every column filled', async () => {
    const week = normalWeek(W37);
    week[4] = present(addDays(W37, 4), '07:30', '16:29');
    expect(await jam(week)).toEqual([
      {
        rule: 'JAM-01',
        nip: NIP,
        agency: AGENCY,
        name: 'Joko Susilo, S.IP.',
        unit: 'Bagian Umum',
        period: '2025-W37',
        week: '2025-W37',
        detail: '37 j 29 m dari 37 j 30 m',
        sources: rows(1, 2, 3, 4, 5),
      },
    ]);
  });

  it('a tolerance of 5 minutes forgives 4 missing minutes', async () => {
    const week = normalWeek(W37);
    week[4] = present(addDays(W37, 4), '07:30', '16:26');
    expect(await jam(week, { toleranceMinutes: 5 })).toEqual([]);
  });

  it('a tolerance of 5 minutes does not forgive 6 missing minutes', async () => {
    const week = normalWeek(W37);
    week[4] = present(addDays(W37, 4), '07:30', '16:24');
    expect(summary(await jam(week, { toleranceMinutes: 5 }))).toEqual([
      { period: '2025-W37', detail: '37 j 24 m dari 37 j 30 m', sources: rows(1, 2, 3, 4, 5) },
    ]);
  });

  it('a Friday 11:00–14:00 overlaps the 11:30–13:00 break and nets 90 minutes', async () => {
    expect(summary(await jam([present(addDays(W37, 4), '11:00', '14:00')]))).toEqual([
      { period: '2025-W37', detail: '1 j 30 m dari 7 j 30 m', sources: rows(1) },
    ]);
  });

  it('a Monday–Thursday 12:30–15:00 overlaps the 12:00–13:00 break by 30 and nets 120 minutes', async () => {
    expect(summary(await jam([present(addDays(W37, 2), '12:30', '15:00')]))).toEqual([
      { period: '2025-W37', detail: '2 j 00 m dari 7 j 30 m', sources: rows(1) },
    ]);
  });

  it('a day entirely inside the break nets 0 minutes', async () => {
    expect(summary(await jam([present(W37, '12:10', '12:50')]))).toEqual([
      { period: '2025-W37', detail: '0 j 00 m dari 7 j 30 m', sources: rows(1) },
    ]);
  });

  // A check-out before the check-in is on the next day (docs/rules.md, JAM-01). Fixed bug: such a
  // day netted 0 minutes, so a week of night shifts was a finding.
  const pastMidnight: [string, string, string, string][] = [
    // [what, check-in, check-out, the one day's detail ('' = no finding)]
    ['22:00–07:00 is 9 hours, no finding', '22:00', '07:00', ''],
    ['19:00–01:00 is 6 hours', '19:00', '01:00', '6 j 00 m dari 7 j 30 m'],
    ['equal times are a span of 0', '07:30', '07:30', '0 j 00 m dari 7 j 30 m'],
    ['seconds are dropped first: 07:30:40–07:30:10 is a span of 0, not 24 hours', '07:30:40', '07:30:10', '0 j 00 m dari 7 j 30 m'],
  ];
  it.each(pastMidnight)('a shift past midnight: %s', async (_what, checkIn, checkOut, detail) => {
    const found = await jam([present(W37, checkIn, checkOut)]);
    if (!detail) expect(found).toEqual([]);
    else expect(summary(found)).toEqual([{ period: '2025-W37', detail, sources: rows(1) }]);
  });

  it('a shift past midnight loses the break of the day it began on: 11:00–10:00 nets 23 hours less 1', async () => {
    // Four unexcused days (0 of 450 each) make the week short, so its detail shows Monday's net.
    const unexcused = [1, 2, 3, 4].map((i): Rec => ({ date: addDays(W37, i), status: 'TANPA_KETERANGAN', mode: null }));
    expect(summary(await jam([present(W37, '11:00', '10:00'), ...unexcused]))[0]?.detail).toBe('22 j 00 m dari 37 j 30 m');
  });

  it('a week of five night shifts (22:00–07:00) has no finding', async () => {
    expect(await jam([0, 1, 2, 3, 4].map((i) => present(addDays(W37, i), '22:00', '07:00')))).toEqual([]);
  });

  it('seconds are dropped: 07:30:59–16:00:00 is 510 minutes of span, 450 net', async () => {
    expect(await jam([present(W37, '07:30:59', '16:00:00')])).toEqual([]);
  });

  it('TERLAMBAT and PULANG_CEPAT are present days counted like HADIR', async () => {
    const week = normalWeek(W37);
    week[0] = { ...present(W37, '08:00', '16:00'), status: 'TERLAMBAT' };
    week[1] = { ...present(addDays(W37, 1), '07:30', '15:00'), status: 'PULANG_CEPAT' };
    // 420 + 390 + 3 × 450 = 2160
    expect(summary(await jam(week))).toEqual([
      { period: '2025-W37', detail: '36 j 00 m dari 37 j 30 m', sources: rows(1, 2, 3, 4, 5) },
    ]);
  });

  // Monday is not counted; Tue–Thu 450 each and Fri 07:30–16:00 (420) give 1770 of 4 × 450 = 1800.
  const notCounted: [string, Rec][] = [
    ['SAKIT', { date: W37, status: 'SAKIT', mode: null }],
    ['CUTI', { date: W37, status: 'CUTI', mode: null }],
    ['IZIN', { date: W37, status: 'IZIN', mode: null }],
    ['TUGAS_BELAJAR', { date: W37, status: 'TUGAS_BELAJAR', mode: null }],
    ['DINAS_LUAR', { date: W37, status: 'DINAS_LUAR', mode: 'DL' }],
    ['LIBUR', { date: W37, status: 'LIBUR', mode: null }],
    ['HADIR with mode DL', present(W37, '07:30', '09:00', { mode: 'DL' })],
    ['TANPA_KETERANGAN with mode DL', tk(W37, { mode: 'DL' })],
    ['HADIR without check-out', present(W37, '07:30', null)],
    ['TERLAMBAT without check-in', { ...present(W37, null, '16:00'), status: 'TERLAMBAT' }],
  ];
  it.each(notCounted)('a %s day is not counted and prorates the requirement to 30 j 00 m', async (_label, monday) => {
    const week = [monday, ...normalWeek(W37).slice(1)];
    week[4] = present(addDays(W37, 4), '07:30', '16:00');
    expect(summary(await jam(week))).toEqual([
      { period: '2025-W37', detail: '29 j 30 m dari 30 j 00 m', sources: rows(2, 3, 4, 5) },
    ]);
  });

  it('a holiday (working = false) is not counted even with a HADIR record, and prorates the requirement', async () => {
    const week = normalWeek(W37);
    week[4] = present(addDays(W37, 4), '07:30', '16:00');
    expect(summary(await jam(week, { holidays: [W37] }))).toEqual([
      { period: '2025-W37', detail: '29 j 30 m dari 30 j 00 m', sources: rows(2, 3, 4, 5) },
    ]);
  });

  it('a week with no counted day requires nothing and has no finding', async () => {
    const week: Rec[] = [0, 1, 2, 3, 4].map((i) => ({ date: addDays(W37, i), status: 'CUTI', mode: null }));
    expect(await jam(week)).toEqual([]);
  });

  it('a TANPA_KETERANGAN day counts as a required day with 0 hours', async () => {
    const week = normalWeek(W37);
    week[0] = tk(W37);
    expect(summary(await jam(week))).toEqual([
      { period: '2025-W37', detail: '30 j 00 m dari 37 j 30 m', sources: rows(1, 2, 3, 4, 5) },
    ]);
  });

  it('a Ramadan day requires 32.5 / 5 = 6 j 30 m', async () => {
    expect(summary(await jam([present(W37, '08:00', '15:00', { ramadan: true })]))).toEqual([
      { period: '2025-W37', detail: '6 j 00 m dari 6 j 30 m', sources: rows(1) },
    ]);
  });

  it('a week half in Ramadan sums each day its own share (3 × 450 + 2 × 390)', async () => {
    const week = normalWeek(W37);
    week[3] = present(addDays(W37, 3), '08:00', '15:30', { ramadan: true }); // 390
    week[4] = present(addDays(W37, 4), '08:00', '15:59', { ramadan: true }); // 389, one minute short
    expect(summary(await jam(week))).toEqual([
      { period: '2025-W37', detail: '35 j 29 m dari 35 j 30 m', sources: rows(1, 2, 3, 4, 5) },
    ]);
  });

  it('a 6-day agency counts Saturday at 375 minutes, with the Monday–Thursday break', async () => {
    // Mon–Thu and Sat 07:30–14:45 and Fri 07:30–15:15 net 375 each; Saturday one minute short.
    const week = [0, 1, 2, 3, 4, 5].map((i) =>
      present(addDays(W37, i), '07:30', i === 4 ? '15:15' : i === 5 ? '14:44' : '14:45'),
    );
    expect(summary(await jam(week, { workDays: 6 }))).toEqual([
      { period: '2025-W37', detail: '37 j 29 m dari 37 j 30 m', sources: rows(1, 2, 3, 4, 5, 6) },
    ]);
  });

  it('a Saturday on a 5-day agency is not a working day and is not counted', async () => {
    const week = [...normalWeek(W37), present(addDays(W37, 5), '07:30', '08:00')];
    expect(await jam(week)).toEqual([]);
  });

  it('required minutes are rounded half up before comparing (37.55 h / 6 = 375.5 → 376)', async () => {
    expect(summary(await jam([present(W37, '07:30', '14:45')], { workDays: 6, weeklyHours: 37.55 }))).toEqual([
      { period: '2025-W37', detail: '6 j 15 m dari 6 j 16 m', sources: rows(1) },
    ]);
  });

  it('a week spanning two months and years (2025-12-29 to 2026-01-02) is one ISO week, 2026-W01', async () => {
    const week = normalWeek('2025-12-29');
    week[4] = present('2026-01-02', '07:30', '16:29');
    expect(summary(await jam(week))).toEqual([
      { period: '2026-W01', detail: '37 j 29 m dari 37 j 30 m', sources: rows(1, 2, 3, 4, 5) },
    ]);
  });

  it('PEMPROV-JATENG sample: Alpa Mon–Wed, Thu 07.12–16.08, Fri 07.20–16.40 gives 15 j 46 m dari 37 j 30 m', async () => {
    const monday = '2025-10-20';
    const week = [
      tk(monday),
      tk(addDays(monday, 1)),
      tk(addDays(monday, 2)),
      present(addDays(monday, 3), '07:12', '16:08'), // 536 − 60 = 476
      present(addDays(monday, 4), '07:20', '16:40'), // 560 − 90 = 470
    ];
    expect(summary(await jam(week))).toEqual([
      { period: '2025-W43', detail: '15 j 46 m dari 37 j 30 m', sources: rows(1, 2, 3, 4, 5) },
    ]);
  });

  it('each week is judged on its own', async () => {
    const week1 = normalWeek(W37);
    const week2 = normalWeek(addDays(W37, 7));
    week2[0] = present(addDays(W37, 7), '07:30', '15:00');
    expect(summary(await jam([...week1, ...week2]))).toEqual([
      { period: '2025-W38', detail: '36 j 30 m dari 37 j 30 m', sources: rows(6, 7, 8, 9, 10) },
    ]);
  });

  it('findings are ordered by nip, then period', async () => {
    const short = (monday: string, nip: string): Rec[] => [present(monday, '07:30', '15:00', { nip })];
    const found = await jam([
      ...short(addDays(W37, 7), NIP),
      ...short(W37, NIP),
      ...short(addDays(W37, 7), NIP2),
      ...short(W37, NIP2),
    ]);
    expect(found.map((f) => [f.nip, f.period])).toEqual([
      [NIP2, '2025-W37'],
      [NIP2, '2025-W38'],
      [NIP, '2025-W37'],
      [NIP, '2025-W38'],
    ]);
  });

  it("the week's unit is the most frequent one on the employee's records", async () => {
    const units = ['Bidang A', 'Bidang B', 'Bidang A', 'Bidang A', 'Bidang B'];
    const week = units.map((unit, i) => present(addDays(W37, i), '07:30', '15:00', { unit }));
    const [finding] = await jam(week);
    expect(finding?.unit).toBe('Bidang A');
  });

  it("a tie between units goes to the unit of the latest record; the name is the latest record's", async () => {
    const units = ['Bidang B', 'Bidang A', 'Bidang A', 'Bidang B'];
    const week = units.map((unit, i) =>
      present(addDays(W37, i), '07:30', '15:00', { unit, name: i === 3 ? 'Joko Susilo, S.IP., M.M.' : 'Joko Susilo' }),
    );
    const [finding] = await jam(week);
    expect([finding?.unit, finding?.name]).toEqual(['Bidang B', 'Joko Susilo, S.IP., M.M.']);
  });
});

/** `n` unexcused working days in 2025 from 6 January, Mon–Thu only with Friday HADIR, so no run reaches 10. */
function scatteredTk(n: number): Rec[] {
  const out: Rec[] = [];
  let monday = '2025-01-06';
  let left = n;
  while (left > 0) {
    for (let i = 0; i < 4 && left > 0; i++, left--) out.push(tk(addDays(monday, i)));
    out.push(present(addDays(monday, 4), '07:30', '16:30'));
    monday = addDays(monday, 7);
  }
  return out;
}

/** List positions of the TANPA_KETERANGAN records. */
function tkRows(records: Rec[]): { batch: string; row: number }[] {
  return rows(...records.flatMap((r, i) => (r.status === 'TANPA_KETERANGAN' ? [i + 1] : [])));
}

/** Working days of March 2025 used by the streak cases (Mon 3 to Fri 21, no weekends). */
const MARCH = ['03', '04', '05', '06', '07', '10', '11', '12', '13', '14', '17', '18', '19', '20', '21'].map(
  (d) => `2025-03-${d}`,
);

function march(from: number, to: number): string[] {
  return MARCH.slice(from, to + 1);
}

describe('DIS-01 unexcused absence per calendar year', () => {
  it('2 unexcused working days give no finding', async () => {
    expect(await dis(scatteredTk(2))).toEqual([]);
  });

  it('3 unexcused working days: teguran lisan, with every column filled', async () => {
    const records = scatteredTk(3);
    expect(await dis(records)).toEqual([
      {
        rule: 'DIS-01',
        nip: NIP,
        agency: AGENCY,
        name: 'Joko Susilo, S.IP.',
        unit: 'Bagian Umum',
        period: '2025',
        week: null,
        detail: '3 hari kerja tanpa keterangan dalam 2025: teguran lisan',
        sources: rows(1, 2, 3),
      },
    ]);
  });

  it("the year's unit is the most frequent on its records, each counted in its week's unit; the name is the latest record's", async () => {
    const A = { unit: 'Bidang A' };
    const B = { unit: 'Bidang B' };
    const W2 = '2025-01-13';
    const records = [
      ...[0, 1, 2, 3].map((i) => tk(addDays('2025-01-06', i), A)),
      // Week 2 counts as Bidang B (three of its five records), so the year is B's five to A's four,
      // though its records alone carry A six times.
      tk(W2, B), tk(addDays(W2, 1), B), present(addDays(W2, 2), '07:30', '16:00', B), present(addDays(W2, 3), '07:30', '16:00', A),
      present(addDays(W2, 4), '07:30', '16:30', { ...A, name: 'Joko Susilo, S.IP., M.M.' }),
    ];
    const [finding] = await dis(records);
    expect([finding?.detail, finding?.unit, finding?.name]).toEqual([
      '6 hari kerja tanpa keterangan dalam 2025: teguran tertulis', 'Bidang B', 'Joko Susilo, S.IP., M.M.',
    ]);
  });

  // A year's name is sought among the records from the first judged day on before the earlier ones
  // (a re-check after a month reads the month, not the year): the day must not change the name.
  const cutoffs: [string, string][] = [
    ['every week judged', '2024-12-30'], ['the latest record judged', '2025-01-13'], ['only a day after every record judged', '2025-02-03'],
  ];
  it.each(cutoffs)("the year's name is its latest record's whatever the weeks judged: %s", async (_case, judgedFrom) => {
    const records = [
      ...[0, 1, 2].map((i) => tk(addDays('2025-01-06', i), { name: 'Joko Susilo' })),
      present(addDays('2025-01-13', 1), '07:30', '16:00', { name: 'Joko Susilo, S.IP., M.M.' }),
      present(addDays('2025-01-13', 2), '07:30', '16:00', { name: 'Joko Susilo, S.IP.' }),
      present(addDays('2025-01-13', 2), '07:30', '16:00', { name: 'Joko Susilo, S.IP., M.M.', row: 99 }),
    ];
    const [finding] = await dis(records, { judgedFrom });
    expect([finding?.period, finding?.name, finding?.unit]).toEqual(['2025', 'Joko Susilo, S.IP., M.M.', 'Bagian Umum']);
  });

  const bands: [number, string][] = [
    [4, 'teguran tertulis'],
    [6, 'teguran tertulis'],
    [7, 'pernyataan tidak puas secara tertulis'],
    [10, 'pernyataan tidak puas secara tertulis'],
    [11, 'pemotongan tunjangan kinerja 25% selama 6 bulan'],
    [13, 'pemotongan tunjangan kinerja 25% selama 6 bulan'],
    [14, 'pemotongan tunjangan kinerja 25% selama 9 bulan'],
    [16, 'pemotongan tunjangan kinerja 25% selama 9 bulan'],
    [17, 'pemotongan tunjangan kinerja 25% selama 12 bulan'],
    [20, 'pemotongan tunjangan kinerja 25% selama 12 bulan'],
    [21, 'penurunan jabatan setingkat lebih rendah selama 12 bulan'],
    [24, 'penurunan jabatan setingkat lebih rendah selama 12 bulan'],
    [25, 'pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan'],
    [27, 'pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan'],
    [28, DISMISSAL],
    [40, DISMISSAL],
  ];
  it.each(bands)('%i unexcused working days: %s', async (n, band) => {
    const records = scatteredTk(n);
    expect(summary(await dis(records))).toEqual([
      { period: '2025', detail: `${n} hari kerja tanpa keterangan dalam 2025: ${band}`, sources: tkRows(records) },
    ]);
  });

  it('unexcused records on a Saturday, a Sunday and a holiday are not counted', async () => {
    const records = [tk('2025-03-03'), tk('2025-03-04'), tk('2025-03-08'), tk('2025-03-09'), tk('2025-03-12')];
    expect(await dis(records, { holidays: ['2025-03-12'] })).toEqual([]);
  });

  it('10 consecutive working days across a weekend and a holiday are a streak', async () => {
    // Wed 5 Mar to Wed 19 Mar; Wed 12 Mar is a holiday with a LIBUR record.
    const days = MARCH.slice(2, 13);
    const records: Rec[] = days.map((d) => (d === '2025-03-12' ? { date: d, status: 'LIBUR', mode: null } : tk(d)));
    expect(summary(await dis(records, { holidays: ['2025-03-12'] }))).toEqual([
      {
        period: '2025',
        detail:
          '10 hari kerja tanpa keterangan dalam 2025: pernyataan tidak puas secara tertulis; ' +
          `10 hari kerja berturut-turut tanpa keterangan (${DISMISSAL})`,
        sources: tkRows(records),
      },
    ]);
  });

  it('12 days with a 10-day streak name both the band and the streak', async () => {
    const records = [tk('2025-01-06'), tk('2025-01-07'), ...march(0, 9).map((d) => tk(d))];
    expect(summary(await dis(records))).toEqual([
      {
        period: '2025',
        detail:
          '12 hari kerja tanpa keterangan dalam 2025: pemotongan tunjangan kinerja 25% selama 6 bulan; ' +
          `10 hari kerja berturut-turut tanpa keterangan (${DISMISSAL})`,
        sources: rows(...range(1, 12)),
      },
    ]);
  });

  it('the streak named is the longest run', async () => {
    const records = march(0, 12).map((d) => tk(d));
    expect((await dis(records)).map((f) => f.detail)).toEqual([
      '13 hari kerja tanpa keterangan dalam 2025: pemotongan tunjangan kinerja 25% selama 6 bulan; ' +
        `13 hari kerja berturut-turut tanpa keterangan (${DISMISSAL})`,
    ]);
  });

  it('9 consecutive working days are no streak', async () => {
    const records = march(0, 8).map((d) => tk(d));
    expect(summary(await dis(records))).toEqual([
      {
        period: '2025',
        detail: '9 hari kerja tanpa keterangan dalam 2025: pernyataan tidak puas secara tertulis',
        sources: rows(...range(1, 9)),
      },
    ]);
  });

  it('one HADIR day inside 11 working days breaks the streak', async () => {
    const records = march(0, 10).map((d, i) => (i === 5 ? present(d, '07:30', '16:00') : tk(d)));
    expect(summary(await dis(records))).toEqual([
      {
        period: '2025',
        detail: '10 hari kerja tanpa keterangan dalam 2025: pernyataan tidak puas secara tertulis',
        sources: tkRows(records),
      },
    ]);
  });

  it('a working day with no record breaks the streak', async () => {
    const records = march(0, 10)
      .filter((_, i) => i !== 5)
      .map((d) => tk(d));
    expect(summary(await dis(records))).toEqual([
      {
        period: '2025',
        detail: '10 hari kerja tanpa keterangan dalam 2025: pernyataan tidak puas secara tertulis',
        sources: rows(...range(1, 10)),
      },
    ]);
  });

  it('two calendar years give two findings, periods 2024 and 2025', async () => {
    const records = [tk('2024-03-04'), tk('2024-03-05'), tk('2024-03-06'), ...march(0, 3).map((d) => tk(d))];
    expect(summary(await dis(records))).toEqual([
      { period: '2024', detail: '3 hari kerja tanpa keterangan dalam 2024: teguran lisan', sources: rows(1, 2, 3) },
      { period: '2025', detail: '4 hari kerja tanpa keterangan dalam 2025: teguran tertulis', sources: rows(4, 5, 6, 7) },
    ]);
  });

  it('a streak across New Year belongs to the year of its tenth day', async () => {
    // Mon 22 Dec 2025 to Fri 2 Jan 2026: 8 working days in 2025, the 9th and 10th in 2026.
    const dates = ['22', '23', '24', '25', '26', '29', '30', '31'].map((d) => `2025-12-${d}`);
    const records = [...dates, '2026-01-01', '2026-01-02'].map((d) => tk(d));
    expect(summary(await dis(records))).toEqual([
      {
        period: '2025',
        detail: '8 hari kerja tanpa keterangan dalam 2025: pernyataan tidak puas secara tertulis',
        sources: rows(...range(1, 8)),
      },
      {
        period: '2026',
        detail: `2 hari kerja tanpa keterangan dalam 2026; 10 hari kerja berturut-turut tanpa keterangan (${DISMISSAL})`,
        sources: rows(...range(1, 10)),
      },
    ]);
  });

  it('employees are counted apart and ordered by nip', async () => {
    const records = [...march(0, 2).map((d) => tk(d)), ...march(0, 3).map((d) => tk(d, { nip: NIP2 }))];
    expect((await dis(records)).map((f) => [f.nip, f.detail])).toEqual([
      [NIP2, '4 hari kerja tanpa keterangan dalam 2025: teguran tertulis'],
      [NIP, '3 hari kerja tanpa keterangan dalam 2025: teguran lisan'],
    ]);
  });
});
