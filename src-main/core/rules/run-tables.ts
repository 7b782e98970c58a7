/**
 * The tables a check run builds before its rules run, and the SQL pieces the rules share. Weekly
 * rules judge whole ISO weeks, so a run reads every week that touches the checked dates
 * ($weekFrom..$weekTo); "in range" marks the checked dates ($from..$to), to which day rules and
 * the observed employee-weeks keep. Ten million attendance rows are read in two passes, never
 * copied whole: once into `employee_weeks`, once into `rule_days`.
 */
import { addDays } from '../../contract/dates.ts';
import type { ParamValue } from '../../contract/rules-types.ts';
import { type Db, sqlList } from '../db/database.ts';
import { FLEXIBLE_MODES, OFFICIAL_TRAVEL_MODE, PRESENT_STATUSES, UNEXCUSED } from '../../contract/vocabulary.ts';
import { paramColumns } from './parameters.ts';
import { effectiveProfile } from './profiles.ts';
import type { RuleBook } from './rule-book.ts';

/** Every temp table of a run, in the order it is built; all are dropped when the run ends, whatever happens. */
export const RUN_TABLES = [
  'run_profiles', 'agency_days', 'employee_units', 'week_units', 'unexcused_days', 'judged_weeks', 'employee_weeks', 'rule_days', 'run_findings',
  'observed_weeks', 'before_findings', 'kept_findings',
] as const;
export type RunTable = (typeof RUN_TABLES)[number];

export const DROP_RUN_TABLES = RUN_TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`).join('; ');

/** One `run_profiles` row: an agency's parameters and enabled rules. */
export interface RunProfile {
  agency: string;
  values: Record<string, ParamValue>;
  enabled: string[];
}

/** An agency's effective profile as a `run_profiles` row, with its version and province. */
export async function runProfileOf(db: Db, book: RuleBook, agency: string): Promise<{ row: RunProfile; version: string; province: string | undefined }> {
  const { params, version, province } = await effectiveProfile(db, book, agency);
  const { rules, ...values } = params;
  const enabled = Object.entries(rules).filter(([, r]) => r.enabled).map(([id]) => id);
  return { row: { agency, values: values as Record<string, ParamValue>, enabled }, version, province };
}

/**
 * `run_profiles`: each checked agency's effective profile, one column per parameter of the rule book
 * (parameters.ts `paramColumn`) and the list of its enabled rules.
 */
export async function createRunProfiles(db: Db, book: RuleBook, profiles: RunProfile[]): Promise<void> {
  const columns = paramColumns(book.parameters);
  await db.run(`CREATE OR REPLACE TEMP TABLE run_profiles (agency VARCHAR, ${columns.map((c) => `${c.name} ${c.type}`).join(', ')}, enabled_rules VARCHAR[])`);
  const values = columns.map((c, i) => `CAST($p${i} AS ${c.type})`).join(', ');
  for (const p of profiles) {
    const bound: Record<string, ParamValue> = { agency: p.agency, enabled: p.enabled.join(',') };
    book.parameters.forEach((param) => {
      for (const c of paramColumns([param])) bound[`p${columns.findIndex((x) => x.name === c.name)}`] = c.value(p.values[param.key] ?? null);
    });
    await db.run(`INSERT INTO run_profiles VALUES ($agency, ${values}, string_split($enabled, ','))`, bound);
  }
}

const HOLIDAYS = `(SELECT DISTINCT date FROM calendar WHERE day_type = 'HOLIDAY')`;

/** Minute of the day; seconds are dropped so every figure is in whole minutes, as JAM-01 asks. */
export const minuteOfDay = (time: string): string => `(hour(${time}) * 60 + minute(${time}))`;

/** ISO week label of a date, e.g. 2025-W28 (every day of an ISO week has the same label). */
export const weekOf = (date: string): string => `strftime(${date}, '%G-W%V')`;
export const weekStart = (date: string): string => `date_trunc('week', ${date})::DATE`;

/**
 * `agency_days`: every day of every checked agency from the year before its first week to the end of
 * the year of its last (DIS-01 counts the calendar year and a streak may begin the year before), with
 * what the profile and the calendar make of it: whether it is a working day, JAM-01's break window
 * that day (Friday has its own; Saturday, on the 6-day pattern, uses the Monday–Thursday one), and the
 * day's share of the weekly hours (Ramadan's within its dates) in hundredths of a minute × work days,
 * as an integer: a share like 42.75 h × 60 / 5 is not always exact in floating point, and a sum like
 * 2249.9999 must not turn into a finding (JAM-01 divides and rounds half up once per week). Records
 * join it on (agency, date), once, instead of the profile and the holidays, and every per-day figure
 * is worked out here for a few hundred days, not per record.
 */
export const AGENCY_DAYS = `CREATE OR REPLACE TEMP TABLE agency_days AS
SELECT
  p.agency,
  g.d::DATE AS date,
  isodow(g.d) <= p.work_days AND g.d::DATE NOT IN ${HOLIDAYS} AS working,
  CASE WHEN isodow(g.d) = 5 THEN ${minuteOfDay('p.break_fri_start')} ELSE ${minuteOfDay('p.break_mon_thu_start')} END AS break_start,
  CASE WHEN isodow(g.d) = 5 THEN ${minuteOfDay('p.break_fri_end')} ELSE ${minuteOfDay('p.break_mon_thu_end')} END AS break_end,
  CAST(round(CASE WHEN coalesce(g.d::DATE BETWEEN p.ramadan_from AND p.ramadan_to, false)
    THEN coalesce(p.ramadan_weekly_hours, p.weekly_hours) ELSE p.weekly_hours END * 6000) AS BIGINT) AS centiminutes
