import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/index.ts';
import { pantauInProcess as run } from '../helpers/cli-in-process.ts';
import { csv, tempDir, TODAY, workspaceTemplate, writeText, type WorkspaceTemplate } from '../helpers/workspace.ts';
import { AG, importFixture, OTHER } from '../records/fixture.ts';

let template: WorkspaceTemplate;
beforeAll(async () => {
  template = await workspaceTemplate(importFixture);
});

/** The four commands that narrow to an agency, with what else each needs. */
const COMMANDS: [string, (dir: string) => string[]][] = [
  ['check', () => []],
  ['compare', () => []],
  ['export', (dir) => ['--out', join(dir, 'laporan.xlsx')]],
  ['records', () => ['--kind', 'attendance']],
];

async function runsIn(db: string): Promise<number> {
  const core = await createCore({ dbPath: db, tmpDir: tempDir(), now: () => TODAY, log: () => undefined });
  try {
    return (await core.db.one<{ n: number }>('SELECT count(*) AS n FROM runs'))!.n;
  } finally {
    core.close();
  }
}

describe('an --agency the workspace does not know fails (exit 1), naming the agencies it knows', () => {
  it.each(COMMANDS)('%s', async (command, extra) => {
    const db = template.file();
    const dir = tempDir();
    const r = await run([command, '--db', db, '--agency', 'TIDAK-ADA', ...extra(dir)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`Instansi "TIDAK-ADA" tidak dikenal di workspace ini. Instansi yang ada: ${OTHER}, ${AG}.\n`);
    expect(r.stdout).toBe('');
    // A typo must never look like a clean month: no run stored, no workbook written.
    expect(await runsIn(db)).toBe(0);
    expect(existsSync(join(dir, 'laporan.xlsx'))).toBe(false);
  });

  it.each(COMMANDS)('%s --json --lang en: the error document, in English', async (command, extra) => {
    const r = await run([command, '--db', template.file(), '--agency', 'pemkot-uji', '--json', '--lang', 'en', ...extra(tempDir())]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      error: `Agency "pemkot-uji" is not known in this workspace. Known agencies: ${OTHER}, ${AG}.`, code: 'NOT_FOUND',
    });
  });

  it('a known agency still runs', async () => {
    const db = template.file();
    const r = await run(['check', '--db', db, '--agency', AG, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).run).toBe('r-000001');
  });

  it('an empty workspace says that it knows no agency yet', async () => {
    const r = await run(['check', '--db', join(tempDir(), 'ws.duckdb'), '--agency', 'A']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Instansi "A" tidak dikenal di workspace ini. Belum ada instansi: impor data lebih dahulu.\n');
  });

  it('known means: in an active batch, a profile, or a survey row; an undone batch no longer counts', async () => {
    const db = template.file();
    const dir = tempDir();
    expect((await run(['profile', '--db', db, '--agency', 'PROFIL-SAJA', '--set', 'workDays=5'])).status).toBe(0);
    const survey = writeText(dir, 'survei.csv', csv([['ID Responden', 'Instansi', 'Kepuasan'], ['R9', 'SURVEI-SAJA', '5']]));
    expect((await run(['import', '--db', db, '--kind', 'survey', survey])).status).toBe(0);
    expect((await run(['undo', '--db', db, '--batch', 'b-000003'])).status).toBe(0);
    const r = await run(['compare', '--db', db, '--agency', 'X']);
    expect(r.stderr).toContain(`Instansi yang ada: ${AG}, PROFIL-SAJA, SURVEI-SAJA.`);
    expect((await run(['compare', '--db', db, '--agency', 'SURVEI-SAJA'])).status).toBe(0);
  });
});
