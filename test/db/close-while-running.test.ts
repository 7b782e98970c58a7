import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/database.ts';

/**
 * Fixed bug: closing the workspace while a statement ran (`pantau serve` stopped with a request still
 * being answered) deadlocked the thread running it inside DuckDB, so the process never exited and the
 * next start found the workspace locked; a second SIGTERM could not end it either. Now the close
 * interrupts the statement and waits for it.
 */
describe('closing the workspace while a statement runs', () => {
  it('interrupts the statement, ends the process and releases the workspace', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pantau-close-')), 'ws.duckdb');
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/close-while-running.ts'), path], {
      encoding: 'utf8', timeout: 60_000,
    });
    expect(child.signal, 'the process hung and was killed').toBeNull();
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toMatch(/^refused: .*ditutup/);
    const again = await openDatabase(path);
    expect(await again.one<{ n: number }>('SELECT 1 AS n')).toEqual({ n: 1 });
    again.close();
  }, 90_000);
});
