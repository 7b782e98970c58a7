/**
 * SQL of a check run. Weekly rules judge whole ISO weeks, so `days` covers every week that
 * touches the requested range ($weekFrom..$weekTo); `in_range` marks the requested dates, to
 * which daily rules and the observed employee-weeks keep. A run first builds three temp tables — `prof` (the effective profile
 * per agency), `workdays` (every working day per agency) and `days` (every attendance
 * record in scope with the facts the rules need) — and each rule is then a SELECT over them
 * returning: rule, nip, agency, name, unit, period, week, detail, sources.
 */

export const CREATE_PROF = `CREATE OR REPLACE TEMP TABLE prof (
  agency VARCHAR, max_flex_days INTEGER, count_national_fwa_days BOOLEAN, work_days INTEGER,
  weekly_hours DOUBLE, ramadan_weekly_hours DOUBLE, ramadan_from DATE, ramadan_to DATE, tolerance_minutes INTEGER,
  break_monthu_start TIME, break_monthu_end TIME, break_fri_start TIME, break_fri_end TIME, enabled_rules VARCHAR[])`;

export const INSERT_PROF = `INSERT INTO prof VALUES ($agency, $maxFlex, $countFwa, $workDays, $weekly, $ramadanWeekly,
  CAST($ramadanFrom AS DATE), CAST($ramadanTo AS DATE), $tolerance, CAST($mtStart AS TIME), CAST($mtEnd AS TIME),
  CAST($friStart AS TIME), CAST($friEnd AS TIME), string_split($enabled, ','))`;

/** Working days of every agency over the whole calendar years of the range (for DIS-01 streaks). */
export const CREATE_WORKDAYS = `CREATE OR REPLACE TEMP TABLE workdays AS
  SELECT p.agency, g.d::DATE AS date
  FROM prof p, generate_series(make_date(year(CAST($from AS DATE)), 1, 1), make_date(year(CAST($to AS DATE)), 12, 31), INTERVAL 1 DAY) g(d)
  WHERE isodow(g.d) <= p.work_days AND g.d::DATE NOT IN (SELECT date FROM calendar WHERE day_type = 'HOLIDAY')`;

const PRESENT = `('HADIR', 'TERLAMBAT', 'PULANG_CEPAT')`;

export const CREATE_DAYS = `CREATE OR REPLACE TEMP TABLE days AS
  WITH nip_unit AS (
    -- Most employees carry one unit throughout: only the others need the per-week vote.
    SELECT nip, min(unit_name) AS unit, min(unit_name) = max(unit_name) AS single FROM attendance
    WHERE unit_name IS NOT NULL AND date BETWEEN $weekFrom AND $weekTo GROUP BY nip),
  week_unit AS (
    SELECT nip, week, unit_name AS unit FROM (
      SELECT nip, strftime(date, '%G-W%V') AS week, unit_name, count(*) AS n, max(date) AS last
      FROM attendance WHERE unit_name IS NOT NULL AND date BETWEEN $weekFrom AND $weekTo
        AND nip IN (SELECT nip FROM nip_unit WHERE NOT single) GROUP BY ALL)
    QUALIFY row_number() OVER (PARTITION BY nip, week ORDER BY n DESC, last DESC) = 1),
  special AS (
    SELECT DISTINCT a.nip, a.date FROM attendance a JOIN approvals ap
      ON ap.nip = a.nip AND a.date BETWEEN ap.date_from AND ap.date_to
    WHERE ap.status = 'APPROVED' AND ap.special_condition AND a.date BETWEEN $weekFrom AND $weekTo)
  SELECT a.nip, a.date, strftime(a.date, '%G-W%V') AS week, date_trunc('week', a.date)::DATE AS week_start,
    year(a.date) AS year, a.agency, coalesce(e.name, a.name) AS name,
    coalesce(e.unit_name, CASE WHEN nu.single THEN nu.unit END, wu.unit) AS unit,
    a.status, a.mode, a.check_in, a.check_out,
    isodow(a.date) <= p.work_days AND h.date IS NULL AS working,
    f.date IS NOT NULL AS national_fwa,
    coalesce(a.date BETWEEN p.ramadan_from AND p.ramadan_to, false) AS ramadan,
    isodow(a.date) <= p.work_days AND h.date IS NULL AND a.status IN ${PRESENT}
      AND a.mode IN ('WFH', 'WFA', 'KANTOR_LAIN') AS flex,
    coalesce(e.field_duty, false)
      OR (coalesce(e.special_condition, false) AND a.date BETWEEN coalesce(e.special_from, DATE '1900-01-01')
          AND coalesce(e.special_to, DATE '2999-12-31'))
      OR s.nip IS NOT NULL AS exempt,
    coalesce(e.discipline, 'NONE') AS discipline,
    coalesce(u.service_type, e.service_type) = 'FRONTLINE' AS frontline,
    a.date BETWEEN $from AND $to AS in_range, a.batch_id, a.row_no
  FROM attendance a
  JOIN prof p ON p.agency = a.agency
  LEFT JOIN employees e ON e.nip = a.nip
  LEFT JOIN nip_unit nu ON nu.nip = a.nip
  LEFT JOIN week_unit wu ON wu.nip = a.nip AND wu.week = strftime(a.date, '%G-W%V')
  LEFT JOIN units u ON u.agency = a.agency
    AND u.unit_name = coalesce(e.unit_name, CASE WHEN nu.single THEN nu.unit END, wu.unit)
  LEFT JOIN (SELECT DISTINCT date FROM calendar WHERE day_type = 'HOLIDAY') h ON h.date = a.date
  LEFT JOIN (SELECT DISTINCT date FROM calendar WHERE day_type = 'NATIONAL_FWA_DAY') f ON f.date = a.date
  LEFT JOIN special s ON s.nip = a.nip AND s.date = a.date
  WHERE a.date BETWEEN $weekFrom AND $weekTo`;

