// Reported = committed (issue 18): an import's answer listed every rejected row, so a file with a
// million of them made an answer too big to serialise ("Invalid string length", a 500, 5.1 GB) after
// its rows were already committed: the user was told it failed while it was stored. The answer is now
// built before COMMIT and bounded; the rest is paged (batchRejects) or streamed (CLI --json).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_REJECTS_PAGE_MAX, IMPORT_RESULT_ROWS, type ImportFilesResult } from '../../src-main/contract/import-types.ts';
import { createClient, createDispatcher, inProcessTransport, type Envelope } from '../../src-main/contract/wire.ts';
import type { CoreApi } from '../../src-main/contract/api.ts';
import { figure } from '../support/figures.ts';
import { FULL } from '../support/sizes.ts';
import { ROOT } from '../helpers/cli.ts';
import { freshCore, tempDir, TODAY } from '../helpers/workspace.ts';
import { openDatabase, type Db } from '../../src-main/core/db/database.ts';
import { migrate } from '../../src-main/core/db/migrations.ts';
import { listBatches } from '../../src-main/core/import/batches.ts';
import type { ImportEnv } from '../../src-main/core/import/import-file.ts';
import { importFiles } from '../../src-main/core/import/import-files.ts';
import { installMacros } from '../../src-main/core/import/normalise-sql.ts';

const REJECTED = FULL ? 1_000_000 : 5_000;

/** A performance file whose every row is rejected: its month cannot be read. */
function everyRowRejected(dir: string, rows: number): string {
  const path = join(dir, 'kinerja-bulan-rusak.csv');
  const lines = ['nip_baru,tahun,bulan,capaian_kinerja,predikat_kinerja'];
  for (let i = 0; i < rows; i++) lines.push(`19910515201604${String(i).padStart(4, '0').slice(-4)},2025,Bulan${i},"100,5",Baik`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('an import answers with what it committed, however many rows it rejected', () => {
  it('answers in a few KB listing the first rows, and batchRejects pages through every one of them', async () => {
    const core = await freshCore();
    const path = everyRowRejected(core.dir, REJECTED);
    const dispatcher = createDispatcher(core);
    const text = await dispatcher.dispatch('importFiles', JSON.stringify({ files: [{ path, kind: 'performance', agency: 'X' }] }));
    const envelope = JSON.parse(text) as Envelope;
    expect(envelope.ok).toBe(true);
    const file = (envelope as { value: ImportFilesResult }).value.files[0]!;
    expect(file.status).toBe('imported');
    expect(file.rowsRejected).toBe(REJECTED);
    expect(file.rejects).toHaveLength(IMPORT_RESULT_ROWS);
    expect(text.length).toBeLessThan(64 * 1024);

    const api = createClient(inProcessTransport(dispatcher));
    const rows = new Set<number>();
    let last = 0;
    let sorted = true;
    for (let offset = 0; ; offset += BATCH_REJECTS_PAGE_MAX) {
      const page = await api.batchRejects({ batch: file.batch!, offset, limit: BATCH_REJECTS_PAGE_MAX });
      for (const r of page.rejects) {
        sorted &&= r.row >= last;
        last = r.row;
        rows.add(r.row);
      }
      if (offset + BATCH_REJECTS_PAGE_MAX >= page.rejectsTotal) break;
    }
    expect(sorted).toBe(true);
    expect(rows.size).toBe(REJECTED);
    // The answer's rows are the first page's.
    expect(file.rejects.map((r) => r.row)).toEqual([...rows].slice(0, IMPORT_RESULT_ROWS));
    figure('bounded', `bounded answers: ${REJECTED} rejected rows answered in ${(text.length / 1024).toFixed(0)} KB (${file.rejects.length} listed), ${rows.size}/${REJECTED} paged`);
  }, 600_000);

  it('the CLI prints every rejected row in one valid JSON document, streamed from the pages', () => {
    const dir = tempDir();
    const path = everyRowRejected(dir, REJECTED);
    const out = join(dir, 'out.json');
    const fd = openSync(out, 'w');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/pantau.js'), 'import', '--db', join(dir, 'w.duckdb'), '--kind', 'performance', '--agency', 'X', path, '--json'],
      { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 600_000 });
    closeSync(fd);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Read back by Python's json, another reader than the one that wrote it.
    const counted = spawnSync('python3', ['-c', `import json,sys; f=json.load(open(sys.argv[1]))['files'][0]; print(f['status'], f['rowsRejected'], len(f['rejects']), len({r['row'] for r in f['rejects']}))`, out], { encoding: 'utf8' });
    expect(counted.stdout.trim()).toBe(`imported ${REJECTED} ${REJECTED} ${REJECTED}`);
    figure('bounded-cli', `bounded CLI: import --json of ${REJECTED} rejected rows, ${REJECTED}/${REJECTED} in one valid document (${(readFileSync(out).length / 2 ** 20).toFixed(0)} MB), exit 0`);
  }, 600_000);

  it('a failure while the answer is built stores nothing: the file is reported failed and no batch is left', async () => {
    const dir = tempDir();
    const db = await openDatabase(join(dir, 'w.duckdb'), { sandboxDir: dir });
    try {
      await installMacros(db);
      await migrate(db);
      // The answer reads the batch's rejected rows: that read fails, as a disk error would.
      const failing: Db = { ...db, all: (sql, params) => (/FROM rejects WHERE/.test(sql) ? Promise.reject(new Error('injected read error')) : db.all(sql, params)) };
      const env: ImportEnv = { db: failing, tmpDir: dir, now: () => TODAY, profile: async () => ({ workDays: 5, dayStartsAt: '00:00' }) };
      const path = everyRowRejected(dir, 50);
      const result = await importFiles(env, { files: [{ path, kind: 'performance', agency: 'X' }] }, (p) => p, () => undefined);
      expect(result.files[0]!.status).toBe('failed');
      // Before, the rejects were read after COMMIT: the batch stayed while the file was reported failed.
      expect(await listBatches(db, true)).toEqual([]);
      expect(await db.one('SELECT count(*)::INTEGER AS n FROM performance')).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('an answer that cannot be serialised comes back as an error envelope, not a thrown exception', async () => {
    // Before, the dispatcher serialised outside its try: the transport got an exception (a 500, a crashed CLI).
    const core = { listRules: async () => ({ big: 1n }) } as unknown as CoreApi;
    const text = await createDispatcher(core, () => undefined).dispatch('listRules', '{}');
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
