import type { Db } from './database.ts';

/**
 * Numbered schema migrations. A migration is never edited once released: add a new one.
 * Canonical tables hold the current row per natural key; `<table>_replaced` keeps
 * the rows a later batch replaced, so undoing that batch can restore them.
 */
const CANONICAL_TABLES: Record<string, string> = {
  units: `agency VARCHAR NOT NULL, unit_name VARCHAR NOT NULL, unit_code VARCHAR, parent_unit VARCHAR,
    service_type VARCHAR, fwa_start DATE`,
  employees: `nip VARCHAR NOT NULL, name VARCHAR, agency VARCHAR, unit_name VARCHAR, position VARCHAR,
    field_duty BOOLEAN NOT NULL, special_condition BOOLEAN NOT NULL, special_from DATE, special_to DATE,
    discipline VARCHAR NOT NULL, service_type VARCHAR`,
  attendance: `nip VARCHAR NOT NULL, date DATE NOT NULL, agency VARCHAR, name VARCHAR, unit_name VARCHAR,
    status VARCHAR NOT NULL, mode VARCHAR, check_in TIME, check_out TIME`,
  performance: `nip VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL, agency VARCHAR,
    name VARCHAR, unit_name VARCHAR, year INTEGER, period_label VARCHAR, achievement_pct DOUBLE, rating VARCHAR`,
  approvals: `nip VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL, kind VARCHAR NOT NULL,
    agency VARCHAR, special_condition BOOLEAN NOT NULL, status VARCHAR NOT NULL, approver VARCHAR`,
  daily_reports: `nip VARCHAR NOT NULL, date DATE NOT NULL, agency VARCHAR, activity VARCHAR, output VARCHAR, verified BOOLEAN NOT NULL`,
  survey: `agency VARCHAR NOT NULL, respondent_id VARCHAR NOT NULL, unit_name VARCHAR, participated BOOLEAN,
    satisfaction INTEGER, met_target BOOLEAN, answers VARCHAR`,
  calendar: `date DATE NOT NULL, day_type VARCHAR NOT NULL, description VARCHAR`,
};

function canonicalDdl(): string {
  return Object.entries(CANONICAL_TABLES)
    .map(
      ([table, cols]) => `
      CREATE TABLE ${table} (${cols}, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL);
      CREATE TABLE ${table}_replaced (${cols}, batch_id VARCHAR NOT NULL, row_no INTEGER NOT NULL,
        replaced_by VARCHAR NOT NULL);`,
    )
    .join('\n');
}

export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
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
      ${canonicalDdl()}
    `,
  },
  {
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
  },
  {
    version: 3,
    name: 'observed employee-weeks of a run and its overview, for the screens',
    // The unit each employee-week counts under is decided while the run's temp tables exist;
    // keeping it lets the screens filter compliance by unit, week and rule without a re-run.
    // The unfiltered overview is computed once per run, so the first screen opens at once.
    sql: `
      CREATE TABLE run_weeks (
        run_id VARCHAR NOT NULL, agency VARCHAR, unit VARCHAR NOT NULL, nip VARCHAR NOT NULL, name VARCHAR,
        week VARCHAR NOT NULL, flex_days INTEGER NOT NULL, days INTEGER NOT NULL);
      CREATE TABLE run_summaries (run_id VARCHAR PRIMARY KEY, summary VARCHAR NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'findings carry the first and last day of their period',
    // Filters and the workbook read the dates instead of parsing period labels (a date, 2025-W37 or
    // 2025). The screens' copy of earlier runs is dropped: a summary stored before rates were kept
    // unrounded would show them rounded twice, and the next check stores a new one.
    sql: `
      ALTER TABLE findings ADD COLUMN period_start DATE;
      ALTER TABLE findings ADD COLUMN period_end DATE;
      UPDATE findings SET period_start = CASE
          WHEN regexp_full_match(period, '\\d{4}-\\d{2}-\\d{2}') THEN CAST(period AS DATE)
          WHEN regexp_full_match(period, '\\d{4}-W\\d{2}') THEN CAST(date_trunc('week', make_date(CAST(period[1:4] AS INTEGER), 1, 4)) AS DATE)
            + CAST((CAST(period[7:8] AS INTEGER) - 1) * 7 AS INTEGER)
          WHEN regexp_full_match(period, '\\d{4}') THEN make_date(CAST(period AS INTEGER), 1, 1) END;
      UPDATE findings SET period_end = CASE
          WHEN regexp_full_match(period, '\\d{4}-W\\d{2}') THEN CAST(period_start + 6 AS DATE)
          WHEN regexp_full_match(period, '\\d{4}') THEN make_date(year(period_start), 12, 31)
          ELSE period_start END;
      DELETE FROM run_summaries;
      DELETE FROM run_weeks;
    `,
  },
];

export const CANONICAL_TABLE_NAMES = Object.keys(CANONICAL_TABLES);

/** Applies every migration newer than the workspace, each in its own transaction. */
export async function migrate(db: Db): Promise<{ from: number; to: number }> {
  await db.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)');
  const row = await db.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  const from = row?.v ?? 0;
  let to = from;
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    await db.transaction(async () => {
      await db.run(m.sql);
      await db.run('INSERT INTO schema_version VALUES ($1, now())', [m.version]);
    });
    to = m.version;
  }
  return { from, to };
}
