import { useState } from 'react';
import type { OverviewResult, RuleInfo } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useQuery } from '../../api/useQuery.ts';
import { bandOf, TARGET } from '../../charts/bands.ts';
import { RuleFindingsChart } from '../../charts/RuleFindingsChart.tsx';
import { SavePngButton } from '../../charts/savePng.tsx';
import { WeeklyTrendChart } from '../../charts/WeeklyTrendChart.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { RunButton, RunStatus, useRunChecks } from '../../components/RunStatus.tsx';
import { Card, Kpi, Notice, Select } from '../../components/ui.tsx';
import { useAfterPaint } from '../../components/useAfterPaint.ts';
import { useWidth } from '../../components/useWidth.ts';
import { weekNumber } from '../../../../src-main/contract/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRoute } from '../../router.tsx';
import { EmptyWorkspace } from './EmptyWorkspace.tsx';
import { UnitsCard } from './UnitsCard.tsx';

export function OverviewPage() {
  const { t } = useI18n();
  const api = useApi();
  const [agency, setAgency] = useState('');
  const overview = useQuery(() => api.overview(agency ? { agency } : {}), [agency]);
  const rules = useQuery(() => api.listRules({}), []);
  const checks = useRunChecks();
  const o = overview.data;
  const agencyFilter = o && o.data.agencies.length > 1 && o.run && (
    <Select label={t('filter.agency')} value={agency} onChange={setAgency}
      options={[{ value: '', label: t('filter.allAgencies') }, ...o.data.agencies.map((a) => ({ value: a.agency, label: a.name ?? a.agency }))]} />
  );
  return (
    <>
      <PageHead title={t('overview.title')} subtitle={t('overview.subtitle')} actions={agencyFilter} printable={Boolean(o?.run)} />
      {overview.error && <Notice tone="error" action={<button className="btn btn-sm" onClick={overview.reload}>{t('common.retry')}</button>}>{overview.error}</Notice>}
      {!o ? <p className="muted">{t('common.loading')}</p>
        : o.data.batches === 0 && !o.run ? <EmptyWorkspace />
          : !o.run ? <Notice tone="info" action={<RunButton checks={checks} label={t('run.run')} />}>{t('run.none')}</Notice>
            : <Figures o={o} rules={rules.data?.rules ?? []} checks={checks} />}
    </>
  );
}

function Figures({ o, rules, checks }: { o: OverviewResult; rules: RuleInfo[]; checks: ReturnType<typeof useRunChecks> }) {
  const { t, pick, fmt } = useI18n();
  const { go } = useRoute();
  const h = o.headline;
  const trend = useWidth<HTMLDivElement>();
  const ruleWidth = useWidth<HTMLDivElement>();
  const later = useAfterPaint();
  const titles = new Map(rules.map((r) => [r.id, pick(r.title)]));
  const order = rules.map((r) => r.id);
  const byRule = [...o.rules].sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  const target = fmt.pct(TARGET);
  return (
    <>
      <RunStatus run={o.run} checks={checks} />
      <div className="kpis">
        <Kpi label={t('kpi.agencies')} value={fmt.int(h.agencies)} hint={levels(o, t)} />
        <Kpi label={t('kpi.employees')} value={fmt.int(h.employees)} hint={t('kpi.employeesHint', { n: fmt.int(h.employeeWeeks) })} />
        <Kpi label={t('kpi.adoption')} value={fmt.pct(h.adoption)} hint={t('kpi.adoptionHint', { n: fmt.int(h.flexEmployees) })} />
        <Kpi label={t('kpi.compliance')} value={fmt.pct(h.rate)} tone={bandOf(h.rate) ?? undefined}
          hint={t('kpi.complianceHint', { ok: fmt.int(h.compliantEmployeeWeeks), all: fmt.int(h.employeeWeeks) })} />
        <Kpi label={t('kpi.findings')} value={fmt.int(h.findings)}
          hint={t('kpi.findingsHint', { new: fmt.int(o.run?.newFindings ?? 0), resolved: fmt.int(o.run?.resolvedFindings ?? 0) })} />
      </div>
      <div className="grid grid-2">
        <UnitsCard units={o.units} agencies={o.data.agencies} onSelect={(agency, unit) => go('kepatuhan', { agency, unit })} />
        <div className="stack">
          <Card id="trend" className="chart-card" title={t('trend.title')} desc={t('trend.desc')}
            actions={<SavePngButton title={t('trend.title')} subtitle={t('trend.desc')} within={trend.ref} />}>
            <div ref={trend.ref} className="chart">
              {later && trend.width > 0 && <WeeklyTrendChart width={trend.width} targetLabel={t('band.target', { target })} weeks={o.weeks.map((w) => ({
                week: w.week, tick: t('week.short', { n: weekNumber(w.week) }), rate: w.rate,
                title: fmt.week(w.week),
                detail: `${fmt.pct(w.rate)} · ${t('kpi.complianceHint', { ok: fmt.int(w.compliantEmployeeWeeks), all: fmt.int(w.employeeWeeks) })}`,
              }))} />}
            </div>
          </Card>
          <Card id="rules" className="chart-card" title={t('rules.chartTitle')} desc={t('rules.chartDesc')}
            actions={<SavePngButton title={t('rules.chartTitle')} within={ruleWidth.ref} />}>
            <div ref={ruleWidth.ref} className="chart">
              {later && ruleWidth.width > 0 && <RuleFindingsChart width={ruleWidth.width} onSelect={(rule) => go('kepatuhan', { rule })} rules={byRule.map((r) => ({
                rule: r.rule, title: titles.get(r.rule) ?? '', findings: r.findings,
                detail: `${t('findings.count', { n: fmt.int(r.findings) })}${r.rate === null ? '' : ` · ${t('col.rate')} ${fmt.pct(r.rate)}`}`,
              }))} />}
              <div className="sr-only"><table>
                <caption>{t('rules.chartTitle')}</caption>
                <thead><tr><th scope="col">{t('col.rule')}</th><th scope="col">{t('col.findings')}</th><th scope="col">{t('col.rate')}</th></tr></thead>
                <tbody>{byRule.map((r) => <tr key={r.rule}><td>{r.rule} {titles.get(r.rule)}</td><td>{fmt.int(r.findings)}</td><td>{fmt.pct(r.rate)}</td></tr>)}</tbody>
              </table></div>
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}

/** "1 pusat · 1 provinsi · 1 kota" from the agencies' profiles. */
function levels(o: OverviewResult, t: ReturnType<typeof useI18n>['t']): string | undefined {
  const counts = new Map<string, number>();
  for (const a of o.data.agencies) if (a.level) counts.set(a.level, (counts.get(a.level) ?? 0) + 1);
  const order = ['pusat', 'provinsi', 'kabupaten', 'kota'] as const;
  const parts = order.filter((l) => counts.has(l)).map((l) => `${counts.get(l)} ${t(`level.${l}`)}`);
  return parts.length ? parts.join(' · ') : undefined;
}
