/**
 * rules.md §4 on small hand-made workspaces, imported through the public API as a user would.
 */
import { describe, expect, it } from 'vitest';
import { createClient, createDispatcher, inProcessTransport } from '../../src-main/contract/wire.ts';
import { freshCore, nip } from '../helpers/workspace.ts';
import {
  importAttendance, importCsv, importRoster, importUnits, officeWeek, week, type Person, type TestCore,
} from '../rules/rule-fixtures.ts';

const AG = 'PEMKOT-X';
const PERF_HEADER = ['NIP', 'Nama', 'Unit Kerja', 'Tahun', 'Bulan', 'Capaian Kinerja', 'Predikat Kinerja'];
const UNITS_FWA_HEADER = ['Nama Unit', 'Jenis Layanan', 'Tanggal Mulai FWA'];

const person = (seq: number, unit = 'Bagian Umum'): Person => ({ nip: nip(seq), name: `Pegawai ${seq}`, unit });

/** One performance row: month name, capaian (empty = none) and predikat. */
const perf = (p: Person, month: string, capaian: string, predikat = 'Baik', year = '2025') =>
  [p.nip, p.name, p.unit, year, month, capaian, predikat];

const importPerformance = (core: TestCore, rows: string[][]) => importCsv(core, 'performance', AG, PERF_HEADER, rows);

describe('flex or conventional (rules.md §4)', () => {
  it('one WFH day in the period makes the employee flex; office days only make them conventional', async () => {
    const core = await freshCore();
    const flex = person(1);
    const office = person(2);
    await importAttendance(core, AG, [
      ...week(flex, '2025-09-08', ['WFO', 'WFO', 'WFH', 'WFO', 'WFO']),
      ...officeWeek(office, '2025-09-08'),
    ]);
    await importPerformance(core, [perf(flex, 'September', '100'), perf(office, 'September', '"99,5"')]);
    await core.setProfile({ set: { minGroupSize: '1' } });
    const { performance } = await core.compare({});
    expect(performance.flex).toMatchObject({ n: 1, met: 1 });
    expect(performance.conventional).toMatchObject({ n: 1, met: 0 });
    expect(performance.withoutAttendance).toBe(0);
  });

  it('Kantor Lain and WFA count as flexible location; Dinas Luar does not', async () => {
    const core = await freshCore();
    const [a, b, c] = [person(1), person(2), person(3)];
    await importAttendance(core, AG, [
      ...week(a, '2025-09-08', ['WFO', 'Kantor Lain', 'WFO', 'WFO', 'WFO']),
      ...week(b, '2025-09-08', ['WFO', 'WFA', 'WFO', 'WFO', 'WFO']),
      ...week(c, '2025-09-08', ['DL', 'DL', 'WFO', 'WFO', 'WFO']),
    ]);
    await importPerformance(core, [a, b, c].map((p) => perf(p, 'September', '101')));
    await core.setProfile({ set: { minGroupSize: '1' } });
    const { performance } = await core.compare({});
    expect([performance.flex.n, performance.conventional.n]).toEqual([2, 1]);
  });

  it('attendance only outside the record’s period counts as "tanpa data presensi", not as conventional', async () => {
    const core = await freshCore();
    const p = person(1);
    await importAttendance(core, AG, week(p, '2025-10-06', ['WFH', 'WFO', 'WFO', 'WFO', 'WFO']));
    await importPerformance(core, [perf(p, 'September', '120'), perf(p, 'Oktober', '120')]);
    await core.setProfile({ set: { minGroupSize: '1' } });
    const { performance } = await core.compare({});
    expect(performance.withoutAttendance).toBe(1);
    expect(performance.flex.n).toBe(1);
    expect(performance.conventional.n).toBe(0);
    expect(performance.byAgency).toEqual([expect.objectContaining({ agency: AG, withoutAttendance: 1 })]);
  });

  it('a record rated "-" (e-Kinerja: not rated) is stored, left out of both groups and counted as withoutRating', async () => {
    const core = await freshCore();
    const [a, b, c] = [person(1), person(2), person(3)];
    await importAttendance(core, AG, [
      ...week(a, '2025-09-08', ['WFH', 'WFO', 'WFO', 'WFO', 'WFO']),
      ...officeWeek(b, '2025-09-08'),
      ...week(c, '2025-09-08', ['WFH', 'WFO', 'WFO', 'WFO', 'WFO']),
    ]);
    await importPerformance(core, [perf(a, 'September', '', 'Baik'), perf(b, 'September', '', '-'), perf(c, 'September', '', '-')]);
    expect((await core.listRecords({ kind: 'performance' })).total).toBe(3);
    await core.setProfile({ set: { minGroupSize: '1' } });
    const { performance } = await core.compare({});
    expect([performance.flex.n, performance.conventional.n, performance.withoutRating, performance.withoutAttendance]).toEqual([1, 0, 2, 0]);
    expect(performance.byAgency).toEqual([expect.objectContaining({ agency: AG, withoutRating: 2 })]);
    expect(performance.ratings).toEqual([{ group: 'flex', rating: 'Baik', n: 1 }]);
  });

  it('a frontline unit where everyone works from the office: all conventional, no flex rate and no difference', async () => {
    const core = await freshCore();
    const staff = [1, 2, 3, 4, 5, 6].map((i) => person(i, 'Pelayanan Terpadu'));
    await importUnits(core, AG, [['Pelayanan Terpadu', 'Layanan Langsung']]);
    await importAttendance(core, AG, staff.flatMap((p) => officeWeek(p, '2025-09-08')));
    await importPerformance(core, staff.map((p, i) => perf(p, 'September', i < 5 ? '100' : '90')));
    const { performance } = await core.compare({});
    const unit = performance.byUnit.find((u) => u.unit === 'Pelayanan Terpadu');
    expect(unit?.flex).toEqual({ n: 0, met: 0, rate: null, ci95: null, small: true });
    expect(unit?.conventional).toMatchObject({ n: 6, met: 5, rate: 5 / 6, small: false });
    expect(unit?.difference).toEqual({ value: null, ci95: null });
  });
});

