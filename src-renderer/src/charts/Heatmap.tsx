import { fmtInt } from '../i18n/format.ts';
import { bandOf, TARGET } from './bands.ts';

export interface HeatRow {
  key: string;
  label: string;
  sublabel: string;
  cells: Map<string, { rate: number | null; ok: number; all: number }>;
}

/** Light fills with dark text: readable numbers in every band. */
function fill(rate: number | null): string {
  if (rate === null) return '#e9eef3';
  if (rate >= 1) return '#9fd1b3';
  const band = bandOf(rate);
  return band === 'good' ? '#cfe8d8' : band === 'warn' ? '#f6dfa6' : '#f2b8b1';
}

/**
 * Unit × week compliance. Each cell is a button (keyboard reachable) naming its unit, week and figures;
 * only cells below 100 % print their number, so the exceptions stand out.
 */
export function Heatmap(props: {
  rows: HeatRow[];
  weeks: { week: string; tick: string; title: string }[];
  cellLabel: (row: HeatRow, week: string, rate: number | null, ok: number, all: number) => string;
  percent: (rate: number) => string;
  weekHeader: string;
  onSelect?: (key: string) => void;
}) {
  const template = `minmax(180px, 260px) repeat(${props.weeks.length}, minmax(30px, 1fr))`;
  return (
    <div className="heat" style={{ gridTemplateColumns: template }}>
      <div className="heat-corner">{props.weekHeader}</div>
      {props.weeks.map((w) => <div key={w.week} className="heat-week" title={w.title}>{w.tick}</div>)}
      {props.rows.map((row) => (
        <Row key={row.key} row={row} {...props} />
      ))}
      <div className="heat-note" style={{ gridColumn: '1 / -1' }} aria-hidden="true">
        <span className="swatch" style={{ background: '#9fd1b3' }} /> 100 %
        <span className="swatch" style={{ background: '#cfe8d8' }} /> ≥ {props.percent(TARGET)}
        <span className="swatch" style={{ background: '#f6dfa6' }} /> <span>85–95 %</span>
        <span className="swatch" style={{ background: '#f2b8b1' }} /> &lt; 85 %
      </div>
    </div>
  );
}

function Row(props: Parameters<typeof Heatmap>[0] & { row: HeatRow }) {
  const { row } = props;
  return (
    <>
      <div className="heat-label" title={`${row.label} — ${row.sublabel}`}>
        <div>{row.label}</div>
        <div className="muted" style={{ fontSize: 10.5 }}>{row.sublabel}</div>
      </div>
      {props.weeks.map((w) => {
        const c = row.cells.get(w.week);
        if (!c) return <div key={w.week} className="heat-cell empty" />;
        return (
          <button
            key={w.week}
            type="button"
            className="heat-cell"
            style={{ background: fill(c.rate) }}
            aria-label={props.cellLabel(row, w.week, c.rate, c.ok, c.all)}
            title={props.cellLabel(row, w.week, c.rate, c.ok, c.all)}
            onClick={() => props.onSelect?.(row.key)}
          >
            {c.rate === null || c.rate >= 1 ? '' : fmtInt(Math.floor(c.rate * 100))}
          </button>
        );
      })}
    </>
  );
}
