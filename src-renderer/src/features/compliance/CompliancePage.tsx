import { useApi } from '../../api/ApiProvider.tsx';
import { useQuery } from '../../api/useQuery.ts';
import { PageHead } from '../../components/PageHead.tsx';
import { RunButton, RunStatus, useRunChecks } from '../../components/RunStatus.tsx';
import { Notice } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.tsx';
import { UnitsCard } from '../overview/UnitsCard.tsx';
import { EmployeePanel } from './EmployeePanel.tsx';
import { toFilter, useComplianceParams } from './filter.ts';
import { Filters } from './Filters.tsx';
import { FindingsCard } from './FindingsCard.tsx';
import { HeatmapCard } from './HeatmapCard.tsx';
import { UnitEmployees } from './UnitEmployees.tsx';

/** Kepatuhan: filters, per-unit chart and heatmap, the findings table, and the drill-down unit → employee → days. */
export function CompliancePage() {
  const { t } = useI18n();
  const api = useApi();
  const { p, set } = useComplianceParams();
  const filter = toFilter(p);
  const key = JSON.stringify(filter);
  // Without the unit: the unit list of the filter and the per-unit chart show the unit's neighbours too.
  const overview = useQuery(() => api.overview({ ...filter, unit: undefined }), [key]);
  const rules = useQuery(() => api.listRules({}), []);
  const checks = useRunChecks();
  const o = overview.data;
  const catalogue = rules.data?.rules ?? [];
  const names = new Map((o?.data.agencies ?? []).map((a) => [a.agency, a.name ?? a.agency]));
  const unitSelected = p.agency !== '' && p.unit !== '';
  return (
    <>
      <PageHead title={t('compliance.title')} subtitle={t('compliance.subtitle')} actions={o?.run && <RunButton checks={checks} />} printable={Boolean(o?.run)} />
      {overview.error && <Notice tone="error">{overview.error}</Notice>}
      {!o ? <p className="muted">{t('common.loading')}</p> : !o.run ? (
        <Notice tone="info" action={o.data.batches ? <RunButton checks={checks} label={t('run.run')} /> : <a className="btn" href={href('ringkasan')}>{t('nav.overview')}</a>}>
          {o.data.batches ? t('run.none') : t('empty.title')}
        </Notice>
      ) : (
        <>
          <RunStatus run={o.run} checks={checks} />
          <Filters p={p} set={set} overview={o} rules={catalogue} />
          {(unitSelected || p.nip) && <nav className="breadcrumb" aria-label={t('drill.path')}>
            <button type="button" className="linklike" onClick={() => set({ unit: '', nip: '' })} aria-current={!unitSelected && !p.nip ? 'page' : undefined}>
              {p.agency ? names.get(p.agency) ?? p.agency : t('drill.allUnits')}
            </button>
            {unitSelected && <><span className="sep" aria-hidden="true">›</span>
              <button type="button" className="linklike" onClick={() => set({ nip: '' })} aria-current={!p.nip ? 'page' : undefined}>{p.unit}</button></>}
            {p.nip && <><span className="sep" aria-hidden="true">›</span><span aria-current="page">{p.nip}</span></>}
          </nav>}
          {p.nip ? (
            <div style={{ marginBottom: 16 }}><EmployeePanel nip={p.nip} rules={catalogue} /></div>
          ) : unitSelected ? (
            <div className="grid grid-2-even" style={{ marginBottom: 16 }}>
              <UnitEmployees filter={{ ...filter, agency: p.agency, unit: p.unit }} selected={p.nip} onSelect={(nip) => set({ nip })} />
              <HeatmapCard filter={filter} agencies={o.data.agencies} onSelect={(agency, unit) => set({ agency, unit, nip: '' })} />
            </div>
          ) : (
            <div className="grid grid-2-even" style={{ marginBottom: 16 }}>
              <UnitsCard units={o.units} agencies={o.data.agencies} onSelect={(agency, unit) => set({ agency, unit, nip: '' })} />
              <HeatmapCard filter={filter} agencies={o.data.agencies} onSelect={(agency, unit) => set({ agency, unit, nip: '' })} />
            </div>
          )}
          <FindingsCard filter={filter} rules={catalogue} onEmployee={(nip) => set({ nip })} />
        </>
      )}
    </>
  );
}
