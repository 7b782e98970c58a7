import type { RuleDefinition } from './rule.ts';
import { LABEL_CTES, periodRows, SOURCES_TYPE, sortedSources } from './run-tables.ts';

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
${periodRows('hit_keys', 'year(a.date)', false, 'make_date(year(CAST($from AS DATE)), 1, 1) AND $to')},
${LABEL_CTES}
SELECT
  h.nip,
  h.agency,
  nm.name,
  u.unit,
  make_date(h.year, 1, 1) AS period_start,
  {'days': h.n, 'band': ${bandCase('h.n')}, 'streak': h.streak} AS figures,
  CAST(${sortedSources('src.recs')} AS ${SOURCES_TYPE}) AS sources
FROM hits h
JOIN sourced src ON src.agency = h.agency AND src.nip = h.nip AND src.year = h.year
LEFT JOIN label_name nm ON nm.agency = h.agency AND nm.nip = h.nip AND nm.k = h.year
LEFT JOIN label_unit u ON u.agency = h.agency AND u.nip = h.nip AND u.k = h.year`,
  detail: {
    id: (x, at, fmt) => `${fmt.int(x.days)} hari kerja tanpa keterangan dalam ${fmt.year(at.period)}`
      + (x.band ? `: ${bandText(x.band, 'id')}` : '')
      + (x.streak ? `; ${fmt.int(x.streak)} hari kerja berturut-turut tanpa keterangan (${DISMISSAL.id})` : ''),
    en: (x, at, fmt) => `${fmt.int(x.days)} unexcused working ${x.days === 1 ? 'day' : 'days'} in ${fmt.year(at.period)}`
      + (x.band ? `: ${bandText(x.band, 'en')}` : '')
      + (x.streak ? `; ${fmt.int(x.streak)} consecutive unexcused working days (${DISMISSAL.en})` : ''),
  },
};
