import { CANONICAL_TABLE_NAMES, replacedTable } from './canonical.ts';
import type { Db } from './database.ts';

/**
 * Rows a crash left behind. DuckDB writes the rows of a large insert into the workspace file before
 * its transaction commits, and a process killed at the wrong moment can leave such rows to be read
 * again on the next open, though the transaction never committed and so never recorded their
 * batch or run. Batch and run numbers are taken outside those transactions, so such rows never
 * share a number with a recorded batch or run: after a workspace was not closed cleanly, every row
 * whose batch or run is not recorded is removed before anything reads it.
 */
const UNRECORDED_BATCH = (column: string) => `${column} NOT IN (SELECT batch_id FROM batches)`;
const UNRECORDED_RUN = `run_id NOT IN (SELECT run_id FROM runs)`;

const SWEEPS: [table: string, where: string][] = [
  ...CANONICAL_TABLE_NAMES.flatMap((t): [string, string][] => [
    [t, UNRECORDED_BATCH('batch_id')],
    [replacedTable(t), `${UNRECORDED_BATCH('batch_id')} OR ${UNRECORDED_BATCH('replaced_by')}`],
  ]),
  ['rejects', UNRECORDED_BATCH('batch_id')],
  ['skips', UNRECORDED_BATCH('batch_id')],
  ['findings', UNRECORDED_RUN],
  ['run_weeks', UNRECORDED_RUN],
  ['run_employees', UNRECORDED_RUN],
  ['run_week_writers', UNRECORDED_RUN],
  ['run_summaries', UNRECORDED_RUN],
  ['run_results', UNRECORDED_RUN],
  ['run_notes', UNRECORDED_RUN],
];

/**
 * Removes the rows of unrecorded batches and runs; returns how many. The weekly facts are a cache of
 * the records whose stray rows could not be told from good ones: they are dropped whole, and the next
 * check builds them again (rules/week-facts.ts).
 */
export async function sweepOrphans(db: Db): Promise<number> {
  let removed = 0;
  await db.transaction(async () => {
    for (const table of ['week_fact_batches', 'week_fact_agencies', 'week_facts']) await db.run(`DELETE FROM ${table}`);
    for (const [table, where] of SWEEPS) {
      const n = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`))!.n;
      if (n > 0) await db.run(`DELETE FROM ${table} WHERE ${where}`);
      removed += n;
    }
  });
  return removed;
}
