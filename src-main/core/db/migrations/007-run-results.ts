import type { Migration } from './index.ts';

// A check over unchanged data, profiles and rules returns the stored run instead of making a new
// one, so "new" always means new since the data or the rules last changed. The latest run of each
// scope keeps what it depended on (a fingerprint) and its figures; runs stored before this
// migration have none, so the next check of their scope makes a new run.
export const migration: Migration = {
  version: 7,
  name: 'the fingerprint and figures of the latest run of each scope',
  sql: `
      CREATE TABLE run_results (run_id VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL, result VARCHAR NOT NULL);
    `,
};
