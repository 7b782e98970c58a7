import type { Migration } from './index.ts';

// A finding found again unchanged by the next run of its scope stays the row the earlier run wrote,
// instead of a copy under each run: a row is one of a run's findings from the run that wrote it
// until the run of the same scope that stopped finding it or found it changed (`end_seq`, that run's
// number; NULL while it is still found). A resolved row belongs to the run that resolved it only.
// Every row stored until now belongs to its own run only.
export const migration: Migration = {
  version: 15,
  name: 'a finding stays one row while the next runs find it unchanged',
  sql: `
      ALTER TABLE findings ADD COLUMN end_seq INTEGER;
      UPDATE findings SET end_seq = r.seq + 1 FROM runs r WHERE r.run_id = findings.run_id;
    `,
};
