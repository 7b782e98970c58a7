import type { RuleDefinition } from './rule.ts';
import { DAY_SOURCE, MODE_LABEL } from './run-tables.ts';

export const LOK_02: RuleDefinition = {
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
  format('{} pada {} padahal unit {} memberi layanan langsung', ${MODE_LABEL}, strftime(date, '%Y-%m-%d'), unit) AS detail,
  ${DAY_SOURCE} AS sources
FROM rule_days
WHERE in_range AND flex AND NOT exempt AND frontline`,
};
