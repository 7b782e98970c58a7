import type { Migration } from './index.ts';

// The screens' employee-weeks name their employee by the run's number for it (`emp`, never
// missing: a week without it would drop out of the employee counts unseen); the NIP and name are
// kept once per employee (`run_employees`). Counting distinct employees on a number, and copying
// two columns of text once per employee rather than once per week, are what make the screens and
// the check faster. Each week also says whether its employee's records come from several agencies
// (`several`): only those weeks can have a row per agency, which the trend counts once. Weeks
// stored before have neither: the table is made anew without them, their summaries go, and the
// screens ask for a check until one is run.
export const migration: Migration = {
  version: 12,
  name: 'the employees of the screens by number',
  sql: `
      DROP TABLE run_weeks;
      CREATE TABLE run_weeks (
        run_id VARCHAR NOT NULL, agency VARCHAR, unit VARCHAR NOT NULL, emp INTEGER NOT NULL,
        week VARCHAR NOT NULL, flex_days INTEGER NOT NULL, days INTEGER NOT NULL, failed VARCHAR[], several BOOLEAN NOT NULL);
      CREATE TABLE run_employees (run_id VARCHAR NOT NULL, emp INTEGER NOT NULL, nip VARCHAR NOT NULL, name VARCHAR);
      DELETE FROM run_summaries;
    `,
};
