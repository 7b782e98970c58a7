import type { Migration } from './index.ts';

// The unit each employee-week counts under is decided while the run's temp tables exist;
// keeping it lets the screens filter compliance by unit, week and rule without a re-run.
// The unfiltered overview is computed once per run, so the first screen opens at once.
export const migration: Migration = {
  version: 3,
  name: 'observed employee-weeks of a run and its overview, for the screens',
  sql: `
      CREATE TABLE run_weeks (
        run_id VARCHAR NOT NULL, agency VARCHAR, unit VARCHAR NOT NULL, nip VARCHAR NOT NULL, name VARCHAR,
        week VARCHAR NOT NULL, flex_days INTEGER NOT NULL, days INTEGER NOT NULL);
      CREATE TABLE run_summaries (run_id VARCHAR PRIMARY KEY, summary VARCHAR NOT NULL);
    `,
};
