/**
 * SQL of a check run. Weekly rules judge whole ISO weeks, so a run reads every week that touches
 * the requested range ($weekFrom..$weekTo); "in range" marks the requested dates, to which daily
 * rules and the observed employee-weeks keep. Ten million attendance rows are read in two passes,
 * never copied whole:
 * - `nw`: one row per agency, employee and week with everything weekly (records in range, the
 *   JAM-01 minutes, the units seen), from one aggregate;
 * - `days`: only the working days the row-level rules look at (flexible-location days and
 *   unexcused absences), with the facts those rules need.
 * `prof` (the effective profile per agency), `agency_days` (each day as the profile and the
 * calendar see it) and `nu`/`wu` (the unit of each employee-week) complete them. Each rule is then a SELECT returning:
 * rule, nip, agency, name, unit, period, week, detail, sources.
 */

export const CREATE_PROF = `CREATE OR REPLACE TEMP TABLE prof (
  agency VARCHAR, max_flex_days INTEGER, count_national_fwa_days BOOLEAN, work_days INTEGER,
  weekly_hours DOUBLE, ramadan_weekly_hours DOUBLE, ramadan_from DATE, ramadan_to DATE, tolerance_minutes INTEGER,
  break_monthu_start TIME, break_monthu_end TIME, break_fri_start TIME, break_fri_end TIME, enabled_rules VARCHAR[])`;

export const INSERT_PROF = `INSERT INTO prof VALUES ($agency, $maxFlex, $countFwa, $workDays, $weekly, $ramadanWeekly,
  CAST($ramadanFrom AS DATE), CAST($ramadanTo AS DATE), $tolerance, CAST($mtStart AS TIME), CAST($mtEnd AS TIME),
  CAST($friStart AS TIME), CAST($friEnd AS TIME), string_split($enabled, ','))`;

const HOLIDAYS = `(SELECT DISTINCT date FROM calendar WHERE day_type = 'HOLIDAY')`;

/** Minute of the day; seconds are dropped so every figure is in whole minutes, as JAM-01 asks. */
const minuteOfDay = (time: string): string => `(hour(${time}) * 60 + minute(${time}))`;

/**
 * Every day of every agency of the run from the year before its first week to the end of the year
 * of its last (DIS-01 counts the calendar year and a streak may begin the year before), with what the profile and the calendar make of it: whether it is a working
 * day, JAM-01's break window that day (Friday has its own; Saturday, on the 6-day pattern, uses the
 * Monday–Thursday one), and the day's share of the weekly hours (Ramadan's within its dates) in
 * hundredths of a minute × work days, as an integer: a share like 42.75 h × 60 / 5 is not always
 * exact in floating point, and a sum like 2249.9999 must not turn into a finding (JAM-01 divides and
 * rounds half up once per week). Records join it on (agency, date), once, instead of the profile and
 * the holidays, and every per-day figure is worked out here for a few hundred days, not per record.
 */
export const CREATE_AGENCY_DAYS = `CREATE OR REPLACE TEMP TABLE agency_days AS
  SELECT p.agency, g.d::DATE AS date, isodow(g.d) <= p.work_days AND g.d::DATE NOT IN ${HOLIDAYS} AS working,
    CASE WHEN isodow(g.d) = 5 THEN ${minuteOfDay('p.break_fri_start')} ELSE ${minuteOfDay('p.break_monthu_start')} END AS break_start,
    CASE WHEN isodow(g.d) = 5 THEN ${minuteOfDay('p.break_fri_end')} ELSE ${minuteOfDay('p.break_monthu_end')} END AS break_end,
    CAST(round(CASE WHEN coalesce(g.d::DATE BETWEEN p.ramadan_from AND p.ramadan_to, false)
      THEN coalesce(p.ramadan_weekly_hours, p.weekly_hours) ELSE p.weekly_hours END * 6000) AS BIGINT) AS centiminutes
  FROM prof p, generate_series(make_date(year(CAST($from AS DATE)) - 1, 1, 1), make_date(year(CAST($to AS DATE)), 12, 31), INTERVAL 1 DAY) g(d)`;

