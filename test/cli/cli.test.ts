import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { pantau, ROOT } from '../helpers/cli.ts';
import { pantauInProcess as run } from '../helpers/cli-in-process.ts';
import { csv, nip, tempDir, writeText } from '../helpers/workspace.ts';

const GOOD = [
  ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
  [nip(1), 'Ani', '01/09/2025', '07:20', '16:05', 'H', 'WFO'],
  [nip(2), 'Budi', '2025-02-31', '07:20', '16:05', 'H', 'WFH'],
];

describe('pantau import / imports / undo', () => {
  it('import --json prints exactly one document in the contract shape', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    const file = writeText(dir, 'presensi.csv', csv(GOOD));
    const r = await run(['import', '--db', db, '--agency', 'PEMKOT-X', '--kind', 'attendance', '--json', file]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toEqual({
      files: [{
        file: 'presensi.csv', kind: 'attendance', agency: 'PEMKOT-X', status: 'imported', batch: 'b-000002',
        rowsRead: 2, rowsImported: 1, rowsRejected: 1, rowsSkipped: 0, skipped: [], layout: 'rows', records: 1,
        mapping: { nip: 'NIP', name: 'Nama', date: 'Tanggal', checkIn: 'Jam Masuk', checkOut: 'Jam Pulang', status: 'Kode Kehadiran', mode: 'Mode Kerja' },
        constants: {}, ignored: [],
        rejects: [{ row: 3, column: 'Tanggal', value: '2025-02-31', reason: 'baris 3: Tanggal "2025-02-31" bukan tanggal yang valid' }],
        warnings: [], error: null,
      }],
    });
  });

  it('a failed file gives exit 1, its error in the JSON and on stderr, and other files still import', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    const empty = writeText(dir, 'kosong.csv', '');
    const good = writeText(dir, 'ok.csv', csv(GOOD));
    const r = await run(['import', '--db', db, '--agency', 'A', '--kind', 'attendance', '--json', empty, good]);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { status: string }) => f.status)).toEqual(['failed', 'imported']);
    expect(doc.files[0]).toMatchObject({ rowsImported: 0, batch: null, error: 'Berkas kosong (0 byte).' });
    expect(r.stderr).toContain('kosong.csv: Berkas kosong');
  });

  it('wrong usage exits 2: unknown kind, missing --agency', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    expect((await run(['import', '--db', db, '--kind', 'gaji', 'x.csv'])).status).toBe(2);
    expect((await run(['import', '--db', db, '--kind', 'attendance', 'x.csv'])).status).toBe(2);
    expect((await run(['frobnicate'])).status).toBe(2);
  });

  it('imports lists the history and undo removes a batch', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    await run(['import', '--db', db, '--agency', 'A', '--kind', 'attendance', writeText(dir, 'p.csv', csv(GOOD))]);
    const list = JSON.parse((await run(['imports', '--db', db, '--json'])).stdout);
    expect(list.batches.map((b: { batch: string; kind: string }) => [b.batch, b.kind])).toEqual([
      ['b-000001', 'calendar'], ['b-000002', 'attendance'],
    ]);
    const undo = await run(['undo', '--db', db, '--batch', 'b-000002', '--json']);
    expect(JSON.parse(undo.stdout)).toEqual({ batch: 'b-000002', rowsRemoved: 1, rowsRestored: 0 });
    const human = await run(['imports', '--db', db]);
    expect(human.stdout).not.toContain('b-000002');
    const again = await run(['undo', '--db', db, '--batch', 'b-000002', '--json', '--lang', 'en']);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).code).toBe('BAD_REQUEST');
  });

  it('--lang en gives English reasons', async () => {
    const dir = tempDir();
    const r = await run(['import', '--db', join(dir, 'ws.duckdb'), '--agency', 'A', '--kind', 'attendance', '--lang', 'en', writeText(dir, 'p.csv', csv(GOOD))]);
    expect(r.stdout).toContain('row 3: Tanggal "2025-02-31" is not a valid date');
  });
});

describe('pantau in a shell pipeline', () => {
  it('piping the output into a reader that stops early (| head) ends quietly, without a stack trace', () => {
    const dir = tempDir();
    // 3,000 rejected rows print far more than a pipe buffer holds, so the writer outlives the reader.
    const bad = Array.from({ length: 3000 }, (_, i) => [nip(1), 'Ani', `2025-02-31`, '07:20', '16:05', 'H', `x${i}`]);
    const file = writeText(dir, 'p.csv', csv([GOOD[0]!, ...bad]));
    const command = `node ${join(ROOT, 'bin/pantau.js')} import --db ${join(dir, 'ws.duckdb')} --agency A --kind attendance ${file} | head -n 1`;
    const r = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^p\.csv → impor b-000002 \(Presensi, A\): 3\.000 baris dibaca, 0 diimpor, 3\.000 ditolak\n$/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});

describe('bin/pantau.js, the command as installed', () => {
  it('imports in a process of its own and exits 0, one JSON document on stdout', () => {
    const dir = tempDir();
    const r = pantau(['import', '--db', join(dir, 'ws.duckdb'), '--agency', 'PEMKOT-X', '--kind', 'attendance', '--json',
      writeText(dir, 'presensi.csv', csv(GOOD))]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { status: string; batch: string }) => [f.status, f.batch])).toEqual([['imported', 'b-000002']]);
  });
});
