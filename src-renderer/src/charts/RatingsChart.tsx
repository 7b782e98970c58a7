import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, GRID } from './bands.ts';

export interface RatingGroup {
  group: string;
  /** rating → share in percent */
  shares: Record<string, number>;
}

/** Predikat from best to worst (PermenPANRB 6/2022), each with a colour; others follow in grey. */
const ORDER = ['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'];
const COLOURS = ['#154674', '#4a86c5', '#d99a1e', '#c0392b', '#7d1a14'];

/** How ratings spread in each group, as stacked shares. */
export function RatingsChart(props: { groups: RatingGroup[]; ratings: string[]; width: number; percent: (v: number) => string }) {
  const data = props.groups.map((g) => ({ group: g.group, ...g.shares }));
  const rank = (r: string) => (ORDER.indexOf(r) < 0 ? ORDER.length : ORDER.indexOf(r));
  const ratings = [...props.ratings].sort((a, b) => rank(a) - rank(b));
  return (
    <BarChart width={props.width} height={150} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} stroke={AXIS} fontSize={11} />
      <YAxis type="category" dataKey="group" width={100} stroke={AXIS} fontSize={12} />
      <Tooltip formatter={(v) => props.percent(Number(v))} />
      <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: '#17212b' }}>{String(value)}</span>} />
      {ratings.map((r) => (
        <Bar key={r} dataKey={r} stackId="s" fill={COLOURS[rank(r)] ?? '#9aa6b2'} isAnimationActive={false} barSize={22} />
      ))}
    </BarChart>
  );
}
