import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, createDispatcher, inProcessTransport } from '../../src-main/contract/wire.ts';
import { pantau } from '../helpers/cli.ts';
import { pantauInProcess } from '../helpers/cli-in-process.ts';
import { freshCore, tempDir, writeText } from '../helpers/workspace.ts';

/** Wrong usage is found before any workspace opens: the CLI in this process, as the real one prints it. */
const run = (...argv: string[]) => pantauInProcess(argv);

describe('wrong usage exits 2 (fixed bug: these exited 1, or 0 without a command)', () => {
  it.each([
    ['check without --db', ['check'], 'Opsi --db <berkas> wajib diisi.'],
    ['a date not in YYYY-MM-DD form', ['check', '--from', '2025-9-1'], '--from harus tanggal YYYY-MM-DD yang ada, bukan "2025-9-1".'],
    ['a date in DD/MM/YYYY form', ['check', '--to', '01/09/2025'], '--to harus tanggal YYYY-MM-DD yang ada, bukan "01/09/2025".'],
    ['a month that does not exist', ['compare', '--period', '2025-13'], '--period harus berbentuk YYYY-MM (mis. 2025-09), bukan "2025-13".'],
    ['a day for a month', ['compare', '--period', '2025-09-01'], '--period harus berbentuk YYYY-MM (mis. 2025-09), bukan "2025-09-01".'],
    ['--set without =', ['profile', '--set', 'foo'], '--set harus berbentuk KUNCI=NILAI, bukan "foo".'],
    ['a port that is not a number', ['serve', '--port', 'abc'], '--port harus bilangan 0–65535, bukan "abc".'],
  ])('%s', async (_, args, message) => {
    const db = join(tempDir(), 'ws.duckdb');
    const r = await run(...args, ...(args.length > 1 ? ['--db', db] : []));
    expect(r).toEqual({ status: 2, stdout: '', stderr: `${message}\n` });
    expect(existsSync(db)).toBe(false);
  });

  it('no command prints the usage and exits 2', async () => {
    const r = await run();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Cara pakai: pantau');
  });

  it('--help still exits 0', async () => {
    expect((await run('--help')).status).toBe(0);
    expect((await run('check', '--help')).status).toBe(0);
  });
});

describe('a date that does not exist (fixed bug: 2025-02-31 crashed inside DuckDB as INTERNAL)', () => {
  it.each([
    [['check', '--from', '2025-02-31'], '--from harus tanggal YYYY-MM-DD yang ada, bukan "2025-02-31".'],
    [['export', '--out', 'x.xlsx', '--from', '2025-02-31'], '--from harus tanggal YYYY-MM-DD yang ada, bukan "2025-02-31".'],
    [['export', '--out', 'x.xlsx', '--to', '2025-02-30'], '--to harus tanggal YYYY-MM-DD yang ada, bukan "2025-02-30".'],
  ])('%j is wrong usage, naming the option and the value', async (args, message) => {
    const r = await run(...args, '--db', join(tempDir(), 'ws.duckdb'));
    expect(r).toEqual({ status: 2, stdout: '', stderr: `${message}\n` });
  });

  it('is in English with --lang en', async () => {
    const r = await run('check', '--db', join(tempDir(), 'ws.duckdb'), '--from', '2025-02-31', '--lang', 'en');
    expect(r.stderr).toBe('--from must be a date that exists, written YYYY-MM-DD, not "2025-02-31".\n');
  });

  it('the request validator refuses it too, for the app and the browser', async () => {
    const api = createClient(inProcessTransport(createDispatcher(await freshCore())));
    await expect(api.runChecks({ from: '2025-02-31' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.runChecks({ from: '2024-02-29', to: '2024-03-01' })).resolves.toMatchObject({ from: '2024-02-29' });
  });
});

describe("the option parser's errors in the user's language (fixed bug: commander's English)", () => {
  it('an unknown option', async () => {
    expect((await run('check', '--db', 'ws.duckdb', '--bogus')).stderr).toBe('Opsi --bogus tidak dikenal.\n');
    expect((await run('check', '--db', 'ws.duckdb', '--bogus', '--lang', 'en')).stderr).toBe('Unknown option --bogus.\n');
  });

  it('a required option left out', async () => {
    expect(await run('import', '--db', 'ws.duckdb', 'f.csv')).toEqual({ status: 2, stdout: '', stderr: 'Opsi --kind <jenis> wajib diisi.\n' });
    expect((await run('undo', '--db', 'ws.duckdb')).stderr).toBe('Opsi --batch <nomor> wajib diisi.\n');
    expect((await run('undo', '--db', 'ws.duckdb', '--lang', 'en')).stderr).toBe('Option --batch <id> is required.\n');
  });

  it('a value outside the choices names them', async () => {
    const r = await run('import', '--db', 'ws.duckdb', '--kind', 'gaji', 'f.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('--kind <jenis> tidak menerima "gaji"; pilih salah satu dari attendance, roster, units, performance, approvals, reports, survey, calendar.\n');
  });
});

describe('--json with wrong usage prints one JSON document (fixed bug: stdout was empty)', () => {
  it('an unknown option', async () => {
    const r = await run('check', '--db', 'ws.duckdb', '--bogus', '--json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: 'Opsi --bogus tidak dikenal.', code: 'BAD_REQUEST' });
  });

  it('--agency left out where the kind needs it', async () => {
    const r = await run('import', '--db', 'ws.duckdb', '--kind', 'roster', '--json', 'f.csv');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: '--agency wajib untuk --kind roster', code: 'BAD_REQUEST' });
  });

  it('the real command exits 2 with the document on stdout', () => {
    const r = pantau(['check', '--db', 'ws.duckdb', '--bogus', '--json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: 'Opsi --bogus tidak dikenal.', code: 'BAD_REQUEST' });
    expect(pantau([]).status).toBe(2);
  });
});

describe('profile --import of a file it cannot use (fixed bug: raw Node and JSON.parse messages)', () => {
  it('a missing file is named', async () => {
    const path = join(tempDir(), 'hilang.json');
    const r = await run('profile', '--db', join(tempDir(), 'ws.duckdb'), '--import', path);
    expect(r).toEqual({ status: 1, stdout: '', stderr: `Berkas profil ${path} tidak ditemukan.\n` });
  });

  it('a file that is not JSON is named', async () => {
    const path = writeText(tempDir(), 'rusak.json', '{ profil: 1 }');
    const r = await run('profile', '--db', join(tempDir(), 'ws.duckdb'), '--import', path, '--lang', 'en');
    expect(r).toEqual({ status: 1, stdout: '', stderr: `Profile file ${path} is not valid JSON.\n` });
  });
});
