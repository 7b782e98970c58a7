import type { BeforeAfter } from '../../../../src-main/contract/compare-types.ts';
import { ForestPlot, type ForestRow } from '../../charts/ForestPlot.tsx';
import { Card } from '../../components/ui.tsx';
import { useWidth } from '../../components/useWidth.ts';
import { fmtDate, fmtDecimal, fmtInt } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CONV_COLOUR, FLEX_COLOUR, points, rateText } from './format.ts';

/** Units that started FWA and units that did not, before and after the start (difference in differences). */
export function BeforeAfterCard({ b, min }: { b: BeforeAfter; min: number }) {
  const { t } = useI18n();
  const { ref, width } = useWidth<HTMLDivElement>();
  const groups = [
    { key: 's', label: t('compare.starters', { n: b.starters.units }), g: b.starters, colour: FLEX_COLOUR },
    { key: 'n', label: t('compare.nonStarters', { n: b.nonStarters.units }), g: b.nonStarters, colour: CONV_COLOUR },
  ];
  const rows: ForestRow[] = groups.flatMap(({ key, label, g, colour }) => (['before', 'after'] as const).map((side) => {
    const r = g[side];
    return {
      key: `${key}-${side}`, label: t(`compare.${side}`), sublabel: side === 'before' ? label : `${fmtInt(r.met)}/${fmtInt(r.n)}`,
      point: r.rate === null ? null : r.rate * 100, lo: r.ci95 ? r.ci95[0] * 100 : null, hi: r.ci95 ? r.ci95[1] * 100 : null,
      colour, note: t('common.nLess', { n: min }), description: `${label}, ${t(`compare.${side}`)}: ${rateText(r, t, min)}`,
    };
  }));
  const los = rows.flatMap((r) => (r.lo === null ? [] : [r.lo]));
  const floor = Math.max(0, Math.min(50, ...los.map((v) => Math.floor(v / 10) * 10)));
  return (
    <Card id="before-after" title={t('compare.beforeAfter')} desc={t('compare.beforeAfterDesc', { months: b.windowMonths })}>
      <div ref={ref}>
        {width > 0 && (<>
        {b.startDates.length === 0 ? <p className="muted">{t('compare.noStarts')}</p> : (
          <>
            <ForestPlot title={t('compare.beforeAfter')} width={width} labelWidth={170} rows={rows} domain={[floor, 100]}
              ticks={Array.from({ length: (100 - floor) / 10 + 1 }, (_, i) => floor + i * 10)} format={(v) => `${fmtDecimal(v)}\u00a0%`} />
            <p className="muted">{b.startDates.map(fmtDate).join(', ')}</p>
            <p className="verdict">
              {groups.map(({ key, label, g }) => (
                <span key={key}>{label}: {t('compare.change').toLowerCase()} {g.change === null ? t('common.nLess', { n: min }) : points(g.change)}. </span>
              ))}
              <b>{b.differenceInDifferences === null ? t('compare.didSmall') : t('compare.did', { value: points(b.differenceInDifferences) })}</b>
            </p>
          </>
        )}
        </>)}
      </div>
    </Card>
  );
}
