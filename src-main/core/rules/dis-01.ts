import type { RuleDefinition } from './rule.ts';
import { LABEL_UNIT, periodRows, SOURCES_TYPE, sortedSources } from './run-tables.ts';

const DISMISSAL = {
  id: 'pemberhentian dengan hormat tidak atas permintaan sendiri',
  en: 'honourable dismissal not at own request',
};

/**
 * PP 94/2021 Pasal 8–11 bands for cumulative unexcused working days in a year (the table in
 * docs/rules.md, DIS-01), highest first: the first days of each band and the penalty it names.
 */
const BANDS = [
  { code: 'DISMISSAL', from: 28, ...DISMISSAL },
  { code: 'RELIEVED', from: 25, id: 'pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan', en: 'relief from office to an executive position for 12 months' },
  { code: 'DEMOTED', from: 21, id: 'penurunan jabatan setingkat lebih rendah selama 12 bulan', en: 'demotion by one level for 12 months' },
  { code: 'CUT_12', from: 17, id: 'pemotongan tunjangan kinerja 25% selama 12 bulan', en: 'performance allowance cut by 25% for 12 months' },
  { code: 'CUT_9', from: 14, id: 'pemotongan tunjangan kinerja 25% selama 9 bulan', en: 'performance allowance cut by 25% for 9 months' },
  { code: 'CUT_6', from: 11, id: 'pemotongan tunjangan kinerja 25% selama 6 bulan', en: 'performance allowance cut by 25% for 6 months' },
  { code: 'DISSATISFACTION', from: 7, id: 'pernyataan tidak puas secara tertulis', en: 'written statement of dissatisfaction' },
  { code: 'WRITTEN', from: 4, id: 'teguran tertulis', en: 'written reprimand' },
  { code: 'ORAL', from: 3, id: 'teguran lisan', en: 'oral reprimand' },
] as const;

type Band = (typeof BANDS)[number]['code'];

/** The band code reached by `n` days, NULL below the first. */
function bandCase(n: string): string {
  return `CASE ${BANDS.map((b) => `WHEN ${n} >= ${b.from} THEN '${b.code}'`).join(' ')} END`;
}

const bandText = (code: Band, lang: 'id' | 'en'): string => BANDS.find((b) => b.code === code)![lang];

/** The first day of the first year the checked dates touch: DIS-01 counts each year from 1 January. */
const YEAR_FROM = 'make_date(year(CAST($from AS DATE)), 1, 1)';

/** Per key of `keys` (agency, nip, year `k`), the name on its latest record with a name among those `dates` selects. */
const latestNames = (keys: string, dates: string): string => `
  SELECT x.agency, x.nip, x.k, arg_max(a.name, (a.date, a.batch_id, a.row_no)) AS name
  FROM attendance a
  JOIN ${keys} x ON x.agency = a.agency AND x.nip = a.nip AND x.k = year(a.date)
  WHERE ${dates} AND a.name IS NOT NULL
  GROUP BY x.agency, x.nip, x.k
`;

/** Ten consecutive unexcused working days are a dismissal case on their own (PP 94/2021 Pasal 11). */
const STREAK_DAYS = 10;

