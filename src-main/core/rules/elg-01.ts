import { modeName, type RuleDefinition } from './rule.ts';
import { DAY_SOURCE } from './run-tables.ts';

/** The employee's discipline status on the day: serving a penalty, or in the process of one. */
type Discipline = 'ACTIVE' | 'IN_PROCESS';

export const ELG_01: RuleDefinition<{ mode: string; discipline: Discipline }> = {
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
  {'mode': mode, 'discipline': discipline} AS figures,
  ${DAY_SOURCE} AS sources
FROM rule_days
WHERE in_range AND flex AND discipline IN ('ACTIVE', 'IN_PROCESS')`,
  detail: {
    id: (x, at, fmt) =>
      `${modeName(x.mode, fmt)} pada ${fmt.date(at.period)} saat ${x.discipline === 'ACTIVE' ? 'menjalani' : 'dalam proses'} hukuman disiplin`,
    en: (x, at, fmt) =>
      `${modeName(x.mode, fmt)} on ${fmt.date(at.period)} while ${x.discipline === 'ACTIVE' ? 'serving a disciplinary penalty' : 'facing disciplinary proceedings'}`,
  },
};
