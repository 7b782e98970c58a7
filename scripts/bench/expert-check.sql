-- An expert's hand-written DuckDB check: the findings of the seven rules (LOK-01, LOK-02, ELG-01,
-- JAM-01, APR-01, LAP-01, DIS-01) as keys (rule, agency, nip, period) and the compliance of every
-- agency and unit, over the whole workspace (the earliest attendance date to the latest). It is
-- the benchmark's yardstick for `pantau check` (docs/benchmarks.md) and is written from the
-- meaning of the rules (docs/rules.md), not from Pantau's code: it shares none of it, and
-- test/bench/expert-check.test.ts keeps the two equal.
--
-- The national default profile is written into the SQL, as an expert writing for one setting
-- would: working days Monday–Friday minus calendar HOLIDAYs (workDays 5); maxFlexDays 2;
-- national FWA days not counted (countNationalFwaDays false); 450 required minutes per counted
-- day (weeklyHours 37.5 × 60 / 5, no Ramadan dates); toleranceMinutes 0; breaks 12:00–13:00
-- Monday–Thursday and 11:30–13:00 Friday; every rule enabled. So agencies with a profile of
-- their own are checked here under the national one.
--
-- Three statements, each materialising its result as a temp table:
--   expert_weeks       every employee-week, from one pass over attendance;
--   expert_findings    rule, agency, nip, period, week (the Monday a finding counts in, NULL for DIS-01);
--   expert_compliance  agency, unit, employee_weeks, compliant: per unit, per agency (unit NULL)
--                      and overall (agency and unit NULL).
-- Attendance always carries its agency (the import requires one), so every record is checked.

-- 1. Employee-weeks. The week's figures for JAM-01, and its flexible-location and unexcused
-- working days as lists, so that the day rules and DIS-01 never read attendance again.
CREATE OR REPLACE TEMP TABLE expert_weeks AS
WITH weeks AS MATERIALIZED (
  SELECT
    agency,
    nip,
    week,
    min(unit_name) AS unit_lo,
    max(unit_name) AS unit_hi,
    count(*) FILTER (WHERE counted) AS counted_days,
    coalesce(sum(net) FILTER (WHERE counted), 0) AS net,
    list(date) FILTER (WHERE working AND present AND mode IN ('WFH', 'WFA', 'KANTOR_LAIN')) AS flex_days,
    list(date) FILTER (WHERE working AND status = 'TANPA_KETERANGAN') AS unexcused_days
  FROM (
    SELECT
      a.agency,
      a.nip,
      a.date,
      date_trunc('week', a.date)::DATE AS week,
      a.unit_name,
      a.status,
      a.mode,
      isodow(a.date) <= 5 AND h.date IS NULL AS working,
      a.status IN ('HADIR', 'TERLAMBAT', 'PULANG_CEPAT') AS present,
      -- JAM-01 counts unexcused working days (as 0 minutes) and present ones with both times;
      -- a day on official travel (mode DL) is duty elsewhere, not office hours.
      working AND a.mode IS DISTINCT FROM 'DL'
        AND (a.status = 'TANPA_KETERANGAN' OR (present AND a.check_in IS NOT NULL AND a.check_out IS NOT NULL)) AS counted,
      -- Whole minutes (seconds dropped, then compared). A check-out before the check-in is a shift past midnight:
      -- 24 h are added. The break is the one of the day the shift starts.
      hour(a.check_in) * 60 + minute(a.check_in) AS m_in,
      hour(a.check_out) * 60 + minute(a.check_out) AS m_out_day,
      m_out_day + CASE WHEN m_out_day < m_in THEN 1440 ELSE 0 END AS m_out,
      CASE WHEN isodow(a.date) = 5 THEN 690 ELSE 720 END AS break_start,
      780 AS break_end,
      CASE WHEN a.status = 'TANPA_KETERANGAN' THEN 0
        ELSE m_out - m_in - greatest(0, least(m_out, break_end) - greatest(m_in, break_start)) END AS net
    FROM attendance a
    LEFT JOIN (SELECT DISTINCT date FROM calendar WHERE day_type = 'HOLIDAY') h ON h.date = a.date
  )
  GROUP BY agency, nip, week
),
-- The unit of an employee-week: the roster's; for an employee off the roster, the one unit their
-- records carry, or, when they carry several, the most frequent in that week (ties to the latest
-- record, then alphabetical). Only those last employees' records are read again.
spread AS (
  SELECT nip, min(unit_lo) AS lo, max(unit_hi) AS hi
  FROM weeks
  GROUP BY nip
),
several AS (
  SELECT s.nip
  FROM spread s
  LEFT JOIN employees e ON e.nip = s.nip
  WHERE s.lo <> s.hi AND e.unit_name IS NULL
),
majority AS (
  SELECT nip, week, first(unit ORDER BY n DESC, last_date DESC, unit) AS unit
  FROM (
    SELECT a.nip, date_trunc('week', a.date)::DATE AS week, a.unit_name AS unit, count(*) AS n, max(a.date) AS last_date
    FROM attendance a
    SEMI JOIN several s ON s.nip = a.nip
    WHERE a.unit_name IS NOT NULL
    GROUP BY ALL
  )
  GROUP BY nip, week
)
SELECT
  w.agency,
  w.nip,
  w.week,
  coalesce(e.unit_name, CASE WHEN s.lo = s.hi THEN s.lo END, m.unit) AS unit,
  w.counted_days,
  w.net,
  w.flex_days,
  w.unexcused_days
FROM weeks w
JOIN spread s ON s.nip = w.nip
LEFT JOIN employees e ON e.nip = w.nip
LEFT JOIN majority m ON m.nip = w.nip AND m.week = w.week;

