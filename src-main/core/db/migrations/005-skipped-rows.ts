import type { Migration } from './index.ts';

// Every row of a file is imported, rejected or skipped with its reason; the skipped ones are kept
// as the rejected ones are. Each sheet of a workbook is a batch of its own, named by the sheet, so
// that a stored row's batch and row number find it in the file.
export const migration: Migration = {
  version: 5,
  name: 'skipped rows; the sheet of a batch',
  sql: `
      ALTER TABLE batches ADD COLUMN rows_skipped INTEGER DEFAULT 0;
      ALTER TABLE batches ADD COLUMN sheet VARCHAR;
      CREATE TABLE skips (batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL, code VARCHAR NOT NULL, detail VARCHAR);
    `,
};
