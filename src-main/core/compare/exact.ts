import type { BeforeAfter, BeforeAfterGroup, GroupRate } from '../../contract/compare-types.ts';
import { newcombe, wilson } from './intervals.ts';

/*
 * A comparison's figures unrounded, from its counts. The result carries them rounded to 4 decimals
 * (cli.md); shown with one decimal of a percentage they would be rounded twice (15 of 19 met:
 * 0.7895 → 79,0 %, not 78,9 %). The workbook and the command's text output take these instead.
 */

/** A group's rate and Wilson interval; null for a small group. */
export function exactGroup(g: GroupRate): { rate: number; ci95: [number, number] } | null {
  return g.rate === null ? null : { rate: g.met / g.n, ci95: wilson(g.met, g.n) };
}

/** a − b with its Newcombe interval; null when either group is small. */
export function exactDifference(a: GroupRate, b: GroupRate): { value: number; ci95: [number, number] } | null {
  return a.rate === null || b.rate === null ? null : { value: a.met / a.n - b.met / b.n, ci95: newcombe(a.met, a.n, b.met, b.n) };
}

/** after − before; null when either side is small. */
export function exactChange(g: BeforeAfterGroup): number | null {
  return g.change === null ? null : g.after.met / g.after.n - g.before.met / g.before.n;
}

/** The starters' change minus the others'; null when either is. */
export function exactDifferenceInDifferences(ba: BeforeAfter): number | null {
  const starters = exactChange(ba.starters);
  const others = exactChange(ba.nonStarters);
  return starters === null || others === null ? null : starters - others;
}