FROM run_profiles p,
  generate_series(make_date(year(CAST($weekFrom AS DATE)) - 1, 1, 1), make_date(year(CAST($weekTo AS DATE)), 12, 31), INTERVAL 1 DAY) g(d)`;

/** Joins a record `a` to its agency's day `d`. */
export const AGENCY_DAY = `agency_days d ON d.agency = a.agency AND d.date = a.date`;

const IN_M = minuteOfDay('a.check_in');
const OUT_M = minuteOfDay('a.check_out');

/**
 * A day JAM-01 counts: a working day not on official travel (dinas luar is duty elsewhere, never held
 * to office hours, whatever the status says) that is unexcused or present with both times (a present
 * day missing a time is a data-quality note, not a short day).
 */
export const JAM_COUNTED = `(d.working AND a.mode IS DISTINCT FROM '${OFFICIAL_TRAVEL_MODE}' AND (a.status = '${UNEXCUSED}'
  OR (a.status IN ${sqlList(PRESENT_STATUSES)} AND a.check_in IS NOT NULL AND a.check_out IS NOT NULL)))`;

/**
 * The check-out's minute, a day later when it is before the check-in: the shift ran past midnight
 * (docs/rules.md, JAM-01). Equal times are a span of 0.
 */
const OUT_END = `(${OUT_M} + CASE WHEN ${OUT_M} < ${IN_M} THEN 1440 ELSE 0 END)`;

/**
 * Net minutes of a counted day: span minus its overlap with the day's break; nothing for an
 * unexcused day. A shift past midnight is held against the break of the day it began on.
 */
const NET = `CASE WHEN a.status = '${UNEXCUSED}' THEN 0
  ELSE ${OUT_END} - ${IN_M} - coalesce(greatest(0, least(${OUT_END}, d.break_end) - greatest(${IN_M}, d.break_start)), 0) END`;

/** A flexible-location working day. */
const FLEX_DAY = `a.status IN ${sqlList(PRESENT_STATUSES)} AND a.mode IN ${sqlList(FLEXIBLE_MODES)}`;

/**
 * Per agency, employee and ISO week, from the records `where` selects (of the agencies in
 * `run_profiles`): `records` counts the records `inRange`, `net` and `centiminutes` are JAM-01's
 * minutes worked and required (× 100 × work days), `touches` whether a day JAM-01 counts is in
 * range, `flex_days` the flexible-location working days in range (the screens show them). The
 * workspace's `week_facts` keep it for whole weeks (everything in range, week-facts.ts); a run reads
 * them, and only the weeks its checked dates cut take their figures from the records.
 */
export function weekAggregate(where: string, inRange: string): string {
  return `SELECT
  agency,
  nip,
  week_start,
  count(*) FILTER (WHERE in_range) AS records,
  CAST(sum(net) AS BIGINT) AS net,
  CAST(sum(centiminutes) AS BIGINT) AS centiminutes,
  bool_or(touch) AS touches,
  count(*) FILTER (WHERE in_range AND flex) AS flex_days
