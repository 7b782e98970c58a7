// The benchmark's yardstick (scripts/bench/expert-check.sql, docs/benchmarks.md) must compute what
// `pantau check` computes, or the ratio between them means nothing. Both run on one workspace and
// are compared whole: the number of findings and every (rule, agency, nip, period) key of the open
// findings, and every compliance row (agency, unit, employee-weeks, compliant ones), the agency
// totals and the overall total included. A missing, extra or shifted finding fails the test.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/index.ts';
import { checkWhole } from '../helpers/checks.ts';
import { ROOT } from '../helpers/cli.ts';
import { csv, freshCore, importOne, samplesCore, writeText } from '../helpers/workspace.ts';

const EXPERT = readFileSync(join(ROOT, 'scripts/bench/expert-check.sql'), 'utf8');

interface Side {
  findings: string[];
  compliance: string[];
}

const compliance = (agency: string | null, unit: string | null, weeks: number, compliant: number) =>
  `${agency ?? '(all agencies)'} | ${unit ?? '(all units)'} | ${weeks} | ${compliant}`;

async function expertSide(core: Core, script = EXPERT): Promise<Side> {
  await core.db.run(script);
  const findings = await core.db.all<{ rule: string; agency: string; nip: string; period: string }>('SELECT * FROM expert_findings');
  const rows = await core.db.all<{ agency: string | null; unit: string | null; employee_weeks: number; compliant: number }>(
    'SELECT * FROM expert_compliance',
  );
  return {
    findings: findings.map((f) => `${f.rule} ${f.agency} ${f.nip} ${f.period}`).sort(),
    compliance: rows.map((r) => compliance(r.agency, r.unit, r.employee_weeks, r.compliant)).sort(),
  };
}

/** Pantau's check over everything imported, then the expert script on the same workspace. */
async function bothSides(core: Core): Promise<{ pantau: Side; expert: Side; rules: Set<string>; profileVersion: string }> {
  const run = await checkWhole(core);
  // `findings` holds the run's open findings; resolved ones are listed apart (and a first run has none).
  expect(run.resolved).toEqual([]);
  const pantau = {
    findings: run.findings.map((f) => `${f.rule} ${f.agency} ${f.nip} ${f.period}`).sort(),
    compliance: run.compliance.map((c) => compliance(c.agency, c.unit, c.employeeWeeks, c.compliantEmployeeWeeks)).sort(),
  };
  return { pantau, expert: await expertSide(core), rules: new Set(run.findings.map((f) => f.rule)), profileVersion: run.profileVersion };
}

function expectSame({ pantau, expert }: { pantau: Side; expert: Side }): void {
  expect(expert.findings.length).toBe(pantau.findings.length);
  expect(expert.findings).toEqual(pantau.findings);
  expect(expert.compliance).toEqual(pantau.compliance);
}

