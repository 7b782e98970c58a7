import type { Migration } from './index.ts';

// A re-check judges again only the weeks whose records changed since the previous run of its scope
// and takes the rest from that run (rules/check-run.ts). For that a run keeps what it was made from
// (`state`: every batch with its state, the profiles and the rules' logic), and the screens' run
// keeps each employee's unit as the run saw it (`unit`, and `weekly` when it was the week's own):
// when an employee's unit changed, the weeks taken over would be filed under the old one. Runs
// stored before have neither, and the next check of their scope judges every week.
export const migration: Migration = {
  version: 13,
  name: 'what a run was made from, for the next run of its scope',
  sql: `
      ALTER TABLE run_results ADD COLUMN state VARCHAR;
      ALTER TABLE run_employees ADD COLUMN unit VARCHAR;
      ALTER TABLE run_employees ADD COLUMN weekly BOOLEAN;
    `,
};