FROM (
  SELECT
    a.agency,
    a.nip,
    ${weekStart('a.date')} AS week_start,
    ${inRange} AS in_range,
    ${JAM_COUNTED} AS counted,
    d.working AND ${FLEX_DAY} AS flex,
    CASE WHEN counted THEN ${NET} END AS net,
    CASE WHEN counted THEN d.centiminutes END AS centiminutes,
    CASE WHEN counted THEN in_range END AS touch
  FROM attendance a
  JOIN ${AGENCY_DAY}
  WHERE ${where}
)
GROUP BY agency, nip, week_start`;
}

/**
 * `judged_weeks`: the weeks of the run that its rules judge, each Monday and its label: every one
 * ($every), or those of $mondays (a JSON list), the others taken from the previous run of the scope
 * (check-run.ts).
 */
export const JUDGED_WEEKS = `CREATE OR REPLACE TEMP TABLE judged_weeks AS
SELECT d AS week_start, ${weekOf('d')} AS week
FROM (SELECT CAST(g.d AS DATE) AS d FROM generate_series(CAST($weekFrom AS DATE), CAST($weekTo AS DATE), INTERVAL 7 DAY) g(d))
WHERE $every OR d IN (SELECT CAST(unnest(from_json($mondays, '["VARCHAR"]')) AS DATE))`;

/** The first and last day of the weeks the run judges, bound as $judgedFrom and $judgedTo: a filter DuckDB can skip row groups by. */
export interface JudgedSpan {
  judgedFrom: string;
  judgedTo: string;
}

/** Makes `judged_weeks`: those of `mondays`, or every week of the run (null). */
export async function judgeWeeks(db: Db, range: RunRange, mondays: string[] | null): Promise<JudgedSpan> {
  await db.run(JUDGED_WEEKS, { ...range, every: mondays === null, mondays: JSON.stringify(mondays ?? []) });
  const span = (await db.one<{ lo: string | null; hi: string | null }>(
    `SELECT strftime(min(week_start), '%Y-%m-%d') AS lo, strftime(max(week_start) + 6, '%Y-%m-%d') AS hi FROM judged_weeks`,
  ))!;
  // No week judged: a span that holds no date of the run.
  return { judgedFrom: span.lo ?? addDays(range.weekFrom, -7), judgedTo: span.hi ?? addDays(range.weekFrom, -1) };
}

/** The weeks the run judges hold the date `date`. */
export const JUDGED = (date: string) => `(${date} BETWEEN $judgedFrom AND $judgedTo AND ${weekStart(date)} IN (SELECT week_start FROM judged_weeks))`;

/**
 * `employee_weeks`: the checked agencies' employee-weeks of the weeks the run judges. The weeks
 * wholly inside the checked dates ($innerFrom, a Monday, to $innerTo, a Sunday) come from
 * `week_facts`; the one or two weeks the dates cut, from the records with "in range" as the run's
 * dates say.
 */
const EMPLOYEE_WEEKS = `CREATE OR REPLACE TEMP TABLE employee_weeks AS
SELECT f.agency, f.nip, f.week_start, f.records, f.net, f.centiminutes, f.touches, f.flex_days
FROM week_facts f
JOIN run_profiles p ON p.agency = f.agency
WHERE f.week_start BETWEEN $innerFrom AND $innerTo AND ${JUDGED('f.week_start')}
UNION ALL
${weekAggregate(`a.date BETWEEN $weekFrom AND CAST($innerFrom AS DATE) - 1 AND ${JUDGED('a.date')}`, 'a.date BETWEEN $from AND $to')}
UNION ALL
${weekAggregate(`a.date BETWEEN CAST($innerTo AS DATE) + 1 AND $weekTo AND a.date >= $innerFrom AND ${JUDGED('a.date')}`, 'a.date BETWEEN $from AND $to')}`;

/**
 * The unit of an employee-week (docs/rules.md, Compliance): the roster's, else the one unit the
 * employee's records carry (`employee_units`, per employee, over every agency's records of the
 * weeks), else the week's most frequent, ties to the latest record (`week_units`, only for the
 * employees whose records carry several units). `employee_units` also holds the employee's name:
 * the roster's, else one from the records in range; a number (`emp`) that stands for the NIP
 * within the run (a re-check keeps the previous run's, check-run.ts): counting distinct employees
 * (and employee-weeks across agencies) on an integer takes a fraction of the time and memory it
 * takes on an 18-character NIP; and whether the
 * employee's records come from several agencies (`several`), the only employees whose weeks an
 * employee-week count must merge.
 */
const EMPLOYEE_UNITS = `CREATE OR REPLACE TEMP TABLE employee_units AS
SELECT
  n.nip,
  CAST(row_number() OVER () AS INTEGER) AS emp,
  coalesce(e.unit_name, CASE WHEN n.lo = n.hi THEN n.lo END) AS unit,
  coalesce(e.unit_name IS NULL AND n.lo <> n.hi, false) AS weekly,
  coalesce(e.name, n.name) AS name,
  n.several