describe('the expert script (scripts/bench/expert-check.sql) against pantau check', () => {
  it('on the samples: the same findings and compliance, every agency (all four have the national profile)', async () => {
    const sides = await bothSides(await samplesCore());
    // The script hard-codes the national defaults: the run used them, and no agency profile.
    expect(sides.profileVersion).toBe('nasional v1');
    expectSame(sides);
    expect(sides.pantau.findings).toHaveLength(12);
    expect(sides.rules).toEqual(new Set(['LOK-01', 'LOK-02', 'ELG-01', 'JAM-01', 'APR-01', 'LAP-01', 'DIS-01']));
  }, 120_000);

  it('on 20,000 rows of make-big-sample with a roster, units, approvals, reports and edge days: the same, every rule found', async () => {
    const core = await freshCore();
    const big = await bigSampleWithExtras(core);
    const sides = await bothSides(core);
    expect(sides.profileVersion).toBe('nasional v1');
    expectSame(sides);
    expect(sides.rules).toEqual(new Set(['LOK-01', 'LOK-02', 'ELG-01', 'JAM-01', 'APR-01', 'LAP-01', 'DIS-01']));
    // The planted cases below come out as planted, so the data holds what the comparison is meant to cover.
    const has = (k: string) => sides.pantau.findings.includes(k);
    expect(has(`DIS-01 BENCH ${big.nips[401]} 2026`)).toBe(true);
    expect(has(`DIS-01 BENCH ${big.nips[403]} 2026`) || has(`DIS-01 BENCH ${big.nips[404]} 2026`)).toBe(false);
    expect(has(`LOK-01 BENCH ${big.nips[340]} 2025-W15`)).toBe(true);
    expect(has(`LOK-01 BENCH ${big.nips[345]} 2025-W15`)).toBe(false);
    expect(has(`LOK-01 BENCH ${big.nips[2]} 2025-W07`) && !has(`LOK-01 BENCH ${big.nips[2]} 2025-W06`)).toBe(true);
    expect(has(`LOK-01 BENCH ${big.nips[387]} 2025-W06`) && !has(`LOK-01 BENCH ${big.nips[7]} 2025-W06`)).toBe(true);
    expect([3, 4, 6, 9].map((i) => has(`LOK-02 BENCH ${big.nips[i]} 2025-02-10`))).toEqual([true, true, true, false]);
    expect(has(`JAM-01 BENCH-2 ${big.nips[450]} 2025-W10`)).toBe(true);
    expect(sides.pantau.compliance.some((c) => c.startsWith('BENCH | Unit Transit |'))).toBe(true);

    // The comparison bites: the same script with a cap of one flexible day a week differs.
    const looser = EXPERT.replace('HAVING count(*) > 2', 'HAVING count(*) > 1');
    expect(looser).not.toBe(EXPERT);
    const changed = await expertSide(core, looser);
    expect(changed.findings).not.toEqual(sides.pantau.findings);
    expect(changed.compliance).not.toEqual(sides.pantau.compliance);
  }, 180_000);
});

