import { useMemo } from 'react';
import type { AgencyEntry, ViewFilter } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { arrowRows } from '../../api/arrow.ts';
import { useQuery } from '../../api/useQuery.ts';
import { Heatmap, heatmapSvg, type HeatRow } from '../../charts/Heatmap.tsx';
import { SavePngButton } from '../../charts/savePng.tsx';
import { Card } from '../../components/ui.tsx';
import { weekNumber } from '../../../../src-main/contract/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Cell {
  agency: string | null;
  unit: string;
  week: string;
  employeeWeeks: number;
  compliant: number;
  rate: number | null;
}

export function HeatmapCard(props: { filter: ViewFilter; agencies: AgencyEntry[]; onSelect: (agency: string, unit: string) => void }) {
  const { t, fmt } = useI18n();
  const api = useApi();
  const key = JSON.stringify(props.filter);
  const grid = useQuery(() => api.complianceGrid(props.filter), [key]);
  const names = useMemo(() => new Map(props.agencies.map((a) => [a.agency, a.name ?? a.agency])), [props.agencies]);
  const rows = useMemo(() => {
    const byUnit = new Map<string, HeatRow>();
    for (const c of grid.data ? arrowRows<Cell>(grid.data.cells) : []) {
      const k = `${c.agency ?? ''}|${c.unit}`;
      let row = byUnit.get(k);
      if (!row) {
        row = { key: k, label: c.unit, sublabel: names.get(c.agency ?? '') ?? c.agency ?? '', cells: new Map() };
        byUnit.set(k, row);
      }
      row.cells.set(c.week, { rate: c.rate, ok: c.compliant, all: c.employeeWeeks });
    }
    return [...byUnit.values()];
  }, [grid.data, names]);
  const weeks = (grid.data?.weeks ?? []).map((w) => ({
    week: w, tick: String(weekNumber(w)), title: fmt.week(w),
  }));
  return (
    <Card id="heatmap" className="chart-card" title={t('heatmap.title')} desc={t('heatmap.desc')}
      actions={rows.length > 0 && <SavePngButton title={t('heatmap.title')} subtitle={t('heatmap.desc')}
        markup={() => heatmapSvg({ rows, weeks, weekHeader: t('heatmap.weekHeader'), percent: fmt.pct })} />}>
      {grid.error ? <p role="alert">{grid.error}</p> : (
        <div className="heat-scroll">
          <Heatmap rows={rows} weeks={weeks} percent={fmt.pct} weekHeader={t('heatmap.weekHeader')}
            cellLabel={(row, week, rate, ok, all) => t('heatmap.cell', {
              unit: `${row.label} (${row.sublabel})`, week: fmt.week(week),
              rate: fmt.pct(rate), ok: fmt.int(ok), all: fmt.int(all),
            })}
            onSelect={(k) => {
              const [agency = '', ...rest] = k.split('|');
              props.onSelect(agency, rest.join('|'));
            }} />
        </div>
      )}
    </Card>
  );
}
