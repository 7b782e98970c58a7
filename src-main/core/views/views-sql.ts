import { RUN_WEEK_ROWS, TAKEN_WEEK, weekCountsSql } from '../rules/compliance-sql.ts';
import { UNKNOWN_UNIT } from '../rules/run-tables.ts';
import { findingsOf } from '../rules/findings-sql.ts';

/**
 * SQL of the screens' read methods. Every statement reads one stored run ($run) and the
 * filter parameters of `filterParams`: $agency, $unit, $rule, $from, $to (NULL = no filter).
 */

/**
 * Written by the check run while its tables exist: the employee-weeks it judged (those it took
 * from the screens' run stay that run's rows) with their flexible days and failed rules, and the
 * NIP, name and unit of each of its employees (`emp`, its number in the run; the unit as the next
 * run of the scope compares it, check-run.ts).
 */
export const STORE_RUN_WEEKS = [`
INSERT INTO run_weeks
SELECT $run, agency, unit, emp, week, flex_days::INTEGER, records::INTEGER, failed, several
FROM observed_weeks
WHERE NOT taken`, `
INSERT INTO run_employees
SELECT $run, emp, nip, name, unit, weekly
FROM employee_units
WHERE emp IN (SELECT emp FROM observed_weeks)`];

/**
 * The run's writers: itself, and those of the run it took weeks from ($source, none when it judged
 * every week), whose rows it did not take go (those of the weeks it judged).
 */
export const WRITE_RUN_WEEKS = [
  'DELETE FROM run_week_writers WHERE run_id = $run', `
INSERT INTO run_week_writers
SELECT $run, $run
UNION
SELECT $run, writer FROM run_week_writers WHERE run_id = $source`, `
DELETE FROM run_weeks
WHERE ${RUN_WEEK_ROWS('$source')} AND NOT ${TAKEN_WEEK('run_weeks')}`];

/** The screens show one run, the latest with a summary: earlier runs give their employee-weeks back. */
export const DROP_RUN_WEEKS = [
  `DELETE FROM run_weeks WHERE NOT ${RUN_WEEK_ROWS('$run')}`,
  ...['run_employees', 'run_week_writers'].map((t) => `DELETE FROM ${t} WHERE run_id <> $run`),
];

/**
 * A run stored for the screens again (a check that changed nothing returns it) first loses what a
 * store cut short left. Its rows are no other run's: a run whose weeks another took is not the
 * latest of its scope, and only the latest is returned again.
 */
export const CLEAR_RUN_WEEKS = ['run_weeks', 'run_employees'].map((t) => `DELETE FROM ${t} WHERE run_id = $run`);

/** ... and becomes the latest with a summary again: later runs (of other scopes) give their summaries back. */
export const DROP_LATER_SUMMARIES = `DELETE FROM run_summaries
WHERE run_id IN (SELECT run_id FROM runs WHERE seq > (SELECT seq FROM runs WHERE run_id = $run))`;

export const STORE_SUMMARY = `INSERT OR REPLACE INTO run_summaries VALUES ($run, $summary)`;
export const READ_SUMMARY = `SELECT summary FROM run_summaries WHERE run_id = $run`;

export const LATEST_RUN = `
SELECT
  r.run_id AS run,
  strftime(r.run_at, '%Y-%m-%dT%H:%M:%SZ') AS run_at,
  r.agency,
  strftime(r.date_from, '%Y-%m-%d') AS "from",
  strftime(r.date_to, '%Y-%m-%d') AS "to",
  r.profile_version,
  r.findings,
  r.new_findings,
  r.open_findings,
  r.resolved_findings,
  coalesce(greatest((SELECT max(greatest(imported_at, coalesce(undone_at, imported_at))) FROM batches),
    (SELECT max(saved_at) FROM profiles)) > r.run_at, false) AS stale
FROM runs r
WHERE r.run_id IN (SELECT run_id FROM run_summaries)
ORDER BY r.seq DESC
LIMIT 1`;

export const DATA_COUNTS = `
SELECT
  (SELECT count(*) FROM batches WHERE status = 'active' AND seq > 1) AS batches,
  (SELECT count(*) FROM attendance) AS attendance_rows`;

/** Agencies seen in imports or profiles, with the name, level and province of their latest profile. */
export const AGENCIES = `
WITH codes AS (
  -- Stored rows carry their batch's agency (survey rows name their own): no scan of attendance.
  SELECT DISTINCT agency FROM batches WHERE status = 'active' AND agency IS NOT NULL
  UNION SELECT DISTINCT agency FROM survey
  UNION SELECT agency FROM profiles WHERE agency <> ''
),
info AS (
  SELECT agency, info
  FROM profiles
  WHERE agency <> ''
  QUALIFY row_number() OVER (PARTITION BY agency ORDER BY version DESC) = 1
)
SELECT
  c.agency,
  json_extract_string(i.info, '$.name') AS name,
  json_extract_string(i.info, '$.level') AS level,
  json_extract_string(i.info, '$.province') AS province
FROM codes c
LEFT JOIN info i USING (agency)
ORDER BY c.agency`;