interface BigSample {
  /** The employees' NIPs in the order the generator made them. */
  nips: string[];
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * `npm run samples:big -- --rows 20000` (500 employees, 6 Jan – 5 Mar 2025, no roster) imported as
 * agency BENCH, then what the generator does not make: a roster and units file with exemptions,
 * discipline and front-line units, approvals and daily reports (so APR-01 and LAP-01 run), and
 * re-imported days (the newest import wins per NIP and date) for the edge cases of every rule.
 */
async function bigSampleWithExtras(core: Core & { dir: string }): Promise<BigSample> {
  const dir = core.dir;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-big-sample.ts', '--rows', '20000', '--format', 'csv', '--out', dir],
    { cwd: ROOT, stdio: 'ignore' });
  const lines = readFileSync(join(dir, 'presensi-big-20000.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const units = new Map<string, string>();
  const flexDays: [string, string][] = [];
  for (const [, nip, , unit, date, , , , mode] of lines) {
    if (!units.has(nip!)) units.set(nip!, unit!);
    if (mode === 'WFH' || mode === 'WFA') flexDays.push([nip!, date!]);
  }
  const nips = [...units.keys()];
  expect(nips).toHaveLength(500);
  const n = (i: number) => nips[i]!;
  const unitOf = (i: number) => units.get(n(i))!;

  const imported = async (name: string, kind: 'attendance' | 'roster' | 'units' | 'approvals' | 'reports', rows: (string | number)[][], agency = 'BENCH') => {
    const r = await importOne(core, { path: writeText(dir, name, csv(rows, ';')), kind, agency });
    expect([r.status, r.rowsRejected, r.rowsSkipped]).toEqual(['imported', 0, 0]);
  };
  const file = await importOne(core, { path: join(dir, 'presensi-big-20000.csv'), kind: 'attendance', agency: 'BENCH' });
  expect([file.status, file.rowsImported]).toEqual(['imported', 20_000]);

  await imported('unit-kerja.csv', 'units', [
    ['Nama Unit', 'Jenis Layanan'],
    ['Direktorat Pelayanan Administrasi Kependudukan', 'Layanan Langsung'],
    ['Unit Pelayanan Terpadu', 'Layanan Langsung'],
    ['Biro Umum', 'Administrasi'],
    ['Inspektorat', ''],
  ]);

  // The first 300 employees are on the roster; the rest are checked without one (no exemption).
  const special: Record<number, Partial<Record<'unit' | 'duty' | 'cond' | 'from' | 'to' | 'disc' | 'service', string>>> = {
    1: { duty: 'Ya' },
    2: { cond: 'Ya', from: '03/02/2025', to: '05/02/2025' },
    3: { unit: 'Unit Pelayanan Terpadu' },
    4: { unit: 'Inspektorat', service: 'Layanan Langsung' },
    5: { disc: 'Sedang Menjalani', duty: 'Ya' },
    6: { unit: 'Bappeda', service: 'Layanan Langsung' },
    8: { disc: 'Dalam Proses' },
    9: { unit: 'Biro Umum', service: 'Layanan Langsung' },
    21: { cond: 'Ya' },
  };
  await imported('pegawai.csv', 'roster', [
    ['NIP', 'Nama', 'Unit Kerja', 'Tugas Luar Kantor', 'Keadaan Khusus', 'Keadaan Khusus Mulai', 'Keadaan Khusus Selesai', 'Status Hukuman Disiplin', 'Jenis Layanan'],
    ...nips.slice(0, 300).map((nip, i) => {
      const s = special[i] ?? {};
      return [nip, `Pegawai ${i}`, s.unit ?? unitOf(i), s.duty ?? 'Tidak', s.cond ?? 'Tidak', s.from ?? '', s.to ?? '',
        s.disc ?? (i % 23 === 4 ? 'Sedang Menjalani' : 'Tidak Ada'), s.service ?? ''];
    }),
  ]);

  const whole = ['06/01/2025', '31/12/2025'];
  await imported('persetujuan.csv', 'approvals', [
    ['NIP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk', 'Keadaan Khusus', 'Status'],
    ...nips.map((nip, i) => (i % 3 === 0 ? [nip, ...whole, 'Rumah', 'Tidak', 'Disetujui']
      : i % 3 === 1 ? [nip, '06/01/2025', '31/01/2025', 'Lokasi Lain', 'Tidak', 'Disetujui']
        : i % 2 === 0 ? [nip, ...whole, 'Sif', 'Tidak', 'Disetujui'] : [nip, ...whole, 'Rumah', 'Tidak', 'Ditolak'])),
    // Special condition: exempts employee 7 (on the roster) in W06, not employee 387 (off it).
    [n(7), '03/02/2025', '07/02/2025', 'Lokasi Lain', 'Ya', 'Disetujui'],
    [n(387), '03/02/2025', '07/02/2025', 'Lokasi Lain', 'Ya', 'Disetujui'],
  ]);

  // Edge days, re-imported over the generator's (NIP, date, unit, in, out, code, mode).
  const days: [number, string, string, string, string, string, string][] = [];
  const week = (i: number, dates: string[], code: string, mode: string, unit = unitOf(i), times: [string, string] = ['07:30', '16:00']) => {
    for (const d of dates) days.push([i, d, unit, code === 'TK' ? '' : times[0], code === 'TK' ? '' : times[1], code, mode]);
  };
  const W06 = ['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06'];
  const W07 = ['2025-02-10', '2025-02-11', '2025-02-12'];
  for (const i of [1, 2, 5, 7, 21, 387]) week(i, W06, 'H', 'WFH');
  week(2, W07, 'H', 'WFA');
  for (const i of [3, 4, 6, 9]) week(i, ['2025-02-10'], 'H', 'WFH');
  week(8, W07, 'H', 'Kantor Lain');
  // Off the roster with several units: a week's majority (300–319), a tie to the latest record (320–329).
  for (let i = 300; i < 320; i++) week(i, ['2025-01-13', '2025-01-14', '2025-01-15'], 'H', 'WFO', 'Unit Transit');
  for (let i = 320; i < 330; i++) {
    week(i, ['2025-01-13', '2025-01-14'], 'H', 'WFO', 'Unit Transit');
    week(i, ['2025-01-17'], 'H', 'WFO', '');
  }
  for (let i = 0; i < 5; i++) week(i, ['2025-01-13', '2025-01-14', '2025-01-15'], 'H', 'WFO', 'Unit Transit');
  // National FWA days (24–27 Mar, 8 Apr) do not count for the cap; 28 Mar and 7 Apr are holidays.
  for (const i of [200, 201, 340, 341, 342, 345, 346]) {
    week(i, ['2025-03-24', '2025-03-25', '2025-03-26', '2025-03-27', '2025-03-28'], 'H', 'WFH');
    week(i, ['2025-04-08', '2025-04-09', '2025-04-10'], 'H', 'WFH');
    week(i, ['2025-04-11'], 'H', i < 345 ? 'WFA' : 'WFO');
    week(i, ['2025-04-07'], 'TK', '');
  }
  for (let i = 350; i < 355; i++) week(i, ['2025-01-11'], 'H', 'WFH', unitOf(i), ['08:00', '12:00']); // a Saturday
  for (let i = 355; i < 365; i++) {
    week(i, ['2025-01-27'], 'H', 'WFH');
    week(i, ['2025-01-28'], 'H', 'WFO', unitOf(i), ['08:00', '10:00']);
  }
  for (let i = 365; i < 370; i++) week(i, ['2025-01-13'], 'H', 'WFH', unitOf(i), ['07:30', '']); // no check-out
  for (let i = 370; i < 372; i++) week(i, ['2025-01-14'], 'H', 'WFO', unitOf(i), ['08:00', '08:00']);
  for (let i = 372; i < 375; i++) week(i, ['2025-01-15'], 'H', 'DL', unitOf(i), ['07:30', '11:00']);
  for (let i = 375; i < 378; i++) week(i, ['2025-01-16'], 'TK', 'WFH');
  for (let i = 378; i < 380; i++) week(i, ['2025-01-17'], 'H', 'WFO', unitOf(i), ['07:30:59', '16:00:01']);
  // Shifts past midnight: a week of nights (no finding), a short one, and equal minutes once seconds go (a span of 0).
  for (let i = 380; i < 383; i++) week(i, ['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07'], 'H', 'WFO', unitOf(i), ['22:00', '07:00']);
  for (let i = 383; i < 385; i++) week(i, ['2025-02-03'], 'H', 'WFO', unitOf(i), ['19:00', '01:00']);
  for (let i = 385; i < 387; i++) week(i, ['2025-02-04'], 'H', 'WFO', unitOf(i), ['07:30:40', '07:30:10']);
  // DIS-01: three days; ten in a row over Christmas into 2026 (the run belongs to 2026); the same
  // broken by a day of leave (403) or by a working day without a record (404).
  week(400, ['2025-01-20', '2025-01-21', '2025-01-22'], 'TK', '');
  const yearEnd = ['2025-12-17', '2025-12-18', '2025-12-19', '2025-12-22', '2025-12-23', '2025-12-24', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02'];
  week(401, yearEnd, 'TK', '');
  week(403, yearEnd.filter((d) => d !== '2025-12-30'), 'TK', '');
  week(403, ['2025-12-30'], 'I', '');
  week(404, ['2025-12-16', ...yearEnd.filter((d) => d !== '2025-12-29')], 'TK', '');
  await imported('presensi-tambahan.csv', 'attendance', [
    ['NIP', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
    ...days.map(([i, d, unit, a, b, code, mode]) => [n(i), unit, dmy(d), a, b, code, mode]),
  ]);
  // A transfer: one day of employee 450 under another agency, short of hours.
  await imported('presensi-bench-2.csv', 'attendance', [
    ['NIP', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
    [n(450), unitOf(450), '04/03/2025', '07:30', '14:00', 'H', 'WFO'],
  ], 'BENCH-2');

  // Reports for most flexible days: every fourth one of the generator's, and the edge days of 340–349, have none.
  const reported = [...flexDays.filter((_, k) => k % 4 !== 0).map(([nip, date]) => [nip, date]),
    ...days.filter(([i, , , , , code, mode]) => code === 'H' && mode !== 'WFO' && !(i >= 340 && i < 350)).map(([i, d]) => [n(i), dmy(d)])];
  await imported('laporan-harian.csv', 'reports', [
    ['NIP', 'Tanggal', 'Uraian Kegiatan'],
    ...[...new Map(reported.map(([nip, date]) => [`${nip} ${date}`, [nip!, date!, 'Menyusun laporan']])).values()],
  ]);
  return { nips };
}