-- 2. Findings.
CREATE OR REPLACE TEMP TABLE expert_findings AS
WITH flex AS MATERIALIZED (
  -- Every flexible-location working day, with what the rules ask of it.
  SELECT
    d.agency,
    d.nip,
    d.week,
    d.date,
    -- Exempt from the location cap (and from LOK-02): field duty, a special condition on the
    -- roster (within its dates, when given), or an approved special-condition approval covering
    -- the day. An employee off the roster has no exemption.
    e.nip IS NOT NULL AND (
      e.field_duty
      OR (e.special_condition AND d.date BETWEEN coalesce(e.special_from, d.date) AND coalesce(e.special_to, d.date))
      OR EXISTS (
        SELECT 1 FROM approvals ap
        WHERE ap.nip = d.nip AND ap.status = 'APPROVED' AND ap.special_condition AND d.date BETWEEN ap.date_from AND ap.date_to
      )
    ) AS exempt,
    d.date IN (SELECT date FROM calendar WHERE day_type = 'NATIONAL_FWA_DAY') AS national_fwa,
    -- Front-line: the unit's service type in the units file, else the roster's.
    coalesce(coalesce(u.service_type, e.service_type) = 'FRONTLINE', false) AS frontline,
    coalesce(e.discipline IN ('ACTIVE', 'IN_PROCESS'), false) AS disciplined,
    -- APR-01 and LAP-01 run only for agencies that imported approvals / daily reports. A day is
    -- covered by an approved approval of a location form (or none given): shift, dynamic and time
    -- flexibility are not flexibility of location.
    d.agency IN (SELECT agency FROM approvals) AND NOT EXISTS (
      SELECT 1 FROM approvals ap
      WHERE ap.nip = d.nip AND ap.status = 'APPROVED' AND ap.kind NOT IN ('SIF', 'DINAMIS', 'WAKTU')
        AND d.date BETWEEN ap.date_from AND ap.date_to
    ) AS unapproved,
    d.agency IN (SELECT agency FROM daily_reports)
      AND NOT EXISTS (SELECT 1 FROM daily_reports r WHERE r.nip = d.nip AND r.date = d.date) AS unreported
  FROM (SELECT agency, nip, week, unit, unnest(flex_days) AS date FROM expert_weeks) d
  LEFT JOIN employees e ON e.nip = d.nip
  LEFT JOIN units u ON u.agency = d.agency AND u.unit_name = d.unit
),
unexcused AS MATERIALIZED (
  SELECT agency, nip, unnest(unexcused_days) AS date FROM expert_weeks
),
workdays AS (
  -- Working days numbered in order, so that a run of unexcused days skips weekends and holidays
  -- but breaks at a working day without a record or with another status.
  SELECT g.d::DATE AS date, row_number() OVER (ORDER BY g.d) AS k
  FROM generate_series((SELECT min(date) FROM unexcused), (SELECT max(date) FROM unexcused), INTERVAL 1 DAY) g(d)
  WHERE isodow(g.d) <= 5 AND g.d::DATE NOT IN (SELECT date FROM calendar WHERE day_type = 'HOLIDAY')
),
streak_years AS (
  -- A run of ten or more consecutive unexcused working days belongs to the year of its tenth day.
  SELECT DISTINCT agency, nip, year(list_sort(list(date))[10]) AS year
  FROM (
    SELECT x.agency, x.nip, x.date, w.k - row_number() OVER (PARTITION BY x.agency, x.nip ORDER BY w.k) AS island
    FROM unexcused x
    JOIN workdays w ON w.date = x.date
  )
  GROUP BY agency, nip, island
  HAVING count(*) >= 10
)
SELECT 'LOK-01' AS rule, agency, nip, strftime(week, '%G-W%V') AS period, week
FROM flex
WHERE NOT exempt AND NOT national_fwa
GROUP BY agency, nip, week
HAVING count(*) > 2
UNION ALL
SELECT unnest(list_filter([
    CASE WHEN frontline AND NOT exempt THEN 'LOK-02' END,
    CASE WHEN disciplined THEN 'ELG-01' END,
    CASE WHEN unapproved THEN 'APR-01' END,
    CASE WHEN unreported THEN 'LAP-01' END], r -> r IS NOT NULL)) AS rule,
  agency, nip, strftime(date, '%Y-%m-%d') AS period, week
FROM flex
WHERE (frontline AND NOT exempt) OR disciplined OR unapproved OR unreported
UNION ALL
SELECT 'JAM-01', agency, nip, strftime(week, '%G-W%V'), week
FROM expert_weeks
WHERE counted_days > 0 AND net < 450 * counted_days
UNION ALL
-- PP 94/2021: three or more unexcused working days in a calendar year, or a run of ten.
SELECT 'DIS-01', agency, nip, CAST(year AS VARCHAR), CAST(NULL AS DATE)
FROM (
  SELECT agency, nip, year(date) AS year FROM unexcused GROUP BY ALL HAVING count(*) >= 3
  UNION
  SELECT agency, nip, year FROM streak_years
);

-- 3. Compliance: an employee-week is compliant when no finding of a weekly-rate rule (all but
-- DIS-01) of that employee falls in it.
CREATE OR REPLACE TEMP TABLE expert_compliance AS
SELECT
  w.agency,
  w.unit,
  count(*) AS employee_weeks,
  count(*) FILTER (WHERE b.nip IS NULL) AS compliant
FROM (SELECT agency, coalesce(unit, '(unit tidak diketahui)') AS unit, nip, week FROM expert_weeks) w
LEFT JOIN (SELECT DISTINCT nip, week FROM expert_findings WHERE week IS NOT NULL) b ON b.nip = w.nip AND b.week = w.week
GROUP BY GROUPING SETS ((w.agency, w.unit), (w.agency), ());
