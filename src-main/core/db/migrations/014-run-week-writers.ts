import type { Migration } from './index.ts';

// A re-check judges only the weeks that changed and takes the others from the screens' run
// (rules/check-run.ts). Copying those weeks' rows of `run_weeks` under the new run's id took longer
// than writing the weeks of the month that changed, so a run's employee-weeks are the rows written
// by several runs: its own (the weeks it judged) and those kept from the runs before it, which
// `run_week_writers` lists (a run always lists itself). The screens' run until now wrote all of its
// rows itself.
export const migration: Migration = {
  version: 14,
  name: 'the runs whose rows are a run\'s employee-weeks',
  sql: `
      CREATE TABLE run_week_writers (run_id VARCHAR NOT NULL, writer VARCHAR NOT NULL);
      INSERT INTO run_week_writers SELECT DISTINCT run_id, run_id FROM run_weeks;
    `,
};