/** Joins a record `a` to its agency's day `d`. */
export const AGENCY_DAY = `agency_days d ON d.agency = a.agency AND d.date = a.date`;

const PRESENT = `('HADIR', 'TERLAMBAT', 'PULANG_CEPAT')`;
const FLEX_MODES = `('WFH', 'WFA', 'KANTOR_LAIN')`;
/** ISO week label of a date, e.g. 2025-W28 (every day of an ISO week has the same label). */
export const weekOf = (date: string): string => `strftime(${date}, '%G-W%V')`;
export const weekStart = (date: string): string => `date_trunc('week', ${date})::DATE`;
/** A working day of the agency (`d` is its row of agency_days). */
const WORKING = `d.working`;

const IN_M = minuteOfDay('a.check_in');
const OUT_M = minuteOfDay('a.check_out');

/**
 * A day JAM-01 counts: a working day not on official travel (dinas luar is duty elsewhere, never held
 * to office hours, whatever the status says) that is unexcused or present with both times (a present
 * day missing a time is a data-quality note, not a short day).
 */
export const JAM_COUNTED = `(${WORKING} AND a.mode IS DISTINCT FROM 'DL' AND (a.status = 'TANPA_KETERANGAN'
  OR (a.status IN ${PRESENT} AND a.check_in IS NOT NULL AND a.check_out IS NOT NULL)))`;

/** Net minutes of a counted day: span minus its overlap with the break; nothing for an unexcused day or a check-out before the check-in. */
const NET = `CASE WHEN a.status = 'TANPA_KETERANGAN' OR ${OUT_M} <= ${IN_M} THEN 0
  ELSE ${OUT_M} - ${IN_M} - coalesce(greatest(0, least(${OUT_M}, d.break_end) - greatest(${IN_M}, d.break_start)), 0) END`;

/**
 * Employee-weeks of every agency's rows; `in_scope` marks the agencies of the run. `touches` is
 * whether a day JAM-01 counts falls in the requested range; `flex_days` counts the
 * flexible-location working days in range (the screens show them). Each record's facts are worked
 * out once, below the aggregate.
 */
export const CREATE_NW = `CREATE OR REPLACE TEMP TABLE nw AS
  SELECT agency, nip, week_start, bool_or(in_scope) AS in_scope, count(*) FILTER (WHERE in_range) AS records,
    CAST(sum(net) AS BIGINT) AS net, CAST(sum(centiminutes) AS BIGINT) AS centiminutes, bool_or(touch) AS touches,
    count(*) FILTER (WHERE in_range AND flex) AS flex_days
  FROM (
    SELECT a.agency, a.nip, ${weekStart('a.date')} AS week_start, d.agency IS NOT NULL AS in_scope,
      a.date BETWEEN $from AND $to AS in_range, ${JAM_COUNTED} AS counted,
      ${WORKING} AND a.status IN ${PRESENT} AND a.mode IN ${FLEX_MODES} AS flex,
      CASE WHEN counted THEN ${NET} END AS net,
      CASE WHEN counted THEN d.centiminutes END AS centiminutes,
      CASE WHEN counted THEN in_range END AS touch
    FROM attendance a LEFT JOIN ${AGENCY_DAY}
    WHERE a.date BETWEEN $weekFrom AND $weekTo)
  GROUP BY agency, nip, week_start`;

/**
 * The unit of each employee-week (rules.md §3): the roster's, else the one unit the employee's records
 * carry (`nu`, per employee, over every agency's records of the weeks), else the week's most frequent,
 * ties to the latest record (`wu`, only for the employees whose records carry several units).
 * `nu` also holds the employee's name: the roster's, else one from the records in range.
 */
export const CREATE_NU = `CREATE OR REPLACE TEMP TABLE nu AS
  SELECT n.nip, coalesce(e.unit_name, CASE WHEN n.lo = n.hi THEN n.lo END) AS unit,
    coalesce(e.unit_name IS NULL AND n.lo <> n.hi, false) AS weekly, coalesce(e.name, n.name) AS name
  FROM (
    SELECT nip, min(unit_name) AS lo, max(unit_name) AS hi, any_value(name) FILTER (WHERE date BETWEEN $from AND $to) AS name
    FROM attendance WHERE date BETWEEN $weekFrom AND $weekTo GROUP BY nip) n
  LEFT JOIN employees e ON e.nip = n.nip`;

