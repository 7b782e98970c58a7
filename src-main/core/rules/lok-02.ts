import { modeName, type RuleDefinition } from './rule.ts';
import { DAY_SOURCE } from './run-tables.ts';

export const LOK_02: RuleDefinition<{ mode: string }> = {
  id: 'LOK-02',
  period: 'day',
  weeklyRate: true,
  basis: 'Perpres 21/2023 Pasal 7; PermenPANRB 4/2025 Pasal 8',
  title: { id: 'Unit layanan langsung bekerja dari kantor', en: 'Front-line units work from the office' },
  explanation: {
    id: 'Pegawai unit yang memberi layanan langsung kepada masyarakat bekerja dari kantor; setiap hari fleksibel lokasi tanpa pengecualian adalah temuan.',
    en: 'Staff of units serving the public directly work from the office; every flexible-location day without an exemption is a finding.',
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
FROM rule_days
WHERE in_range AND flex AND NOT exempt AND frontline`,
  // The unit is the finding's own (a front-line employee without a known unit reads "their unit").
  detail: {
    id: (x, at, fmt) =>
      `${modeName(x.mode, fmt)} pada ${fmt.date(at.period)} padahal ${at.unit ? `unit ${at.unit}` : 'unitnya'} memberi layanan langsung`,
    en: (x, at, fmt) =>
      `${modeName(x.mode, fmt)} on ${fmt.date(at.period)} although ${at.unit ? `unit ${at.unit}` : 'their unit'} serves the public directly`,
  },
};
