import type { Difference, GroupRate } from '../../../../src-main/contract/compare-types.ts';
import { fmtDecimal, fmtPct } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/i18n.tsx';

/** "81,6 %" or "n < 5". */
export function rateText(g: GroupRate, t: Translate, min: number): string {
  return g.rate === null ? t('common.nLess', { n: min }) : fmtPct(g.rate);
}

export function ciText(ci: [number, number] | null): string {
  return ci ? `${fmtPct(ci[0])} – ${fmtPct(ci[1])}` : '–';
}

/** Percentage points with a sign: +4,5 / −9,9. */
export function points(v: number): string {
  const s = fmtDecimal(Math.abs(v * 100));
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}

export function verdict(d: Difference, t: Translate, min: number): string {
  if (d.value === null || d.ci95 === null) return t('compare.verdictSmall', { n: min });
  if (d.ci95[0] > 0) return t('compare.verdictUp');
  if (d.ci95[1] < 0) return t('compare.verdictDown');
  return t('compare.verdictNone');
}

export const FLEX_COLOUR = '#1d5a92';
export const CONV_COLOUR = '#8a96a3';