describe('met target (rules.md §4)', () => {
  it('capaian ≥ 100 meets it whatever the predikat; without capaian, Sangat Baik or Baik meets it', async () => {
    const core = await freshCore();
    const people = [1, 2, 3, 4, 5, 6].map((i) => person(i));
    await importAttendance(core, AG, people.flatMap((p) => officeWeek(p, '2025-09-08')));
    await importPerformance(core, [
      perf(people[0]!, 'September', '100', 'Butuh Perbaikan'), // met: capaian decides
      perf(people[1]!, 'September', '"99,99"', 'Sangat Baik'), // not met: capaian decides
      perf(people[2]!, 'September', '', 'Sangat Baik'), // met
      perf(people[3]!, 'September', '', 'baik '), // met: case and spaces do not matter
      perf(people[4]!, 'September', '', 'Butuh Perbaikan'), // not met
      perf(people[5]!, 'September', '', ''), // neither figure: not met
    ]);
    const { performance } = await core.compare({});
    expect(performance.conventional).toMatchObject({ n: 6, met: 3, rate: 0.5 });
    expect(performance.ratings).toEqual([
      { group: 'conventional', rating: 'Butuh Perbaikan', n: 2 },
      { group: 'conventional', rating: 'Sangat Baik', n: 2 },
      { group: 'conventional', rating: 'Baik', n: 1 },
      { group: 'conventional', rating: null, n: 1 },
    ]);
  });
});

