import type { Difference } from '../../../../src-main/contract/compare-types.ts';
import { NAVY } from '../../charts/bands.ts';

/** A difference and its interval on a shared −range..+range axis, zero marked: the table's small forest plot. */
export function MiniInterval({ d, range, width = 160 }: { d: Difference; range: number; width?: number }) {
  const x = (v: number) => 6 + ((Math.max(-range, Math.min(range, v)) + range) / (2 * range)) * (width - 12);
  return (
    <svg width={width} height={18} aria-hidden="true">
      <line x1={x(0)} x2={x(0)} y1={1} y2={17} stroke="#9aa6b2" strokeDasharray="3 3" />
      {d.value !== null && d.ci95 && (
        <>
          <line x1={x(d.ci95[0])} x2={x(d.ci95[1])} y1={9} y2={9} stroke={NAVY} strokeWidth={2} />
          <circle cx={x(d.value)} cy={9} r={4} fill={NAVY} />
        </>
      )}
    </svg>
  );
}