export const RUN_MONTHS = `
SELECT strftime(m, '%Y-%m') AS month
FROM runs r, generate_series(date_trunc('month', r.date_from), date_trunc('month', r.date_to), INTERVAL 1 MONTH) g(m)
WHERE r.run_id = $run
ORDER BY 1`;

const WEEK_FROM = `strftime(CAST($from AS DATE), '%G-W%V')`;
const WEEK_TO = `strftime(CAST($to AS DATE), '%G-W%V')`;

/**
 * Findings of the run inside the filter, each with its rowid (`r`: findings.ts). A finding of the
 * weekly rate follows its week, as the employee-weeks do (whole ISO weeks around the dates); any
 * other (DIS-01's year) its period.
 */
export const FINDINGS_IN_SCOPE = `
SELECT *
FROM ${findingsOf('$run')} f
WHERE ($agency IS NULL OR agency = $agency)
  AND ($unit IS NULL OR coalesce(unit, '${UNKNOWN_UNIT}') = $unit)
  AND ($rule IS NULL OR rule = $rule)
  AND ($from IS NULL OR CASE WHEN week IS NOT NULL THEN week >= ${WEEK_FROM} ELSE period_end >= CAST($from AS DATE) END)
  AND ($to IS NULL OR CASE WHEN week IS NOT NULL THEN week <= ${WEEK_TO} ELSE period_start <= CAST($to AS DATE) END)`;

/**
 * Employee-weeks inside the filter, each compliant when no open finding (of $rule, if set) falls in
 * it: the run kept the rules that failed in each (`failed`), so a filter reads rows, not findings.
 * Not materialised: a statement reading them twice (counting an employee-week once across agencies)
 * scans the stored rows twice in half the time DuckDB takes to copy every column of them first.
 */
const JUDGED = `ew AS NOT MATERIALIZED (
  SELECT *
  FROM run_weeks
  WHERE ${RUN_WEEK_ROWS('$run')}
    AND ($agency IS NULL OR agency = $agency)
    AND ($unit IS NULL OR unit = $unit)
    AND ($from IS NULL OR week >= ${WEEK_FROM})
    AND ($to IS NULL OR week <= ${WEEK_TO})
),
j AS NOT MATERIALIZED (
  SELECT *, CASE WHEN $rule IS NULL THEN len(failed) = 0 ELSE NOT list_contains(failed, $rule) END AS is_compliant
  FROM ew
)`;

/**
 * Distinct employees as bits: the run numbers its employees from 1 (`emp`), up to `employees`,
 * the run's highest number, and a bitstring of that length per group takes a fraction of the time
 * of count(DISTINCT). A number outside the range is an error, not a miscount.
 */
function employeeBits(employees: number): string {
  if (!Number.isSafeInteger(employees) || employees < 1) throw new Error(`employees must be a positive integer, not ${employees}`);
  return `bitstring_agg(emp, 1, ${employees})`;
}

/** The employees a bitstring holds; no row at all is no bitstring (NULL), which is 0 employees. */
function bitCount(bits: string): string {
  return `coalesce(bit_count(${bits}), 0)`;
}

/**
 * The run's highest employee number, the bits `employeeBits` needs (at least one). Read from
 * the run's employees, one row each, not from their weeks (a tenth of the rows): every employee
 * with a week is among them, and a week numbered above would be refused by bitstring_agg.
 */
export const RUN_EMPLOYEES = `SELECT coalesce(max(emp), 1) AS n FROM run_employees WHERE run_id = $run`;

/**
 * Per agency and unit; the unit's findings are joined to its figures, not to each of its
 * employee-weeks. Each row also carries the headline's employees inside the filter and those with
 * a flexible-location day (every row the same: the units' employees as bits, OR-ed together), in
 * the same pass; the headline's other figures are the units' summed (every employee-week counts
 * under one agency and unit).
 */
export const byUnitSql = (employees: number) => `
WITH ${JUDGED},
u AS (
  SELECT
    agency,
    unit,
    ${employeeBits(employees)} AS everyone,
    ${employeeBits(employees)} FILTER (WHERE flex_days > 0) AS flexible,
    count(*) AS employee_weeks,
    count(*) FILTER (WHERE is_compliant) AS compliant
  FROM j
  GROUP BY agency, unit
),
f AS (
  SELECT agency, coalesce(unit, '${UNKNOWN_UNIT}') AS unit, count(*) AS findings
  FROM (${FINDINGS_IN_SCOPE})
  WHERE status <> 'resolved'
  GROUP BY ALL
)
SELECT
  u.agency,
  u.unit,
  ${bitCount('u.everyone')} AS employees,
  u.employee_weeks,
  u.compliant,
  coalesce(f.findings, 0) AS findings,
  ${bitCount('bit_or(u.everyone) OVER ()')} AS all_employees,
  ${bitCount('bit_or(u.flexible) OVER ()')} AS all_flex_employees
FROM u
LEFT JOIN f ON f.agency IS NOT DISTINCT FROM u.agency AND f.unit = u.unit
ORDER BY u.agency, u.unit`;

