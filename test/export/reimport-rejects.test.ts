import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCore, importOne, nip, writeText } from '../helpers/workspace.ts';
import { readWithExcelJs, sheet, table } from './xlsx.ts';

// A file imported again as it was replaces its rows (the import says so); the workbook's data-quality
// sheet listed its rejected rows once per import, so a leader counted them twice (fixed bug).

const HEADER = 'NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja';
const good = (d: string) => [nip(1), 'Ani', 'Bagian Umum', d, '07:30', '16:00', 'H', 'WFO'].join(',');
const bad = [nip(2), 'Budi', 'Bagian Umum', '31/02/2025', '07:30', '16:00', 'H', 'WFO'].join(',');

describe('rejected rows in the workbook', () => {
  it('lists a file imported again as it was once, under the later import; another file with the same row has its own', async () => {
    const core = await freshCore();
    const text = `${[HEADER, good('08/09/2025'), bad].join('\n')}\n`;
    const path = writeText(core.dir, 'presensi.csv', text);
    const first = await importOne(core, { path, kind: 'attendance', agency: 'PEMKOT-X' });
    const again = await importOne(core, { path, kind: 'attendance', agency: 'PEMKOT-X' });
    expect([first.rowsRejected, again.rowsRejected]).toEqual([1, 1]);
    const other = await importOne(core, {
      path: writeText(core.dir, 'presensi-2.csv', `${[HEADER, good('09/09/2025'), bad].join('\n')}\n`), kind: 'attendance', agency: 'PEMKOT-X',
    });
    const out = join(core.dir, 'laporan.xlsx');
    await core.exportWorkbook({ out });
    const rows = table(sheet(await readWithExcelJs(out), 'Kualitas data'), 'Jenis').slice(1).filter((r) => r[0] === 'Baris ditolak');
    expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual([[again.batch, 'presensi.csv', 3], [other.batch, 'presensi-2.csv', 3]]);
  });
});
