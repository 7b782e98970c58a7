import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { axisFloor, AXIS, BAND_COLOUR, bandOf, GRID, NAVY, TARGET } from './bands.ts';

export interface UnitBar {
  key: string;
  label: string;
  sublabel: string;
  rate: number | null;
  detail: string;
}

const ROW = 36;
const LABEL_WIDTH = 280;

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Two lines, never wrapped: the unit, and under it its agency in grey (unit names repeat across agencies). */
function UnitTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown }; byKey: Map<string, UnitBar> }) {
  const d = props.byKey.get(String(props.payload?.value ?? ''));
  if (!d) return null;
  const x = Number(props.x ?? 0) - 8;
  const y = Number(props.y ?? 0);
  return (
    <g>
      <title>{`${d.label} — ${d.sublabel}`}</title>
      <text x={x} y={y - 2} textAnchor="end" fontSize={11.5} fill="#17212b">{short(d.label, 40)}</text>
      <text x={x} y={y + 11} textAnchor="end" fontSize={10} fill="#5a6878">{short(d.sublabel, 48)}</text>
    </g>
  );
}

/** Compliance per unit: horizontal bars coloured by band, the target as a dashed line. Fed by props only. */
export function UnitComplianceChart(props: {
  units: UnitBar[];
  targetLabel: string;
  onSelect?: (key: string) => void;
  width: number;
  percent: (v: number) => string;
}) {
  const data = props.units.map((u) => ({ ...u, pct: u.rate === null ? 0 : u.rate * 100 }));
  const floor = axisFloor(props.units.map((u) => u.rate));
  const byKey = new Map(data.map((d) => [d.key, d]));
  const shape = (p: BarShapeProps) => {
    const band = bandOf(data[p.index]?.rate ?? null);
    return <Rectangle {...p} fill={band ? BAND_COLOUR[band] : '#c3ccd6'} radius={[0, 3, 3, 0]} />;
  };
  const tooltip = (p: TooltipContentProps) => {
    const d = p.active && p.label !== undefined ? byKey.get(String(p.label)) : undefined;
    if (!d) return null;
    return (
      <div className="chart-tooltip">
        <b>{d.label}</b>
        <div className="muted">{d.sublabel}</div>
        <div>{d.detail}</div>
      </div>
    );
  };
  return (
    <BarChart
      width={props.width}
      height={Math.max(160, data.length * ROW + 40)}
      data={data}
      layout="vertical"
      margin={{ top: 18, right: 58, bottom: 4, left: 4 }}
      onClick={(state) => {
        const label = state?.activeLabel;
        if (label !== undefined && props.onSelect) props.onSelect(String(label));
      }}
      style={{ cursor: props.onSelect ? 'pointer' : undefined }}
    >
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis type="number" domain={[floor, 100]} tickFormatter={(v: number) => `${v}%`} stroke={AXIS} fontSize={11} allowDataOverflow />
      <YAxis type="category" dataKey="key" width={LABEL_WIDTH} tick={(p: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => <UnitTick {...p} byKey={byKey} />} stroke={AXIS} interval={0} />
      <Tooltip content={tooltip} cursor={{ fill: 'rgba(29, 90, 146, 0.06)' }} />
      <Bar dataKey="pct" shape={shape} isAnimationActive={false} barSize={18}
        label={{ position: 'right', fontSize: 11, fill: '#3d4b59', formatter: (v: unknown) => props.percent(Number(v)) }} />
      <ReferenceLine x={TARGET * 100} stroke={NAVY} strokeDasharray="5 4" strokeWidth={1.5}
        label={{ value: props.targetLabel, position: 'top', fontSize: 11, fill: NAVY }} />
    </BarChart>
  );
}
