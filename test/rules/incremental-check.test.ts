import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ImportKind } from '../../src-main/contract/import-types.ts';
import type { RunChecksRequest } from '../../src-main/contract/rules-types.ts';
import type { Params } from '../../src-main/core/db/database.ts';
import { checkWhole, everyFinding } from '../helpers/checks.ts';
import { freshCore, tempDir } from '../helpers/workspace.ts';
import { importAttendance, importCalendar, officeWeek, week, type Person, type TestCore } from './rule-fixtures.ts';

// Issue 20: a re-check judges again only the weeks that changed since the previous run of its scope
// and takes the others from that run (rules/check-run.ts). After every step of a sequence over the
// samples (imports, undos, imports again, a profile and a calendar change, another scope), the
// re-check must answer exactly what a check judging every week answers on the same workspace
// against the same previous run: every finding with its status, sources and sentence, every
// resolved one, compliance by unit, region, rule, week and unit-week, the notes and the counts.

const SAMPLES = join(import.meta.dirname, '../../samples');
const MANIFEST = JSON.parse(readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')) as { file: string; agency?: string; kind: ImportKind }[];
const ATTENDANCE = MANIFEST.filter((m) => m.kind === 'attendance');
const SLEMAN = ATTENDANCE.filter((m) => m.agency === 'PEMKAB-SLEMAN');

async function importSample(c: TestCore, m: (typeof MANIFEST)[number]): Promise<string> {
  const { files } = await c.importFiles({ files: [{ path: join(SAMPLES, m.file), kind: m.kind, ...(m.agency ? { agency: m.agency } : {}) }] });
  expect(files[0]!.status, m.file).toBe('imported');
  return files[0]!.batch!;
}

/** Records whether each check the core runs judges every week or some (the statement that makes `judged_weeks`). */
function watchJudged(c: TestCore): { every: boolean; weeks: string[] }[] {
  const seen: { every: boolean; weeks: string[] }[] = [];
  const run = c.db.run.bind(c.db);
  c.db.run = async (sql: string, params?: Params) => {
    if (sql.startsWith('CREATE OR REPLACE TEMP TABLE judged_weeks')) {
      const p = params as Record<string, unknown>;
      seen.push({ every: p.every as boolean, weeks: JSON.parse(p.mondays as string) as string[] });
    }
    return run(sql, params);
  };
  return seen;
}

/**
 * Checks `c` (a re-check, judging what changed) and a copy of it made just before whose previous
 * run has forgotten its state (so it judges every week): both answers must be the same. Returns
 * whether the re-check judged only some weeks.
 */
async function expectSameAsFull(c: TestCore, seen: { every: boolean }[], step: string, req: RunChecksRequest = {}): Promise<boolean> {
  await c.db.run('CHECKPOINT');
  const dir = tempDir();
  copyFileSync(c.dbPath, join(dir, 'ws.duckdb'));
  const full = await freshCore(dir);
  try {
    await full.db.run('UPDATE run_results SET state = NULL');
    const fullSeen = watchJudged(full);
    const before = seen.length;
    const a = await checkWhole(c, req);
    const b = await checkWhole(full, req);
    expect(fullSeen.map((s) => s.every), `${step}: the copy judges every week`).toEqual([true]);
    expect(a.findingsTotal + a.resolvedTotal, `${step}: something to compare`).toBeGreaterThan(0);
    expect(a, step).toEqual(b);
    // The screens read what the run kept of its employee-weeks and employees (run_weeks, run_employees).
    expect(await c.overview({}), `${step}: overview`).toEqual(await full.overview({}));
    const grid = async (x: TestCore) => {
      const g = await x.complianceGrid({});
      return { weeks: g.weeks, cells: tableFromIPC(g.cells).toArray().map((r) => r.toJSON()) };
    };
    expect(await grid(c), `${step}: grid`).toEqual(await grid(full));
    // Each unit's employees, by NIP and name: the weeks taken over keep the numbers the earlier run gave their employees.
    const employees = async (x: TestCore) => {
      const lists = [];
      for (const u of (await x.overview({})).units) {
        if (u.agency === null) continue;
        const { rows } = await x.unitEmployees({ agency: u.agency, unit: u.unit });
        lists.push([u.agency, u.unit, tableFromIPC(rows).toArray().map((r) => r.toJSON())]);
      }
      return lists;
    };
    expect(await employees(c), `${step}: unit employees`).toEqual(await employees(full));
    expect(seen.length, step).toBe(before + 1);
    return !seen.at(-1)!.every;
  } finally {
    full.close();
  }
}

describe('a re-check judges only the weeks that changed', () => {
  it('and answers what a check of every week answers, after every import, undo, profile, calendar and scope change of the samples', async () => {
    const c = await freshCore();
    const seen = watchJudged(c);
    const batches = new Map<string, string>();
    const last = SLEMAN.slice(-2);
    for (const m of MANIFEST) if (!last.includes(m)) batches.set(m.file, await importSample(c, m));
    await c.runChecks({});
    expect(seen.at(-1)!.every, 'the first check judges every week').toBe(true);

    const partly: string[] = [];
    const step = async (name: string, req: RunChecksRequest = {}) => {
      if (await expectSameAsFull(c, seen, name, req)) partly.push(name);
    };
    for (const m of last) {
      batches.set(m.file, await importSample(c, m));
      await step(`import ${m.file}`);
    }
    // Undone in another order than imported, so rows a later batch replaced come back.
    for (const m of [SLEMAN[1]!, ATTENDANCE[0]!]) {
      await c.undoImport({ batch: batches.get(m.file)! });
      await step(`undo ${m.file}`);
    }
    await importSample(c, SLEMAN[1]!);
    await step(`import again ${SLEMAN[1]!.file}`);
    await c.setProfile({ agency: 'PEMKAB-SLEMAN', set: { workDays: '6', breakMonThu: '12:00-12:30' } });
    await step('profile of PEMKAB-SLEMAN');
    await importCalendar(c, [['2025-10-02', 'Libur', 'Hari libur uji']]);
    await step('a holiday added');
    await importSample(c, ATTENDANCE[0]!);
    await step(`import again ${ATTENDANCE[0]!.file}`);
    // Another scope has runs of its own: its first judges every week, the next only what changed.
    const september = { from: '2025-09-03', to: '2025-09-24' };
    await c.runChecks(september);
    await c.undoImport({ batch: batches.get(last[0]!.file)! });
    await step(`undo ${last[0]!.file}, September`, september);
    // The screens now show "everything imported" no longer: its next check judges every week.
    await c.undoImport({ batch: batches.get(last[1]!.file)! });
    await step(`undo ${last[1]!.file}`);
    await importSample(c, last[1]!);
    await step(`import again ${last[1]!.file}`);

    expect(partly).toEqual([
      `import ${last[0]!.file}`, `import ${last[1]!.file}`, `undo ${SLEMAN[1]!.file}`, `undo ${ATTENDANCE[0]!.file}`,
      `import again ${SLEMAN[1]!.file}`, `import again ${ATTENDANCE[0]!.file}`, `undo ${last[0]!.file}, September`,
      `import again ${last[1]!.file}`,
    ]);
  }, 300_000);

  it('an employee failing the same week in two agencies has one finding in each, run after run (old code: 2, 4, then 16)', async () => {
    // Moved mid-week: short days in one agency, then in another; JAM-01 judges each agency's week.
    const c = await freshCore();
    const seen = watchJudged(c);
    const p: Person = { nip: '198609262015051001', name: 'Ani Pindah', unit: 'Bagian Umum' };
    const q: Person = { nip: '198609262015051002', name: 'Budi Tetap', unit: 'Bagian Umum' };
    await importAttendance(c, 'PEMKOT-X', week(p, '2025-09-01', [{ out: '12:00' }, { out: '12:00' }, '-', '-', '-']));
    await importAttendance(c, 'PEMKOT-Y', week(p, '2025-09-01', ['-', '-', { out: '12:00' }, { out: '12:00' }, { out: '12:00' }]));
    const jam = (r: { findings: { rule: string; nip: string; agency: string | null; status: string }[] }) =>
      r.findings.filter((f) => f.rule === 'JAM-01' && f.nip === p.nip).map((f) => `${f.agency} ${f.status}`).sort();
    expect(jam(await checkWhole(c, {}))).toEqual(['PEMKOT-X new', 'PEMKOT-Y new']);
    for (const monday of ['2025-09-08', '2025-09-15']) {
      await importAttendance(c, 'PEMKOT-X', officeWeek(q, monday));
      expect(await expectSameAsFull(c, seen, `office week ${monday}`)).toBe(true);
      expect(jam(await checkWhole(c, {})), monday).toEqual(['PEMKOT-X open', 'PEMKOT-Y open']);
    }
  });

  it('stores a finding found again as it is once, and every run still lists its own (old code: a copy per run)', async () => {
    // P fails LOK-01 in week 1 and R in week 2; week 2 is then imported again with R in the office
    // and Q failing. The third run finds P's week as the first two did: one row for all three.
    const c = await freshCore();
    const [p, q, r] = ['198609262015051001', '198609262015051002', '198609262015051003']
      .map((nip, i): Person => ({ nip, name: `Pegawai ${i + 1}`, unit: 'Bagian Umum' }));
    const three = ['WFH', 'WFH', 'WFH', 'WFO', 'WFO'] as const;
    await importAttendance(c, 'PEMKOT-X', week(p!, '2025-09-01', [...three]));
    const first = await checkWhole(c, {});
    await importAttendance(c, 'PEMKOT-X', [...week(r!, '2025-09-08', [...three]), ...officeWeek(q!, '2025-09-08')]);
    const second = await checkWhole(c, {});
    await importAttendance(c, 'PEMKOT-X', [...officeWeek(r!, '2025-09-08'), ...week(q!, '2025-09-08', [...three])]);
    const third = await checkWhole(c, {});
    const names = new Map([p, q, r].map((x) => [x!.nip, x!.name]));
    const lok = (fs: { rule: string; nip: string; status: string }[]) => fs.filter((f) => f.rule === 'LOK-01').map((f) => `${names.get(f.nip)} ${f.status}`).sort();
    expect([first, second, third].map((x) => lok(x.findings))).toEqual([
      ['Pegawai 1 new'], ['Pegawai 1 open', 'Pegawai 3 new'], ['Pegawai 1 open', 'Pegawai 2 new'],
    ]);
    expect(lok(third.resolved)).toEqual(['Pegawai 3 resolved']);
    // Each run's list, read again after the later runs, is still the one it answered.
    for (const x of [first, second, third]) expect(lok(await everyFinding(c, x.run)), x.run).toEqual(lok(x.findings));
    const rows = await c.db.all<{ nip: string; n: number }>(
      "SELECT nip, count(*)::INTEGER AS n FROM findings WHERE rule = 'LOK-01' GROUP BY nip ORDER BY nip",
    );
    // P once; R found by the second run and written again as resolved by the third; Q once.
    expect(rows).toEqual([{ nip: p!.nip, n: 1 }, { nip: q!.nip, n: 1 }, { nip: r!.nip, n: 2 }]);
  });

  it('keeps each employee\'s number from the run it takes weeks from (fresh numbers named other employees\' weeks)', async () => {
    // R holds the checked dates from the first week to the third; P's batch (week 2) is undone, so
    // only week 2 is judged again and Q's week 3 is taken over as the first run numbered it. A check
    // numbering its employees afresh gives Q the number P had: the taken week would then be P's.
    const c = await freshCore();
    const seen = watchJudged(c);
    const [r, p, q] = ['198609262015051001', '198609262015051002', '198609262015051003']
      .map((nip, i): Person => ({ nip, name: `Pegawai ${i + 1}`, unit: 'Bagian Umum' }));
    await importAttendance(c, 'PEMKOT-X', [...officeWeek(r!, '2025-09-01'), ...officeWeek(r!, '2025-09-15')]);
    const undone = (await importAttendance(c, 'PEMKOT-X', week(p!, '2025-09-08', ['WFH', 'WFH', 'WFH', 'WFO', 'WFO']))).batch!;
    await importAttendance(c, 'PEMKOT-X', week(q!, '2025-09-15', ['WFH', 'WFH', 'WFH', 'WFO', 'WFO']));
    await c.runChecks({});
    await c.undoImport({ batch: undone });
    expect(await expectSameAsFull(c, seen, 'undo of P'), 'only week 2 judged').toBe(true);
  });

  it('takes no week the checked dates no longer reach: the earliest batch undone, its week stays out', async () => {
    // P's batch holds the first week; undone, "everything imported" starts a week later. The re-check
    // judges the new first week and takes the third from the run before, which also holds P's
    // first week: taken over, it would still count in compliance and the screens' rows.
    const c = await freshCore();
    const seen = watchJudged(c);
    const [p, q] = ['198609262015051001', '198609262015051002'].map((nip, i): Person => ({ nip, name: `Pegawai ${i + 1}`, unit: 'Bagian Umum' }));
    const undone = (await importAttendance(c, 'PEMKOT-X', week(p!, '2025-09-01', ['WFH', 'WFH', 'WFH', 'WFO', 'WFO']))).batch!;
    await importAttendance(c, 'PEMKOT-X', [...officeWeek(q!, '2025-09-08'), ...officeWeek(q!, '2025-09-15')]);
    await c.runChecks({});
    await c.undoImport({ batch: undone });
    expect(await expectSameAsFull(c, seen, 'undo of the first week'), 'only the new first week judged').toBe(true);
    expect(seen.at(-1)!.weeks, 'the third week taken').not.toContain('2025-09-15');
    expect((await c.overview({})).weeks.map((w) => w.week)).toEqual(['2025-W37', '2025-W38']);
  });

  it('judges every week when an undone batch\'s dates are not known (stored before batches kept them)', async () => {
    const c = await freshCore();
    const seen = watchJudged(c);
    const p: Person = { nip: '198609262015051001', name: 'Ani Lama', unit: 'Bagian Umum' };
    const ids: string[] = [];
    for (const [monday, days] of [['2025-09-01', ['WFO', 'WFO', 'WFO', 'WFO', 'WFO']], ['2025-09-08', ['WFH', 'WFH', 'WFH', 'WFO', 'WFO']],
      ['2025-09-15', ['WFO', 'WFO', 'WFO', 'WFO', 'WFO']]] as const) {
      ids.push((await importAttendance(c, 'PEMKOT-X', week(p, monday, [...days]))).batch!);
    }
    const lok = async () => (await checkWhole(c, {})).findings.filter((f) => f.rule === 'LOK-01').map((f) => `${f.period} ${f.status}`);
    expect(await lok()).toEqual(['2025-W37 new']);
    // As a batch imported before migrations 6 and 9 stands: no count of its records, no first and last date.
    await c.db.run('UPDATE batches SET records = NULL, key_from = NULL, key_to = NULL WHERE batch_id = $b', { b: ids[1]! });
    await c.undoImport({ batch: ids[1]! });
    expect(await expectSameAsFull(c, seen, 'undo of the old batch'), 'every week judged').toBe(false);
    const after = await c.runFindings({ run: (await c.runChecks({})).run, resolved: true });
    expect(after.findings.map((f) => `${f.rule} ${f.period} ${f.status}`)).toEqual(['LOK-01 2025-W37 resolved']);
  });

  it('judges every week when an employee\'s unit changed (the weeks taken over would keep the old unit)', async () => {
    // Someone not on the roster: their unit is the one their records carry, over every week checked.
    // A week whose records name no unit takes it; once their records name two units, each week
    // takes its own, and that week has none.
    const c = await freshCore();
    const seen = watchJudged(c);
    const p: Person = { nip: '198609262015051001', name: 'Tanpa Roster', unit: 'Bagian Umum' };
    await importAttendance(c, 'PEMKOT-X', [
      ...week(p, '2025-09-01', ['WFO', 'WFH', 'WFH', 'WFH', 'WFO']),
      ...week(p, '2025-09-08', [{ unit: '' }, { unit: '' }, { unit: '', mode: 'WFH' }, { unit: '', mode: 'WFH' }, { unit: '', mode: 'WFH' }]),
    ]);
    await c.runChecks({});
    await importAttendance(c, 'PEMKOT-X', week(p, '2025-09-22', ['WFO', 'WFO', 'WFO', 'WFO', 'WFO']));
    expect(await expectSameAsFull(c, seen, 'same unit'), 'the same unit: only the new weeks').toBe(true);
    await importAttendance(c, 'PEMKOT-X', week({ ...p, unit: 'Bagian Keuangan' }, '2025-10-06', ['WFO', 'WFO', 'WFO', 'WFO', 'WFO']));
    expect(await expectSameAsFull(c, seen, 'another unit'), 'another unit: every week').toBe(false);
    const weeks = (await c.overview({})).units.map((u) => u.unit).sort();
    expect(weeks).toEqual(['(unit tidak diketahui)', 'Bagian Keuangan', 'Bagian Umum']);
  });
});