export const CREATE_WU = `CREATE OR REPLACE TEMP TABLE wu AS
  SELECT nip, week_start, unit FROM (
    SELECT a.nip, ${weekStart('a.date')} AS week_start, a.unit_name AS unit, count(*) AS n, max(a.date) AS last
    FROM attendance a JOIN nu ON nu.nip = a.nip AND nu.weekly
    WHERE a.unit_name IS NOT NULL AND a.date BETWEEN $weekFrom AND $weekTo GROUP BY ALL)
  QUALIFY row_number() OVER (PARTITION BY nip, week_start ORDER BY n DESC, last DESC, unit) = 1`;

/** Joins `nu` and `wu` for the records or weeks `x` (its `nip`, and `weekStart`); the unit is then `unit_of`. */
export function unitOf(x: string, weekStartOf: string): { joins: string; unit: string } {
  return {
    joins: `LEFT JOIN nu ON nu.nip = ${x}.nip LEFT JOIN wu ON wu.nip = ${x}.nip AND wu.week_start = ${weekStartOf}`,
    unit: 'coalesce(nu.unit, wu.unit)',
  };
}

const MISSING_TIME = `(a.status IN ${PRESENT} AND coalesce(a.mode, '') <> 'DL' AND (a.check_in IS NULL OR a.check_out IS NULL))`;

/** The unit of an attendance record `a`. */
export const UNIT_A = unitOf('a', weekStart('a.date'));

/**
 * DIS-01 counts a calendar year up to the end of the requested dates, and a run of ten days may
 * begin in the year before: its unexcused days are read from January 1 of the year before the first week.
 */
export const DIS_FROM = `make_date(year(CAST($weekFrom AS DATE)) - 1, 1, 1)`;

/**
 * The working days the row-level rules read: flexible-location days and the present days missing a
 * time (a data-quality note) of the run's weeks, and the unexcused absences since DIS_FROM.
 */

export const CREATE_DAYS = `CREATE OR REPLACE TEMP TABLE days AS
  WITH special AS (
    -- The days of approved special-condition approvals, within the run's weeks.
    SELECT DISTINCT ap.nip, g.d::DATE AS date FROM approvals ap,
      generate_series(greatest(ap.date_from, CAST($weekFrom AS DATE)), least(ap.date_to, CAST($weekTo AS DATE)), INTERVAL 1 DAY) g(d)
    WHERE ap.status = 'APPROVED' AND ap.special_condition)
  SELECT a.nip, a.date, ${weekOf('a.date')} AS week, year(a.date) AS year, a.agency, coalesce(e.name, a.name) AS name,
    ${UNIT_A.unit} AS unit, a.status, a.mode,
    f.date IS NOT NULL AS national_fwa,
    a.status IN ${PRESENT} AND a.mode IN ${FLEX_MODES} AS flex,
    ${MISSING_TIME} AS missing_time,
    coalesce(e.field_duty, false)
      OR (coalesce(e.special_condition, false) AND a.date BETWEEN coalesce(e.special_from, DATE '1900-01-01')
          AND coalesce(e.special_to, DATE '2999-12-31'))
      OR (e.nip IS NOT NULL AND s.nip IS NOT NULL) AS exempt,
    coalesce(e.discipline, 'NONE') AS discipline,
    coalesce(u.service_type, e.service_type) = 'FRONTLINE' AS frontline,
    a.date BETWEEN $from AND $to AS in_range, a.batch_id, a.row_no
  FROM attendance a
  JOIN ${AGENCY_DAY}
  LEFT JOIN employees e ON e.nip = a.nip
  ${UNIT_A.joins}
  LEFT JOIN units u ON u.agency = a.agency AND u.unit_name = ${UNIT_A.unit}
  LEFT JOIN (SELECT DISTINCT date FROM calendar WHERE day_type = 'NATIONAL_FWA_DAY') f ON f.date = a.date
  LEFT JOIN special s ON s.nip = a.nip AND s.date = a.date
  WHERE a.date BETWEEN ${DIS_FROM} AND $weekTo AND ${WORKING}
    AND ((a.date >= $weekFrom AND ((a.status IN ${PRESENT} AND a.mode IN ${FLEX_MODES}) OR ${MISSING_TIME}))
      OR a.status = 'TANPA_KETERANGAN')`;

