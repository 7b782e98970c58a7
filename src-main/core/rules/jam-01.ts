import type { Formatter } from '../../contract/format.ts';
import type { RuleDefinition } from './rule.ts';
import { LABEL_CTES, periodRows, SOURCES_TYPE, sortedSources, weekStart } from './run-tables.ts';

/** Hours unpadded, minutes two digits: "31 j 45 m" / "31 h 45 min" (docs/rules.md, JAM-01). */
function hoursText(minutes: number, fmt: Formatter): string {
  const [h, m] = fmt.lang === 'en' ? ['h', 'min'] : ['j', 'm'];
  return `${fmt.int(Math.floor(minutes / 60))} ${h} ${String(minutes % 60).padStart(2, '0')} ${m}`;
}

const hours = (id: string, en: string) => ({ label: { id, en }, unit: { id: 'jam', en: 'hours' } });

export const JAM_01: RuleDefinition<{ net: number; required: number }> = {
  id: 'JAM-01',
  period: 'week',
  weeklyRate: true,
  basis: 'Perpres 21/2023 Pasal 4 dan Pasal 9',
  title: { id: 'Jam kerja bersih mingguan', en: 'Net weekly working hours' },
  explanation: {
    id: 'Jam kerja bersih dalam seminggu (di luar istirahat) sekurang-kurangnya 37 jam 30 menit, dihitung sebanding dengan hari kerja yang dihitung; 32 jam 30 menit pada bulan Ramadan.',
    en: 'Net weekly hours (breaks excluded) at least 37 h 30 min, prorated over the counted working days; 32 h 30 min in Ramadan.',
  },
  ownParameters: [
    { key: 'weeklyHours', type: 'decimal', default: 37.5, min: 1, max: 80, group: 'rules', ...hours('Jam kerja per minggu', 'Working hours per week') },
    { key: 'ramadanWeeklyHours', type: 'decimal', default: 32.5, min: 1, max: 80, group: 'rules', ...hours('Jam kerja per minggu saat Ramadan', 'Working hours per week in Ramadan') },
    { key: 'ramadanFrom', type: 'date', default: null, group: 'rules', label: { id: 'Ramadan mulai', en: 'Ramadan from' } },
    { key: 'ramadanTo', type: 'date', default: null, group: 'rules', label: { id: 'Ramadan selesai', en: 'Ramadan to' } },
    {
      key: 'toleranceMinutes', type: 'integer', default: 0, min: 0, max: 600, group: 'rules',
      label: { id: 'Toleransi kekurangan jam per minggu', en: 'Weekly shortfall tolerated' }, unit: { id: 'menit', en: 'minutes' },
    },
    { key: 'breakMonThu', type: 'timeRange', default: '12:00-13:00', group: 'rules', label: { id: 'Istirahat Senin–Kamis', en: 'Break Monday–Thursday' } },
    { key: 'breakFri', type: 'timeRange', default: '11:30-13:00', group: 'rules', label: { id: 'Istirahat Jumat', en: 'Break Friday' } },
  ],
  reads: ['workDays'],
  /*
   * Per employee and ISO week, net minutes of the counted days against the prorated requirement,
   * rounded half up with integer division from the week's sum of shares (work_days is one value per
   * agency, so Σ(h × 60 / wd) = Σ(h × 60) / wd). A week is judged whole, and reported when a counted
   * day touches the checked dates. Only failing weeks go back to their records, for sources and labels.
   */
  sql: `
WITH weeks AS (
  SELECT
    n.agency,
    n.nip,
    n.week_start AS k,
    n.net,
    (2 * n.centiminutes + 100 * p.work_days) // (200 * p.work_days) AS required,
    coalesce(p.tolerance_minutes, 0) AS tolerance
  FROM employee_weeks n
  JOIN run_profiles p ON p.agency = n.agency
  WHERE n.touches
),
failing AS (SELECT * FROM weeks WHERE required > 0 AND net < required - tolerance),
${periodRows('failing', weekStart('a.date'), true)},
week_sources AS (
  SELECT
    agency,
    nip,
    k,
    ${sortedSources("list({'date': date, 'batch': batch_id, 'row': row_no}) FILTER (WHERE counted)")} AS sources
  FROM rows
  GROUP BY agency, nip, k
),
${LABEL_CTES}
SELECT
  f.nip,
  f.agency,
  n.name,
  u.unit,
  f.k AS period_start,
  {'net': f.net, 'required': f.required} AS figures,
  CAST(s.sources AS ${SOURCES_TYPE}) AS sources
FROM failing f
JOIN week_sources s ON s.agency = f.agency AND s.nip = f.nip AND s.k = f.k
LEFT JOIN label_name n ON n.agency = f.agency AND n.nip = f.nip AND n.k = f.k
LEFT JOIN label_unit u ON u.agency = f.agency AND u.nip = f.nip AND u.k = f.k`,
  detail: {
    id: (x, _at, fmt) => `${hoursText(x.net, fmt)} dari ${hoursText(x.required, fmt)}`,
    en: (x, _at, fmt) => `${hoursText(x.net, fmt)} worked of ${hoursText(x.required, fmt)} required`,
  },
};
