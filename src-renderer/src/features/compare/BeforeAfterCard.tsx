import type { BeforeAfter } from '../../../../src-main/contract/compare-types.ts';
import { ForestPlot, type ForestRow } from '../../charts/ForestPlot.tsx';
import { Card } from '../../components/ui.tsx';
import { useWidth } from '../../components/useWidth.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CONV_COLOUR, FLEX_COLOUR, rateText } from './format.ts';

/** Units that started FWA and units that did not, before and after the start, and the difference between their changes. */
export function BeforeAfterCard({ b, min }: { b: BeforeAfter; min: number }) {
  const { t, fmt } = useI18n();
  const { ref, width } = useWidth<HTMLDivElement>();
  const small = t('common.nLess', { n: min });
  const groups = [
    { key: 's', label: t('compare.starters', { n: fmt.int(b.starters.units) }), short: t('compare.startersShort'), g: b.starters, colour: FLEX_COLOUR },
    { key: 'n', label: t('compare.nonStarters', { n: fmt.int(b.nonStarters.units) }), short: t('compare.nonStartersShort'), g: b.nonStarters, colour: CONV_COLOUR },
  ];
  const rows: ForestRow[] = groups.flatMap(({ key, label, short, g, colour }) => (['before', 'after'] as const).map((side) => {
    const r = g[side];
    return {
      key: `${key}-${side}`, label: t(`compare.${side}`, { group: short }),
      ...(r.rate === null ? {} : { sublabel: t('compare.groupLine', { met: fmt.int(r.met), n: fmt.int(r.n) }) }),
      point: r.rate === null ? null : r.rate * 100, lo: r.ci95 ? r.ci95[0] * 100 : null, hi: r.ci95 ? r.ci95[1] * 100 : null,
      colour, note: small, description: `${label}, ${t(`compare.${side}`, { group: short })}: ${rateText(r, fmt, t, min)}`,
    };
  }));
  const los = rows.flatMap((r) => (r.lo === null ? [] : [r.lo]));
  const floor = Math.max(0, Math.min(50, ...los.map((v) => Math.floor(v / 10) * 10)));
  return (
    <Card id="before-after" title={t('compare.beforeAfter')} desc={t('compare.beforeAfterDesc', { months: fmt.int(b.windowMonths) })}>
      <div ref={ref}>
        {width > 0 && (<>
        {b.startDates.length === 0 ? <p className="muted">{t('compare.noStarts')}</p> : (
          <>
            <ForestPlot title={t('compare.beforeAfter')} width={width} labelWidth={190} rows={rows} domain={[floor, 100]}
              ticks={Array.from({ length: (100 - floor) / 10 + 1 }, (_, i) => floor + i * 10)} format={(v) => fmt.pct(v / 100)} />
            <p className="muted">{t('compare.startDates', { dates: b.startDates.map(fmt.date).join(', ') })}</p>
            <p className="verdict">
              {groups.map(({ key, label, g }) => (
                <span key={key}>{t('compare.change', { group: label, value: g.change === null ? small : fmt.points(g.change) })} </span>
              ))}
              <b>{b.differenceInDifferences === null ? t('compare.didSmall') : t('compare.did', { value: fmt.points(b.differenceInDifferences) })}</b>
            </p>
          </>
        )}
        </>)}
      </div>
    </Card>
  );
}
