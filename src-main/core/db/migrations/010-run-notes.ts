import type { Migration } from './index.ts';

// A check's data-quality notes (employees missing from the roster, present days without a time) are
// rows of their own, numbered in the answer's order (`i`), instead of two lists in the run's stored
// result: a run over 10 million rows may note 250,000 employees, which the answer now only counts
// and pages. Kept for the runs whose result is kept (the latest of each scope).
export const migration: Migration = {
  version: 10,
  name: 'data-quality notes of a run, paged',
  sql: `
      CREATE TABLE run_notes (
        run_id VARCHAR NOT NULL, note VARCHAR NOT NULL, i INTEGER NOT NULL, agency VARCHAR, nip VARCHAR NOT NULL,
        name VARCHAR, date DATE, records INTEGER, batch_id VARCHAR, row_no INTEGER);
    `,
};
