import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunChecksResult } from '../../src-main/contract/rules-types.ts';
import { pantauInProcess as run } from '../helpers/cli-in-process.ts';
import { ROUNDING_AGENCY, ROUNDING_PERFORMANCE, ROUNDING_TOTAL, ROUNDING_UNITS, writePerformanceCsv, writeRoundingCsv } from '../helpers/rounding.ts';
import { newcombe, wilson } from '../../src-main/core/compare/intervals.ts';
import { tempDir } from '../helpers/workspace.ts';

// rules.md §3: the rate is compliant / observed employee-weeks, shown with one decimal; cli.md: the
// JSON `rate` is that fraction rounded to 4 decimals. The human line must not round it a second time.

describe('pantau check shows the compliance rate with one decimal of the exact ratio', () => {
  it('15/19 is 78,9 % and 14/17 is 82,4 %, while --json keeps its 4-decimal rate', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    const imported = await run(['import', '--db', db, '--agency', ROUNDING_AGENCY, '--kind', 'attendance', writeRoundingCsv(dir)]);
    expect(imported.status, imported.stderr).toBe(0);

    const human = await run(['check', '--db', db]);
    expect(human.status, human.stderr).toBe(0);
    for (const u of ROUNDING_UNITS) {
      expect(human.stdout).toContain(`  ${ROUNDING_AGENCY} — ${u.unit}: ${u.shown} % (${u.compliant}/${u.employees} pegawai-minggu)`);
    }
    expect(human.stdout).toContain(`  SELURUH DATA: ${ROUNDING_TOTAL.shown} % (${ROUNDING_TOTAL.compliant}/${ROUNDING_TOTAL.employees} pegawai-minggu)`);

    const json = await run(['check', '--db', db, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as RunChecksResult;
    const rates = doc.compliance.filter((c) => c.level === 'unit').map((c) => [c.unit, c.compliantEmployeeWeeks, c.employeeWeeks, c.rate]);
    expect(rates).toEqual([['Bagian A', 15, 19, 0.7895], ['Bagian B', 14, 17, 0.8235], ['Bagian C', 3, 5, 0.6]]);
  });
});

describe('pantau compare shows rates, intervals and the difference from the counts', () => {
  it('15 of 19 conventional is 78,9 %, not the 4-decimal 0.7895 rounded again', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    for (const [kind, file] of [['attendance', writeRoundingCsv(dir)], ['performance', writePerformanceCsv(dir)]] as const) {
      const r = await run(['import', '--db', db, '--agency', ROUNDING_AGENCY, '--kind', kind, file]);
      expect(r.status, r.stderr).toBe(0);
    }
    const human = await run(['compare', '--db', db]);
    expect(human.status, human.stderr).toBe(0);
    const { conventional: k, flex: f } = ROUNDING_PERFORMANCE;
    const one = (v: number) => (Math.round(v * 1000) / 10).toFixed(1).replace('.', ',');
    const [lo, hi] = wilson(k.met, k.n);
    expect(human.stdout).toContain(`konvensional: ${k.met}/${k.n} = 78,9 % (IK 95 % ${one(lo)} %–${one(hi)} %)`);
    const [dlo, dhi] = newcombe(f.met, f.n, k.met, k.n);
    expect(human.stdout).toContain(`selisih: ${one(f.met / f.n - k.met / k.n)} poin (IK 95 % ${one(dlo)} s.d. ${one(dhi)})`);
  });
});