/** Unexcused days of the year, the band they reach (if any) and the longest run of ten or more (if any). */
export const DIS_01: RuleDefinition<{ days: number; band: Band | null; streak: number | null }> = {
  id: 'DIS-01',
  period: 'year',
  weeklyRate: false,
  basis: 'PP 94/2021 Pasal 8–11',
  title: { id: 'Ketidakhadiran tanpa keterangan', en: 'Unexcused absence' },
  explanation: {
    id: 'Hari kerja tanpa keterangan yang terkumpul dalam setahun mencapai tingkat hukuman disiplin PP 94/2021 (mulai 3 hari), atau 10 hari kerja berturut-turut.',
    en: 'Unexcused working days accumulated in a year reach a PP 94/2021 penalty band (from 3 days), or 10 consecutive working days.',
  },
  reads: ['workDays'],
  /*
   * Per employee and calendar year, the count of unexcused working days and any run of ten
   * consecutive ones. A year is counted from January 1 to the end of the checked dates (a September
   * run counts January to September), for each year the checked dates touch; `unexcused_days`
   * holds them from the January before the first week.
   *
   * Runs are found with gaps and islands over the agency's numbered working days, so weekends and
   * holidays between two unexcused days do not break a run, while a working day without a record
   * (it has no number in the employee's list) or with another status does. A run can cross New Year;
   * it belongs to the year of its tenth day, the day the threshold is reached.
   */
  sql: `
WITH unexcused AS (
  SELECT agency, nip, date, year, batch_id, row_no
  FROM unexcused_days
  WHERE date <= CAST($to AS DATE)
),
numbered_workdays AS (
  SELECT agency, date, row_number() OVER (PARTITION BY agency ORDER BY date) AS k
  FROM agency_days
  WHERE working
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
  SELECT agency, nip, CAST(year(dates[${STREAK_DAYS}]) AS INTEGER) AS year, max(len) AS len, flatten(list(dates)) AS dates
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
  SELECT h.agency, h.nip, h.year, list(DISTINCT {'date': x.date, 'batch': x.batch_id, 'row': CAST(x.row_no AS INTEGER)}) AS recs
  FROM hits h
  JOIN unexcused x ON x.agency = h.agency AND x.nip = h.nip AND (x.year = h.year OR list_contains(h.streak_dates, x.date))
  GROUP BY h.agency, h.nip, h.year
),
hit_keys AS (SELECT agency, nip, year AS k FROM hits),
-- Name and unit as for any finding (run-tables.ts, LABEL_CTES), without reading the whole year.
-- The name is the roster's, else the one on the year's latest record with a name: sought among the
-- records from $judgedFrom on first, then among the earlier ones only for the employees with none
-- there. Any first day gives the same name; this one, after a month's import, spares reading every
-- earlier record of the year.
recent_names AS (${latestNames('hit_keys', `a.date BETWEEN greatest(CAST($judgedFrom AS DATE), ${YEAR_FROM}) AND $to`)}),
earlier_names AS (${latestNames(
  '(SELECT agency, nip, k FROM hit_keys EXCEPT SELECT agency, nip, k FROM recent_names)',
  `a.date >= ${YEAR_FROM} AND a.date < CAST($judgedFrom AS DATE) AND a.date <= $to`,
)}),
-- The unit: every record of an employee whose records carry one unit (not \`weekly\`) has the
-- employee's (UNIT_OF_RECORD); only the others' records are counted.
weekly_keys AS (
  SELECT h.*
  FROM hit_keys h
  JOIN employee_units eu ON eu.nip = h.nip AND eu.weekly
),
${periodRows('weekly_keys', 'year(a.date)', false, `${YEAR_FROM} AND $to`)},
${LABEL_UNIT},
units AS (
  SELECT h.agency, h.nip, h.k, eu.unit
  FROM hit_keys h
  JOIN employee_units eu ON eu.nip = h.nip AND NOT eu.weekly AND eu.unit IS NOT NULL
  UNION ALL
  SELECT agency, nip, k, unit
  FROM label_unit
)
SELECT
  h.nip,
  h.agency,
  coalesce(e.name, rn.name, en.name) AS name,
  u.unit,
  make_date(h.year, 1, 1) AS period_start,
  {'days': h.n, 'band': ${bandCase('h.n')}, 'streak': h.streak} AS figures,
  CAST(${sortedSources('src.recs')} AS ${SOURCES_TYPE}) AS sources
FROM hits h
JOIN sourced src ON src.agency = h.agency AND src.nip = h.nip AND src.year = h.year
LEFT JOIN employees e ON e.nip = h.nip
LEFT JOIN recent_names rn ON rn.agency = h.agency AND rn.nip = h.nip AND rn.k = h.year
LEFT JOIN earlier_names en ON en.agency = h.agency AND en.nip = h.nip AND en.k = h.year
LEFT JOIN units u ON u.agency = h.agency AND u.nip = h.nip AND u.k = h.year`,
  detail: {
    id: (x, at, fmt) => `${fmt.int(x.days)} hari kerja tanpa keterangan dalam ${fmt.year(at.period)}`
      + (x.band ? `: ${bandText(x.band, 'id')}` : '')
      + (x.streak ? `; ${fmt.int(x.streak)} hari kerja berturut-turut tanpa keterangan (${DISMISSAL.id})` : ''),
    en: (x, at, fmt) => `${fmt.int(x.days)} unexcused working ${x.days === 1 ? 'day' : 'days'} in ${fmt.year(at.period)}`
      + (x.band ? `: ${bandText(x.band, 'en')}` : '')
      + (x.streak ? `; ${fmt.int(x.streak)} consecutive unexcused working days (${DISMISSAL.en})` : ''),
  },
};
