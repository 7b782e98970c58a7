import type { Migration } from './index.ts';

// Filters and the workbook read a finding's first and last day instead of parsing its period label
// (a date, 2025-W37 or 2025). The screens' copy of earlier runs is dropped: a summary stored before
// rates were kept unrounded would show them rounded twice, and the next check stores a new one.
export const migration: Migration = {
  version: 4,
  name: 'findings carry the first and last day of their period',
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
};
