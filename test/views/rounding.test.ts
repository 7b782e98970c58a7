import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatter } from '../../src-main/contract/format.ts';
import type { Rate } from '../../src-main/contract/views-types.ts';
import { rateText } from '../../src-renderer/src/features/compare/format.ts';
import { ROUNDING_AGENCY, ROUNDING_TOTAL, ROUNDING_UNITS, writePerformanceCsv, writeRoundingCsv } from '../helpers/rounding.ts';
import { freshCore, importOne, workspaceTemplate, type WorkspaceTemplate } from '../helpers/workspace.ts';

// rules.md §3: compliant / observed employee-weeks, shown with one decimal. The views API hands the
// app the unrounded ratio, so the formatter rounds it once: 15/19 → 78,9 %, 14/17 → 82,4 %, 32/41 → 78,0 %.

const NBSP = '\u00a0';
const fmt = formatter('id');

let template: WorkspaceTemplate;
beforeAll(async () => {
  template = await workspaceTemplate(async (core) => {
    const imported = await importOne(core, { path: writeRoundingCsv(core.dir), kind: 'attendance', agency: ROUNDING_AGENCY });
    expect(imported.error).toBeNull();
    await core.runChecks({});
  });
});

/** The test's own copy of the rounding workspace, imported and checked (once for the file). */
const checked = () => template.open();

const shown = (r: Rate) => [r.compliantEmployeeWeeks, r.employeeWeeks, r.rate, fmt.pct(r.rate)];

describe('the views API gives the app exact compliance rates', () => {
  it('overview (its stored summary, and a filtered one): per unit, week and rule, and the headline', async () => {
    const core = await checked();
    const expected = ROUNDING_UNITS.map((u) => [u.compliant, u.employees, u.compliant / u.employees, `${u.shown}${NBSP}%`]);
    const total = [ROUNDING_TOTAL.compliant, ROUNDING_TOTAL.employees, ROUNDING_TOTAL.compliant / ROUNDING_TOTAL.employees,
      `${ROUNDING_TOTAL.shown}${NBSP}%`];
    for (const o of [await core.overview({}), await core.overview({ agency: ROUNDING_AGENCY })]) {
      expect(o.units.map(shown)).toEqual(expected);
      expect(o.weeks.map(shown)).toEqual(expected);
      expect(shown(o.headline)).toEqual(total);
      expect(shown(o.rules.find((r) => r.rule === 'LOK-01')!)).toEqual(total);
      expect(o.rules.find((r) => r.rule === 'DIS-01')!.rate).toBeNull();
      expect(o.headline.adoption).toBe(9 / 41);
    }
  });

  it('the unit × week grid and a unit’s employees', async () => {
    const core = await checked();
    const grid = await core.complianceGrid({});
    const cells = tableFromIPC(grid.cells).toArray().map((r) => r.toJSON() as { unit: string; week: string; rate: number });
    expect(cells.map((c) => [c.unit, c.week, c.rate, fmt.pct(c.rate)])).toEqual(
      ROUNDING_UNITS.map((u) => [u.unit, u.week, u.compliant / u.employees, `${u.shown}${NBSP}%`]));
    const emps = await core.unitEmployees({ agency: ROUNDING_AGENCY, unit: 'Bagian A' });
    const rows = tableFromIPC(emps.rows).toArray().map((r) => r.toJSON() as { employeeWeeks: number; compliant: number; rate: number });
    expect(rows).toHaveLength(19);
    for (const r of rows) expect(r.rate).toBe(r.compliant / r.employeeWeeks);
  });
});

describe('the app’s comparison rates', () => {
  it('show compare’s exact rate with one decimal: 15 of 19 is 78,9 %, not 79,0 %', async () => {
    const core = await freshCore();
    for (const [kind, path] of [['attendance', writeRoundingCsv(core.dir)], ['performance', writePerformanceCsv(core.dir)]] as const) {
      expect((await importOne(core, { path, kind, agency: ROUNDING_AGENCY })).error).toBeNull();
    }
    const { performance } = await core.compare({});
    const t = () => 'n < 5';
    expect(rateText(performance.conventional, fmt, t, 5)).toBe(`78,9${NBSP}%`);
    expect(rateText({ n: 17, met: 14, rate: 14 / 17, ci95: null, small: false }, fmt, t, 5)).toBe(`82,4${NBSP}%`);
    expect(rateText({ n: 3, met: 2, rate: null, ci95: null, small: true }, fmt, t, 5)).toBe('n < 5');
  });
});
