import type { Migration } from './index.ts';

// Each employee-week the screens keep names the rules of the weekly rate whose findings fall in it
// (`failed`, empty when compliant), so that a filter by unit, week or rule counts stored rows
// instead of joining every employee-week with the run's findings again. Weeks stored before have
// no such list: they go, with their summaries, and the screens ask for a check until one is run.
export const migration: Migration = {
  version: 11,
  name: 'the rules failed in each employee-week of the screens',
  sql: `
      ALTER TABLE run_weeks ADD COLUMN failed VARCHAR[];
      DELETE FROM run_weeks;
      DELETE FROM run_summaries;
    `,
};
