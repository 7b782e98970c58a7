import { modeName, type RuleDefinition } from './rule.ts';
import { DAY_SOURCE } from './run-tables.ts';

/** Approval kinds that are not flexibility of location (shift, dynamic or time flexibility). */
const NOT_LOCATION = `('SIF', 'DINAMIS', 'WAKTU')`;

export const APR_01: RuleDefinition<{ mode: string }> = {
  id: 'APR-01',
  period: 'day',
  weeklyRate: true,
  basis: 'Perpres 21/2023 Pasal 8 ayat (3); PermenPANRB 4/2025 Pasal 12 dan Pasal 30',
  title: { id: 'Hari fleksibel harus disetujui', en: 'Flexible days need an approval' },
  explanation: {
    id: 'Setiap hari fleksibel lokasi tercakup persetujuan berstatus Disetujui; hanya diperiksa untuk instansi yang mengimpor data persetujuan.',
    en: 'Every flexible-location day is covered by an approved approval; checked only for agencies that imported approvals.',
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
  AND agency IN (SELECT DISTINCT agency FROM approvals WHERE agency IS NOT NULL)
  AND NOT EXISTS (
    SELECT 1 FROM approvals ap
    WHERE ap.nip = d.nip AND ap.status = 'APPROVED' AND ap.kind NOT IN ${NOT_LOCATION}
      AND d.date BETWEEN ap.date_from AND ap.date_to
  )`,
  detail: {
    id: (x, at, fmt) => `${modeName(x.mode, fmt)} pada ${fmt.date(at.period)} tanpa persetujuan berstatus Disetujui`,
    en: (x, at, fmt) => `${modeName(x.mode, fmt)} on ${fmt.date(at.period)} without an approved approval`,
  },
};
