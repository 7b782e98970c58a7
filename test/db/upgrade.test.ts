import { tableFromIPC } from 'apache-arrow';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { MIGRATIONS } from '../../src-main/core/db/migrations/index.ts';
import { checkWhole } from '../helpers/checks.ts';
import { SAMPLES } from '../helpers/samples.ts';
import { tempDir, TODAY } from '../helpers/workspace.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'workspace-v3.duckdb.gz');
const AGENCY = 'PEMKOT-BOGOR';

/** A copy of the workspace the schema-3 release wrote, opened with today's code. */
async function openOldWorkspace(): Promise<Core> {
  const dir = tempDir();
  const dbPath = join(dir, 'ws.duckdb');
  writeFileSync(dbPath, gunzipSync(readFileSync(FIXTURE)));
  return createCore({ dbPath, tmpDir: dir, now: () => TODAY, log: () => undefined });
}

async function catalog(core: Core): Promise<unknown[]> {
  return core.db.all(`SELECT table_name, column_index, column_name, data_type, is_nullable FROM duckdb_columns()
    WHERE schema_name = 'main' UNION ALL
    SELECT sequence_name, NULL, NULL, NULL, NULL FROM duckdb_sequences() WHERE schema_name = 'main'
    ORDER BY ALL`);
}

async function count(core: Core, table: string): Promise<number> {
  return (await core.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
}

describe('a workspace written by the schema-3 release', () => {
  it('is upgraded to the latest schema version', async () => {
    const core = await openOldWorkspace();
    try {
      const versions = await core.db.all<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      core.close();
    }
  });

  it('has the same tables, columns and sequences as a new workspace', async () => {
    const old = await openOldWorkspace();
    const dir = tempDir();
    const fresh = await createCore({ dbPath: join(dir, 'new.duckdb'), tmpDir: dir, now: () => TODAY, log: () => undefined });
    try {
      expect(await catalog(old)).toEqual(await catalog(fresh));
    } finally {
      old.close();
      fresh.close();
    }
  });

  it('keeps its batches, rows, run and profile', async () => {
    const core = await openOldWorkspace();
    try {
      const { batches } = await core.listImports({});
      expect(batches.map((b) => [b.batch, b.kind, b.rowsImported, b.rowsRejected, b.rowsReplaced])).toEqual([
        ['b-000001', 'calendar', 66, 0, 0],
        ['b-000002', 'units', 6, 0, 0],
        ['b-000003', 'roster', 28, 0, 0],
        ['b-000004', 'attendance', 1229, 3, 0],
        ['b-000005', 'roster', 28, 0, 28],
      ]);
      // Migration 6: batches stored before the layouts read as rows, one record per imported row, no constants.
      expect(batches.map((b) => [b.layout, b.records === b.rowsImported, b.constants])).toEqual(batches.map(() => ['rows', true, {}]));
      const counts = await Promise.all(
        ['calendar', 'units', 'employees', 'employees_replaced', 'attendance', 'rejects'].map((t) => count(core, t)),
      );
      expect(counts).toEqual([66, 6, 28, 28, 1229, 3]);
      const runs = await core.db.all<{ run_id: string; agency: string; findings: number; profile_version: string }>(
        'SELECT run_id, agency, findings, profile_version FROM runs ORDER BY seq',
      );
      expect(runs).toEqual([{ run_id: 'r-000001', agency: AGENCY, findings: 1, profile_version: 'nasional v1 + PEMKOT-BOGOR v1' }]);
      expect(await count(core, "findings WHERE run_id = 'r-000001'")).toBe(1);
      // Migration 4: the stored finding's period as dates, read from its label once.
      const finding = (await core.db.one<{ period: string; first: string; last: string }>(
        `SELECT period, strftime(period_start, '%Y-%m-%d') AS first, strftime(period_end, '%Y-%m-%d') AS last FROM findings`))!;
      const span = (Date.parse(finding.last) - Date.parse(finding.first)) / 86_400_000;
      expect(span).toBe(/^\d{4}-W\d{2}$/.test(finding.period) ? 6 : /^\d{4}$/.test(finding.period) ? 364 : 0);
      expect(finding.period).toBe(await core.db.one<{ p: string }>(
        `SELECT CASE WHEN period LIKE '%-W%' THEN strftime(period_start, '%G-W%V') WHEN length(period) = 4 THEN strftime(period_start, '%Y')
           ELSE strftime(period_start, '%Y-%m-%d') END AS p FROM findings`).then((r) => r!.p));
      // The screens' copy of the old run is dropped with the migration: they wait for the next check.
      expect((await core.overview({})).run).toBeNull();
      const profile = await core.getProfile({ agency: AGENCY });
      expect([profile.name, profile.level, profile.province, profile.params.toleranceMinutes])
        .toEqual(['Pemerintah Kota Bogor', 'kota', 'Jawa Barat', 10]);
    } finally {
      core.close();
    }
  });

  it('runs a new check that follows on from the stored run', async () => {
    const core = await openOldWorkspace();
    try {
      const run = await checkWhole(core, { agency: AGENCY });
      expect(run.run).toBe('r-000002');
      expect(run.profileVersion).toBe('nasional v1 + PEMKOT-BOGOR v1');
      expect(run.findings.map((f) => f.status)).toEqual(['open']);
    } finally {
      core.close();
    }
  });

  it('imports a new file and undoes an old batch, restoring the rows it replaced', async () => {
    const core = await openOldWorkspace();
    try {
      const reports = join(SAMPLES, 'pemkot-bogor', 'laporan-harian.csv');
      const { files } = await core.importFiles({ files: [{ path: reports, kind: 'reports', agency: AGENCY }] });
      expect([files[0]!.status, files[0]!.batch]).toEqual(['imported', 'b-000006']);
      expect(await count(core, 'daily_reports')).toBe(files[0]!.rowsImported);
      const undone = await core.undoImport({ batch: 'b-000005' });
      expect([undone.rowsRemoved, undone.rowsRestored]).toEqual([28, 28]);
      expect(await count(core, "employees WHERE batch_id = 'b-000003'")).toBe(28);
      expect(await count(core, 'employees_replaced')).toBe(0);
    } finally {
      core.close();
    }
  });

  it('shows the sentence its run stored (in Bahasa Indonesia, even to an English reader) once a later check resolves that finding', async () => {
    const core = await openOldWorkspace();
    try {
      // Its one finding (JAM-01, 145 minutes short) was stored as text: a tolerance of 600 minutes resolves it.
      await core.setProfile({ agency: AGENCY, set: { toleranceMinutes: '600' } });
      const run = await checkWhole(core, { agency: AGENCY }, { lang: 'en' });
      expect(run.resolved.map((f) => [f.rule, f.period, f.detail])).toEqual([['JAM-01', '2025-W41', '35 j 05 m dari 37 j 30 m']]);
      const page = await core.findings({ status: 'resolved' }, { lang: 'en' });
      expect(tableFromIPC(page.rows).toArray().map((r) => (r.toJSON() as { detail: string }).detail)).toEqual(['35 j 05 m dari 37 j 30 m']);
    } finally {
      core.close();
    }
  });
});
