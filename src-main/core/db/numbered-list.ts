import type { ColumnarResult, Db, Params, Row } from './database.ts';

let lists = 0;

/**
 * A list a screen scrolls through a page at a time: the filtered, sorted list is numbered once
 * into a temp table and kept while the same question is asked, so each page is a range read
 * instead of a fresh aggregation and sort. Keys name the run, and a new run has a new id, so a
 * list is never read from an earlier run's.
 */
export function numberedList(db: Db, name: string) {
  // Temp tables belong to the connection: each list has a table of its own.
  const table = `${name}_${++lists}`;
  let kept = '';
  let total = 0;
  const pageSql = `SELECT * EXCLUDE (i) FROM ${table} WHERE i >= $offset AND i < $end ORDER BY i`;
  return {
    /**
     * Keeps the rows of `select`, which numbers them from 0 in the list's order as `i`, unless the
     * list kept is the one `key` names. Returns the list's length.
     */
    async keep(key: string, select: string, params: Params): Promise<number> {
      if (key === kept) return total;
      kept = '';
      await db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${select}`, params);
      total = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
      kept = key;
      return total;
    },
    /** Rows offset .. offset + limit - 1 of the list kept, in its order, without their number, as columns. */
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