const MODE_LABEL = `CASE mode WHEN 'KANTOR_LAIN' THEN 'Kantor Lain' ELSE mode END`;
const SOURCE = `[{'batch': batch_id, 'row': row_no}]`;
const DAILY = `nip, agency, name, unit, strftime(date, '%Y-%m-%d') AS period, week`;

/**
 * Sources of a finding in record order, from a list of {date, batch, row}: sorting the list is far
 * cheaper than an ordered aggregate (list(... ORDER BY ...)), which DuckDB buffers per group.
 */
export function sortedSources(list: string): string {
  return `list_transform(list_sort(${list}), r -> {'batch': r.batch, 'row': r.row})`;
}

// Counted first, sources listed only for the weeks over the cap: listing every week costs memory and time.
export const LOK01_SQL = `WITH counted AS (
    SELECT d.nip, d.agency, d.week, p.max_flex_days, count(*) AS n
    FROM days d JOIN prof p ON p.agency = d.agency
    WHERE d.flex AND NOT d.exempt AND (NOT d.national_fwa OR p.count_national_fwa_days)
    GROUP BY d.nip, d.agency, d.week, p.max_flex_days
    HAVING count(*) > p.max_flex_days AND bool_or(d.in_range))
  SELECT 'LOK-01' AS rule, c.nip, c.agency, any_value(d.name) AS name, any_value(d.unit) AS unit,
    c.week AS period, c.week, format('{} hari fleksibel lokasi dalam {}, batas {}', c.n, c.week, c.max_flex_days) AS detail,
    ${sortedSources("list({'date': d.date, 'batch': d.batch_id, 'row': d.row_no})")} AS sources
  FROM counted c JOIN days d ON d.nip = c.nip AND d.agency = c.agency AND d.week = c.week
  JOIN prof p ON p.agency = d.agency
  WHERE d.flex AND NOT d.exempt AND (NOT d.national_fwa OR p.count_national_fwa_days)
  GROUP BY c.nip, c.agency, c.week, c.n, c.max_flex_days`;

export const LOK02_SQL = `SELECT 'LOK-02' AS rule, ${DAILY},
    format('{} pada {} padahal unit {} memberi layanan langsung', ${MODE_LABEL}, strftime(date, '%Y-%m-%d'), unit) AS detail,
    ${SOURCE} AS sources
  FROM days WHERE in_range AND flex AND NOT exempt AND frontline`;

export const ELG01_SQL = `SELECT 'ELG-01' AS rule, ${DAILY},
    format('{} pada {} saat {} hukuman disiplin', ${MODE_LABEL}, strftime(date, '%Y-%m-%d'),
      CASE discipline WHEN 'ACTIVE' THEN 'menjalani' ELSE 'dalam proses' END) AS detail,
    ${SOURCE} AS sources
  FROM days WHERE in_range AND flex AND discipline IN ('ACTIVE', 'IN_PROCESS')`;

export const APR01_SQL = `SELECT 'APR-01' AS rule, ${DAILY},
    format('{} pada {} tanpa persetujuan berstatus Disetujui', ${MODE_LABEL}, strftime(date, '%Y-%m-%d')) AS detail,
    ${SOURCE} AS sources
  FROM days d WHERE in_range AND flex AND agency IN (SELECT DISTINCT agency FROM approvals WHERE agency IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM approvals ap WHERE ap.nip = d.nip AND ap.status = 'APPROVED'
      AND ap.kind NOT IN ('SIF', 'DINAMIS', 'WAKTU') AND d.date BETWEEN ap.date_from AND ap.date_to)`;

