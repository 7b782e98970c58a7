import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportWorkbookResult } from '../../src-main/contract/export-types.ts';
import { pantauInProcess as run } from '../helpers/cli-in-process.ts';
import { csv, importOne, nip, workspaceTemplate, writeText, type WorkspaceTemplate } from '../helpers/workspace.ts';
import { readWithOpenpyxl } from './xlsx.ts';

// `pantau export` as README.md's command table and docs/workbook.md describe it: exit codes, --json.

const ROWS = [
  ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
  [nip(1), 'Anindita Rahmawati', 'Bagian Umum', '08/09/2025', '07:30', '16:00', 'H', 'WFH'],
  [nip(1), 'Anindita Rahmawati', 'Bagian Umum', '09/09/2025', '07:30', '16:00', 'H', 'WFH'],
  [nip(1), 'Anindita Rahmawati', 'Bagian Umum', '10/09/2025', '07:30', '16:00', 'H', 'WFH'],
  [nip(2), 'Budi', 'Bagian Keuangan', '08/09/2025', '07:30', '16:00', 'H', 'WFO'],
];

let imported: WorkspaceTemplate;
beforeAll(async () => {
  imported = await workspaceTemplate(async (core) => {
    const r = await importOne(core, { path: writeText(core.dir, 'p.csv', csv(ROWS)), kind: 'attendance', agency: 'PEMKOT-X' });
    expect(r.status).toBe('imported');
  });
});

/** Each test exports from its own copy of the imported workspace. */
function workspace(): { dir: string; db: string } {
  const db = imported.file();
  return { dir: dirname(db), db };
}

describe('pantau export', () => {
  it('writes the workbook and prints one JSON document describing it', async () => {
    const { dir, db } = workspace();
    const out = join(dir, 'laporan.xlsx');
    const r = await run(['export', '--db', db, '--out', out, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as ExportWorkbookResult;
    expect(doc).toMatchObject({ out, kind: 'full', run: 'r-000001', agency: null, unit: null, from: '2025-09-08', to: '2025-09-10',
      findings: 1, pseudonymised: false });
    expect(doc.sheets.map((s) => s.name)).toEqual(['Ringkasan', 'Kepatuhan per unit', 'Temuan', 'Perbandingan', 'Survei',
      'Kualitas data', 'Metode', 'Manifest']);
    const book = readWithOpenpyxl(out);
    const finding = book.sheets.find((s) => s.name === 'Temuan')!.rows.find((r) => r[0]![0] === 'LOK-01')!;
    expect(finding.slice(0, 3).map((c) => c[0])).toEqual(['LOK-01', nip(1), 'Anindita Rahmawati']);
  });

  it('--unit with --pseudonymize --key writes the unit report without the NIP or the name', async () => {
    const { dir, db } = workspace();
    const out = join(dir, 'unit.xlsx');
    const r = await run(['export', '--db', db, '--out', out, '--unit', 'Bagian Umum', '--pseudonymize', '--key', 'rahasia-bulanan', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'unit', agency: 'PEMKOT-X', unit: 'Bagian Umum', pseudonymised: true, findings: 1 });
    const text = Object.values(readWithOpenpyxl(out).xml).join('\n');
    expect([nip(1), 'Anindita Rahmawati', 'rahasia-bulanan'].filter((s) => text.includes(s))).toEqual([]);
  });

  it('wrong usage exits 2 with a message in Bahasa Indonesia: --pseudonymize without --key, a short key, no --out', async () => {
    const { dir, db } = workspace();
    const out = join(dir, 'x.xlsx');
    const noKey = await run(['export', '--db', db, '--out', out, '--pseudonymize']);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain('--pseudonymize memerlukan --key');
    const short = await run(['export', '--db', db, '--out', out, '--pseudonymize', '--key', 'abc']);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('minimal 8 karakter');
    expect((await run(['export', '--db', db])).status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('a unit that does not exist fails with exit 1 and the error in the JSON', async () => {
    const { dir, db } = workspace();
    const r = await run(['export', '--db', db, '--out', join(dir, 'x.xlsx'), '--unit', 'Bagian Fiktif', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: 'Unit "Bagian Fiktif" tidak ditemukan.', code: 'NOT_FOUND' });
    expect(r.stderr).toContain('tidak ditemukan');
  });
});