const MODE_LABEL = `CASE mode WHEN 'KANTOR_LAIN' THEN 'Kantor Lain' ELSE mode END`;
const SOURCE = `[{'batch': batch_id, 'row': row_no}]`;
const DAILY = `nip, agency, name, unit, strftime(date, '%Y-%m-%d') AS period, week`;

// Counted first, sources listed only for the weeks over the cap: listing every week costs memory and time.
export const LOK01_SQL = `WITH counted AS (
    SELECT d.nip, d.agency, d.week, p.max_flex_days, count(*) AS n
    FROM days d JOIN prof p ON p.agency = d.agency
    WHERE d.flex AND NOT d.exempt AND (NOT d.national_fwa OR p.count_national_fwa_days)
    GROUP BY d.nip, d.agency, d.week, p.max_flex_days
    HAVING count(*) > p.max_flex_days AND bool_or(d.in_range))
  SELECT 'LOK-01' AS rule, c.nip, c.agency, any_value(d.name) AS name, any_value(d.unit) AS unit,
    c.week AS period, c.week, format('{} hari fleksibel lokasi dalam {}, batas {}', c.n, c.week, c.max_flex_days) AS detail,
    list({'batch': d.batch_id, 'row': d.row_no} ORDER BY d.date) AS sources
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
 * Observed employee-weeks (rules.md §3), built once from `days` after the rules have run, with
 * whether any finding of an enabled weekly or daily rule falls in them: every compliance figure and
 * the roster note then read this table instead of the employee-days.
 */
export const CREATE_EW = `CREATE OR REPLACE TEMP TABLE ew AS
  WITH seen AS (
    SELECT agency, coalesce(unit, '${UNKNOWN_UNIT}') AS unit, nip, week, count(*) AS records, any_value(name) AS name
    FROM days WHERE in_range GROUP BY ALL),
  bad AS (SELECT DISTINCT nip, week FROM run_findings WHERE week IS NOT NULL)
  SELECT seen.*, bad.nip IS NULL AS compliant FROM seen LEFT JOIN bad ON bad.nip = seen.nip AND bad.week = seen.week`;

export const COMPLIANCE_SQL = `SELECT agency, unit, GROUPING(agency) AS g_agency, GROUPING(unit) AS g_unit,
    count(*) AS employee_weeks, count(*) FILTER (WHERE compliant) AS compliant
  FROM ew
  GROUP BY GROUPING SETS ((agency, unit), (agency), ())
  ORDER BY g_agency, agency NULLS LAST, g_unit DESC, unit NULLS LAST`;

/** The same ratio counting only one rule's findings (weekly and daily rules; DIS-01 is yearly). */
export const COMPLIANCE_BY_RULE_SQL = `WITH weeks AS (SELECT DISTINCT nip, week FROM ew),
  rules AS (SELECT DISTINCT rule FROM (SELECT unnest(enabled_rules) AS rule FROM prof) WHERE rule <> 'DIS-01'),
  bad AS (SELECT DISTINCT rule, nip, week FROM run_findings WHERE week IS NOT NULL)
  SELECT r.rule, count(*) AS employee_weeks, count(*) FILTER (WHERE bad.nip IS NULL) AS compliant
  FROM rules r CROSS JOIN weeks w LEFT JOIN bad ON bad.rule = r.rule AND bad.nip = w.nip AND bad.week = w.week
  GROUP BY r.rule ORDER BY r.rule`;

/** The trend: the overall ratio per ISO week. */
export const COMPLIANCE_BY_WEEK_SQL = `SELECT week, count(*) AS employee_weeks, count(*) FILTER (WHERE compliant) AS compliant
  FROM (SELECT DISTINCT nip, week, compliant FROM ew) GROUP BY week ORDER BY week`;

/** Per unit and ISO week (the unit × week heatmap, the workbook's week columns). */
export const COMPLIANCE_BY_UNIT_WEEK_SQL = `SELECT agency, unit, week, count(*) AS employee_weeks, count(*) FILTER (WHERE compliant) AS compliant
  FROM ew GROUP BY agency, unit, week ORDER BY agency NULLS LAST, unit, week`;

export const NOT_IN_ROSTER_SQL = `SELECT w.nip, any_value(w.name) AS name, w.agency, sum(w.records)::INTEGER AS records FROM ew w
  WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.nip = w.nip) GROUP BY w.nip, w.agency ORDER BY w.agency, w.nip`;

export const MISSING_TIMES_SQL = `SELECT nip, strftime(date, '%Y-%m-%d') AS date, agency,
    {'batch': batch_id, 'row': row_no} AS source
  FROM days WHERE in_range AND working AND status IN ${PRESENT} AND coalesce(mode, '') <> 'DL'
    AND (check_in IS NULL OR check_out IS NULL) ORDER BY agency, nip, date`;
