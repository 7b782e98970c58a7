/**
 * Compliance (docs/rules.md): an observed employee-week is compliant when no finding of an enabled
 * rule that counts in the weekly rate falls in it. The check run judges its `observed_weeks`, each
 * with the rules that failed in it (`failed`), which the screens keep to judge under their filters.
 */
import { sqlList } from '../db/database.ts';
import { JUDGED, UNKNOWN_UNIT, unitOf, weekOf } from './run-tables.ts';

const WEEK_UNIT = unitOf('n', 'n.week_start');

/**
 * `observed_weeks`: the checked agencies' employee-weeks with a record in range, each with the
 * rules of the run's findings that fall in it (NIP and week; a rule outside the weekly rate has no
 * week) and compliant when there is none. An employee is named by number (`emp`, `employee_units`
 * has the NIP and name): the weeks a re-check takes from the previous run keep their rows as that
 * run stored them, numbers included, with no join to name them (`taken`; they stay that run's rows
 * in `run_weeks`).
 */
export const OBSERVED_WEEKS = `CREATE OR REPLACE TEMP TABLE observed_weeks AS
WITH weeks AS (
  SELECT
    n.agency,
    coalesce(${WEEK_UNIT.unit}, '${UNKNOWN_UNIT}') AS unit,
    n.nip,
    eu.emp,
    eu.several,
    ${weekOf('n.week_start')} AS week,
    n.records,
    n.flex_days
  FROM employee_weeks n
  ${WEEK_UNIT.joins}
  WHERE n.records > 0
),
failed AS (
  SELECT nip, week, list_sort(list_distinct(list(rule))) AS rules
  FROM run_findings
  WHERE week IS NOT NULL
  GROUP BY nip, week
)
SELECT w.* EXCLUDE (nip), coalesce(b.rules, []) AS failed, b.nip IS NULL AS is_compliant, false AS taken
FROM weeks w
LEFT JOIN failed b ON b.nip = w.nip AND b.week = w.week`;

/**
 * A stored run's employee-weeks (the screens', views/views-sql.ts): the rows of `run_weeks` written
 * by the runs `run_week_writers` lists for it, its own and those of the runs it kept weeks from.
 */
export const RUN_WEEK_ROWS = (run: string): string => `run_id IN (SELECT writer FROM run_week_writers WHERE run_id = ${run})`;

export const COMPLIANCE_SQL = `
SELECT
  agency,
  unit,
  GROUPING(agency) AS g_agency,
  GROUPING(unit) AS g_unit,
  count(*) AS employee_weeks,
  count(*) FILTER (WHERE is_compliant) AS compliant
FROM observed_weeks
GROUP BY GROUPING SETS ((agency, unit), (agency), ())
ORDER BY g_agency, agency NULLS LAST, g_unit DESC, unit NULLS LAST`;

/**
 * The employee-weeks of `rows` (emp, week, several and `columns`) counted once however many agencies
 * the employee's records that week came from (the trend and the per-rule ratios are the employees',
 * not the agencies'; the screens count them so too). Only an employee with records in several
 * agencies can have more than one row a week; the rules failed in a week are the NIP's, so any of
 * its rows holds them.
 */
export function employeeWeeksOnce(rows: string, columns: readonly string[]): string {
  return `(
  SELECT week, ${columns.join(', ')} FROM ${rows} WHERE several IS NOT TRUE
  UNION ALL
  SELECT week, ${columns.map((c) => `any_value(${c}) AS ${c}`).join(', ')} FROM ${rows} WHERE several GROUP BY emp, week
)`;
}

const EMPLOYEE_WEEKS_ONCE = employeeWeeksOnce('observed_weeks', ['failed']);

/** The same ratio counting only one rule's findings, for each enabled rule of the weekly rate. */
export function complianceByRuleSql(weeklyRateIds: readonly string[]): string {
  return `
WITH weeks AS ${EMPLOYEE_WEEKS_ONCE},
rules AS (
  SELECT DISTINCT rule
  FROM (SELECT unnest(enabled_rules) AS rule FROM run_profiles)
  WHERE rule IN ${sqlList(weeklyRateIds.length ? weeklyRateIds : [''])}
),
bad AS (
  SELECT rule, count(*) AS n
  FROM (SELECT unnest(failed) AS rule FROM weeks)
  GROUP BY rule
)
SELECT r.rule, t.n AS employee_weeks, t.n - coalesce(bad.n, 0) AS compliant
FROM rules r
CROSS JOIN (SELECT count(*) AS n FROM weeks) t
LEFT JOIN bad ON bad.rule = r.rule
ORDER BY r.rule`;
}

/** The trend: the overall ratio per ISO week. */
export const COMPLIANCE_BY_WEEK_SQL = `
SELECT week, count(*) AS employee_weeks, count(*) FILTER (WHERE len(failed) = 0) AS compliant
FROM ${EMPLOYEE_WEEKS_ONCE}
GROUP BY week
ORDER BY week`;

/** Per unit and ISO week (the unit × week heatmap, the workbook's week columns). */
export const COMPLIANCE_BY_UNIT_WEEK_SQL = `
SELECT
  agency,
  unit,
  week,
  count(*) AS employee_weeks,
  count(*) FILTER (WHERE is_compliant) AS compliant
FROM observed_weeks
GROUP BY agency, unit, week
ORDER BY agency NULLS LAST, unit, week`;

/**
 * The run's data-quality notes ($run), each numbered `i` in the order the answer lists them:
 * employees checked without a roster entry (no exemption is known for them), by agency and NIP, and
 * present days without a check-in or check-out (not counted for JAM-01), by agency, NIP and date:
 * those of the weeks the run judges, and those of the others from the run they are taken from ($source).
 */
export const NOTES_SQL = [`
INSERT INTO run_notes
SELECT $run, 'notInRoster', row_number() OVER (ORDER BY agency, nip) - 1, agency, nip, name, NULL, records, NULL, NULL
FROM (
  SELECT eu.nip, eu.name, w.agency, w.records
  FROM (SELECT emp, agency, sum(records)::INTEGER AS records FROM observed_weeks GROUP BY emp, agency) w
  JOIN employee_units eu ON eu.emp = w.emp
  WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.nip = eu.nip)
)`, `
INSERT INTO run_notes
SELECT $run, 'missingTimes', row_number() OVER (ORDER BY agency, nip, date) - 1, agency, nip, NULL, date, NULL, batch_id, row_no
FROM (
  SELECT agency, nip, date, batch_id, row_no
  FROM rule_days
  WHERE in_range AND missing_time
  UNION ALL
  SELECT agency, nip, date, batch_id, row_no
  FROM run_notes
  WHERE run_id = $source AND note = 'missingTimes' AND date BETWEEN $from AND $to AND NOT ${JUDGED('date')}
    AND agency IN (SELECT agency FROM run_profiles)
)`];