FROM (
  SELECT nip, min(unit_name) AS lo, max(unit_name) AS hi, any_value(name) FILTER (WHERE in_range) AS name,
    coalesce(min(agency) <> max(agency), false) AS several
  FROM (
    -- An employee's records mostly repeat one agency, unit and name: aggregating the distinct ones
    -- keeps a few rows per employee instead of every record in the string aggregates' states.
    SELECT DISTINCT nip, agency, unit_name, name, date BETWEEN $from AND $to AS in_range
    FROM attendance
    WHERE date BETWEEN $weekFrom AND $weekTo
  )
  GROUP BY nip
) n
LEFT JOIN employees e ON e.nip = n.nip`;

const WEEK_UNITS = `CREATE OR REPLACE TEMP TABLE week_units AS
SELECT nip, week_start, unit
FROM (
  SELECT a.nip, ${weekStart('a.date')} AS week_start, a.unit_name AS unit, count(*) AS n, max(a.date) AS last
  FROM attendance a
  JOIN employee_units u ON u.nip = a.nip AND u.weekly
  WHERE a.unit_name IS NOT NULL AND a.date BETWEEN $weekFrom AND $weekTo
  GROUP BY ALL
)
QUALIFY row_number() OVER (PARTITION BY nip, week_start ORDER BY n DESC, last DESC, unit) = 1`;

/** Joins `employee_units` and `week_units` for the rows `x` (its `nip`, and a week start); the unit is then `unit`. */
export function unitOf(x: string, weekStartOf: string): { joins: string; unit: string } {
  return {
    joins: `LEFT JOIN employee_units eu ON eu.nip = ${x}.nip LEFT JOIN week_units wu ON wu.nip = ${x}.nip AND wu.week_start = ${weekStartOf}`,
    unit: 'coalesce(eu.unit, wu.unit)',
  };
}

/** The unit of an attendance record `a`. */
export const UNIT_OF_RECORD = unitOf('a', weekStart('a.date'));

/** A present day without a check-in or a check-out (not on official travel): a data-quality note. */
const MISSING_TIME = `(a.status IN ${sqlList(PRESENT_STATUSES)} AND coalesce(a.mode, '') <> '${OFFICIAL_TRAVEL_MODE}' AND (a.check_in IS NULL OR a.check_out IS NULL))`;

/**
 * DIS-01 counts a calendar year up to the end of the checked dates, and a run of ten days may begin
 * in the year before: unexcused days are read from January 1 of the year before the first week.
 */
const UNEXCUSED_FROM = `make_date(year(CAST($weekFrom AS DATE)) - 1, 1, 1)`;

/**
 * `rule_days`: the working days the day-level rules read — the flexible-location days and the present
 * days missing a time of the weeks the run judges — with the facts those rules need (exemption,
 * discipline, front-line unit, national FWA day).
 */
const RULE_DAYS = `CREATE OR REPLACE TEMP TABLE rule_days AS
WITH special AS (
  -- The days of approved special-condition approvals, within the run's weeks.
  SELECT DISTINCT ap.nip, g.d::DATE AS date
  FROM approvals ap,
    generate_series(greatest(ap.date_from, CAST($weekFrom AS DATE)), least(ap.date_to, CAST($weekTo AS DATE)), INTERVAL 1 DAY) g(d)
  WHERE ap.status = 'APPROVED' AND ap.special_condition
)
SELECT
  a.nip,
  a.date,
  ${weekStart('a.date')} AS week_start,
  year(a.date) AS year,
  a.agency,
  coalesce(e.name, a.name) AS name,
  ${UNIT_OF_RECORD.unit} AS unit,
  a.status,
  a.mode,
  f.date IS NOT NULL AS national_fwa,
  ${FLEX_DAY} AS flex,
  ${MISSING_TIME} AS missing_time,
  coalesce(e.field_duty, false)
    OR (coalesce(e.special_condition, false) AND a.date BETWEEN coalesce(e.special_from, DATE '1900-01-01')
        AND coalesce(e.special_to, DATE '2999-12-31'))
    OR (e.nip IS NOT NULL AND s.nip IS NOT NULL) AS exempt,
  coalesce(e.discipline, 'NONE') AS discipline,
  coalesce(u.service_type, e.service_type) = 'FRONTLINE' AS frontline,
  a.date BETWEEN $from AND $to AS in_range,
  a.batch_id,
  a.row_no
