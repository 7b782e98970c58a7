import type { Migration } from './index.ts';

// A check reads each employee-week's figures from `week_facts` instead of aggregating every record
// again: the facts are kept up to date for the weeks an import or an undo touches (a batch's first
// and last key date are kept for that), and rebuilt for an agency whose profile or holidays changed
// (`week_fact_agencies` keeps what each agency's facts were built from; `week_fact_batches` the
// state of every attendance batch they reflect). They are a cache of the records: dropping them all
// makes the next check rebuild them.
export const migration: Migration = {
  version: 9,
  name: 'weekly facts of the records, kept for checks',
  sql: `
      ALTER TABLE batches ADD COLUMN key_from DATE;
      ALTER TABLE batches ADD COLUMN key_to DATE;
      CREATE TABLE week_facts (
        agency VARCHAR NOT NULL, nip VARCHAR NOT NULL, week_start DATE NOT NULL, records INTEGER NOT NULL,
        net BIGINT, centiminutes BIGINT, touches BOOLEAN, flex_days INTEGER NOT NULL);
      CREATE TABLE week_fact_agencies (agency VARCHAR PRIMARY KEY, stamp VARCHAR NOT NULL);
      CREATE TABLE week_fact_batches (batch_id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL);
    `,
};
