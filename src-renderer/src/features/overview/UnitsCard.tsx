import { useMemo, useRef, useState } from 'react';
import type { AgencyEntry, UnitRate } from '../../../../src-main/contract/index.ts';
import { BAND_COLOUR, LOW, NAVY, TARGET } from '../../charts/bands.ts';
import { SavePngButton } from '../../charts/savePng.tsx';
import { UnitComplianceChart, type UnitBar } from '../../charts/UnitComplianceChart.tsx';
import { BandLegend } from '../../components/BandLegend.tsx';
import { Card } from '../../components/ui.tsx';
import { useWidth } from '../../components/useWidth.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.tsx';

type Sort = 'rateAsc' | 'rateDesc' | 'name' | 'size';
const FIRST = 15;

function sorted(units: UnitRate[], sort: Sort): UnitRate[] {
  const rate = (u: UnitRate) => u.rate ?? 2;
  const copy = [...units];
  if (sort === 'rateAsc') copy.sort((a, b) => rate(a) - rate(b) || b.employeeWeeks - a.employeeWeeks);
  if (sort === 'rateDesc') copy.sort((a, b) => rate(b) - rate(a) || b.employeeWeeks - a.employeeWeeks);
  if (sort === 'name') copy.sort((a, b) => a.unit.localeCompare(b.unit, 'id'));
  if (sort === 'size') copy.sort((a, b) => b.employeeWeeks - a.employeeWeeks);
  return copy;
}

export function unitKey(u: { agency: string | null; unit: string }): string {
  return `${u.agency ?? ''}|${u.unit}`;
}

/** The compliance-per-unit chart, sortable, with the target line and colour bands; a table for keyboards and screen readers. */
export function UnitsCard(props: { units: UnitRate[]; agencies: AgencyEntry[]; onSelect: (agency: string, unit: string) => void }) {
  const { t, fmt } = useI18n();
  const [sort, setSort] = useState<Sort>('rateAsc');
  const [all, setAll] = useState(false);
  const [asTable, setAsTable] = useState(false);
  const { ref, width } = useWidth<HTMLDivElement>();
  const figure = useRef<HTMLElement>(null);
  const names = useMemo(() => new Map(props.agencies.map((a) => [a.agency, a.name ?? a.agency])), [props.agencies]);
  const list = sorted(props.units, sort);
  const shown = all ? list : list.slice(0, FIRST);
  const target = fmt.pct(TARGET);
  const bars: UnitBar[] = shown.map((u) => ({
    key: unitKey(u),
    label: u.unit,
    sublabel: names.get(u.agency ?? '') ?? u.agency ?? '',
    rate: u.rate,
    detail: t('kpi.complianceHint', { ok: fmt.int(u.compliantEmployeeWeeks), all: fmt.int(u.employeeWeeks) }) + ` · ${t('findings.count', { n: fmt.int(u.findings) })}`,
  }));
  const select = (key: string) => {
    const [agency = '', ...rest] = key.split('|');
    props.onSelect(agency, rest.join('|'));
  };
  return (
    <Card
      id="units"
      className="chart-card"
      title={t('units.title')}
      desc={t('units.desc', { target })}
      actions={
        <>
          {!asTable && <SavePngButton title={t('units.title')} within={figure} legend={[
            { colour: BAND_COLOUR.good, label: t('band.good', { target }) },
            { colour: BAND_COLOUR.warn, label: t('band.warn', { low: fmt.pct(LOW), target }) },
            { colour: BAND_COLOUR.bad, label: t('band.bad', { low: fmt.pct(LOW) }) },
            { colour: NAVY, label: t('band.target', { target }), line: true },
          ]} />}
          <button type="button" className="btn btn-sm" onClick={() => setAsTable(!asTable)}>
            {asTable ? t('common.showChart') : t('common.showTable')}
          </button>
        </>
      }
    >
      <div ref={ref}>
        <div className="toolbar">
          <BandLegend target={TARGET} low={LOW} />
          <label className="inline-field">
            <span>{t('units.sort')}</span>
            <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
              <option value="rateAsc">{t('units.sortRateAsc')}</option>
              <option value="rateDesc">{t('units.sortRateDesc')}</option>
              <option value="name">{t('units.sortName')}</option>
              <option value="size">{t('units.sortSize')}</option>
            </select>
          </label>
        </div>
        {asTable ? (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('units.title')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('col.unit')}</th><th scope="col">{t('col.agency')}</th>
                  <th scope="col" className="num">{t('col.employees')}</th><th scope="col" className="num">{t('col.employeeWeeks')}</th>
                  <th scope="col" className="num">{t('col.rate')}</th><th scope="col" className="num">{t('col.findings')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((u) => (
                  <tr key={unitKey(u)}>
                    <td><a href={href('kepatuhan', { agency: u.agency ?? '', unit: u.unit })}>{u.unit}</a></td>
                    <td>{names.get(u.agency ?? '') ?? u.agency}</td>
                    <td className="num">{fmt.int(u.employees)}</td><td className="num">{fmt.int(u.employeeWeeks)}</td>
                    <td className="num">{fmt.pct(u.rate)}</td><td className="num">{fmt.int(u.findings)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <figure ref={figure} className="chart" style={{ margin: 0 }} aria-label={t('units.title')}>
            {width > 0 && <UnitComplianceChart units={bars} width={width} targetLabel={t('band.target', { target })} onSelect={select}
              percent={(v) => fmt.pct(v / 100)} />}
          </figure>
        )}
        {list.length > FIRST && (
          <button type="button" className="linklike" onClick={() => setAll(!all)}>
            {all ? t('units.less', { n: FIRST }) : t('units.more', { n: list.length })}
          </button>
        )}
      </div>
    </Card>
  );
}