FROM attendance a
JOIN ${AGENCY_DAY}
LEFT JOIN employees e ON e.nip = a.nip
${UNIT_OF_RECORD.joins}
LEFT JOIN units u ON u.agency = a.agency AND u.unit_name = ${UNIT_OF_RECORD.unit}
LEFT JOIN (SELECT DISTINCT date FROM calendar WHERE day_type = 'NATIONAL_FWA_DAY') f ON f.date = a.date
LEFT JOIN special s ON s.nip = a.nip AND s.date = a.date
WHERE a.date BETWEEN $weekFrom AND $weekTo AND d.working AND ((${FLEX_DAY}) OR ${MISSING_TIME}) AND ${JUDGED('a.date')}`;

/**
 * `unexcused_days`: the unexcused working days since UNEXCUSED_FROM, with what DIS-01 reads of them
 * (it counts them over the year, whichever weeks are judged). Kept apart from `rule_days`: no rule
 * reads their exemption, unit or name, and a year of them joined to those costs more than reading them.
 */
const UNEXCUSED_DAYS = `CREATE OR REPLACE TEMP TABLE unexcused_days AS
SELECT a.agency, a.nip, a.date, year(a.date) AS year, a.batch_id, a.row_no
FROM attendance a
JOIN ${AGENCY_DAY}
WHERE a.status = '${UNEXCUSED}' AND a.date BETWEEN ${UNEXCUSED_FROM} AND $weekTo AND d.working`;

/**
 * The shared tables, built in this order once `run_profiles` holds the checked agencies: those read
 * whole whichever weeks are judged (the employees' units, the unexcused days) first, then
 * (`judged_weeks`, from check-run.ts: an employee's changed unit makes every week judged) what the
 * rules read of the judged weeks.
 */
const WHOLE_RUN_TABLES: [RunTable, string][] = [
  ['agency_days', AGENCY_DAYS],
  ['employee_units', EMPLOYEE_UNITS],
  ['week_units', WEEK_UNITS],
  ['unexcused_days', UNEXCUSED_DAYS],
];
const JUDGED_RUN_TABLES: [RunTable, string][] = [
  ['employee_weeks', EMPLOYEE_WEEKS],
  ['rule_days', RULE_DAYS],
];
export const SHARED_RUN_TABLES = [...WHOLE_RUN_TABLES, ...JUDGED_RUN_TABLES];

/** The tables a re-check fills for the weeks it judges only (a month or year rule must not read them, rule-book.ts). */
export const JUDGED_ONLY_TABLES: readonly RunTable[] = JUDGED_RUN_TABLES.map(([t]) => t);

/** The checked dates and the whole ISO weeks around them, as every run statement binds them. */
export interface RunRange {
  from: string;
  to: string;
  weekFrom: string;
  weekTo: string;
  /** The first Monday on or after `from` and the last Sunday on or before `to`: the whole weeks inside the dates. */
  innerFrom: string;
  innerTo: string;
}

/**
 * The shared tables; `judge` makes `judged_weeks` once the employees' units are known. Returns the
 * judged weeks' span, which the statements after them bind besides the range.
 */
export async function buildSharedTables(db: Db, range: RunRange, judge: () => Promise<JudgedSpan>): Promise<JudgedSpan> {
  for (const [, sql] of WHOLE_RUN_TABLES) await db.run(sql, { ...range });
  const span = await judge();
  for (const [, sql] of JUDGED_RUN_TABLES) await db.run(sql, { ...range, ...span });
  return span;
}

/**
 * Sources of a finding in record order, from a list of {date, batch, row}: sorting the list is far
 * cheaper than an ordered aggregate (list(... ORDER BY ...)), which DuckDB buffers per group.
 */
export function sortedSources(list: string): string {
  return `list_transform(list_sort(${list}), r -> {'batch': r.batch, 'row': r.row})`;
}

export const SOURCES_TYPE = `STRUCT(batch VARCHAR, "row" INTEGER)[]`;

/** One record `rule_days` row as a finding's only source. */
export const DAY_SOURCE = `CAST([{'batch': batch_id, 'row': row_no}] AS ${SOURCES_TYPE})`;

/** The unit of an employee-week whose unit is not known from the roster or the records. */
export const UNKNOWN_UNIT = '(unit tidak diketahui)';

/**
 * Name and unit of an employee for one period, from `rows` (agency, nip, k, date, batch_id, row_no,
 * name, unit: every record of the periods that have a finding). The name is the one on the latest
 * record; the unit is the most frequent one (as for an employee-week's unit), ties going to the
 * unit seen last, then alphabetically, so that the choice never depends on scan order.
 */
const LABEL_NAME = `
label_name AS (
  SELECT agency, nip, k, arg_max(name, (date, batch_id, row_no)) AS name
  FROM rows
  WHERE name IS NOT NULL
  GROUP BY agency, nip, k
)`;

export const LABEL_UNIT = `
label_unit AS (
  SELECT agency, nip, k, unit
  FROM (
    SELECT agency, nip, k, unit, count(*) AS n, max(date) AS last_date
    FROM rows
    WHERE unit IS NOT NULL
    GROUP BY agency, nip, k, unit
  )
  QUALIFY row_number() OVER (PARTITION BY agency, nip, k ORDER BY n DESC, last_date DESC, unit) = 1
)`;

export const LABEL_CTES = `${LABEL_NAME},${LABEL_UNIT}`;

/**
 * `rows`: every record of the wanted periods (`wanted`: agency, nip, k; `key`: the period of a date
 * `a.date`), with, when asked, whether JAM-01 counts it. The wanted periods are joined first: the
 * agency's day is looked up for their records only (a LEFT JOIN, which the optimiser does not move
 * before them; every wanted agency has its days).
 */
export function periodRows(wanted: string, key: string, counted = false, dates = '$judgedFrom AND $judgedTo'): string {
  return `rows AS (
  SELECT a.agency, a.nip, x.k, a.date, a.batch_id, a.row_no, coalesce(e.name, a.name) AS name, ${UNIT_OF_RECORD.unit} AS unit${counted ? `, ${JAM_COUNTED} AS counted` : ''}
  FROM attendance a
  JOIN ${wanted} x ON x.agency = a.agency AND x.nip = a.nip AND x.k = ${key}
  ${counted ? `LEFT JOIN ${AGENCY_DAY}` : ''}
  LEFT JOIN employees e ON e.nip = a.nip
  ${UNIT_OF_RECORD.joins}
  WHERE a.date BETWEEN ${dates}
)`;
}
