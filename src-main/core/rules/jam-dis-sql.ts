/**
 * JAM-01 (weekly net working hours) and DIS-01 (unexcused absence, PP 94/2021)
 * as single SELECT statements. Specification: /work/shared/rules.md §2 and
 * /work/shared/domain.md §3.1.
 *
 * JAM-01 judges the employee-weeks of `nw`; DIS-01 reads the unexcused days of
 * `days` and the agencies' working days in `agency_days` (see check-sql.ts). Both go back to the
 * attendance rows only for the periods that have a finding, for their sources
 * and labels, and return findings as
 *   (rule, nip, agency, name, unit, period, week, detail, sources STRUCT(batch, "row")[])
 * ordered by nip, period (agency last, so the order is total).
 */
import { AGENCY_DAY, JAM_COUNTED, sortedSources, UNIT_A, weekOf, weekStart } from './check-sql.ts';

/**
 * Name and unit of an employee for one period, from `rows` (agency, nip, k, date, batch_id, row_no,
 * name, unit: every record of the periods that have a finding). The name is the one on the latest
 * record; the unit is the most frequent one (rules.md §3), ties going to the unit seen last, then
 * alphabetically, so that the choice never depends on scan order.
 */
const LABEL_CTES = `
label_name AS (
  SELECT agency, nip, k, arg_max(name, (date, batch_id, row_no)) AS name
  FROM rows WHERE name IS NOT NULL GROUP BY agency, nip, k
),
label_unit AS (
  SELECT agency, nip, k, unit
  FROM (
    SELECT agency, nip, k, unit, count(*) AS n, max(date) AS last_date
    FROM rows WHERE unit IS NOT NULL GROUP BY agency, nip, k, unit
  )
  QUALIFY row_number() OVER (PARTITION BY agency, nip, k ORDER BY n DESC, last_date DESC, unit) = 1
)`;

/**
 * Every record of the wanted periods (`wanted`: agency, nip, k; `key`: the period of a date `a.date`),
 * with, when asked, whether JAM-01 counts it. The wanted periods are joined first: the agency's day
 * is looked up for their records only (a LEFT JOIN, which the optimiser does not move before them;
 * every wanted agency has its days).
 */
function periodRows(wanted: string, key: string, counted = false, dates = '$weekFrom AND $weekTo'): string {
  return `rows AS (
  SELECT a.agency, a.nip, x.k, a.date, a.batch_id, a.row_no, coalesce(e.name, a.name) AS name, ${UNIT_A.unit} AS unit${counted ? `, ${JAM_COUNTED} AS counted` : ''}
  FROM attendance a
  JOIN ${wanted} x ON x.agency = a.agency AND x.nip = a.nip AND x.k = ${key}
  ${counted ? `LEFT JOIN ${AGENCY_DAY}` : ''}
  LEFT JOIN employees e ON e.nip = a.nip
  ${UNIT_A.joins}
  WHERE a.date BETWEEN ${dates}
)`;
}

/** "H j MM m": hours unpadded, minutes two digits (rules.md §2, e.g. `31 j 45 m`). */
function hoursText(minutes: string): string {
  return `printf('%d j %02d m', (${minutes}) // 60, (${minutes}) % 60)`;
}

const SOURCES_TYPE = `STRUCT(batch VARCHAR, "row" INTEGER)[]`;

/**
 * JAM-01: per employee and ISO week, net minutes of the counted days against
 * the prorated requirement, rounded half up with integer division from the
 * week's sum of shares (work_days is one value per agency, so Σ(h × 60 / wd) = Σ(h × 60) / wd).
 * A week is judged whole, and reported when a counted day touches the requested dates.
 */
export const JAM01_SQL = `
WITH weeks AS (
  SELECT n.agency, n.nip, n.week_start AS k, n.net,
    (2 * n.centiminutes + 100 * p.work_days) // (200 * p.work_days) AS required,
    coalesce(p.tolerance_minutes, 0) AS tolerance
  FROM nw n JOIN prof p ON p.agency = n.agency
  WHERE n.touches
),
failing AS (SELECT * FROM weeks WHERE required > 0 AND net < required - tolerance),
${periodRows('failing', weekStart('a.date'), true)},
week_sources AS (
  SELECT agency, nip, k,
    ${sortedSources("list({'date': date, 'batch': batch_id, 'row': row_no}) FILTER (WHERE counted)")} AS sources
  FROM rows GROUP BY agency, nip, k
),
${LABEL_CTES}
SELECT
  'JAM-01' AS rule,
  f.nip,
  f.agency,
  n.name,
  u.unit,
  ${weekOf('f.k')} AS period,
  ${weekOf('f.k')} AS week,
  ${hoursText('f.net')} || ' dari ' || ${hoursText('f.required')} AS detail,
  CAST(s.sources AS ${SOURCES_TYPE}) AS sources
FROM failing f
JOIN week_sources s ON s.agency = f.agency AND s.nip = f.nip AND s.k = f.k
LEFT JOIN label_name n ON n.agency = f.agency AND n.nip = f.nip AND n.k = f.k
LEFT JOIN label_unit u ON u.agency = f.agency AND u.nip = f.nip AND u.k = f.k
ORDER BY f.nip, period, f.agency
`;

const DISMISSAL = 'pemberhentian dengan hormat tidak atas permintaan sendiri';

