import { describe, expect, it } from 'vitest';
import {
  CANONICAL_TABLE_NAMES,
  replacedColumns,
  replacedTable,
  tableColumns,
  type ColumnSpec,
} from '../../src-main/core/db/canonical.ts';
import { openDatabase, type Db } from '../../src-main/core/db/database.ts';
import { migrate } from '../../src-main/core/db/migrations.ts';
import { KINDS } from '../../src-main/core/import/kinds.ts';

/** A workspace migrated from nothing: what every migration together makes. */
async function migrated(): Promise<Db> {
  const db = await openDatabase(':memory:');
  await migrate(db);
  return db;
}

async function columns(db: Db, table: string): Promise<ColumnSpec[]> {
  return db.all<ColumnSpec & Record<string, unknown>>(
    `SELECT column_name AS name, data_type AS type, NOT is_nullable AS "notNull" FROM duckdb_columns()
     WHERE schema_name = 'main' AND table_name = $table ORDER BY column_index`,
    { table },
  );
}

// A canonical column needs both a migration that adds it and its entry in canonical.ts (which
// import and undo read): these tests fail when either is missing.
describe('the migrations make exactly the canonical tables canonical.ts declares', () => {
  it('each canonical table has the declared columns, in order, with their types and NOT NULL', async () => {
    const db = await migrated();
    try {
      for (const table of CANONICAL_TABLE_NAMES) expect(await columns(db, table), table).toEqual(tableColumns(table));
    } finally {
      db.close();
    }
  });

  it('each _replaced twin has the same columns and then replaced_by', async () => {
    const db = await migrated();
    try {
      for (const table of CANONICAL_TABLE_NAMES) {
        expect(await columns(db, replacedTable(table)), replacedTable(table)).toEqual(replacedColumns(table));
      }
    } finally {
      db.close();
    }
  });

  it('every _replaced table in the workspace is the twin of a declared canonical table', async () => {
    const db = await migrated();
    try {
      const twins = await db.all<{ t: string }>(
        `SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main' AND table_name LIKE '%\\_replaced' ESCAPE '\\' ORDER BY 1`,
      );
      expect(twins.map((r) => r.t)).toEqual(CANONICAL_TABLE_NAMES.map(replacedTable).sort());
    } finally {
      db.close();
    }
  });

  it('every import kind fills a declared canonical table, and each table is filled by one kind', () => {
    expect(Object.values(KINDS).map((k) => k.table).sort()).toEqual([...CANONICAL_TABLE_NAMES].sort());
  });
});
