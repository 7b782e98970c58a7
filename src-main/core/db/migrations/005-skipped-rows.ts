import type { Migration } from './index.ts';

// Every row of a file is imported, rejected or skipped with its reason; the skipped ones are kept
// as the rejected ones are. A workbook's rows are named by sheet as well as row.
export const migration: Migration = {
  version: 5,
  name: 'skipped rows, and the sheet of a rejected or skipped row',
  sql: `
      ALTER TABLE batches ADD COLUMN rows_skipped INTEGER DEFAULT 0;
      ALTER TABLE rejects ADD COLUMN sheet VARCHAR;
      CREATE TABLE skips (
        batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL, sheet VARCHAR, code VARCHAR NOT NULL, detail VARCHAR);
    `,
};
