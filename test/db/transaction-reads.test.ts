import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/database.ts';
import { tempDir } from '../helpers/workspace.ts';

// Fixed bug (found by `npm run robustness`): in DuckDB 1.5, a transaction that appended no rows to a
// table and then a row group or more (122,880 rows) from a temporary table left the table reading as
// empty until the next checkpoint: count(*) 0, sum NULL, while ORDER BY … LIMIT found every row. An
// import does exactly that to `rejects` (the reader's rejects, often none, then the file's), so
// `pantau import --json` listed the first 10,000 of 1,000,000 rejected rows; any other table a
// transaction appends to that way would have read short in the app that wrote it. Db.transaction
// now checkpoints after its commit.
describe('what a transaction committed is read whole by the same process', () => {
  let db: Db | undefined;
  afterEach(() => db?.close());

  it.each([
    ['no rows, then two row groups', [0, 200_000]],
    ['no rows, then just over one row group', [0, 130_000]],
    ['a few rows, then two row groups', [10, 200_000]],
  ])('%s appended from temporary tables in one transaction', async (_what, appends) => {
    db = await openDatabase(join(tempDir(), 'w.duckdb'));
    await db.run('CREATE TABLE t (n INTEGER, s VARCHAR)');
    for (const [k, rows] of appends.entries()) {
      await db.run(`CREATE TEMP TABLE src${k} AS SELECT i::INTEGER AS n, 'v' || i AS s FROM range(0, ${rows}) r(i)`);
    }
    await db.transaction(async () => {
      for (const k of appends.keys()) await db!.run(`INSERT INTO t SELECT n, s FROM src${k}`);
    });
    const total = appends.reduce((a, b) => a + b, 0);
    const read = await db.one<{ rows: number; ordered: number; filtered: number }>(`SELECT
      (SELECT count(*) FROM t)::INTEGER AS rows,
      (SELECT count(*) FROM (SELECT n FROM t ORDER BY n LIMIT 1000000000))::INTEGER AS ordered,
      (SELECT count(*) FROM t WHERE n >= 0)::INTEGER AS filtered`);
    expect(read).toEqual({ rows: total, ordered: total, filtered: total });
  }, 120_000);
});
