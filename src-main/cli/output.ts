/*
 * The core hands out exact figures; the CLI rounds each one once, here, where it prints it. Rounding
 * earlier would round a figure twice wherever one is derived from others (a difference of two
 * rounded changes) or shown again with fewer decimals (0.7895 shown as 79,0 % for 15/19).
 */

/** v rounded half up to `places` decimals. */
export function roundTo(v: number, places: number): number {
  const f = 10 ** places;
  return Math.round(v * f) / f;
}

/** Fields that hold fractions (rates, their intervals, differences): 4 decimals in JSON (docs/decisions.md, Comparison). */
const FRACTIONS = new Set(['rate', 'ci95', 'value', 'change', 'differenceInDifferences']);
/** The survey's percentages and their intervals (satisfiedPct, metTargetCi95, ...): 2 decimals, as the survey reports them. */
const PERCENTAGES = /[a-z](Pct|Ci95)$/;

function placesFor(key: string): number | undefined {
  if (FRACTIONS.has(key)) return 4;
  if (PERCENTAGES.test(key)) return 2;
  return undefined;
}

function rounded(v: unknown, places: number): unknown {
  return typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) ? roundTo(v, places) : v;
}

/** A JSON.stringify replacer: rounds the figure fields by name, wherever they appear; everything else as is. */
export function roundFigures(key: string, value: unknown): unknown {
  const places = placesFor(key);
  if (places === undefined) return value;
  return Array.isArray(value) ? value.map((v) => rounded(v, places)) : rounded(value, places);
}

/** The one JSON document a `--json` command prints, its figures rounded once, by field name (roundFigures). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, roundFigures, 2);
}
