/**
 * How wide a text prints in the workbook's font (Arial, metric-compatible with Liberation Sans, which
 * LibreOffice uses in its place), in Excel's column-width unit: the width of a digit of Arial 10 at
 * 96 dpi, 7 pixels. Column widths are computed from it, so that no text is cut and no word is broken
 * (docs/workbook.md, Print layout).
 */

/** Characters with known advance widths, in the order of REGULAR and BOLD. */
const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ–—−‘’“”…•≤≥→";
/** Advance widths in thousandths of an em (Liberation Sans, the same as Arial's). */
const REGULAR = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584,278,333,556,556,556,556,260,556,333,737,370,556,584,333,737,552,400,549,333,333,333,576,537,278,333,333,365,556,834,834,834,611,667,667,667,667,667,667,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,722,722,722,667,667,611,556,556,556,556,556,556,889,500,556,556,556,556,278,278,278,278,556,556,556,556,556,556,556,549,611,556,556,556,556,500,556,500,556,1000,584,222,222,333,333,1000,350,549,549,1000];
const BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584,278,333,556,556,556,556,280,556,333,737,370,556,584,333,737,552,400,549,333,333,333,576,556,278,333,333,365,556,834,834,834,611,722,722,722,722,722,722,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,722,722,722,667,667,611,556,556,556,556,556,556,889,556,556,556,556,556,278,278,278,278,611,611,611,611,611,611,611,549,611,611,611,611,611,556,611,556,556,1000,584,278,278,500,500,1000,350,549,549,1000];

const regular = new Map<string, number>();
const bold = new Map<string, number>();
[...CHARS].forEach((c, i) => {
  regular.set(c, REGULAR[i]!);
  bold.set(c, BOLD[i]!);
});

/** Pixels of one column-width unit (Excel: the widest digit of the default font, Arial 10). */
export const UNIT_PX = 7;
/** Pixels Excel keeps free inside a cell, beside its text. */
export const CELL_PADDING_PX = 6;
/** Pixels per point at 96 dpi. */
const PX_PER_PT = 96 / 72;

/** Width of an unknown character: wide letters of other scripts (CJK) take a whole em, the rest as a wide Latin letter. */
function unknown(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  return code >= 0x2e80 ? 1000 : 722;
}

/**
 * Screen pixels differ from the font's design widths by their rounding (Excel draws Arial 10 with
 * whole-pixel letters): text is taken 4 % wider than designed, so that it never comes out wider than
 * measured.
 */
const ROUNDING = 1.04;

/** Pixels the text takes on one line in Arial of `size` points. */
export function textPx(text: string, size = 10, isBold = false): number {
  const table = isBold ? bold : regular;
  let em = 0;
  for (const c of text) em += table.get(c) ?? unknown(c);
  return (em / 1000) * size * PX_PER_PT * ROUNDING;
}

/** The same in column-width units. */
export function textUnits(text: string, size = 10, isBold = false): number {
  return textPx(text, size, isBold) / UNIT_PX;
}

/** Text-width pixels inside a column of `width` units. */
export function innerPx(width: number): number {
  return width * UNIT_PX - CELL_PADDING_PX;
}

/** The narrowest column that holds the text on one line: wider than its width in units and than its length in characters. */
export function unitsFor(text: string, size = 10, isBold = false): number {
  return Math.max((textPx(text, size, isBold) + CELL_PADDING_PX) / UNIT_PX, [...text].length + 1);
}

/** Words of a text: what a line never breaks inside. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/**
 * Lines a text takes when wrapped inside `px` pixels, breaking at spaces only (Excel and LibreOffice
 * may also break after a hyphen, which never takes more lines). A word wider than the line (only
 * past a column's cap) is counted in pieces.
 */
export function wrappedLines(text: string, px: number, size = 10, isBold = false): number {
  const space = textPx(' ', size, isBold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let used = 0;
    for (const word of words(paragraph)) {
      const w = textPx(word, size, isBold);
      if (used > 0 && used + space + w <= px) {
        used += space + w;
        continue;
      }
      if (used > 0) line++;
      if (w > px) {
        line += Math.ceil(w / px) - 1;
        used = w - (Math.ceil(w / px) - 1) * px;
      } else {
        used = w;
      }
    }
    lines += line + 1;
  }
  return lines;
}
