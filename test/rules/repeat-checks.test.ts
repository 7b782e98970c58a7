import { describe, expect, it } from 'vitest';
import type { RunChecksRequest, RunChecksResult } from '../../src-main/contract/rules-types.ts';
import { checkWhole } from '../helpers/checks.ts';
import { pantauInProcess as pantau } from '../helpers/cli-in-process.ts';
import { nip } from '../helpers/workspace.ts';
import { readWithExcelJs, sheet, values } from '../export/xlsx.ts';
import { freshCore } from '../helpers/workspace.ts';
import { importAttendance, week, officeWeek, type Person, type TestCore } from './rule-fixtures.ts';

// Issue 19, item 4: a check over unchanged data, profiles and rules makes no new run; it returns
// the stored one (same id, same findings, same new/open/resolved), so "new" always means new since
// the data or the rules last changed. Fixed bug: every check and every export made a run of its
// own, so an export's "Temuan baru sejak pemeriksaan sebelumnya" compared it with the check the
// analyst had run a minute earlier and read 0. The tests marked "old code: fails" failed before
// the fix. The changes between two checks guard the other side (any change still makes a new run,
// counted right); each fails on the old code only at its last step, the unchanged check after it.

const AG = 'PEMKOT-BANDUNG';
const AG2 = 'KEMENKEU';
const W38 = '2025-09-15';

const ani: Person = { nip: nip(1), name: 'Ani Suryani', unit: 'Bagian Umum' };
const budi: Person = { nip: nip(2), name: 'Budi Santoso', unit: 'Bagian Umum' };
const citra: Person = { nip: nip(3), name: 'Citra Lestari', unit: 'Bagian Umum' };
const dodi: Person = { nip: nip(4), name: 'Dodi Pratama', unit: 'Bidang X' };
const eka: Person = { nip: nip(5), name: 'Eka Putri', unit: 'Biro Umum' };
const NAMES = new Map([ani, budi, citra, dodi, eka].map((p) => [p.nip, p.name.split(' ')[0]!]));

const THREE_WFH = ['WFH', 'WFH', 'WFH', 'WFO', 'WFO'] as const;
const TWO_WFH = ['WFH', 'WFH', 'WFO', 'WFO', 'WFO'] as const;

/** Ani over the cap (LOK-01), Dodi at it, Citra in the office; Budi over the cap in a second file; Eka in another agency. */
async function workspace(): Promise<{ c: TestCore; budiBatch: string }> {
  const c = await freshCore();
  await importAttendance(c, AG, [...week(ani, W38, [...THREE_WFH]), ...week(dodi, W38, [...TWO_WFH]), ...officeWeek(citra, W38)]);
  const second = await importAttendance(c, AG, week(budi, W38, [...THREE_WFH]));
  await importAttendance(c, AG2, officeWeek(eka, W38));
  return { c, budiBatch: second.batch! };
}

/** Who is new, open and resolved, by first name, as one would count them by hand. */
function statuses(r: RunChecksResult): { new: string[]; open: string[]; resolved: string[] } {
  const who = (list: RunChecksResult['findings']) => list.map((f) => NAMES.get(f.nip)!).sort();
  return {
    new: who(r.findings.filter((f) => f.status === 'new')),
    open: who(r.findings.filter((f) => f.status === 'open')),
    resolved: who(r.resolved),
  };
}

