import type { RuleDefinition } from './rule.ts';
import { DAY_SOURCE, MODE_LABEL } from './run-tables.ts';

export const ELG_01: RuleDefinition = {
  id: 'ELG-01',
  period: 'day',
  weeklyRate: true,
  basis: 'PermenPANRB 4/2025 Pasal 25',
  title: { id: 'Tidak fleksibel selama hukuman disiplin', en: 'No flexibility under disciplinary penalty' },
  explanation: {
    id: 'Pegawai yang sedang menjalani atau dalam proses hukuman disiplin tidak boleh bekerja fleksibel; pengecualian tidak berlaku.',
    en: 'Employees serving or facing a disciplinary penalty may not work flexibly; exemptions do not apply.',
  },
  sql: `
SELECT
  nip,
  agency,
  name,
  unit,
  date AS period_start,
  format('{} pada {} saat {} hukuman disiplin', ${MODE_LABEL}, strftime(date, '%Y-%m-%d'),
    CASE discipline WHEN 'ACTIVE' THEN 'menjalani' ELSE 'dalam proses' END) AS detail,
  ${DAY_SOURCE} AS sources
FROM rule_days
WHERE in_range AND flex AND discipline IN ('ACTIVE', 'IN_PROCESS')`,
};
