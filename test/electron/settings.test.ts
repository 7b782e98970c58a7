import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, rememberWorkspace, writeSettings } from '../../src-main/electron/settings.ts';

function file(): string {
  return join(mkdtempSync(join(tmpdir(), 'pantau-settings-')), 'nested', 'settings.json');
}

describe('desktop settings', () => {
  it('are empty when there is no file yet', async () => {
    await expect(readSettings(file())).resolves.toEqual({});
  });

  it('remember the last workspace across reads', async () => {
    const f = file();
    await rememberWorkspace(f, '/home/analis/data/bogor.duckdb');
    await expect(readSettings(f)).resolves.toEqual({ lastWorkspace: '/home/analis/data/bogor.duckdb' });
    await rememberWorkspace(f, '/home/analis/data/jateng.duckdb');
    await expect(readSettings(f)).resolves.toEqual({ lastWorkspace: '/home/analis/data/jateng.duckdb' });
  });

  it('are written as readable JSON', async () => {
    const f = file();
    await writeSettings(f, { lastWorkspace: '/data/ws.duckdb' });
    expect(JSON.parse(readFileSync(f, 'utf8'))).toEqual({ lastWorkspace: '/data/ws.duckdb' });
  });

  it('ignore a broken file instead of stopping the app', async () => {
    const f = file();
    await writeSettings(f, {});
    for (const text of ['{not json', '[]', '"x"', '{"lastWorkspace": 42}', '{"lastWorkspace": "relatif.duckdb"}']) {
      writeFileSync(f, text);
      await expect(readSettings(f), text).resolves.toEqual({});
    }
  });
});
