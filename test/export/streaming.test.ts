import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BACKLOG, TableWriter } from '../../src-main/core/export/sheet-kit.ts';
import { tempDir } from '../helpers/workspace.ts';

describe('streaming a big table', () => {
  // Guards a fixed bug: exceljs pipes a sheet into the zip without backpressure, so the XML of
  // every row written so far waited in memory (700 MB for a million findings) until the sheet ended.
  it('keeps the sheet XML waiting for the zip bounded while 100,000 rows stream out', async () => {
    const out = join(tempDir(), 'besar.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true });
    const cols = ['Aturan', 'NIP', 'Nama', 'Unit', 'Uraian', 'Dasar hukum'].map((header) => ({ header, width: 20 }));
    const table = new TableWriter(book, 'Temuan', [...cols, { header: 'Mulai', width: 12, fmt: 'date' }]);
    const pending: (number | null)[] = [];
    for (let i = 0; i < 100_000; i++) {
      table.add(['LOK-01', `19860926201505${String(i % 10_000).padStart(4, '0')}`, `Pegawai Nomor ${i}`, `Unit ${i % 50}`,
        `3 hari fleksibel lokasi dalam 2025-W${String(1 + (i % 52)).padStart(2, '0')}, batas 2 (baris ${i})`,
        'PermenPANRB 4/2025 Pasal 13 ayat (1)', new Date(Date.UTC(2025, 0, 1 + (i % 365)))]);
      if (i % 2048 === 2047) {
        await table.drain();
        pending.push(table.pending());
      }
    }
    expect(table.finish()).toEqual([{ name: 'Temuan', rows: 100_000 }]);
    await book.commit();
    // Without the wait the backlog grows to the whole sheet, about 45 MB here.
    expect(pending.every((n) => typeof n === 'number')).toBe(true);
    expect(Math.max(...(pending as number[]))).toBeLessThanOrEqual(BACKLOG);
  }, 120_000);
});
