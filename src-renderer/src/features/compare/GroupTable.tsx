import type { GroupComparison } from '../../../../src-main/contract/compare-types.ts';
import { Card } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ciText, groupDetail, rateText } from './format.ts';
import { MiniInterval } from './MiniInterval.tsx';

export interface GroupRow extends GroupComparison {
  key: string;
  label: string;
  sublabel?: string;
}

/** Flexible against conventional per agency or unit, with "n < 5" where a group is small. */
export function GroupTable(props: { id: string; title: string; rows: GroupRow[]; min: number }) {
  const { t, fmt } = useI18n();
  const widest = Math.max(0.1, ...props.rows.flatMap((r) => (r.difference.ci95 ? r.difference.ci95.map(Math.abs) : [])));
  const range = Math.ceil(widest * 10) / 10;
  return (
    <Card id={props.id} title={props.title} desc={t('compare.byDesc', { n: props.min })} flush>
      <div className="table-scroll" style={{ maxHeight: 380 }} tabIndex={0} role="region" aria-label={props.title}>
        <table className="data compare-table">
          <thead>
            <tr>
              <th scope="col">{props.id === 'by-agency' ? t('col.agency') : t('col.unit')}</th>
              <th scope="col" className="num">{t('compare.flex')}</th>
              <th scope="col" className="num">{t('compare.conventional')}</th>
              <th scope="col" className="num">{t('compare.difference')}</th>
              <th scope="col"><span className="sr-only">{t('compare.ci')}</span><span aria-hidden="true">{fmt.pointsShort(-range)} · 0 · {fmt.pointsShort(range)}</span></th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" style={{ fontWeight: 500, position: 'static', background: 'none' }}>
                  {r.label}{r.sublabel && <div className="muted" style={{ fontSize: 11.5 }}>{r.sublabel}</div>}
                </th>
                {[r.flex, r.conventional].map((g, i) => (
                  <td key={i} className="num">{rateText(g, fmt, t, props.min)}{groupDetail(g, fmt) && <div className="muted">{groupDetail(g, fmt)}</div>}</td>
                ))}
                <td className="num">
                  {r.difference.value === null || !r.difference.ci95 ? t('common.nLess', { n: props.min }) : (<>
                    {fmt.pointsShort(r.difference.value)}
                    <div className="muted">{ciText(r.difference.ci95, fmt, t)}</div>
                  </>)}
                </td>
                <td><MiniInterval d={r.difference} range={range} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
