import { useState } from 'react';
import type { CompareRequest, CompareResult } from '../../../../src-main/contract/compare-types.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useQuery } from '../../api/useQuery.ts';
import { RatingsChart } from '../../charts/RatingsChart.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { Card, Notice, Select } from '../../components/ui.tsx';
import { useWidth } from '../../components/useWidth.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BeforeAfterCard } from './BeforeAfterCard.tsx';
import { GroupTable } from './GroupTable.tsx';
import { PerformanceCard } from './PerformanceCard.tsx';
import { SurveyCard } from './SurveyCard.tsx';

/** Perbandingan: flexible against conventional work, honestly — intervals, small groups, before/after, the survey. */
export function ComparePage() {
  const { t, fmt } = useI18n();
  const api = useApi();
  const [agency, setAgency] = useState('');
  const [period, setPeriod] = useState('');
  const request: CompareRequest = { ...(agency ? { agency } : {}), ...(period ? { period } : {}) };
  const compare = useQuery(() => api.compare(request), [agency, period]);
  const overview = useQuery(() => api.overview({}), []);
  const agencies = overview.data?.data.agencies ?? [];
  const names = new Map(agencies.map((a) => [a.agency, a.name ?? a.agency]));
  const c = compare.data;
  return (
    <>
      <PageHead title={t('compare.title')} subtitle={t('compare.subtitle')} actions={
        <>
          <Select label={t('filter.agency')} value={agency} onChange={setAgency}
            options={[{ value: '', label: t('filter.allAgencies') }, ...agencies.map((a) => ({ value: a.agency, label: a.name ?? a.agency }))]} />
          <Select label={t('filter.period')} value={period} onChange={setPeriod}
            options={[{ value: '', label: t('filter.allPeriods') }, ...(overview.data?.months ?? []).map((m) => ({ value: m, label: fmt.month(m) }))]} />
        </>
      } />
      {compare.error && <Notice tone="error">{compare.error}</Notice>}
      {!c ? <p className="muted">{t('common.loading')}</p> : c.performance.flex.n + c.performance.conventional.n === 0 && c.survey.respondents === 0
        ? <Notice tone="info">{t('compare.empty')}</Notice>
        : <Figures c={c} names={names} />}
    </>
  );
}

function Figures({ c, names }: { c: CompareResult; names: Map<string, string> }) {
  const { t, fmt } = useI18n();
  const ratings = useWidth<HTMLDivElement>();
  const p = c.performance;
  const ratingNames = [...new Set(p.ratings.map((r) => r.rating ?? t('compare.noRating')))];
  const groups = (['flex', 'conventional'] as const).map((g) => {
    const list = p.ratings.filter((r) => r.group === g);
    const total = list.reduce((s, r) => s + r.n, 0) || 1;
    return { group: t(g === 'flex' ? 'compare.flex' : 'compare.conventional'),
      shares: Object.fromEntries(list.map((r) => [r.rating ?? t('compare.noRating'), Math.round((r.n / total) * 1000) / 10])) };
  });
  return (
    <>
      <div className="grid grid-2" style={{ marginBottom: 16 }}>
        <PerformanceCard p={p} min={c.minGroupSize} />
        <SurveyCard s={c.survey} min={c.minGroupSize} />
      </div>
      <div className="stack" style={{ marginBottom: 16 }}>
        <GroupTable id="by-agency" title={t('compare.byAgency')} min={c.minGroupSize}
          rows={p.byAgency.map((a) => ({ ...a, key: a.agency, label: names.get(a.agency) ?? a.agency }))} />
        <GroupTable id="by-unit" title={t('compare.byUnit')} min={c.minGroupSize}
          rows={p.byUnit.map((u) => ({ ...u, key: `${u.agency}|${u.unit}`, label: u.unit ?? t('common.unknownUnit'), sublabel: names.get(u.agency) ?? u.agency }))} />
      </div>
      <div className="grid grid-2-even">
        <BeforeAfterCard b={c.beforeAfter} min={c.minGroupSize} />
        <Card id="ratings" title={t('compare.ratings')} desc={t('compare.ratingsDesc')}>
          <div ref={ratings.ref}>
            {ratings.width > 0 && <RatingsChart groups={groups} ratings={ratingNames} width={ratings.width} percent={(v) => fmt.pct(v / 100)} />}
          </div>
        </Card>
      </div>
    </>
  );
}
