import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUNDING_AGENCY, ROUNDING_TOTAL, writeRoundingCsv } from '../helpers/rounding.ts';
import { csv, freshCore, importOne, nip, writeText } from '../helpers/workspace.ts';
import { readWithExcelJs, sheet, table, values } from './xlsx.ts';

// rules.md §3: compliance "of a unit, agency, region or the whole data set"; §5: the agency
// profile's province is what figures roll up by.
describe('the summary sheet’s compliance per province', () => {
  it('sums the agencies of each province, agencies without one last; absent while no profile names a province', async () => {
    const core = await freshCore();
    expect((await importOne(core, { path: writeRoundingCsv(core.dir), kind: 'attendance', agency: ROUNDING_AGENCY })).error).toBeNull();
    // Another agency: one employee, one office week, compliant.
    const other = writeText(core.dir, 'lain.csv', csv([['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran'],
      ...['08', '09', '10', '11'].map((d) => [nip(900), 'Pegawai Lain', 'Bagian Lain', `${d}/09/2025`, '07:30', '16:00', 'H']),
      [nip(900), 'Pegawai Lain', 'Bagian Lain', '12/09/2025', '07:30', '16:30', 'H']]));
    expect((await importOne(core, { path: other, kind: 'attendance', agency: 'PEMKAB-LAIN' })).error).toBeNull();
    await core.exportWorkbook({ out: join(core.dir, 'before.xlsx') });
    await core.setProfile({ agency: ROUNDING_AGENCY, set: { province: 'Jawa Barat' } });
    await core.exportWorkbook({ out: join(core.dir, 'after.xlsx') });

    const before = values(sheet(await readWithExcelJs(join(core.dir, 'before.xlsx')), 'Ringkasan'));
    expect(before.some((r) => r[0] === 'Kepatuhan per provinsi')).toBe(false);
    const after = sheet(await readWithExcelJs(join(core.dir, 'after.xlsx')), 'Ringkasan');
    const { employees, compliant } = ROUNDING_TOTAL;
    expect(table(after, 'Provinsi').slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['Jawa Barat', employees, compliant, compliant / employees],
      ['(provinsi tidak diketahui)', 1, 1, 1],
    ]);
  });
});
