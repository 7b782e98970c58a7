import { COMPLIANCE_BANDS } from '../../../src-main/contract/bands.ts';

/** The target line and the colour bands of compliance charts, as the workbook colours its rates. */
export const TARGET = COMPLIANCE_BANDS.target;
export const LOW = COMPLIANCE_BANDS.low;

export type Band = 'good' | 'warn' | 'bad';

export function bandOf(rate: number | null): Band | null {
  if (rate === null) return null;
  return rate >= TARGET ? 'good' : rate >= LOW ? 'warn' : 'bad';
}

export const BAND_COLOUR: Record<Band, string> = { good: '#2a8557', warn: '#d99a1e', bad: '#c0392b' };
export const NAVY = '#1d5a92';
export const GRID = '#e6ebf0';
export const AXIS = '#5a6878';

/** The lower end of a percentage axis: low enough to show the target and the worst unit, in steps of 5. */
export function axisFloor(rates: (number | null)[]): number {
  const lowest = Math.min(...rates.filter((r): r is number => r !== null).map((r) => r * 100), LOW * 100);
  return Math.max(0, Math.floor((lowest - 2) / 5) * 5);
}
