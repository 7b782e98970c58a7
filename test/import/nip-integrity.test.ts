import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkWhole } from '../helpers/checks.ts';
import { freshCore, importOne, rows, writeXlsx } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';

const HEADER = ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];
/** Ten valid NIPs, some with a leading-zero sequence, both sexes. */
const VALID = Array.from({ length: 10 }, (_, i) => `19${70 + i}0${(i % 9) + 1}1${i % 2}20${10 + i}0${(i % 9) + 1}${1 + (i % 2)}${String(i * 7).padStart(3, '0')}`);
/** [label, cell, reason the importer must give]. */
const INVALID: [string, string | number][] = [
  ['numeric cell (Excel keeps 15 digits)', 198609262015051001],
  ['17 digits', '19860926201505100'],
  ['19 digits', '1986092620150510011'],
  ['birth month 13', '198613262015051001'],
  ['birth day 32', '198601322015051001'],
  ['appointment month 00', '198609262015001001'],
  ['sex digit 3', '198609262015053001'],
  ['letters', '19860926201505100A'],
];
const DAYS = ['01/09/2025', '02/09/2025', '03/09/2025'];

describe('NIP integrity: valid NIPs kept byte-identical through import → workspace → check → export', () => {
  it('NIP: 10 kept identical, 8 rejected, 0 altered', async () => {
    const core = await freshCore();
    // Three WFH days in one week: a LOK-01 finding per employee, so every NIP reaches the export.
    const data = VALID.flatMap((n, i) => DAYS.map((d) => [n, `Pegawai ${i}`, d, '07:30', '16:00', 'H', 'WFH']));
    const bad = INVALID.map(([, cell], i) => [cell, `Salah ${i}`, '04/09/2025', '07:30', '16:00', 'H', 'WFO']);
    const path = await writeXlsx(core.dir, 'nip.xlsx', [HEADER, ...data, ...bad]);
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect(r).toMatchObject({ status: 'imported', rowsImported: 30, rowsRejected: INVALID.length });
    // Each rejected row is named by row, column and value, in Bahasa Indonesia.
    const nipRejects = r.rejects.filter((x) => x.column.toLowerCase().includes('nip'));
    expect(nipRejects).toHaveLength(INVALID.length);
    for (const x of nipRejects) expect(x.reason).toMatch(/NIP/);
    expect(nipRejects.map((x) => x.row)).toEqual(INVALID.map((_, i) => 2 + data.length + i));

    const stored = (await rows<{ nip: string }>(core, 'SELECT DISTINCT nip FROM attendance ORDER BY nip')).map((x) => x.nip);
    expect(stored).toEqual([...VALID].sort());

    const check = await checkWhole(core, {});
    const found = new Set(check.findings.map((f) => f.nip));
    expect([...found].sort()).toEqual([...VALID].sort());

    const out = join(core.dir, 'ekspor.xlsx');
    await core.exportWorkbook({ out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const exported = new Set<string>();
    const rejectedShown = new Set<string>();
    let numericNip = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value;
      // "Kualitas data" lists each refused value as the file held it; that is not a kept NIP.
      const into = ws.name === 'Kualitas data' && !VALID.includes(String(v)) ? rejectedShown : exported;
      if (typeof v === 'string' && /^\d{18}$/.test(v)) into.add(v);
      if (typeof v === 'number' && v > 1e17) numericNip++;
    })));
    expect(numericNip).toBe(0);
    expect(rejectedShown.size).toBeGreaterThan(0);
    expect([...exported].sort()).toEqual([...VALID].sort());
    const altered = [...exported].filter((n) => !VALID.includes(n)).length;
    figure('nip', `NIP: ${VALID.length} kept identical, ${nipRejects.length} rejected, ${altered} altered`);
  });
});
