import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { axisFloor, AXIS, GRID, NAVY, TARGET } from './bands.ts';

export interface WeekPoint {
  week: string;
  tick: string;
  title: string;
  rate: number | null;
  detail: string;
}

/** The weekly trend of compliance with the target line. */
export function WeeklyTrendChart(props: { weeks: WeekPoint[]; width: number; height?: number; targetLabel: string }) {
  const data = props.weeks.map((w) => ({ ...w, pct: w.rate === null ? null : Math.round(w.rate * 1000) / 10 }));
  const floor = axisFloor(props.weeks.map((w) => w.rate));
  const byWeek = new Map(data.map((d) => [d.week, d]));
  const tooltip = (p: TooltipContentProps) => {
    const d = p.active && p.label !== undefined ? byWeek.get(String(p.label)) : undefined;
    if (!d) return null;
    return (
      <div className="chart-tooltip">
        <b>{d.title}</b>
        <div>{d.detail}</div>
      </div>
    );
  };
  return (
    <ComposedChart width={props.width} height={props.height ?? 220} data={data} margin={{ top: 18, right: 18, bottom: 0, left: -8 }}>
      <defs>
        <linearGradient id="trendFill" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0%" stopColor={NAVY} stopOpacity={0.22} />
          <stop offset="100%" stopColor={NAVY} stopOpacity={0.02} />
        </linearGradient>
      </defs>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="week" tickFormatter={(w: string) => byWeek.get(w)?.tick ?? w} stroke={AXIS} fontSize={11} />
      <YAxis domain={[floor, 100]} tickFormatter={(v: number) => `${v}%`} stroke={AXIS} fontSize={11} width={52} />
      <Tooltip content={tooltip} />
      <ReferenceLine y={TARGET * 100} stroke={NAVY} strokeDasharray="5 4" label={{ value: props.targetLabel, position: 'insideTopRight', fontSize: 11, fill: NAVY }} />
      <Area dataKey="pct" type="monotone" stroke="none" fill="url(#trendFill)" isAnimationActive={false} baseValue={floor} />
      <Line dataKey="pct" type="monotone" stroke={NAVY} strokeWidth={2.2} dot={{ r: 3, fill: NAVY }} isAnimationActive={false} connectNulls />
    </ComposedChart>
  );
}
