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

/** Position just after the `n`-th line break of `text` (from the start), or just before the `n`-th from the end. */
function lineBreak(text: string, n: number, fromEnd: boolean): number {
  let at = fromEnd ? text.length : -1;
  for (let i = 0; i < n; i++) at = fromEnd ? text.lastIndexOf('\n', at - 1) : text.indexOf('\n', at + 1);
  return fromEnd ? at : at + 1;
}

/**
 * The lines a page of a list's items takes in toJson's text of the whole document, the list being
 * `key`'s value at `indent`: the page is written by toJson inside as many objects as the list is
 * deep, so that it has the same indentation and passes the replacer under the same key, and the
 * lines around it are cut off.
 */
function pageLines(page: unknown[], key: string, indent: string): string {
  const depth = indent.length / 2;
  let value: unknown = { [key]: page };
  for (let d = 1; d < depth; d++) value = { '': value };
  const text = toJson(value);
  return text.slice(lineBreak(text, depth + 1, false), lineBreak(text, depth + 1, true));
}

/**
 * Prints the document `toJson(value)` would print, its longest lists streamed in their places
 * instead of held: `build` returns the value with `list(pages)` where each such list goes (a marker
 * string), and the marker's line is replaced by the list's items as its pages come, a page a write.
 * The text is the same as toJson's for the value with those lists filled in (CLI `--json`: one
 * document, every row, in bounded memory).
 */
export async function printJson(
  out: (text: string) => void, build: (list: (pages: AsyncIterable<unknown[]>) => string) => unknown,
): Promise<void> {
  const lists: AsyncIterable<unknown[]>[] = [];
  // toJson writes NUL as \u0000: a marker line can only come from a marker, unless data holds this random text.
  const nonce = randomBytes(8).toString('hex');
  const marker = new RegExp(`^( *)"((?:[^"\\\\]|\\\\.)*)": "\\\\u0000${nonce}-(\\d+)"(,?)$`);
  const value = build((pages) => `\0${nonce}-${lists.push(pages) - 1}`);
  for (const line of toJson(value).split('\n')) {
    const m = marker.exec(line);
    if (!m) {
      out(line);
      continue;
    }
    const [, indent, key, i, comma] = m as unknown as [string, string, string, string, string];
    // Each page is written once the next is known, so that it ends in a comma if another follows.
    let held: string | null = null;
    for await (const page of lists[Number(i)]!) {
      if (page.length === 0) continue;
      out(held === null ? `${indent}"${key}": [` : `${held},`);
      held = pageLines(page, JSON.parse(`"${key}"`) as string, indent);
    }
    out(held === null ? `${indent}"${key}": []${comma}` : `${held}\n${indent}]${comma}`);
  }
}