export const LAP01_SQL = `SELECT 'LAP-01' AS rule, ${DAILY},
    format('{} pada {} tanpa laporan harian', ${MODE_LABEL}, strftime(date, '%Y-%m-%d')) AS detail,
    ${SOURCE} AS sources
  FROM days d WHERE in_range AND flex AND agency IN (SELECT DISTINCT agency FROM daily_reports WHERE agency IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM daily_reports r WHERE r.nip = d.nip AND r.date = d.date)`;

export const UNKNOWN_UNIT = '(unit tidak diketahui)';

/**
 * Observed employee-weeks (rules.md §3), with whether any finding of an enabled weekly or daily rule
 * falls in them: every compliance figure and the roster note read this table.
 */
export const CREATE_EW = `CREATE OR REPLACE TEMP TABLE ew AS
  WITH bad AS (SELECT DISTINCT nip, week FROM run_findings WHERE week IS NOT NULL)
  SELECT n.agency, coalesce(${unitOf('n', 'n.week_start').unit}, '${UNKNOWN_UNIT}') AS unit, n.nip, ${weekOf('n.week_start')} AS week, n.records,
    n.flex_days, nu.name, bad.nip IS NULL AS compliant
  FROM nw n
  ${unitOf('n', 'n.week_start').joins}
  LEFT JOIN bad ON bad.nip = n.nip AND bad.week = ${weekOf('n.week_start')}
  WHERE n.in_scope AND n.records > 0`;

export const COMPLIANCE_SQL = `SELECT agency, unit, GROUPING(agency) AS g_agency, GROUPING(unit) AS g_unit,
    count(*) AS employee_weeks, count(*) FILTER (WHERE compliant) AS compliant
  FROM ew
  GROUP BY GROUPING SETS ((agency, unit), (agency), ())
  ORDER BY g_agency, agency NULLS LAST, g_unit DESC, unit NULLS LAST`;

/** The same ratio counting only one rule's findings (weekly and daily rules; DIS-01 is yearly). */
export const COMPLIANCE_BY_RULE_SQL = `WITH weeks AS (SELECT DISTINCT nip, week FROM ew),
  rules AS (SELECT DISTINCT rule FROM (SELECT unnest(enabled_rules) AS rule FROM prof) WHERE rule <> 'DIS-01'),
  bad AS (SELECT rule, count(*) AS n FROM (SELECT DISTINCT rule, nip, week FROM run_findings WHERE week IS NOT NULL) b
    WHERE EXISTS (SELECT 1 FROM weeks w WHERE w.nip = b.nip AND w.week = b.week) GROUP BY rule)
  SELECT r.rule, t.n AS employee_weeks, t.n - coalesce(bad.n, 0) AS compliant
  FROM rules r CROSS JOIN (SELECT count(*) AS n FROM weeks) t LEFT JOIN bad ON bad.rule = r.rule
  ORDER BY r.rule`;

/** The trend: the overall ratio per ISO week. */
export const COMPLIANCE_BY_WEEK_SQL = `SELECT week, count(*) AS employee_weeks, count(*) FILTER (WHERE compliant) AS compliant
  FROM (SELECT DISTINCT nip, week, compliant FROM ew) GROUP BY week ORDER BY week`;

/** Per unit and ISO week (the unit × week heatmap, the workbook's week columns). */
export const COMPLIANCE_BY_UNIT_WEEK_SQL = `SELECT agency, unit, week, count(*) AS employee_weeks, count(*) FILTER (WHERE compliant) AS compliant
  FROM ew GROUP BY agency, unit, week ORDER BY agency NULLS LAST, unit, week`;

export const NOT_IN_ROSTER_SQL = `SELECT w.nip, any_value(w.name) AS name, w.agency, sum(w.records)::INTEGER AS records FROM ew w
  WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.nip = w.nip) GROUP BY w.nip, w.agency ORDER BY w.agency, w.nip`;

export const MISSING_TIMES_SQL = `SELECT nip, strftime(date, '%Y-%m-%d') AS date, agency, {'batch': batch_id, 'row': row_no} AS source
  FROM days WHERE in_range AND missing_time ORDER BY agency, nip, date`;
