import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';
import { csv, freshCore, importOne, nip, tempDir, writeText } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';
import { trySandboxEscapes } from './sql-sandbox.ts';

describe('SQL sandbox: once a workspace is open DuckDB reaches only its staging folder', () => {
  it('sql sandbox: 5/5 refused (read outside, write outside, INSTALL, re-enable access, ATTACH)', async () => {
    const core = await freshCore();
    const attempts = await trySandboxEscapes(core, tempDir());
    for (const a of attempts) {
      expect(a.refused, `${a.name}: ${a.sql}`).toBe(true);
      expect(a.error).toMatch(/Permission Error|configuration has been locked|Cannot enable external access/);
    }
    expect(attempts.filter((a) => a.refused)).toHaveLength(5);
    figure('sandbox', `sql sandbox: ${attempts.filter((a) => a.refused).length}/${attempts.length} refused`);
  });

  it('extensions are neither auto-installed nor auto-loaded, and the configuration is locked', async () => {
    const core = await freshCore();
    const s = await core.db.one(`SELECT current_setting('autoinstall_known_extensions') AS ai,
      current_setting('autoload_known_extensions') AS al, current_setting('enable_external_access') AS ext,
      current_setting('lock_configuration') AS locked, current_setting('allow_unsigned_extensions') AS unsigned`);
    expect(s).toEqual({ ai: false, al: false, ext: false, locked: true, unsigned: false });
    await expect(core.db.run('SET autoinstall_known_extensions = true')).rejects.toThrow(/locked/);
    await expect(core.db.run("SET extension_directory = '/tmp'")).rejects.toThrow(/locked/);
  });

  it('a path that climbs out of the staging folder with .. is refused too', async () => {
    const core = await freshCore();
    const outside = tempDir();
    writeText(outside, 'x.csv', 'a\n1\n');
    const spill = (await core.db.one<{ d: string }>("SELECT current_setting('temp_directory') AS d"))!.d;
    const climb = `${spill}/${relative(spill, join(outside, 'x.csv'))}`;
    expect(climb).toContain('/../');
    await expect(core.db.run(`SELECT * FROM read_csv('${climb}')`)).rejects.toThrow(/Permission Error/);
  });

  it('files outside the sandbox still import (staged as a copy inside it), and the copy is removed', async () => {
    const core = await freshCore();
    const outside = tempDir();
    const path = writeText(outside, 'presensi.csv', csv([
      ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
      [nip(1), 'Budi', '2025-09-01', '07:30', '16:00', 'H', 'WFO'],
    ]));
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect(r).toMatchObject({ status: 'imported', rowsImported: 1 });
    const staging = readdirSync(core.dir).find((f) => f.startsWith('pantau-staging-'))!;
    expect(readdirSync(join(core.dir, staging)).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });

  it('no API request type carries SQL text', () => {
    const dir = join(ROOT, 'src-main/contract');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/^\s*(sql|query|where|orderBy|expression)\??\s*:/im);
    }
  });
});