describe('small groups, scope and period', () => {
  it('"n < 5" by default; an agency profile with minGroupSize 3 shows the rate', async () => {
    const core = await freshCore();
    const people = [1, 2, 3, 4].map((i) => person(i));
    await importAttendance(core, AG, people.flatMap((p) => week(p, '2025-09-08', ['WFH', 'WFO', 'WFO', 'WFO', 'WFO'])));
    await importPerformance(core, people.map((p) => perf(p, 'September', '100')));
    expect((await core.compare({})).performance.flex).toMatchObject({ n: 4, met: 4, rate: null, small: true });
    await core.setProfile({ agency: AG, set: { minGroupSize: '3' } });
    const scoped = await core.compare({ agency: AG });
    expect(scoped.minGroupSize).toBe(3);
    expect(scoped.performance.flex).toMatchObject({ n: 4, rate: 1, ci95: [expect.closeTo(0.5101, 4), 1], small: false });
  });

  it('--period keeps the records whose period contains that month, and --agency one agency', async () => {
    const core = await freshCore();
    const p = person(1);
    const q = { ...person(2), unit: 'Bidang Lain' };
    await importAttendance(core, AG, [...officeWeek(p, '2025-09-08'), ...officeWeek(p, '2025-10-06')]);
    await importCsv(core, 'attendance', 'PEMKAB-Y', ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
      officeWeek(q, '2025-09-08'));
    await importPerformance(core, [perf(p, 'September', '100'), perf(p, 'Oktober', '100'), perf(p, 'Triwulan III', '100')]);
    await importCsv(core, 'performance', 'PEMKAB-Y', PERF_HEADER, [perf(q, 'September', '100')]);
    const sept = await core.compare({ period: '2025-09' });
    expect(sept.performance.conventional.n).toBe(3); // September and Triwulan III of p, September of q
    const oct = await core.compare({ period: '2025-10', agency: AG });
    expect(oct.performance.conventional.n).toBe(1);
    // A malformed month is refused by the one request validator every transport goes through.
    const api = createClient(inProcessTransport(createDispatcher(core)));
    await expect(api.compare({ period: '2025-9' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('before and after the FWA start (rules.md §4)', () => {
  it('counts records wholly inside the windows for starters and non-starters, with the difference in differences', async () => {
    const core = await freshCore();
    await importCsv(core, 'units', AG, UNITS_FWA_HEADER, [
      ['Bidang A', 'Administrasi', '2025-07-01'],
      ['Bidang B', 'Administrasi', ''],
      ['Bidang C', 'Administrasi', '2025-08-01'], // starts inside A's after-window: neither starter nor control for A
    ]);
    await core.setProfile({ set: { windowMonths: '2', minGroupSize: '1' } });
    const a = [1, 2].map((i) => person(i, 'Bidang A'));
    const b = [3, 4].map((i) => person(i, 'Bidang B'));
    const c = [person(5, 'Bidang C')];
    await importRoster(core, AG, [...a, ...b, ...c].map((p) => ({ person: p })));
    const rows: string[][] = [];
    for (const p of [...a, ...b, ...c]) {
      // April is outside every window; May–June before A's start, July–August after it.
      rows.push(perf(p, 'April', '100'));
      rows.push(perf(p, 'Mei', p.unit === 'Bidang A' ? '90' : '100'), perf(p, 'Juni', '100'));
      rows.push(perf(p, 'Juli', '100'), perf(p, 'Agustus', '100'));
    }
    await importPerformance(core, rows);
    const { beforeAfter } = await core.compare({});
    expect(beforeAfter.startDates).toEqual(['2025-07-01', '2025-08-01']);
    // Cohort 2025-07-01: A starters (before May–Jun: 4 records, 2 met; after Jul–Aug: 4, 4 met), B controls (4/4, 4/4).
    // Cohort 2025-08-01: C starter (before Jun–Jul 2/2; after Aug–Sep 1/1), B controls (before Jun–Jul 4/4, after Aug 2/2).
    expect(beforeAfter.starters).toMatchObject({ units: 2, before: { n: 6, met: 4 }, after: { n: 5, met: 5 } });
    expect(beforeAfter.nonStarters).toMatchObject({ units: 1, before: { n: 8, met: 8 }, after: { n: 6, met: 6 } });
    expect(beforeAfter.starters.change).toBeCloseTo(1 - 4 / 6, 4);
    expect(beforeAfter.nonStarters.change).toBe(0);
    expect(beforeAfter.differenceInDifferences).toBeCloseTo(1 - 4 / 6, 4);
  });

  it('no unit with a start date: empty cells and no difference in differences', async () => {
    const core = await freshCore();
    const { beforeAfter } = await core.compare({});
    expect(beforeAfter.startDates).toEqual([]);
    expect(beforeAfter.starters.before.small).toBe(true);
    expect(beforeAfter.differenceInDifferences).toBeNull();
  });
});
