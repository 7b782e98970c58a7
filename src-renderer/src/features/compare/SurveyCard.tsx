import type { SurveySummary } from '../../../../src-main/contract/compare-types.ts';
import { ForestPlot } from '../../charts/ForestPlot.tsx';
import { Card } from '../../components/ui.tsx';
import { useWidth } from '../../components/useWidth.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Our survey figures with their intervals, each beside the government survey's reference figure. */
export function SurveyCard({ s, min }: { s: SurveySummary; min: number }) {
  const { t, fmt } = useI18n();
  const { ref, width } = useWidth<HTMLDivElement>();
  const metrics = [
    { key: 'satisfied', label: t('survey.satisfied'), pct: s.satisfiedPct, ci: s.satisfiedCi95, reference: s.reference.satisfiedPct },
    { key: 'met', label: t('survey.metTarget'), pct: s.metTargetPct, ci: s.metTargetCi95, reference: s.reference.metTargetPct },
  ];
  const lows = metrics.flatMap((m) => (m.ci ? [m.ci[0]] : [])).concat(metrics.map((m) => m.reference));
  const floor = Math.max(0, Math.min(80, Math.floor(Math.min(...lows) / 5) * 5));
  return (
    <Card id="survey" title={t('survey.title')} desc={t('survey.desc')}>
      <div ref={ref}>
        {width > 0 && (<>
        {s.respondents === 0 ? <p className="muted">{t('survey.none')}</p> : (
          <>
            {metrics.map((m) => (
              <div key={m.key} style={{ marginBottom: 8 }}>
                <h3>{m.label}</h3>
                <ForestPlot
                  title={m.label}
                  width={width}
                  labelWidth={80}
                  rowHeight={30}
                  domain={[floor, 100]}
                  ticks={Array.from({ length: (100 - floor) / 5 + 1 }, (_, i) => floor + i * 5)}
                  format={(v) => fmt.pct(v / 100)}
                  value={fmt.pctValue}
                  refs={[{ value: m.reference, label: t('survey.reference', { value: fmt.pctValue(m.reference) }) }]}
                  rows={[{
                    key: m.key, label: 'Pantau', point: m.pct, lo: m.ci?.[0] ?? null, hi: m.ci?.[1] ?? null, note: t('common.nLess', { n: min }),
                    description: m.pct === null || !m.ci ? t('common.nLess', { n: min })
                      : `${t('survey.ours', { value: fmt.pctValue(m.pct), lo: fmt.pctValue(m.ci[0]), hi: fmt.pctValue(m.ci[1]) })}; ${t('survey.reference', { value: fmt.pctValue(m.reference) })}`,
                  }]}
                />
              </div>
            ))}
            <p>{t('survey.counts', { p: fmt.int(s.participants), np: fmt.int(s.nonParticipants), r: fmt.int(s.respondents) })}</p>
            <p className="muted" style={{ fontSize: 12, marginTop: 4 }}>{t('survey.source')}</p>
          </>
        )}
        </>)}
      </div>
    </Card>
  );
}
