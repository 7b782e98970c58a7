import type { OverviewResult, RuleInfo } from '../../../../src-main/contract/index.ts';
import { Select } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ComplianceParams } from './filter.ts';

/** Agency, unit, rule and period. Units follow the chosen agency. */
export function Filters(props: { p: ComplianceParams; set: (c: Partial<ComplianceParams>) => void; overview: OverviewResult; rules: RuleInfo[] }) {
  const { t, pick, fmt } = useI18n();
  const { p, set, overview } = props;
  const units = overview.units.filter((u) => !p.agency || u.agency === p.agency);
  const unitValue = (u: { agency: string | null; unit: string }) => `${u.agency ?? ''}|${u.unit}`;
  const names = new Map(overview.data.agencies.map((a) => [a.agency, a.name ?? a.agency]));
  const active = p.agency || p.unit || p.rule || p.month;
  return (
    <div className="card filters-card">
      <h2 className="sr-only">{t('filter.title')}</h2>
      <div className="filters">
        <Select label={t('filter.agency')} value={p.agency} onChange={(agency) => set({ agency, unit: '', nip: '' })}
          options={[{ value: '', label: t('filter.allAgencies') }, ...overview.data.agencies.map((a) => ({ value: a.agency, label: a.name ?? a.agency }))]} />
        <Select label={t('filter.unit')} value={p.unit ? `${p.agency}|${p.unit}` : ''}
          onChange={(v) => {
            const [agency = '', ...rest] = v.split('|');
            set(v ? { agency, unit: rest.join('|'), nip: '' } : { unit: '', nip: '' });
          }}
          options={[{ value: '', label: t('filter.allUnits') }, ...units.map((u) => ({
            value: unitValue(u), label: p.agency ? u.unit : `${u.unit} — ${names.get(u.agency ?? '') ?? u.agency}`,
          }))]} />
        <Select label={t('filter.rule')} value={p.rule} onChange={(rule) => set({ rule })}
          options={[{ value: '', label: t('filter.allRules') }, ...props.rules.map((r) => ({ value: r.id, label: `${r.id} · ${pick(r.title)}` }))]} />
        <Select label={t('filter.period')} value={p.month} onChange={(month) => set({ month })}
          options={[{ value: '', label: t('filter.allPeriods') }, ...overview.months.map((m) => ({ value: m, label: fmt.month(m) }))]} />
        {active && (
          <button type="button" className="btn" onClick={() => set({ agency: '', unit: '', rule: '', month: '', nip: '' })}>{t('filter.reset')}</button>
        )}
      </div>
    </div>
  );
}
