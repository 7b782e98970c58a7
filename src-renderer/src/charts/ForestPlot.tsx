import { AXIS, GRID, NAVY } from './bands.ts';

export interface ForestRow {
  key: string;
  label: string;
  sublabel?: string;
  /** In the plot's unit (percent or percentage points); null draws `note` instead. */
  point: number | null;
  lo: number | null;
  hi: number | null;
  colour?: string;
  note?: string;
  /** What a screen reader hears for the row. */
  description: string;
}

/** Points with their 95 % intervals on one axis, with reference lines (a target, zero). Plain SVG, fed by props. */
export function ForestPlot(props: {
  rows: ForestRow[];
  domain: [number, number];
  ticks: number[];
  /** An axis tick. */
  format: (v: number) => string;
  /** A row's value beside its interval, when it is written with more precision than the ticks. */
  value?: (v: number) => string;
  refs?: { value: number; label: string }[];
  width: number;
  labelWidth?: number;
  rowHeight?: number;
  title: string;
}) {
  const labelWidth = props.labelWidth ?? 200;
  const rowHeight = props.rowHeight ?? 34;
  const top = props.refs?.length ? 18 : 6;
  const plotLeft = labelWidth + 8;
  const plotRight = Math.max(plotLeft + 60, props.width - 64);
  const height = top + props.rows.length * rowHeight + 26;
  const [a, b] = props.domain;
  const x = (v: number) => plotLeft + ((Math.max(a, Math.min(b, v)) - a) / (b - a)) * (plotRight - plotLeft);
  const bottom = top + props.rows.length * rowHeight;
  return (
    <svg width={props.width} height={height} role="img" aria-label={`${props.title}: ${props.rows.map((r) => r.description).join('; ')}`}>
      {props.ticks.map((tk) => (
        <g key={tk}>
          <line x1={x(tk)} x2={x(tk)} y1={top} y2={bottom} stroke={GRID} />
          <text x={x(tk)} y={bottom + 16} textAnchor="middle" fontSize={11} fill={AXIS}>{props.format(tk)}</text>
        </g>
      ))}
      {props.refs?.map((r) => (
        <g key={r.label}>
          <line x1={x(r.value)} x2={x(r.value)} y1={top - 4} y2={bottom} stroke={NAVY} strokeDasharray="5 4" strokeWidth={1.4} />
          <text x={x(r.value)} y={top - 7} textAnchor="middle" fontSize={10.5} fill={NAVY}>{r.label}</text>
        </g>
      ))}
      {props.rows.map((r, i) => {
        const cy = top + i * rowHeight + rowHeight / 2;
        const colour = r.colour ?? NAVY;
        return (
          <g key={r.key}>
            <text x={labelWidth} y={r.sublabel ? cy - 3 : cy + 4} textAnchor="end" fontSize={12} fill="#17212b">{r.label}</text>
            {r.sublabel && <text x={labelWidth} y={cy + 10} textAnchor="end" fontSize={10} fill={AXIS}>{r.sublabel}</text>}
            {r.point === null || r.lo === null || r.hi === null ? (
              <text x={plotLeft + 4} y={cy + 4} fontSize={11.5} fill={AXIS}>{r.note ?? '–'}</text>
            ) : (
              <>
                <line x1={x(r.lo)} x2={x(r.hi)} y1={cy} y2={cy} stroke={colour} strokeWidth={2} />
                <line x1={x(r.lo)} x2={x(r.lo)} y1={cy - 5} y2={cy + 5} stroke={colour} strokeWidth={2} />
                <line x1={x(r.hi)} x2={x(r.hi)} y1={cy - 5} y2={cy + 5} stroke={colour} strokeWidth={2} />
                <circle cx={x(r.point)} cy={cy} r={5.5} fill={colour} stroke="#fff" strokeWidth={1.5} />
                <text x={plotRight + 8} y={cy + 4} fontSize={11.5} fill="#17212b" fontWeight={600}>{(props.value ?? props.format)(r.point)}</text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
