import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/index.ts';
import { samplesWorkspace, TODAY } from '../helpers/workspace.ts';
import { readWithExcelJs, sheet, table } from './xlsx.ts';

// Issue 19: the unit report's "Kepatuhan aturan" column was empty (only the full report had a
// per-rule rate). It now holds the unit's own figure: the share of the unit's employee-weeks without
// a finding of the rule, the figure the Ringkasan screen shows with the unit as its filter.

describe('a unit report\'s compliance per rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-unit-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the screen\'s figure for the unit, rule by rule; yearly rules say why they have none', async () => {
    const core = await createCore({ dbPath: await samplesWorkspace(dir), tmpDir: dir, now: () => TODAY });
    try {
      await core.runChecks({});
      // Units with findings of one rule, of several, and of none.
      const units = [['KEMENDAGRI', 'Biro Hukum'], ['PEMPROV-JATENG', 'Badan Perencanaan Pembangunan Daerah'], ['PEMKOT-BOGOR', 'Bagian Organisasi']] as const;
      let withFindings = 0;
      for (const [agency, unit] of units) {
        const screen = await core.overview({ agency, unit });
        const out = join(dir, `${unit}.xlsx`);
        await core.exportWorkbook({ out, agency, unit });
        const rows = table(sheet(await readWithExcelJs(out), 'Ringkasan'), 'Aturan').slice(1);
        for (const r of screen.rules) {
          const row = rows.find((x) => String(x[0]).startsWith(`${r.rule} `))!;
          expect(row[4], `${unit} ${r.rule}`).toBe(r.rate ?? 'bukan mingguan');
          if (r.findings > 0 && r.rate !== null) withFindings++;
        }
        expect(screen.rules.map((r) => rows.find((x) => String(x[0]).startsWith(`${r.rule} `))![2])).toEqual(screen.rules.map((r) => r.findings));
      }
      // Not only rules without findings (rate 1): the check would prove little.
      expect(withFindings).toBeGreaterThanOrEqual(2);
    } finally {
      core.close();
    }
  }, 240_000);
});
