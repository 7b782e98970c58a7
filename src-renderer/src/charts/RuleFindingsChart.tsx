import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { AXIS, GRID, NAVY } from './bands.ts';

export interface RuleBar {
  rule: string;
  title: string;
  findings: number;
  detail: string;
}

/** Open findings per rule. */
export function RuleFindingsChart(props: { rules: RuleBar[]; width: number; onSelect?: (rule: string) => void }) {
  const byRule = new Map(props.rules.map((r) => [r.rule, r]));
  const tooltip = (p: TooltipContentProps) => {
    const d = p.active && p.label !== undefined ? byRule.get(String(p.label)) : undefined;
    if (!d) return null;
    return (
      <div className="chart-tooltip">
        <b>{d.rule}</b> {d.title}
        <div>{d.detail}</div>
      </div>
    );
  };
  return (
    <BarChart
      width={props.width}
      height={props.rules.length * 30 + 30}
      data={props.rules}
      layout="vertical"
      margin={{ top: 4, right: 40, bottom: 0, left: 4 }}
      onClick={(state) => state?.activeLabel !== undefined && props.onSelect?.(String(state.activeLabel))}
      style={{ cursor: props.onSelect ? 'pointer' : undefined }}
    >
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis type="number" allowDecimals={false} stroke={AXIS} fontSize={11} />
      <YAxis type="category" dataKey="rule" width={62} stroke={AXIS} fontSize={11.5} interval={0} />
      <Tooltip content={tooltip} cursor={{ fill: 'rgba(29, 90, 146, 0.06)' }} />
      <Bar dataKey="findings" fill={NAVY} radius={[0, 3, 3, 0]} barSize={16} isAnimationActive={false}
        label={{ position: 'right', fontSize: 11, fill: '#3d4b59' }} />
    </BarChart>
  );
}
