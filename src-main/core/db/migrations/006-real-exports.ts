import type { Migration } from './index.ts';

// Real exports: an employee's device PIN or card number (scan logs name employees by it; the table is
// rebuilt so that the column sits among the canonical ones, before the bookkeeping), and what
// the import guessed about each file, kept with its batch so the history shows it as the report did:
// the layout, the field each column supplied, values read from above the header, columns passed over,
// and the records written (a scan log's rows make fewer records than rows).
export const migration: Migration = {
  version: 6,
  name: 'device PINs; the layout, constants, ignored columns and records of a batch',
  sql: `
      CREATE TABLE employees_006 (nip VARCHAR NOT NULL, name VARCHAR, agency VARCHAR, unit_name VARCHAR, position VARCHAR,
    field_duty BOOLEAN NOT NULL, special_condition BOOLEAN NOT NULL, special_from DATE, special_to DATE,
    discipline VARCHAR NOT NULL, service_type VARCHAR, pin VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      INSERT INTO employees_006 SELECT nip, name, agency, unit_name, position, field_duty, special_condition, special_from,
    special_to, discipline, service_type, NULL, batch_id, row_no FROM employees;
      DROP TABLE employees;
      ALTER TABLE employees_006 RENAME TO employees;
      CREATE TABLE employees_replaced_006 (nip VARCHAR NOT NULL, name VARCHAR, agency VARCHAR, unit_name VARCHAR, position VARCHAR,
    field_duty BOOLEAN NOT NULL, special_condition BOOLEAN NOT NULL, special_from DATE, special_to DATE,
    discipline VARCHAR NOT NULL, service_type VARCHAR, pin VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);
      INSERT INTO employees_replaced_006 SELECT nip, name, agency, unit_name, position, field_duty, special_condition, special_from,
    special_to, discipline, service_type, NULL, batch_id, row_no, replaced_by FROM employees_replaced;
      DROP TABLE employees_replaced;
      ALTER TABLE employees_replaced_006 RENAME TO employees_replaced;
      ALTER TABLE batches ADD COLUMN layout VARCHAR DEFAULT 'rows';
      ALTER TABLE batches ADD COLUMN constants VARCHAR DEFAULT '{}';
      ALTER TABLE batches ADD COLUMN ignored VARCHAR DEFAULT '[]';
      ALTER TABLE batches ADD COLUMN records INTEGER;
    `,
};
