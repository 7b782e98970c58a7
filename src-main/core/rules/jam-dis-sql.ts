/**
 * JAM-01 (weekly net working hours) and DIS-01 (unexcused absence, PP 94/2021)
 * as single SELECT statements. Specification: /work/shared/rules.md §2 and
 * /work/shared/domain.md §3.1.
 *
 * Both read the per-run tables the engine builds:
 *   days(nip, date, week, week_start, year, agency, name, unit, status, mode,
 *        check_in, check_out, working, ramadan, batch_id, row_no)
 *   prof(agency, work_days, weekly_hours, ramadan_weekly_hours, tolerance_minutes,
 *        break_monthu_start, break_monthu_end, break_fri_start, break_fri_end)
 *   workdays(agency, date)
 * and return findings as
 *   (rule, nip, agency, name, unit, period, week, detail, sources STRUCT(batch, "row")[])
 * ordered by nip, period (agency last, so the order is total).
 */

/** Minute of the day; seconds are dropped so every figure is in whole minutes, as the rule asks. */
function minuteOfDay(time: string): string {
  return `(hour(${time}) * 60 + minute(${time}))`;
}

/**
 * Name and unit of an employee for one period (`key` is the column that names
 * the period in `days`). The name is the one on the latest record; the unit is
 * the most frequent one (rules.md §3), ties going to the unit seen last, then
 * alphabetically, so that the choice never depends on scan order.
 */
function labelCtes(key: string, wanted: string): string {
  // Only for the periods that have a finding (their keys are unique, so a join keeps rows as they are):
  // labelling every employee-period of ten million rows costs memory and time.
  return `
label_name AS (
  SELECT d.agency, d.nip, d.${key} AS k, d.name
  FROM days d JOIN ${wanted} x ON x.agency = d.agency AND x.nip = d.nip AND x.k = d.${key}
  WHERE d.name IS NOT NULL
  QUALIFY row_number() OVER (
    PARTITION BY d.agency, d.nip, d.${key} ORDER BY d.date DESC, d.batch_id DESC, d.row_no DESC) = 1
),
label_unit AS (
  SELECT agency, nip, k, unit
  FROM (
    SELECT d.agency, d.nip, d.${key} AS k, d.unit, count(*) AS n, max(d.date) AS last_date
    FROM days d JOIN ${wanted} x ON x.agency = d.agency AND x.nip = d.nip AND x.k = d.${key}
    WHERE d.unit IS NOT NULL
    GROUP BY d.agency, d.nip, d.${key}, d.unit
  )
  QUALIFY row_number() OVER (PARTITION BY agency, nip, k ORDER BY n DESC, last_date DESC, unit) = 1
)`;
}

/** "H j MM m": hours unpadded, minutes two digits (rules.md §2, e.g. `31 j 45 m`). */
function hoursText(minutes: string): string {
  return `printf('%d j %02d m', (${minutes}) // 60, (${minutes}) % 60)`;
}

const SOURCE = `{'batch': batch_id, 'row': CAST(row_no AS INTEGER)}`;
const SOURCES_TYPE = `STRUCT(batch VARCHAR, "row" INTEGER)[]`;

/**
 * JAM-01: per employee and ISO week, net minutes of the counted days against
 * the prorated requirement.
 *
 * The requirement is summed in hundredths of a minute as integers and rounded
 * half up with integer division: the per-day share (e.g. 42.75 h × 60 / 5)
 * is not always exact in floating point, and a sum like 2249.9999 must not
 * turn into a finding.
 */
