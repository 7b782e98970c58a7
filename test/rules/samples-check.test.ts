import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunChecksResult } from '../../src-main/contract/rules-types.ts';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { pantau } from '../helpers/cli.ts';
import { expected, importSamples } from '../helpers/samples.ts';
import { TODAY } from '../helpers/workspace.ts';

describe('pantau check on the samples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-check-'));
  const db = join(dir, 'ws.duckdb');
  let result: RunChecksResult;

  beforeAll(async () => {
    const core: Core = await createCore({ dbPath: db, tmpDir: dir, now: () => TODAY });
    try {
      await importSamples(core);
    } finally {
      core.close();
    }
    const run = pantau(['check', '--db', db, '--json']);
    expect(run.status).toBe(0);
    result = JSON.parse(run.stdout) as RunChecksResult;
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds exactly the planted breaches, with their periods, units and details', () => {
    const key = (f: { rule: string; nip: string; period: string; agency: string | null; unit: string | null; detail: string }) =>
      [f.rule, f.nip, f.period, f.agency, f.unit].join(' ');
    expect(result.findings.map(key).sort()).toEqual(expected.findings.map(key).sort());
    // The generator words JAM-01 and DIS-01 details exactly as the product; its others are informal.
    const details = (list: { rule: string; detail: string }[]) =>
      list.filter((f) => f.rule === 'JAM-01' || f.rule === 'DIS-01').map((f) => `${f.rule} ${f.detail}`).sort();
    expect(details(result.findings)).toEqual(details(expected.findings));
  });

  it('each finding carries the legal basis, its source rows and is new on the first run', () => {
    for (const f of result.findings) {
      expect(f.basis).toMatch(/PermenPANRB 4\/2025|Perpres 21\/2023|PP 94\/2021/);
      expect(f.status).toBe('new');
      expect(f.sources.length).toBeGreaterThan(0);
      expect(f.sources.every((s) => /^b-\d{6}$/.test(s.batch) && s.row > 1)).toBe(true);
    }
    expect(result.from).toBe('2025-09-01');
    expect(result.to).toBe('2025-10-31');
    expect(result.profileVersion).toBe('nasional v1');
  });

  it('compliance per unit and per agency equals the hand count of the generator', () => {
    const ours = result.compliance.filter((c) => c.agency !== null)
      .map((c) => [c.agency, c.unit ?? '(semua unit)', c.employeeWeeks, c.compliantEmployeeWeeks, Math.round(c.rate! * 10_000) / 10_000]);
    const theirs = expected.compliance.map((c) => [c.agency, c.unit, c.employeeWeeks, c.compliantEmployeeWeeks, c.rate]);
    expect(ours.sort()).toEqual(theirs.sort());
    const all = result.compliance.find((c) => c.agency === null)!;
    const sum = (k: 'employeeWeeks' | 'compliantEmployeeWeeks') =>
      expected.compliance.filter((c) => c.unit === '(semua unit)').reduce((n, c) => n + c[k], 0);
    expect([all.employeeWeeks, all.compliantEmployeeWeeks]).toEqual([sum('employeeWeeks'), sum('compliantEmployeeWeeks')]);
  });

  it('compliance per rule and per week add up to the findings', () => {
    // Each planted LOK-01 and JAM-01 finding is one employee-week of its own.
    const planted = (rule: string) => expected.findings.filter((f) => f.rule === rule).length;
    const lok01 = result.complianceByRule.find((r) => r.rule === 'LOK-01')!;
    expect(lok01.employeeWeeks - lok01.compliantEmployeeWeeks).toBe(planted('LOK-01'));
    const jam01 = result.complianceByRule.find((r) => r.rule === 'JAM-01')!;
    expect(jam01.employeeWeeks - jam01.compliantEmployeeWeeks).toBe(planted('JAM-01'));
    expect(result.complianceByRule.map((r) => r.rule)).not.toContain('DIS-01');
    expect(result.complianceByWeek.map((w) => w.week)).toEqual([...Array(9).keys()].map((i) => `2025-W${36 + i}`));
    const all = result.compliance.find((c) => c.agency === null)!;
    expect(result.complianceByWeek.reduce((n, w) => n + w.employeeWeeks, 0)).toBe(all.employeeWeeks);
    expect(result.complianceByWeek.reduce((n, w) => n + w.compliantEmployeeWeeks, 0)).toBe(all.compliantEmployeeWeeks);
  });

  it('the samples are clean as data: every employee is on the roster, and the present days without both times are the generator\'s', () => {
    // Sleman's wide recap writes flexible days as codes without times, and its scan log holds a single-scan day.
    expect(result.dataQuality.notInRoster).toEqual([]);
    expect(result.dataQuality.missingTimes.map((m) => [m.agency, m.nip, m.date]).sort())
      .toEqual(expected.dataQuality.missingTimes.map((m) => [m.agency, m.nip, m.date]).sort());
  });

  it('a second check over the same scope, nothing changed, returns the stored run as it was (issue 19)', () => {
    const again = JSON.parse(pantau(['check', '--db', db, '--json']).stdout) as RunChecksResult;
    expect(again).toEqual(result);
    expect(again.findings.every((f) => f.status === 'new')).toBe(true);
  });

  it('--agency narrows the run to one agency', () => {
    const one = JSON.parse(pantau(['check', '--db', db, '--agency', 'PEMKOT-BOGOR', '--json']).stdout) as RunChecksResult;
    expect(new Set(one.findings.map((f) => f.agency))).toEqual(new Set(['PEMKOT-BOGOR']));
    expect(one.findings).toHaveLength(expected.findings.filter((f) => f.agency === 'PEMKOT-BOGOR').length);
  });
});