async function count(c: TestCore, table: string): Promise<number> {
  return (await c.db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;
}

const SCOPES: [string, RunChecksRequest][] = [
  ['everything imported', {}],
  ['one agency', { agency: AG }],
  ['one agency and dates', { agency: AG, from: '2025-09-15', to: '2025-09-19' }],
];

describe('a check over unchanged data returns the stored run', () => {
  it.each(SCOPES)('%s: same run, same findings and figures, nothing stored (old code: fails)', async (_, scope) => {
    const { c } = await workspace();
    const first = await checkWhole(c, scope);
    expect(statuses(first)).toEqual({ new: ['Ani', 'Budi'], open: [], resolved: [] });
    const stored = await Promise.all(['runs', 'findings', 'run_weeks', 'run_employees', 'run_summaries'].map((t) => count(c, t)));
    const again = await checkWhole(c, scope);
    expect(again.run).toBe(first.run);
    expect(again).toEqual(first);
    expect(await Promise.all(['runs', 'findings', 'run_weeks', 'run_employees', 'run_summaries'].map((t) => count(c, t)))).toEqual(stored);
    expect((await c.overview({})).run?.run).toBe(first.run);
  });

  it('each scope has its own run; going back to a scope returns its run, and the screens show it (old code: fails)', async () => {
    const { c } = await workspace();
    const all = await checkWhole(c, {});
    const one = await checkWhole(c, { agency: AG });
    expect(one.run).not.toBe(all.run);
    expect(statuses(one)).toEqual({ new: ['Ani', 'Budi'], open: [], resolved: [] });
    expect((await c.overview({})).run?.run).toBe(one.run);
    expect(await checkWhole(c, {})).toEqual(all);
    expect((await c.overview({})).run?.run).toBe(all.run);
    expect((await c.findings({ limit: 10 })).run).toBe(all.run);
    expect(await checkWhole(c, { agency: AG })).toEqual(one);
    expect((await c.overview({})).run?.run).toBe(one.run);
    expect(await count(c, 'runs')).toBe(2);
    for (const table of ['run_weeks', 'run_employees']) {
      expect(await c.db.one(`SELECT count(DISTINCT run_id)::INTEGER AS runs FROM ${table}`), table).toEqual({ runs: 1 });
    }
  });

  it('the CLI: `pantau check` twice prints the same run and the same counts (old code: fails)', async () => {
    const { c } = await workspace();
    c.close();
    const first = await pantau(['check', '--db', c.dbPath]);
    const again = await pantau(['check', '--db', c.dbPath]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout.split('\n').slice(0, 2)).toEqual([
      'Pemeriksaan r-000001: 15–19 Sep 2025, profil nasional v1',
      '2 temuan (2 baru), 0 selesai sejak pemeriksaan sebelumnya',
    ]);
    expect(again).toEqual(first);
    const json = await pantau(['check', '--db', c.dbPath, '--json']);
    expect(JSON.parse(json.stdout).run).toBe('r-000001');
  });
});

/** What happens between two checks over everything imported, and the second run's statuses counted by hand. */
const CHANGES: [string, (c: TestCore, budiBatch: string) => Promise<unknown>, ReturnType<typeof statuses>][] = [
  ['an import', (c) => importAttendance(c, AG, week(citra, '2025-09-22', [...THREE_WFH])), { new: ['Citra'], open: ['Ani', 'Budi'], resolved: [] }],
  ['a correcting import', (c) => importAttendance(c, AG, officeWeek(budi, W38)), { new: [], open: ['Ani'], resolved: ['Budi'] }],
  ['an undo', (c, b) => c.undoImport({ batch: b }), { new: [], open: ['Ani'], resolved: ['Budi'] }],
  ['an import undone again', async (c) => {
    const extra = await importAttendance(c, AG, week(citra, '2025-09-22', [...THREE_WFH]));
    await c.undoImport({ batch: extra.batch! });
  }, { new: [], open: ['Ani', 'Budi'], resolved: [] }],
  ['a file undone and imported again', async (c, b) => {
    await c.undoImport({ batch: b });
    await importAttendance(c, AG, week(budi, W38, [...THREE_WFH]));
  }, { new: [], open: ['Ani', 'Budi'], resolved: [] }],
  ["a stricter profile for the checked agency", (c) => c.setProfile({ agency: AG, set: { maxFlexDays: '1' } }),
    { new: ['Dodi'], open: ['Ani', 'Budi'], resolved: [] }],
  ['a profile saved for another agency', (c) => c.setProfile({ agency: AG2, set: { name: 'Kementerian Keuangan' } }),
    { new: [], open: ['Ani', 'Budi'], resolved: [] }],
  ['a rule switched off', (c) => c.setProfile({ set: { 'rules.LOK-01.enabled': 'false' } }), { new: [], open: [], resolved: [] }],
];

describe('any change between two checks makes a new run, its new / open / resolved against the one before', () => {
  it.each(CHANGES)('%s', async (_, change, expected) => {
    const { c, budiBatch } = await workspace();
    const first = await checkWhole(c, {});
    await change(c, budiBatch);
    const second = await checkWhole(c, {});
    expect(second.run).not.toBe(first.run);
    expect(statuses(second)).toEqual(expected);
    expect((await c.overview({})).run?.run).toBe(second.run);
    // And then nothing changes: the second run, as stored.
    expect(await checkWhole(c, {})).toEqual(second);
  });

  it('a file undone and imported again: the findings name the new batch', async () => {
    const { c, budiBatch } = await workspace();
    await checkWhole(c, {});
    await c.undoImport({ batch: budiBatch });
    const again = await importAttendance(c, AG, week(budi, W38, [...THREE_WFH]));
    const run = await checkWhole(c, {});
    expect(run.findings.find((f) => f.nip === budi.nip)!.sources.map((s) => s.batch)).toEqual([again.batch, again.batch, again.batch]);
  });
});

describe('an export reuses the latest run of its scope when nothing changed', () => {
  const fresh = async (path: string) => values(sheet(await readWithExcelJs(path), 'Ringkasan'))
    .find((r) => r[0] === 'Temuan baru sejak pemeriksaan sebelumnya')?.[1];

  it('after a check: the check\'s run, so "Temuan baru" counts what is new since the check before (old code: fails)', async () => {
    const { c } = await workspace();
    await checkWhole(c, {});
    await importAttendance(c, AG, week(citra, '2025-09-22', [...THREE_WFH]));
    const check = await checkWhole(c, {});
    expect(statuses(check).new).toEqual(['Citra']);
    const out = `${c.dir}/laporan.xlsx`;
    const exported = await c.exportWorkbook({ out });
    expect(exported.run).toBe(check.run);
    expect(await fresh(out)).toBe(1);
    expect(await count(c, 'runs')).toBe(2);
  });

  it('before a check: the check returns the export\'s run and the screens show it (old code: fails)', async () => {
    const { c } = await workspace();
    const exported = await c.exportWorkbook({ out: `${c.dir}/laporan.xlsx`, agency: AG });
    expect((await c.overview({})).run).toBeNull();
    const check = await checkWhole(c, { agency: AG });
    expect(check.run).toBe(exported.run);
    expect(statuses(check)).toEqual({ new: ['Ani', 'Budi'], open: [], resolved: [] });
    expect((await c.overview({})).run?.run).toBe(exported.run);
    expect((await c.findings({ limit: 10 })).total).toBe(2);
  });
});