/** PP 94/2021 Pasal 8–11 bands for cumulative unexcused working days in a year (domain.md §3.1). */
function bandCase(n: string): string {
  return `CASE
    WHEN ${n} >= 28 THEN '${DISMISSAL}'
    WHEN ${n} >= 25 THEN 'pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan'
    WHEN ${n} >= 21 THEN 'penurunan jabatan setingkat lebih rendah selama 12 bulan'
    WHEN ${n} >= 17 THEN 'pemotongan tunjangan kinerja 25% selama 12 bulan'
    WHEN ${n} >= 14 THEN 'pemotongan tunjangan kinerja 25% selama 9 bulan'
    WHEN ${n} >= 11 THEN 'pemotongan tunjangan kinerja 25% selama 6 bulan'
    WHEN ${n} >= 7 THEN 'pernyataan tidak puas secara tertulis'
    WHEN ${n} >= 4 THEN 'teguran tertulis'
    WHEN ${n} >= 3 THEN 'teguran lisan'
  END`;
}

/** Ten consecutive unexcused working days are a dismissal case on their own (PP 94/2021 Pasal 11). */
const STREAK_DAYS = 10;

/**
 * DIS-01: per employee and calendar year, the count of unexcused working days
 * and any run of ten consecutive unexcused working days. A year is counted from
 * January 1 to the end of the requested dates (a September run counts January to
 * September), for each year the requested dates touch; `days` holds the unexcused
 * days from DIS_FROM (check-sql.ts).
 *
 * Runs are found with gaps and islands over the agency's numbered working
 * days, so weekends and holidays between two unexcused days do not break a
 * run, while a working day without a record (it has no number in the
 * employee's list) or with another status does. A run can cross New Year; it
 * belongs to the year of its tenth day, the day the threshold is reached.
 */
export const DIS01_SQL = `
WITH unexcused AS (
  SELECT agency, nip, date, year, batch_id, row_no
  FROM days
  WHERE status = 'TANPA_KETERANGAN' AND date <= CAST($to AS DATE)
),
numbered_workdays AS (
  SELECT agency, date, row_number() OVER (PARTITION BY agency ORDER BY date) AS k
  FROM agency_days WHERE working
),
unexcused_days AS (
  SELECT DISTINCT x.agency, x.nip, x.date, w.k
  FROM unexcused x
  JOIN numbered_workdays w ON w.agency = x.agency AND w.date = x.date
),
runs AS (
  SELECT agency, nip, count(*) AS len, list(date ORDER BY date) AS dates
  FROM (
    SELECT *, k - row_number() OVER (PARTITION BY agency, nip ORDER BY k) AS island
    FROM unexcused_days
  )
  GROUP BY agency, nip, island
  HAVING count(*) >= ${STREAK_DAYS}
),
streaks AS (
  SELECT agency, nip, CAST(year(dates[${STREAK_DAYS}]) AS INTEGER) AS year,
    max(len) AS len, flatten(list(dates)) AS dates
  FROM runs
  GROUP BY agency, nip, year(dates[${STREAK_DAYS}])
),
counts AS (
  -- Distinct dates, so a day imported twice is still one day of absence.
  SELECT agency, nip, year, count(DISTINCT date) AS n
  FROM unexcused
  GROUP BY agency, nip, year
),
hits AS (
  SELECT
    coalesce(c.agency, s.agency) AS agency,
    coalesce(c.nip, s.nip) AS nip,
    coalesce(c.year, s.year) AS year,
    coalesce(c.n, 0) AS n,
    s.len AS streak,
    coalesce(s.dates, []) AS streak_dates
  FROM counts c
  FULL JOIN streaks s ON s.agency = c.agency AND s.nip = c.nip AND s.year = c.year
  WHERE (coalesce(c.n, 0) >= 3 OR s.len IS NOT NULL) AND coalesce(c.year, s.year) >= year(CAST($from AS DATE))
),
sourced AS (
  -- The year's unexcused records, plus the days of a run that began in the previous year.
  SELECT h.agency, h.nip, h.year,
    list(DISTINCT {'date': x.date, 'batch': x.batch_id, 'row': CAST(x.row_no AS INTEGER)}) AS recs
  FROM hits h
  JOIN unexcused x ON x.agency = h.agency AND x.nip = h.nip
    AND (x.year = h.year OR list_contains(h.streak_dates, x.date))
  GROUP BY h.agency, h.nip, h.year
),
hit_keys AS (SELECT agency, nip, year AS k FROM hits),
${periodRows('hit_keys', 'year(a.date)', false, 'make_date(year(CAST($from AS DATE)), 1, 1) AND $to')},
${LABEL_CTES}
SELECT
  'DIS-01' AS rule,
  h.nip,
  h.agency,
  nm.name,
  u.unit,
  CAST(h.year AS VARCHAR) AS period,
  CAST(NULL AS VARCHAR) AS week,
  CAST(h.n AS VARCHAR) || ' hari kerja tanpa keterangan dalam ' || CAST(h.year AS VARCHAR)
    || coalesce(': ' || ${bandCase('h.n')}, '')
    || coalesce('; ' || CAST(h.streak AS VARCHAR)
         || ' hari kerja berturut-turut tanpa keterangan (${DISMISSAL})', '') AS detail,
  CAST(${sortedSources('src.recs')} AS ${SOURCES_TYPE}) AS sources
FROM hits h
JOIN sourced src ON src.agency = h.agency AND src.nip = h.nip AND src.year = h.year
LEFT JOIN label_name nm ON nm.agency = h.agency AND nm.nip = h.nip AND nm.k = h.year
LEFT JOIN label_unit u ON u.agency = h.agency AND u.nip = h.nip AND u.k = h.year
ORDER BY h.nip, period, h.agency
`;
