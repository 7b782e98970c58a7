import type { Migration } from './index.ts';

// Canonical tables hold the current row per natural key; `<table>_replaced` keeps the rows a
// later batch replaced, so undoing that batch can restore them.
export const migration: Migration = {
  version: 1,
  name: 'workspace, batches, rejects, recipes, canonical tables',
  sql: `
      CREATE SEQUENCE batch_seq START 1;
      CREATE TABLE batches (
        batch_id VARCHAR PRIMARY KEY, seq INTEGER NOT NULL, file_name VARCHAR NOT NULL, file_path VARCHAR,
        size BIGINT NOT NULL, sha256 VARCHAR NOT NULL, agency VARCHAR, kind VARCHAR NOT NULL,
        format VARCHAR NOT NULL, encoding VARCHAR, delimiter VARCHAR, header_row INTEGER NOT NULL,
        mapping VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL, rows_read INTEGER NOT NULL,
        rows_imported INTEGER NOT NULL, rows_rejected INTEGER NOT NULL, rows_replaced INTEGER NOT NULL,
        warnings VARCHAR NOT NULL, status VARCHAR NOT NULL, undone_at TIMESTAMP);
      CREATE TABLE rejects (
        batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL, column_name VARCHAR NOT NULL,
        value VARCHAR, code VARCHAR NOT NULL, detail VARCHAR);
      CREATE TABLE recipes (
        agency VARCHAR NOT NULL, kind VARCHAR NOT NULL, recipe VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL,
        PRIMARY KEY (agency, kind));
      
      CREATE TABLE units (agency VARCHAR NOT NULL, unit_name VARCHAR NOT NULL, unit_code VARCHAR, parent_unit VARCHAR,
    service_type VARCHAR, fwa_start DATE, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE units_replaced (agency VARCHAR NOT NULL, unit_name VARCHAR NOT NULL, unit_code VARCHAR, parent_unit VARCHAR,
    service_type VARCHAR, fwa_start DATE, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);

      CREATE TABLE employees (nip VARCHAR NOT NULL, name VARCHAR, agency VARCHAR, unit_name VARCHAR, position VARCHAR,
    field_duty BOOLEAN NOT NULL, special_condition BOOLEAN NOT NULL, special_from DATE, special_to DATE,
    discipline VARCHAR NOT NULL, service_type VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE employees_replaced (nip VARCHAR NOT NULL, name VARCHAR, agency VARCHAR, unit_name VARCHAR, position VARCHAR,
    field_duty BOOLEAN NOT NULL, special_condition BOOLEAN NOT NULL, special_from DATE, special_to DATE,
    discipline VARCHAR NOT NULL, service_type VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);

      CREATE TABLE attendance (nip VARCHAR NOT NULL, date DATE NOT NULL, agency VARCHAR, name VARCHAR, unit_name VARCHAR,
    status VARCHAR NOT NULL, mode VARCHAR, check_in TIME, check_out TIME, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE attendance_replaced (nip VARCHAR NOT NULL, date DATE NOT NULL, agency VARCHAR, name VARCHAR, unit_name VARCHAR,
    status VARCHAR NOT NULL, mode VARCHAR, check_in TIME, check_out TIME, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);

      CREATE TABLE performance (nip VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL, agency VARCHAR,
    name VARCHAR, unit_name VARCHAR, year INTEGER, period_label VARCHAR, achievement_pct DOUBLE, rating VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE performance_replaced (nip VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL, agency VARCHAR,
    name VARCHAR, unit_name VARCHAR, year INTEGER, period_label VARCHAR, achievement_pct DOUBLE, rating VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);

      CREATE TABLE approvals (nip VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL, kind VARCHAR NOT NULL,
    agency VARCHAR, special_condition BOOLEAN NOT NULL, status VARCHAR NOT NULL, approver VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE approvals_replaced (nip VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL, kind VARCHAR NOT NULL,
    agency VARCHAR, special_condition BOOLEAN NOT NULL, status VARCHAR NOT NULL, approver VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);

      CREATE TABLE daily_reports (nip VARCHAR NOT NULL, date DATE NOT NULL, agency VARCHAR, activity VARCHAR, output VARCHAR, verified BOOLEAN NOT NULL, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE daily_reports_replaced (nip VARCHAR NOT NULL, date DATE NOT NULL, agency VARCHAR, activity VARCHAR, output VARCHAR, verified BOOLEAN NOT NULL, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);

      CREATE TABLE survey (agency VARCHAR NOT NULL, respondent_id VARCHAR NOT NULL, unit_name VARCHAR, participated BOOLEAN,
    satisfaction INTEGER, met_target BOOLEAN, answers VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE survey_replaced (agency VARCHAR NOT NULL, respondent_id VARCHAR NOT NULL, unit_name VARCHAR, participated BOOLEAN,
    satisfaction INTEGER, met_target BOOLEAN, answers VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);

      CREATE TABLE calendar (date DATE NOT NULL, day_type VARCHAR NOT NULL, description VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE calendar_replaced (date DATE NOT NULL, day_type VARCHAR NOT NULL, description VARCHAR, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);
    `,
};