export const JAM01_SQL = `
WITH counted AS (
  SELECT
    d.agency, d.nip, d.week, d.date, d.batch_id, d.row_no, d.status, d.in_range,
    ${minuteOfDay('d.check_in')} AS in_m,
    ${minuteOfDay('d.check_out')} AS out_m,
    -- Friday has its own break; Saturday (6-day pattern) uses the Monday–Thursday one.
    CASE WHEN isodow(d.date) = 5 THEN ${minuteOfDay('p.break_fri_start')}
         ELSE ${minuteOfDay('p.break_monthu_start')} END AS break_start,
    CASE WHEN isodow(d.date) = 5 THEN ${minuteOfDay('p.break_fri_end')}
         ELSE ${minuteOfDay('p.break_monthu_end')} END AS break_end,
    CAST(round(
      CASE WHEN d.ramadan THEN coalesce(p.ramadan_weekly_hours, p.weekly_hours) ELSE p.weekly_hours END * 6000
    ) AS BIGINT) AS weekly_centiminutes,
    p.work_days,
    coalesce(p.tolerance_minutes, 0) AS tolerance
  FROM days d
  JOIN prof p ON p.agency = d.agency
  WHERE d.working
    -- Dinas luar is official duty elsewhere: never held to office hours, whatever the status says.
    AND d.mode IS DISTINCT FROM 'DL'
    AND (
      d.status = 'TANPA_KETERANGAN'
      -- A present day missing a time is a data-quality note, not a short day.
      OR (d.status IN ('HADIR', 'TERLAMBAT', 'PULANG_CEPAT')
          AND d.check_in IS NOT NULL AND d.check_out IS NOT NULL)
    )
),
netted AS (
  SELECT *,
    CASE
      WHEN status = 'TANPA_KETERANGAN' THEN 0
      -- A check-out before the check-in cannot be worked time; count nothing rather than a negative.
      WHEN out_m <= in_m THEN 0
      ELSE out_m - in_m - coalesce(greatest(0, least(out_m, break_end) - greatest(in_m, break_start)), 0)
    END AS net
  FROM counted
),
weeks AS (
  SELECT
    agency, nip, week,
    CAST(sum(net) AS BIGINT) AS net,
    -- work_days is one value per agency, so Σ(h × 60 / wd) = Σ(h × 60) / wd.
    CAST((2 * sum(weekly_centiminutes) + 100 * max(work_days)) // (200 * max(work_days)) AS BIGINT) AS required,
    max(tolerance) AS tolerance,
    -- A week is judged whole, and reported when it touches the requested dates.
    bool_or(in_range) AS touches
  FROM netted
  GROUP BY agency, nip, week
),
failing AS (
  SELECT agency, nip, week AS k, net, required FROM weeks WHERE touches AND required > 0 AND net < required - tolerance
),
week_sources AS (
  SELECT n.agency, n.nip, n.week, list(${SOURCE.replaceAll('batch_id', 'n.batch_id').replaceAll('row_no', 'n.row_no')}
    ORDER BY n.date, n.batch_id, n.row_no) AS sources
  FROM netted n JOIN failing f ON f.agency = n.agency AND f.nip = n.nip AND f.k = n.week
  GROUP BY n.agency, n.nip, n.week
),
${labelCtes('week', 'failing')}
SELECT
  'JAM-01' AS rule,
  w.nip,
  w.agency,
  n.name,
  u.unit,
  w.week AS period,
  w.week,
  ${hoursText('w.net')} || ' dari ' || ${hoursText('w.required')} AS detail,
  CAST(s.sources AS ${SOURCES_TYPE}) AS sources
FROM (SELECT agency, nip, k AS week, net, required FROM failing) w
JOIN week_sources s ON s.agency = w.agency AND s.nip = w.nip AND s.week = w.week
LEFT JOIN label_name n ON n.agency = w.agency AND n.nip = w.nip AND n.k = w.week
LEFT JOIN label_unit u ON u.agency = w.agency AND u.nip = w.nip AND u.k = w.week
ORDER BY w.nip, period, w.agency
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
 * and any run of ten consecutive unexcused working days.
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
  WHERE status = 'TANPA_KETERANGAN' AND working AND in_range
),
numbered_workdays AS (
  SELECT agency, date, row_number() OVER (PARTITION BY agency ORDER BY date) AS k
  FROM (SELECT DISTINCT agency, date FROM workdays)
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
  WHERE coalesce(c.n, 0) >= 3 OR s.len IS NOT NULL
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
${labelCtes('year', 'hit_keys')}
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
  CAST(list_transform(
    list_sort(src.recs),
    r -> {'batch': r.batch, 'row': r.row}
  ) AS ${SOURCES_TYPE}) AS sources
FROM hits h
JOIN sourced src ON src.agency = h.agency AND src.nip = h.nip AND src.year = h.year
LEFT JOIN label_name nm ON nm.agency = h.agency AND nm.nip = h.nip AND nm.k = h.year
LEFT JOIN label_unit u ON u.agency = h.agency AND u.nip = h.nip AND u.k = h.year
ORDER BY h.nip, period, h.agency
`;
