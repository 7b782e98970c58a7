import type { Migration } from './index.ts';

// Real exports: an employee's device PIN or card number (scan logs name employees by it), and what
// the import guessed about each file, kept with its batch so the history shows it as the report did:
// the layout, the field each column supplied, values read from above the header, columns passed over,
// and the records written (a scan log's rows make fewer records than rows).
export const migration: Migration = {
  version: 6,
  name: 'device PINs; the layout, constants, ignored columns and records of a batch',
  sql: `
      ALTER TABLE employees ADD COLUMN pin VARCHAR;
      ALTER TABLE employees_replaced ADD COLUMN pin VARCHAR;
      ALTER TABLE batches ADD COLUMN layout VARCHAR DEFAULT 'rows';
      ALTER TABLE batches ADD COLUMN constants VARCHAR DEFAULT '{}';
      ALTER TABLE batches ADD COLUMN ignored VARCHAR DEFAULT '[]';
      ALTER TABLE batches ADD COLUMN records INTEGER;
    `,
};
