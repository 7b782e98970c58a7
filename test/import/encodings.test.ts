import { describe, expect, it } from 'vitest';
import { csv, freshCore, importOne, nip, rows, writeText } from '../helpers/workspace.ts';

const NAMES = ['Ma’ruf Amin', 'Andréas “Andi” Siregar', 'Siti – Nurhaliza', 'Ngurah Rai'];
const text = (delimiter: string) =>
  csv([['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Status'],
    ...NAMES.map((name, i) => [nip(i + 1), name, '01/09/2025', '07:20', '16:05', 'H'])], delimiter);

const CASES: [string, string, boolean, string][] = [
  ['UTF-8', 'utf-8', false, ','],
  ['UTF-8 with BOM', 'utf-8', true, ';'],
  ['UTF-16LE with BOM', 'utf-16le', true, '\t'],
  ['UTF-16BE with BOM', 'utf-16be', true, '|'],
  ['Windows-1252', 'windows-1252', false, ';'],
];

describe('text encodings and delimiters are detected, not assumed', () => {
  for (const [label, encoding, bom, delimiter] of CASES) {
    it(`${label}, delimiter ${JSON.stringify(delimiter)}: names arrive byte-identical`, async () => {
      const core = await freshCore();
      const r = await importOne(core, { path: writeText(core.dir, 'p.csv', text(delimiter), encoding, bom), kind: 'attendance', agency: 'A' });
      expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([4, 4, 0]);
      const names = await rows<{ name: string }>(core, 'SELECT name FROM attendance ORDER BY nip');
      expect(names.map((n) => n.name)).toEqual(NAMES);
      const [b] = await rows<{ encoding: string; delimiter: string }>(core, `SELECT encoding, delimiter FROM batches WHERE batch_id = '${r.batch}'`);
      expect(b).toEqual({ encoding, delimiter });
    });
  }

  it('CRLF line ends and quoted fields with delimiters and newlines', async () => {
    const core = await freshCore();
    const body = `NIP,Nama,Tanggal,Status\r\n${nip(1)},"Rai, Ngurah",01/09/2025,H\r\n${nip(2)},"Dua\r\nBaris",01/09/2025,H\r\n`;
    const r = await importOne(core, { path: writeText(core.dir, 'q.csv', body), kind: 'attendance', agency: 'A' });
    expect([r.rowsRead, r.rowsImported]).toEqual([2, 2]);
    const names = await rows<{ name: string }>(core, 'SELECT name FROM attendance ORDER BY nip');
    expect(names.map((n) => n.name)).toEqual(['Rai, Ngurah', 'Dua\r\nBaris']);
  });
});
