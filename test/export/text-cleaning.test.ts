import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src-main/core/export/sheet-kit.ts';
import { freshCore, importOne, nip, writeText } from '../helpers/workspace.ts';
import { readWithExcelJs, readWithOpenpyxl, sheet, values } from './xlsx.ts';

// Text from agency files as a sheet can hold it (docs/workbook.md): characters XML forbids become
// U+FFFD, direction overrides are dropped.

describe('text a sheet cannot hold', () => {
  it.each([
    ['U+FFFF and U+FFFE', 'Bagian\uFFFF Umum\uFFFE', 'Bagian\uFFFD Umum\uFFFD'],
    ['control characters', 'Ani\u0001\u001F', 'Ani\uFFFD\uFFFD'],
    ['a lone surrogate', 'Budi \uD800x', 'Budi \uFFFDx'],
    ['a pair kept whole', 'Citra \uD83D\uDE00', 'Citra \uD83D\uDE00'],
    ['tab and line break kept', 'Dedi\tEka\nFajar', 'Dedi\tEka\nFajar'],
    ['direction overrides and isolates dropped', '\u202Etnemrah\u202C \u2066x\u2069', 'tnemrah x'],
  ])('%s', (_name, text, expected) => {
    expect(cleanText(text)).toBe(expected);
  });

  // Guards a fixed bug (issue 18): a unit named with U+FFFF made the sheet ill-formed: exceljs could
  // not read the workbook back and LibreOffice cut the sheet there, losing its totals row.
  it('a workbook with such names reads back whole in exceljs and openpyxl', async () => {
    const core = await freshCore();
    const lines = ['NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja'];
    for (const d of ['2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12']) {
      lines.push([nip(1), 'Ani \u202Enimda', 'Bagian\uFFFF Umum', d, '07:30', '16:00', 'H', 'WFH'].join(','));
    }
    const r = await importOne(core, { path: writeText(core.dir, 'presensi.csv', `${lines.join('\n')}\n`), kind: 'attendance', agency: 'PEMKOT-X' });
    expect(r.rowsImported).toBe(5);
    const out = join(core.dir, 'laporan.xlsx');
    await core.exportWorkbook({ out });
    const units = values(sheet(await readWithExcelJs(out), 'Kepatuhan per unit'));
    expect(units.map((row) => row[1])).toContain('Bagian\uFFFD Umum');
    expect(units.at(-1)!.some((c) => typeof c === 'string' && /total|jumlah|semua/i.test(c))).toBe(true);
    const texts = readWithOpenpyxl(out).sheets.flatMap((s) => s.rows.flat()).map((c) => String(c[0]));
    expect(texts.some((t) => /[\uFFFE\uFFFF\u202A-\u202E]/.test(t))).toBe(false);
    expect(texts).toContain('Ani nimda');
  });
});
