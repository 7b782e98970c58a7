import type { Difference, GroupRate } from '../../../../src-main/contract/compare-types.ts';
import type { Formatter } from '../../../../src-main/contract/format.ts';
import type { Translate } from '../../i18n/i18n.tsx';

/** "81,6 %" or, for a group under the smallest size, only "n < 5". */
export function rateText(g: GroupRate, fmt: Formatter, t: Translate, min: number): string {
  return g.rate === null ? t('common.nLess', { n: min }) : fmt.pct(g.rate);
}

/** The counts and interval under a rate ("17/22 · 56,6 % – 89,9 %"); nothing for a small group, whose counts are not shown. */
export function groupDetail(g: GroupRate, fmt: Formatter): string | null {
  return g.rate === null ? null : `${fmt.ratio(g.met, g.n)}${g.ci95 ? ` · ${fmt.pct(g.ci95[0])} – ${fmt.pct(g.ci95[1])}` : ''}`;
}

/** "IK 95 %: −9,8 s.d. +15,4", in points like the difference it belongs to. */
export function ciText(ci: [number, number], fmt: Formatter, t: Translate): string {
  return t('compare.ciRange', { lo: fmt.pointsShort(ci[0]), hi: fmt.pointsShort(ci[1]) });
}

/** "+5,4 poin persen (IK 95 %: −9,8 s.d. +15,4)"; null for a difference not computed. */
export function differenceText(d: Difference, fmt: Formatter, t: Translate): string | null {
  return d.value === null || d.ci95 === null ? null : `${fmt.points(d.value)} (${ciText(d.ci95, fmt, t)})`;
}

export function verdict(d: Difference, t: Translate, min: number): string {
  if (d.value === null || d.ci95 === null) return t('compare.verdictSmall', { n: min });
  if (d.ci95[0] > 0) return t('compare.verdictUp');
  if (d.ci95[1] < 0) return t('compare.verdictDown');
  return t('compare.verdictNone');
}

export const FLEX_COLOUR = '#1d5a92';
export const CONV_COLOUR = '#8a96a3';
