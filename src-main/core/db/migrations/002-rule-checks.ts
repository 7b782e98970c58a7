import type { Migration } from './index.ts';

export const migration: Migration = {
  version: 2,
  name: 'rule profiles, check runs and findings',
  sql: `
      CREATE TABLE profiles (
        agency VARCHAR NOT NULL, version INTEGER NOT NULL, info VARCHAR NOT NULL, overrides VARCHAR NOT NULL,
        saved_at TIMESTAMP NOT NULL, PRIMARY KEY (agency, version));
      INSERT INTO profiles VALUES ('', 1, '{}', '{}', now());
      CREATE SEQUENCE run_seq START 1;
      CREATE TABLE runs (
        run_id VARCHAR PRIMARY KEY, seq INTEGER NOT NULL, run_at TIMESTAMP NOT NULL, agency VARCHAR,
        date_from DATE, date_to DATE, requested_from DATE, requested_to DATE, profile_version VARCHAR NOT NULL, findings INTEGER NOT NULL,
        new_findings INTEGER NOT NULL, open_findings INTEGER NOT NULL, resolved_findings INTEGER NOT NULL);
      CREATE TABLE findings (
        run_id VARCHAR NOT NULL, rule VARCHAR NOT NULL, nip VARCHAR NOT NULL, name VARCHAR, agency VARCHAR,
        unit VARCHAR, period VARCHAR NOT NULL, week VARCHAR, detail VARCHAR NOT NULL, basis VARCHAR NOT NULL,
        status VARCHAR NOT NULL, sources STRUCT(batch VARCHAR, "row" INTEGER)[]);
    `,
};
