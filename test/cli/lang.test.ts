import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pantauInProcess as run } from '../helpers/cli-in-process.ts';
import { csv, nip, tempDir, writeText } from '../helpers/workspace.ts';

// Messages are in Bahasa Indonesia unless --lang en (cli.md), the core's own errors and import warnings included.
describe('pantau --lang en: the core\'s errors and warnings', () => {
  it('undo of an unknown batch', async () => {
    const db = join(tempDir(), 'ws.duckdb');
    const en = await run(['undo', '--db', db, '--batch', 'b-999999', '--lang', 'en', '--json']);
    expect(en.status).toBe(1);
    expect(en.stderr).toContain('Import b-999999 not found.');
    expect(JSON.parse(en.stdout)).toEqual({ error: 'Import b-999999 not found.', code: 'NOT_FOUND' });
    const id = await run(['undo', '--db', db, '--batch', 'b-999999']);
    expect(id.status).toBe(1);
    expect(id.stderr).toContain('Impor b-999999 tidak ditemukan.');
  });

  it('profile --set refusals: the Pasal 13 ceiling and an unknown parameter', async () => {
    const db = join(tempDir(), 'ws.duckdb');
    const en = await run(['profile', '--db', db, '--agency', 'A', '--set', 'maxFlexDays=3', '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stderr).toMatch(/^Flexible-location days allowed per week may be at most 2 days: PermenPANRB 4\/2025 Pasal 13 ayat \(1\) limits .*; 3 refused\.$/m);
    const id = await run(['profile', '--db', db, '--agency', 'A', '--set', 'maxFlexDays=3']);
    expect(id.status).toBe(1);
    expect(id.stderr).toMatch(/^Batas hari fleksibel lokasi per minggu paling banyak 2 hari: PermenPANRB 4\/2025 Pasal 13 ayat \(1\) membatasi .*; 3 ditolak\.$/m);
    expect((await run(['profile', '--db', db, '--agency', 'A', '--set', 'foo=1', '--lang', 'en'])).stderr).toContain('Unknown parameter "foo".');
    expect((await run(['profile', '--db', db, '--agency', 'A', '--set', 'foo=1'])).stderr).toContain('Parameter "foo" tidak dikenal.');
  });

  it('import: a failed file\'s error and the warnings, in the same JSON fields', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    const empty = writeText(dir, 'kosong.csv', '');
    // No work mode column: one warning; the same file twice: another.
    const file = writeText(dir, 'p.csv', csv([['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran'], [nip(1), 'Ani', '01/09/2025', '07:20', '16:05', 'H']]));
    const args = ['import', '--db', db, '--agency', 'A', '--kind', 'attendance', '--json'];
    await run([...args, file]);
    const en = JSON.parse((await run([...args, '--lang', 'en', empty, file])).stdout);
    expect(en.files[0].error).toBe('The file is empty (0 bytes).');
    expect(en.files[1].warnings).toEqual([
      'The file has no work mode column; every day present is recorded as WFO.',
      'The contents of this file are identical to import b-000002; rows with the same key were replaced, not duplicated.',
    ]);
    const id = JSON.parse((await run([...args, empty, file])).stdout);
    expect(id.files[0].error).toBe('Berkas kosong (0 byte).');
    expect(id.files[1].warnings).toEqual([
      'Berkas tidak memiliki kolom mode kerja; setiap hari hadir dicatat sebagai WFO.',
      'Isi berkas ini sama persis dengan impor b-000002; baris dengan kunci yang sama diganti, tidak digandakan.',
    ]);
  });
});
