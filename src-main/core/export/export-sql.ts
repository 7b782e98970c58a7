import { FLEXIBLE_MODES, PRESENT_STATUSES } from '../../contract/vocabulary.ts';
import { sqlList } from '../db/database.ts';
import { findingsOf } from '../rules/findings-sql.ts';

/**
 * SQL of the workbook. Everything here reads what a check run stored (`runs`, `findings`) or
 * what imports stored (`batches`, `rejects`, canonical tables); values are always bound.
 * Scope parameters: $run, $agency (null = all), $unit (null = all), $from, $to.
 */

/** Batches in scope: the agency's own and those without one (the national calendar, a multi-agency survey). */
const BATCH_SCOPE = `b.status = 'active' AND ($agency IS NULL OR b.agency = $agency OR b.agency IS NULL)`;

/**
 * Every open finding of a run with its source rows named by file: `files` are the distinct file
 * names, `rows` the row numbers (prefixed by the file when a finding spans several files).
 * Pseudonymised ($salt set), people are ordered by a keyed hash: NIP order would give away
 * who is older or longer in service.
 */
const FINDINGS_SELECT = `
WITH names AS (SELECT map_from_entries(list({'k': batch_id, 'v': file_name})) AS m FROM batches),
f AS (
  SELECT f.*
  FROM ${findingsOf('$run')} f
  WHERE f.status <> 'resolved' AND ($unit IS NULL OR f.unit = $unit)
),
named AS (
  SELECT f.*, list_transform(f.sources, s -> {'file': coalesce(names.m[s.batch], s.batch), 'row': s."row"}) AS src
  FROM f, names
)
SELECT
  rule,
  nip,
  name,
  agency,
  unit,
  period,
  period_start,
  period_end,
  figures,
  detail,
  basis,
  status,
  array_to_string(list_sort(list_distinct(list_transform(src, s -> s.file))), '; ') AS files,
  CASE WHEN length(list_distinct(list_transform(src, s -> s.file))) <= 1
    THEN array_to_string(list_transform(src, s -> CAST(s."row" AS VARCHAR)), ', ')
    ELSE array_to_string(list_transform(src, s -> s.file || ': ' || CAST(s."row" AS VARCHAR)), '; ') END AS rows
FROM named`;

export const FINDINGS_SQL = `${FINDINGS_SELECT}
ORDER BY agency NULLS LAST, unit NULLS LAST, rule, CASE WHEN $salt IS NULL THEN nip ELSE md5($salt || nip) END, period`;

/**
 * The longest texts and the longest words of each text column of the findings sheet (a few of each,
 * by length), from which its column widths are fitted before the first row streams out: one
 * aggregate over the findings instead of reading them twice. Sentences are written in the reader's
 * language from figures, so for the detail column (col 'sentence') each rule gives the few findings
 * whose figures and unit are longest (as JSON text: rule, period, unit, figures, detail), and each
 * distinct period (col 'period') comes as its label, to be written out.
 */
export const FINDING_TEXTS_SQL = `
WITH f AS (${FINDINGS_SELECT}),
t AS (
  SELECT 'nip' AS col, nip AS text FROM f
  UNION ALL SELECT 'name', name FROM f
  UNION ALL SELECT 'agency', agency FROM f
  UNION ALL SELECT 'unit', unit FROM f
  UNION ALL SELECT 'basis', basis FROM f
  UNION ALL SELECT 'files', files FROM f
  UNION ALL SELECT 'rows', rows FROM f
),
w AS (SELECT col, unnest(regexp_split_to_array(text, '\\s+')) AS word FROM t),
s AS (
  SELECT rule, CAST(to_json({'rule': rule, 'period': period, 'unit': unit, 'figures': figures, 'detail': detail}) AS VARCHAR) AS text
  FROM f
)
SELECT col, unnest(max_by(text, length(text), 4)) AS text FROM t WHERE text IS NOT NULL GROUP BY col
UNION ALL
SELECT col, unnest(max_by(word, length(word), 4)) FROM w WHERE word <> '' GROUP BY col
UNION ALL
SELECT 'sentence', unnest(max_by(text, length(text), 4)) FROM s GROUP BY rule
UNION ALL
SELECT DISTINCT 'period', period FROM f`;

