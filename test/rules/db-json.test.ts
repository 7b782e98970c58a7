import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/database.ts';

// db.json carries findings and data-quality notes to JavaScript: same rows and order as db.all.

let db: Db;

beforeAll(async () => {
  db = await openDatabase(':memory:');
});

afterAll(() => db?.close());

describe('db.json', () => {
  it('keeps the order of a sorted result of many rows (several DuckDB threads)', async () => {
    const sql = `SELECT i, 'n-' || (i * 7919 % 300000) AS k FROM range(300000) t(i) ORDER BY i * 7919 % 300000 DESC, i`;
    const viaJson = await db.json<{ i: number; k: string }>(sql);
    const viaAll = await db.all<{ i: number; k: string }>(sql);
    expect(viaJson).toHaveLength(300_000);
    expect(viaJson).toEqual(viaAll);
  });

  it('gives the same values as db.all for text, NULL, integers and lists of structs', async () => {
    const sql = `SELECT 'LOK-01' AS rule, NULL::VARCHAR AS name, 42::INTEGER AS records, 'a "quoted" \\ name' AS detail,
      [{'batch': 'b-1', 'row': 7}, {'batch': 'b-2', 'row': 9}]::STRUCT(batch VARCHAR, "row" INTEGER)[] AS sources
      WHERE $rule = 'LOK-01'`;
    const [row] = await db.json(sql, { rule: 'LOK-01' });
    expect(row).toEqual({ rule: 'LOK-01', name: null, records: 42, detail: 'a "quoted" \\ name', sources: [{ batch: 'b-1', row: 7 }, { batch: 'b-2', row: 9 }] });
    expect(row).toEqual((await db.all(sql, { rule: 'LOK-01' }))[0]);
  });

  it('gives no rows for an empty result', async () => {
    expect(await db.json('SELECT 1 AS x WHERE false')).toEqual([]);
  });
});
