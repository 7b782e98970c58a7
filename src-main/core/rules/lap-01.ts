import { modeName, type RuleDefinition } from './rule.ts';
import { DAY_SOURCE } from './run-tables.ts';

export const LAP_01: RuleDefinition<{ mode: string }> = {
  id: 'LAP-01',
  period: 'day',
  weeklyRate: true,
  basis: 'PermenPANRB 4/2025 Pasal 30; SOP instansi',
  title: { id: 'Laporan harian pada hari fleksibel', en: 'Daily report on flexible days' },
  explanation: {
    id: 'Setiap hari fleksibel lokasi memiliki laporan harian; hanya diperiksa untuk instansi yang mengimpor laporan harian.',
    en: 'Every flexible-location day has a daily report; checked only for agencies that imported daily reports.',
  },
  sql: `
SELECT
  nip,
  agency,
  name,
  unit,
  date AS period_start,
  {'mode': mode} AS figures,
  ${DAY_SOURCE} AS sources
FROM rule_days d
WHERE in_range AND flex
  AND agency IN (SELECT DISTINCT agency FROM daily_reports WHERE agency IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM daily_reports r WHERE r.nip = d.nip AND r.date = d.date)`,
  detail: {
    id: (x, at, fmt) => `${modeName(x.mode, fmt)} pada ${fmt.date(at.period)} tanpa laporan harian`,
    en: (x, at, fmt) => `${modeName(x.mode, fmt)} on ${fmt.date(at.period)} without a daily report`,
  },
};