export interface FindingRow {
  rule: string; nip: string; name: string | null; agency: string | null; unit: string | null; period: string;
  period_start: Date; period_end: Date; figures: string | null; detail: string | null; basis: string; status: string; files: string; rows: string;
}

/**
 * Findings per rule: open, new, resolved; and `weeks`, the employee-weeks an open finding of the rule
 * falls in (rules of the weekly rate), from which a unit report gives the rule's compliance as the
 * screen does for the unit: a finding of the weekly rate is filed under the unit of its employee-week.
 */
export const FINDING_COUNTS_SQL = `
SELECT
  rule,
  count(*) FILTER (WHERE status <> 'resolved') AS n,
  count(*) FILTER (WHERE status = 'new') AS fresh,
  count(*) FILTER (WHERE status = 'resolved') AS resolved,
  count(DISTINCT nip || ' ' || week) FILTER (WHERE status <> 'resolved' AND week IS NOT NULL) AS weeks
FROM ${findingsOf('$run')} f
WHERE $unit IS NULL OR unit = $unit
GROUP BY rule
ORDER BY rule`;

/** Employees seen in scope, and those with at least one flexible-location day (adoption). */
export const HEADCOUNT_SQL = `
SELECT
  count(DISTINCT a.nip) AS employees,
  count(DISTINCT a.nip) FILTER (WHERE a.mode IN ${sqlList(FLEXIBLE_MODES)} AND a.status IN ${sqlList(PRESENT_STATUSES)}) AS flex_employees
FROM attendance a
LEFT JOIN employees e ON e.nip = a.nip
WHERE a.date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
  AND ($agency IS NULL OR a.agency = $agency)
  AND ($unit IS NULL OR coalesce(e.unit_name, a.unit_name) = $unit)`;

/** Agencies that use a unit name (units, roster, attendance): a unit report needs exactly one. */
export const UNIT_AGENCIES_SQL = `
SELECT DISTINCT agency
FROM (
  SELECT agency, unit_name FROM units
  UNION ALL SELECT agency, unit_name FROM employees
  UNION ALL SELECT agency, unit_name FROM attendance
)
WHERE unit_name = $unit AND agency IS NOT NULL AND ($agency IS NULL OR agency = $agency)
ORDER BY agency`;

export const BATCHES_SQL = `
SELECT
  b.batch_id,
  b.file_name,
  b.kind,
  b.agency,
  b.format,
  b.size,
  b.sha256,
  b.imported_at,
  b.rows_read,
  b.rows_imported,
  b.rows_rejected,
  b.rows_skipped,
  b.rows_replaced,
  b.mapping
FROM batches b
WHERE ${BATCH_SCOPE}
ORDER BY b.seq`;

export interface BatchRow {
  batch_id: string; file_name: string; kind: string; agency: string | null; format: string; size: number;
  sha256: string; imported_at: Date; rows_read: number; rows_imported: number; rows_rejected: number;
  rows_skipped: number; rows_replaced: number; mapping: string;
}

/**
 * Rejected rows of the batches in scope, in file order. A file imported again as it was (the same
 * content, kind, agency, sheet, columns and constants) replaced every row of the earlier import and
 * rejected the same rows again: they are listed once, under the later import.
 */
export const REJECTS_SQL = `
SELECT
  r.batch_id,
  b.file_name,
  b.kind,
  b.agency,
  r.row_no,
  r.column_name,
  r.value,
  r.code,
  r.detail
FROM rejects r
JOIN batches b ON b.batch_id = r.batch_id
WHERE ${BATCH_SCOPE}
  AND NOT EXISTS (
    SELECT 1 FROM batches l
    WHERE l.status = 'active' AND l.seq > b.seq AND l.sha256 = b.sha256 AND l.kind = b.kind AND l.agency IS NOT DISTINCT FROM b.agency
      AND l.sheet IS NOT DISTINCT FROM b.sheet AND l.mapping = b.mapping AND l.constants IS NOT DISTINCT FROM b.constants
  )
ORDER BY b.seq, r.row_no, r.column_name`;

export interface RejectRow {
  batch_id: string; file_name: string; kind: string; agency: string | null; row_no: number; column_name: string;
  value: string | null; code: string; detail: string | null;
}

