import { describe, expect, it } from 'vitest';
import { checkWhole } from '../helpers/checks.ts';
import { csv, freshCore, importOne, nip, writeText } from '../helpers/workspace.ts';

describe('data-quality notes of a check run', () => {
  it('lists employees missing from the roster and present days missing a time, without making findings of them', async () => {
    const core = await freshCore();
    await importOne(core, { path: writeText(core.dir, 'pegawai.csv', csv([['NIP', 'Nama', 'Unit Kerja'], [nip(1), 'Ani', 'Biro Umum']])), kind: 'roster', agency: 'A' });
    const week = ['01/09/2025', '02/09/2025', '03/09/2025', '04/09/2025'].map((d) => [d, '07:30', '16:00']);
    const att = await importOne(core, {
      path: writeText(core.dir, 'presensi.csv', csv([
        ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran'],
        ...week.map((w) => [nip(1), 'Ani', 'Biro Umum', ...w, 'H']),
        [nip(1), 'Ani', 'Biro Umum', '05/09/2025', '', '', 'LN'],
        ...week.map((w) => [nip(2), 'Budi', 'Biro Hukum', ...w, 'H']),
        [nip(2), 'Budi', 'Biro Hukum', '08/09/2025', '07:30', '', 'H'],
      ])),
      kind: 'attendance', agency: 'A',
    });
    const r = await checkWhole(core, {});
    expect(r.dataQuality.notInRoster).toEqual([{ nip: nip(2), name: 'Budi', agency: 'A', records: 5 }]);
    expect(r.dataQuality.missingTimes).toEqual([{ nip: nip(2), date: '2025-09-08', agency: 'A', source: { batch: att.batch, row: 11 } }]);
    expect(r.findings).toEqual([]);
    expect(r.compliance.find((c) => c.unit === 'Biro Hukum')).toMatchObject({ employeeWeeks: 2, compliantEmployeeWeeks: 2 });
  });
});
