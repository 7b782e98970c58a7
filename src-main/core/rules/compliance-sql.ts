/**
 * Compliance (docs/rules.md): an observed employee-week is compliant when no finding of an enabled
 * rule that counts in the weekly rate falls in it. The check run judges its `observed_weeks`, each
 * with the rules that failed in it (`failed`), which the screens keep to judge under their filters.
 */
import { quoteLiteral, sqlList } from '../db/database.ts';
import { JUDGED, UNKNOWN_UNIT, unitOf, weekOf } from './run-tables.ts';

const WEEK_UNIT = unitOf('n', 'n.week_start');

/**
 * `observed_weeks`: the checked agencies' employee-weeks with a record in range, each with the
 * rules of the run's findings that fall in it (NIP and week; a rule outside the weekly rate has no
 * week) and compliant when there is none. An employee is named by number (`emp`, `employee_units`
 * has the NIP and name): the weeks a re-check takes from the previous run keep their rows as that
 * run stored them, numbers included, with no join to name them (`taken`; they stay that run's rows
 * in `run_weeks`). Copied here rather than read where they are: the compliance figures, the notes
 * and the run's employees each read them, and reading them from `run_weeks` cost those statements
 * more than the copy (docs/benchmarks.md, Monthly use).
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

/**
 * Whether a row `w` of `run_weeks`, of the run a re-check takes weeks from, is one the re-check
 * takes (never NULL): of an agency it checks, within its weeks ($weekFrom to $weekTo), of a week it
 * does not judge. The rows it does not take go once it becomes the screens' run.
 */
export const TAKEN_WEEK = (w: string): string => `coalesce(${w}.agency IN (SELECT agency FROM run_profiles)
  AND ${w}.week BETWEEN ${weekOf('CAST($weekFrom AS DATE)')} AND ${weekOf('CAST($weekTo AS DATE)')}
  AND ${w}.week NOT IN (SELECT week FROM judged_weeks), false)`;

/**
 * Every compliance ratio per agency and unit, in one pass over `observed_weeks`: each unit's weeks
 * (the unit × week heatmap, the workbook's week columns), then their sums per unit, per agency and
 * overall (an employee-week counts under one agency and unit, so the sums are its counts). `g_week`,
 * `g_unit` and `g_agency` say which level a row is: the unit's weeks first, then the levels as the
 * answer lists them.
 */
export const COMPLIANCE_SQL = `
WITH unit_weeks AS (
  SELECT agency, unit, week, count(*) AS employee_weeks, count(*) FILTER (WHERE is_compliant) AS compliant
  FROM observed_weeks
  GROUP BY agency, unit, week
)
SELECT
  agency,
  unit,
  week,
  GROUPING(agency) AS g_agency,
  GROUPING(unit) AS g_unit,
  GROUPING(week) AS g_week,
  coalesce(sum(employee_weeks), 0)::BIGINT AS employee_weeks,
  coalesce(sum(compliant), 0)::BIGINT AS compliant
FROM unit_weeks
GROUP BY GROUPING SETS ((agency, unit, week), (agency, unit), (agency), ())
ORDER BY g_week, g_agency, agency NULLS LAST, g_unit DESC, unit NULLS LAST, week`;

/**
 * The employee-weeks of `rows` (emp, week, several, failed, is_compliant) counted once however many
 * agencies the employee's records that week came from (the trend and the per-rule ratios are the
 * employees', not the agencies'; the screens count them so too). Only an employee with records in
 * several agencies can have more than one row a week; the rules failed in a week are the NIP's, so
 * any of its rows holds them.
 */
function employeeWeeksOnce(rows: string): string {
  const columns = ['failed', 'is_compliant'];
  return `(
  SELECT week, ${columns.join(', ')} FROM ${rows} WHERE several IS NOT TRUE
  UNION ALL
  SELECT week, ${columns.map((c) => `any_value(${c}) AS ${c}`).join(', ')} FROM ${rows} WHERE several GROUP BY emp, week
)`;
}

/**
 * Per ISO week, the employee-weeks of `rows` counted once (employeeWeeksOnce), those compliant, and
 * those each rule of `ids` failed, a count per rule side by side in the order of `ids`: a rule's
 * ratio is the weeks' sums, so the trend and the per-rule ratios read the employee-weeks once.
 */
export function weekCountsSql(rows: string, ids: readonly string[]): string {
  return `SELECT
  week,
  count(*) AS employee_weeks,
  count(*) FILTER (WHERE is_compliant) AS compliant,
  [${ids.map((id) => `count(*) FILTER (WHERE list_contains(failed, ${quoteLiteral(id)}))::INTEGER`).join(', ')}]::INTEGER[] AS failed
FROM ${employeeWeeksOnce(rows)}
GROUP BY week
ORDER BY week`;
}

/** A row of weekCountsSql. */
export interface WeekCounts {
  week: string;
  employee_weeks: number;
  compliant: number;
  failed: number[];
}

/** Each rule of `ids` (as given to weekCountsSql) over the weeks: every employee-week, and those the rule did not fail. */
export function ruleCounts(weeks: WeekCounts[], ids: readonly string[]): Map<string, { employee_weeks: number; compliant: number }> {
  const employeeWeeks = weeks.reduce((n, w) => n + w.employee_weeks, 0);
  return new Map(ids.map((id, i) => [id, { employee_weeks: employeeWeeks, compliant: employeeWeeks - weeks.reduce((n, w) => n + w.failed[i]!, 0) }]));
}

/** The rules of the weekly rate that some checked agency enables, each with a ratio of its own. */
export const RATED_RULES = (weeklyRateIds: readonly string[]) => `SELECT DISTINCT rule
FROM (SELECT unnest(enabled_rules) AS rule FROM run_profiles)
WHERE rule IN ${sqlList(weeklyRateIds.length ? weeklyRateIds : [''])}
ORDER BY rule`;

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
