/**
 * SQL of the flexible/conventional comparison (docs/rules.md). `cmp_records` holds one row per
 * performance record in scope with its group (flex, conventional, or NULL when the employee has
 * no attendance inside the record's period) and whether it met its target; the figures are then
 * counts over it. Parameters: $agency (NULL = all), $monthStart/$monthEnd (NULL = every period).
 */
import { FLEXIBLE_MODES } from '../../contract/vocabulary.ts';
import { sqlList } from '../db/database.ts';

/** Met target: capaian ≥ 100, or, without a capaian, predikat Sangat Baik or Baik. */
const MET = `CASE WHEN p.achievement_pct IS NOT NULL THEN p.achievement_pct >= 100
  ELSE coalesce(lower(trim(p.rating)) IN ('sangat baik', 'baik'), false) END`;

/** e-Kinerja writes `-` for a record not (yet) rated: stored, left out of the comparison, counted as withoutRating. */
const NOT_RATED = `coalesce(trim(p.rating) IN ('-', '–', '—'), false)`;

/** The roster's unit, else the one on the performance record. */
const UNIT = `coalesce(e.unit_name, p.unit_name)`;

const IN_SCOPE = `($agency IS NULL OR p.agency = $agency)`;

export const CREATE_CMP_RECORDS = `CREATE OR REPLACE TEMP TABLE cmp_records AS
WITH rec AS (
  SELECT
    p.nip,
    p.agency,
    ${UNIT} AS unit,
    p.period_start,
    p.period_end,
    p.rating,
    ${MET} AS met,
    ${NOT_RATED} AS not_rated
  FROM performance p
  LEFT JOIN employees e ON e.nip = p.nip
  WHERE ${IN_SCOPE}
    AND ($monthStart IS NULL OR (p.period_start <= CAST($monthStart AS DATE) AND p.period_end >= CAST($monthEnd AS DATE)))
),
seen AS (
  SELECT r.nip, r.period_start, r.period_end, coalesce(bool_or(a.mode IN ${sqlList(FLEXIBLE_MODES)}), false) AS flex
  FROM (SELECT DISTINCT nip, period_start, period_end FROM rec) r
  JOIN attendance a ON a.nip = r.nip AND a.date BETWEEN r.period_start AND r.period_end
  GROUP BY ALL
)
SELECT
  r.agency,
  r.unit,
  r.rating,
  r.met,
  CASE WHEN r.not_rated THEN 'unrated' WHEN s.nip IS NULL THEN NULL WHEN s.flex THEN 'flex' ELSE 'conventional' END AS grp
FROM rec r
LEFT JOIN seen s USING (nip, period_start, period_end)`;

/** Counts per group overall (level 'all'), per agency and per unit; grp NULL = without attendance, 'unrated' = rating `-`. */
export const CMP_COUNTS_SQL = `
SELECT
  CASE WHEN grouping(agency) = 1 THEN 'all' WHEN grouping(unit) = 1 THEN 'agency' ELSE 'unit' END AS level,
  agency,
  unit,
  grp,
  count(*)::INTEGER AS n,
  count_if(met)::INTEGER AS met
FROM cmp_records
GROUP BY GROUPING SETS ((grp), (agency, grp), (agency, unit, grp))
ORDER BY level, agency, unit NULLS LAST, grp`;

/** The predikat of PermenPANRB 6/2022 in their official spelling; others as most often imported. */
const PREDIKAT = ['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'];
const RATING_LABEL = `CASE lower(trim(rating)) ${PREDIKAT.map((r) => `WHEN '${r.toLowerCase()}' THEN '${r}'`).join(' ')}
  ELSE mode(trim(rating)) END`;

/** Ratings per group. */
export const CMP_RATINGS_SQL = `
SELECT grp AS "group", ${RATING_LABEL} AS rating, count(*)::INTEGER AS n
FROM cmp_records
WHERE grp IN ('flex', 'conventional')
GROUP BY grp, lower(trim(rating))
ORDER BY grp DESC, n DESC, rating NULLS LAST`;

/**
 * Before/after the FWA start, which PermenPANRB 4/2025 Pasal 35 asks monitoring to compare: for
 * each distinct fwaStart D, records of the units that started on D and of the units that had not
 * started by D + window, whose period lies wholly inside [D − window, D) or [D, D + window).
 * Records of units missing from the units table are left out.
 */
export const BEFORE_AFTER_SQL = `
WITH starts AS (
  SELECT DISTINCT fwa_start AS d
  FROM units
  WHERE fwa_start IS NOT NULL AND ($agency IS NULL OR agency = $agency)
),
rec AS (
  SELECT
    p.agency,
    ${UNIT} AS unit,
    p.period_start,
    p.period_end,
    ${MET} AS met,
    u.fwa_start
  FROM performance p
  LEFT JOIN employees e ON e.nip = p.nip
  JOIN units u ON u.agency = p.agency AND u.unit_name = ${UNIT}
  WHERE ${IN_SCOPE} AND NOT ${NOT_RATED}
),
cells AS (
  SELECT
    CASE WHEN r.fwa_start = s.d THEN 'starters' ELSE 'nonStarters' END AS grp,
    CASE WHEN r.period_start >= s.d - to_months($window) AND r.period_end < s.d THEN 'before'
         WHEN r.period_start >= s.d AND r.period_end < s.d + to_months($window) THEN 'after' END AS side,
    r.agency,
    r.unit,
    r.met
  FROM rec r, starts s
  WHERE r.fwa_start = s.d OR r.fwa_start IS NULL OR r.fwa_start >= s.d + to_months($window)
)
SELECT
  grp,
  side,
  count(*)::INTEGER AS n,
  count_if(met)::INTEGER AS met,
  count(DISTINCT [agency, unit])::INTEGER AS units
FROM cells
WHERE side IS NOT NULL
GROUP BY GROUPING SETS ((grp, side), (grp))
ORDER BY grp, side NULLS FIRST`;

export const START_DATES_SQL = `
SELECT DISTINCT strftime(fwa_start, '%Y-%m-%d') AS d
FROM units
WHERE fwa_start IS NOT NULL AND ($agency IS NULL OR agency = $agency)
ORDER BY d`;

/** Survey tallies overall, per agency and per unit, in the shares the Kemenkeu FWA survey reported. */
export const SURVEY_SQL = `
SELECT
  CASE WHEN grouping(agency) = 1 THEN 'all' WHEN grouping(unit_name) = 1 THEN 'agency' ELSE 'unit' END AS level,
  agency,
  unit_name AS unit,
  count(*)::INTEGER AS respondents,
  count_if(participated)::INTEGER AS participants,
  count_if(NOT participated)::INTEGER AS non_participants,
  count_if(participated AND satisfaction IS NOT NULL)::INTEGER AS satisfied_answered,
  count_if(participated AND satisfaction >= 4)::INTEGER AS satisfied,
  count_if(participated AND met_target IS NOT NULL)::INTEGER AS met_answered,
  count_if(participated AND met_target)::INTEGER AS met
FROM survey
WHERE $agency IS NULL OR agency = $agency
GROUP BY GROUPING SETS ((), (agency), (agency, unit_name))
ORDER BY level, agency, unit NULLS LAST`;