/**
 * Per ISO week inside the filter, counted as the check counts its trend and per-rule ratios
 * (compliance-sql.ts `weekCountsSql`): a rule's ratio over the filter is the weeks' sums (overview.ts).
 */
export const byWeekSql = (ids: readonly string[]) => `
WITH ${JUDGED}
${weekCountsSql('j', ids)}`;

/** Each rule's open findings inside the filter. */
export const RULE_FINDINGS = `
SELECT rule, count(*) AS n
FROM (${FINDINGS_IN_SCOPE})
WHERE status <> 'resolved'
GROUP BY rule`;

export const GRID_WEEKS = `
SELECT DISTINCT week
FROM run_weeks
WHERE ${RUN_WEEK_ROWS('$run')}
  AND ($from IS NULL OR week >= ${WEEK_FROM})
  AND ($to IS NULL OR week <= ${WEEK_TO})
ORDER BY week`;

/** The unit × week heatmap; rates unrounded, as `ratio` gives them. */
export const GRID = `
WITH ${JUDGED}
SELECT
  agency,
  unit,
  week,
  count(*)::INTEGER AS employeeWeeks,
  count(*) FILTER (WHERE is_compliant)::INTEGER AS compliant,
  count(*) FILTER (WHERE is_compliant) / count(*) AS rate
FROM j
GROUP BY ALL
ORDER BY agency, unit, week`;

/**
 * The employees inside the filter, counted by their number in the run, then given their NIP, name
 * and findings; lowest compliance first, most findings first among equals.
 */
export const UNIT_EMPLOYEES = `
WITH ${JUDGED},
e AS (
  SELECT
    emp,
    count(*)::INTEGER AS employeeWeeks,
    count(*) FILTER (WHERE is_compliant)::INTEGER AS compliant,
    sum(flex_days)::INTEGER AS flexDays
  FROM j
  GROUP BY emp
),
f AS (
  SELECT nip, count(*) AS n
  FROM (${FINDINGS_IN_SCOPE})
  WHERE status <> 'resolved'
  GROUP BY nip
)
SELECT
  r.nip,
  r.name,
  e.employeeWeeks,
  e.compliant,
  e.compliant / e.employeeWeeks AS rate,
  e.flexDays,
  coalesce(f.n, 0)::INTEGER AS findings
FROM e
JOIN run_employees r ON r.run_id = $run AND r.emp = e.emp
LEFT JOIN f ON f.nip = r.nip
ORDER BY e.compliant / e.employeeWeeks, coalesce(f.n, 0) DESC, r.nip`;

export const EMPLOYEE = `
SELECT
  e.nip,
  e.name,
  e.agency,
  e.unit_name AS unit,
  e.position,
  e.field_duty,
  e.special_condition,
  e.discipline
FROM employees e
WHERE e.nip = $nip`;

/**
 * The records of one employee, read once for the three statements after it: each of them reading
 * `attendance` by NIP would scan every record's NIP (a tenth of a second at 10M records) once more.
 */
export const EMPLOYEE_RECORDS = `CREATE OR REPLACE TEMP TABLE employee_records AS
SELECT nip, name, agency, unit_name, date, status, mode, check_in, check_out
FROM attendance
WHERE nip = $nip`;

export const DROP_EMPLOYEE_RECORDS = 'DROP TABLE IF EXISTS employee_records';

export const EMPLOYEE_FROM_ATTENDANCE = `
SELECT nip, any_value(name) AS name, any_value(agency) AS agency, any_value(unit_name) AS unit
FROM employee_records
GROUP BY nip`;

/** Every calendar day of the range, with the record of that day if any. */
export const EMPLOYEE_DAYS = `
WITH cal AS (
  SELECT
    date,
    any_value(day_type ORDER BY day_type = 'HOLIDAY' DESC) AS day_type,
    any_value(description ORDER BY day_type = 'HOLIDAY' DESC) AS description
  FROM calendar
  GROUP BY date
)
SELECT
  strftime(g.d, '%Y-%m-%d') AS date,
  strftime(g.d, '%G-W%V') AS week,
  a.status,
  a.mode,
  left(CAST(a.check_in AS VARCHAR), 5) AS check_in,
  left(CAST(a.check_out AS VARCHAR), 5) AS check_out,
  c.day_type,
  c.description,
  isodow(g.d) >= 6 AS weekend
FROM generate_series(CAST($from AS DATE), CAST($to AS DATE), INTERVAL 1 DAY) g(d)
LEFT JOIN employee_records a ON a.date = g.d::DATE
LEFT JOIN cal c ON c.date = g.d::DATE
ORDER BY g.d`;

export const EMPLOYEE_RANGE = `
SELECT strftime(min(date), '%Y-%m-%d') AS lo, strftime(max(date), '%Y-%m-%d') AS hi
FROM employee_records`;

export const EMPLOYEE_FINDINGS = `
SELECT
  rule,
  period,
  strftime(period_start, '%Y-%m-%d') AS period_start,
  strftime(period_end, '%Y-%m-%d') AS period_end,
  unit,
  figures,
  detail,
  basis,
  status
FROM ${findingsOf('$run')} f
WHERE nip = $nip
ORDER BY period, rule`;
