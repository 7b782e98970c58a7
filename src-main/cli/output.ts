/*
 * The core hands out exact figures; the CLI rounds each one once, here, where it prints it. Rounding
 * earlier would round a figure twice wherever one is derived from others (a difference of two
 * rounded changes) or shown again with fewer decimals (0.7895 shown as 79,0 % for 15/19).
 */

import { randomBytes } from 'node:crypto';

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

/**
 * Prints the document `toJson(value)` would print, its longest lists streamed in their places
 * instead of held: `build` returns the value with `list(items)` where each such list goes (a marker
 * string), and the marker's line is replaced by the items as they come, `chunk` of them a write.
 * The text is the same as toJson's for the value with those lists filled in (CLI `--json`: one
 * document, every row, in bounded memory).
 */
export async function printJson(
  out: (text: string) => void, build: (list: (items: AsyncIterable<unknown>) => string) => unknown, chunk = 10_000,
): Promise<void> {
  const lists: AsyncIterable<unknown>[] = [];
  // toJson writes NUL as \u0000: a marker line can only come from a marker, unless data holds this random text.
  const nonce = randomBytes(8).toString('hex');
  const marker = new RegExp(`^( *)"((?:[^"\\\\]|\\\\.)*)": "\\\\u0000${nonce}-(\\d+)"(,?)$`);
  const value = build((items) => `\0${nonce}-${lists.push(items) - 1}`);
  for (const line of toJson(value).split('\n')) {
    const m = marker.exec(line);
    if (!m) {
      out(line);
      continue;
    }
    const [, indent, key, i, comma] = m as unknown as [string, string, string, string, string];
    const items: string[] = [];
    let open = false;
    const flush = (last: boolean) => {
      if (!open) out(`${indent}"${key}": [`);
      open = true;
      out(items.join(',\n') + (last ? '' : ','));
      items.length = 0;
    };
    for await (const item of lists[Number(i)]!) {
      if (items.length === chunk) flush(false);
      items.push(toJson(item).replace(/^/gm, `${indent}  `));
    }
    if (items.length) flush(true);
    out(open ? `${indent}]${comma}` : `${indent}"${key}": []${comma}`);
  }
}
