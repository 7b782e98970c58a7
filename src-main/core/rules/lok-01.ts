import type { RuleDefinition } from './rule.ts';
import { sortedSources } from './run-tables.ts';

/** The days LOK-01 counts: flexible-location days of a non-exempt employee, national FWA days only when the profile counts them. */
const COUNTED = `d.flex AND NOT d.exempt AND (NOT d.national_fwa OR p.count_national_fwa_days)`;

export const LOK_01: RuleDefinition<{ days: number; limit: number }> = {
  id: 'LOK-01',
  period: 'week',
  weeklyRate: true,
  basis: 'PermenPANRB 4/2025 Pasal 13 ayat (1)',
  title: { id: 'Batas hari fleksibel lokasi per minggu', en: 'Weekly cap on flexible-location days' },
  explanation: {
    id: 'Paling banyak sekian hari kerja fleksibel lokasi (WFH, WFA, Kantor Lain) dalam satu minggu ISO, menurut profil (nasional: 2 hari); tugas luar kantor, keadaan khusus dan hari FWA nasional tidak dihitung.',
    en: 'At most the profile\'s number of flexible-location working days (WFH, WFA, other office) per ISO week (national: 2 days); field duty, special conditions and national FWA days do not count.',
  },
  ownParameters: [
    {
      key: 'maxFlexDays', type: 'integer', default: 2, min: 0, max: 7, group: 'rules',
      ceiling: {
        max: 2,
        reason: {
          id: 'PermenPANRB 4/2025 Pasal 13 ayat (1) membatasi fleksibilitas lokasi paling banyak 2 hari kerja dalam 1 minggu; profil instansi boleh lebih ketat, tidak boleh lebih longgar.',
          en: 'PermenPANRB 4/2025 Pasal 13 ayat (1) limits location flexibility to at most 2 working days in 1 week; an agency profile may be stricter, never looser.',
        },
      },
      label: { id: 'Batas hari fleksibel lokasi per minggu', en: 'Flexible-location days allowed per week' },
      unit: { id: 'hari', en: 'days' },
      hint: { id: 'Paling banyak 2 (Pasal 13 ayat (1)); instansi boleh lebih ketat.', en: 'At most 2 (Pasal 13 ayat (1)); agencies may be stricter.' },
    },
    {
      key: 'countNationalFwaDays', type: 'boolean', default: false, group: 'rules',
      label: { id: 'Hari FWA nasional ikut dihitung', en: 'National FWA days count' },
    },
  ],
  reads: ['workDays'],
  // Counted first, sources listed only for the weeks over the cap: listing every week costs memory and time.
  sql: `
WITH counted AS (
  SELECT d.nip, d.agency, d.week_start, p.max_flex_days, count(*) AS n
  FROM rule_days d
  JOIN run_profiles p ON p.agency = d.agency
  WHERE ${COUNTED}
  GROUP BY d.nip, d.agency, d.week_start, p.max_flex_days
  HAVING count(*) > p.max_flex_days AND bool_or(d.in_range)
)
SELECT
  c.nip,
  c.agency,
  any_value(d.name) AS name,
  any_value(d.unit) AS unit,
  c.week_start AS period_start,
  {'days': c.n, 'limit': c.max_flex_days} AS figures,
  ${sortedSources("list({'date': d.date, 'batch': d.batch_id, 'row': d.row_no})")} AS sources
FROM counted c
JOIN rule_days d ON d.nip = c.nip AND d.agency = c.agency AND d.week_start = c.week_start
JOIN run_profiles p ON p.agency = d.agency
WHERE ${COUNTED}
GROUP BY c.nip, c.agency, c.week_start, c.n, c.max_flex_days`,
  detail: {
    id: (x, at, fmt) => `${fmt.int(x.days)} hari fleksibel lokasi dalam ${fmt.week(at.period)}, batas ${fmt.int(x.limit)}`,
    en: (x, at, fmt) => `${fmt.int(x.days)} flexible-location ${x.days === 1 ? 'day' : 'days'} in ${fmt.week(at.period)}, limit ${fmt.int(x.limit)}`,
  },
};
