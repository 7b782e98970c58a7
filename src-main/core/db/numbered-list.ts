import type { ColumnarResult, Db, Params, Row } from './database.ts';

let lists = 0;

/**
 * A list a screen scrolls through a page at a time: the filtered, sorted list is kept in a temp
 * table while the same question is asked, so each page is a range read instead of a fresh
 * aggregation and sort. Keys name the run, and a new run has a new id, so a list is never read
 * from an earlier run's.
 *
 * A row's place in the list is its rowid in the kept table: a table made by one statement from an
 * ordered select holds its rows in that order (DuckDB keeps an ORDER BY's order on insert unless
 * `preserve_insertion_order` is off, which nothing here turns off), its rowids count them from 0,
 * and nothing deletes from it. Sorting into the table takes about a third of the time numbering
 * the rows with row_number() OVER (ORDER BY ...) takes.
 *
 * A list may keep only what orders it and points to its rows: `pageOf` then reads a page's rows
 * from `k`, the page's kept rows with their place `i`, in the order of `k.i`. Sorting a long list of
 * wide rows costs several times sorting its keys, and a page is a few hundred rows.
 */
export function numberedList(db: Db, name: string, pageOf = (k: string) => `SELECT * EXCLUDE (i) FROM ${k} ORDER BY i`) {
  // Temp tables belong to the connection: each list has a table of its own.
  const table = `${name}_${++lists}`;
  let kept = '';
  let total = 0;
  const pageSql = pageOf(`(SELECT rowid AS i, * FROM ${table} WHERE rowid >= $offset AND rowid < $end) k`);
  return {
    /**
     * Keeps the rows of `select`, which gives them in the list's order (its ORDER BY makes the
     * order total), unless the list kept is the one `key` names. Returns the list's length.
     */
    async keep(key: string, select: string, params: Params): Promise<number> {
      if (key === kept) return total;
      kept = '';
      await db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${select}`, params);
      total = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
      kept = key;
      return total;
    },
    /** Rows offset .. offset + limit - 1 of the list kept, in its order, as columns. */
    page(offset: number, limit: number): Promise<ColumnarResult> {
      return db.columns(pageSql, { offset, end: offset + limit });
    },
    /** The same rows as objects. */
    rows<T extends Row>(offset: number, limit: number): Promise<T[]> {
      return db.json<T>(pageSql, { offset, end: offset + limit });
    },
    /** Lets the list go (read to its end): its rows need not wait for another question. */
    async forget(): Promise<void> {
      kept = '';
      await db.run(`DROP TABLE IF EXISTS ${table}`);
    },
  };
}
