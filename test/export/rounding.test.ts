import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newcombe, wilson } from '../../src-main/core/compare/intervals.ts';
import {
  ROUNDING_AGENCY, ROUNDING_PERFORMANCE, ROUNDING_TOTAL, ROUNDING_UNITS, writePerformanceCsv, writeRoundingCsv,
} from '../helpers/rounding.ts';
import { freshCore, importOne } from '../helpers/workspace.ts';
import { formatter } from '../../src-main/contract/format.ts';
import { pointsText } from '../../src-main/core/export/report-text.ts';
import { headerRow, readWithExcelJs, sheet, table, values } from './xlsx.ts';

// rules.md §3: compliant / observed employee-weeks, shown with one decimal. A rate cell formatted
// 0.0% holds the exact ratio, so Excel rounds it once (and formulas get the true value): a 4-decimal
// rate, like `check --json` prints, would show 15/19 (0.7895) as 79,0 %.

const A = ROUNDING_UNITS[0];
const exact = (u: { compliant: number; employees: number }) => u.compliant / u.employees;

const ID = formatter('id');

describe('the workbook’s compliance rate cells hold the exact ratio', () => {
  it('per unit, per unit × week, per week, per agency, per rule and overall; and in a unit report', async () => {
    const core = await freshCore();
    expect((await importOne(core, { path: writeRoundingCsv(core.dir), kind: 'attendance', agency: ROUNDING_AGENCY })).error).toBeNull();
    const perf = await importOne(core, { path: writePerformanceCsv(core.dir), kind: 'performance', agency: ROUNDING_AGENCY });
    expect([perf.error, perf.rowsImported]).toEqual([null, 28]);
    await core.exportWorkbook({ out: join(core.dir, 'full.xlsx') });
    await core.exportWorkbook({ out: join(core.dir, 'unit.xlsx'), agency: ROUNDING_AGENCY, unit: A.unit });

    const full = await readWithExcelJs(join(core.dir, 'full.xlsx'));
    const ws = sheet(full, 'Kepatuhan per unit');
    const rows = table(ws, 'Instansi');
    expect(rows[0]).toEqual(['Instansi', 'Unit', 'Pegawai-minggu', 'Patuh', 'Kepatuhan', ...ROUNDING_UNITS.map((u) => ID.week(u.week))]);
    // Each unit is observed in its own week: its period rate and that week's cell are the same ratio.
    expect(rows.slice(1, -1)).toEqual(ROUNDING_UNITS.map((u, i) => [ROUNDING_AGENCY, u.unit, u.employees, u.compliant, exact(u),
      ...ROUNDING_UNITS.map((_, j) => (i === j ? exact(u) : null))]));
    expect(rows.at(-1)).toEqual(['Jumlah', 'Semua instansi', ROUNDING_TOTAL.employees, ROUNDING_TOTAL.compliant, exact(ROUNDING_TOTAL),
      ...ROUNDING_UNITS.map(exact)]);
    const h = headerRow(ws, 'Instansi');
    expect([ws.getCell(h + 1, 5).value, ws.getCell(h + 1, 5).numFmt]).toEqual([15 / 19, '0.0%']);
    expect([ws.getCell(h + 2, 5).value, ws.getCell(h + 2, 5).numFmt]).toEqual([14 / 17, '0.0%']);

    const summary = sheet(full, 'Ringkasan');
    const headline = values(summary).find((r) => r[0] === 'Tingkat kepatuhan')!;
    expect(headline[2]).toBe(32 / 41);
    expect(table(summary, 'Instansi').slice(1).map((r) => r.slice(2, 5))).toEqual([[41, 32, 32 / 41]]);
    const lok = table(summary, 'Aturan').find((r) => String(r[0]).startsWith('LOK-01'))!;
    expect(lok[4]).toBe(32 / 41);

    const unit = await readWithExcelJs(join(core.dir, 'unit.xlsx'));
    const weeks = table(sheet(unit, 'Kepatuhan per minggu'), 'Minggu');
    // Weeks in words (issue 19): "Minggu 37 (8–14 Sep 2025)", not 2025-W37.
    expect(weeks.slice(1).map((r) => [r[0], r[4]])).toEqual([[ID.week(A.week), 15 / 19], ['Jumlah', 15 / 19]]);
    expect(values(sheet(unit, 'Ringkasan')).find((r) => r[0] === 'Tingkat kepatuhan')![2]).toBe(15 / 19);

    // The comparison's rates and intervals likewise; the difference in percentage points from the exact figures.
    const { flex, conventional } = ROUNDING_PERFORMANCE;
    const overall = table(sheet(full, 'Perbandingan'), 'Tingkat')[1]!;
    expect(overall.slice(0, 15)).toEqual(['Keseluruhan', null, null,
      flex.n, flex.met, flex.met / flex.n, ...wilson(flex.met, flex.n),
      conventional.n, conventional.met, 15 / 19, ...wilson(conventional.met, conventional.n),
      pointsText(flex.met / flex.n - 15 / 19, newcombe(flex.met, flex.n, conventional.met, conventional.n), 'id'), 0]);
    expect(values(summary).find((r) => r[0] === 'Konvensional')!.slice(1, 4)).toEqual([19, 15, 15 / 19]);
  });
});
