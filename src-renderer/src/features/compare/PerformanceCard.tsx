import type { PerformanceComparison } from '../../../../src-main/contract/compare-types.ts';
import { ForestPlot } from '../../charts/ForestPlot.tsx';
import { Card } from '../../components/ui.tsx';
import { useWidth } from '../../components/useWidth.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CONV_COLOUR, differenceText, FLEX_COLOUR, rateText, verdict } from './format.ts';

/** Flexible and conventional met-target rates with their intervals, then the difference with its interval. */
export function PerformanceCard({ p, min }: { p: PerformanceComparison; min: number }) {
  const { t, fmt } = useI18n();
  const { ref, width } = useWidth<HTMLDivElement>();
  const groups = [
    { key: 'flex', label: t('compare.flex'), g: p.flex, colour: FLEX_COLOUR },
    { key: 'conv', label: t('compare.conventional'), g: p.conventional, colour: CONV_COLOUR },
  ];
  const los = groups.flatMap(({ g }) => (g.ci95 ? [g.ci95[0] * 100] : []));
  const floor = Math.max(0, Math.min(50, ...los.map((v) => Math.floor(v / 10) * 10)));
  const ticks = Array.from({ length: (100 - floor) / 10 + 1 }, (_, i) => floor + i * 10);
  const d = p.difference;
  const reach = d.ci95 ? Math.max(10, Math.ceil(Math.max(Math.abs(d.ci95[0]), Math.abs(d.ci95[1])) * 10) * 10) : 10;
  return (
    <Card id="performance" title={t('compare.perfTitle')} desc={t('compare.perfDesc')}>
      <div ref={ref}>
        {width > 0 && (<>
        <ForestPlot
          title={t('compare.perfTitle')}
          width={width}
          labelWidth={170}
          domain={[floor, 100]}
          ticks={ticks}
          format={(v) => fmt.pct(v / 100)}
          rows={groups.map(({ key, label, g, colour }) => ({
            key, label, colour, ...(g.rate === null ? {} : { sublabel: t('compare.groupLine', { met: fmt.int(g.met), n: fmt.int(g.n) }) }),
            point: g.rate === null ? null : g.rate * 100, lo: g.ci95 ? g.ci95[0] * 100 : null, hi: g.ci95 ? g.ci95[1] * 100 : null,
            note: t('common.nLess', { n: min }),
            description: `${label} ${rateText(g, fmt, t, min)}`,
          }))}
        />
        <h3 style={{ margin: '10px 0 2px' }}>{t('compare.difference')}</h3>
        <ForestPlot
          title={t('compare.difference')}
          width={width}
          labelWidth={170}
          rowHeight={30}
          domain={[-reach, reach]}
          ticks={[-reach, -reach / 2, 0, reach / 2, reach]}
          format={(v) => fmt.pointsShort(v / 100)}
          refs={[{ value: 0, label: '0' }]}
          rows={[{
            key: 'diff', label: t('compare.flex'), sublabel: `− ${t('compare.conventional').toLowerCase()}`,
            point: d.value === null ? null : d.value * 100, lo: d.ci95 ? d.ci95[0] * 100 : null, hi: d.ci95 ? d.ci95[1] * 100 : null,
            note: t('common.nLess', { n: min }),
            description: differenceText(d, fmt, t) ?? t('common.nLess', { n: min }),
          }]}
        />
        <p className="verdict">
          {differenceText(d, fmt, t) && <b>{differenceText(d, fmt, t)}. </b>}
          {verdict(d, t, min)}
        </p>
        {p.withoutAttendance > 0 && <p className="muted" style={{ marginTop: 6 }}>{t('compare.withoutAttendance', { n: fmt.int(p.withoutAttendance) })}</p>}
        </>)}
      </div>
    </Card>
  );
}
