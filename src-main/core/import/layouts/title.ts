import { headerKey } from '../kinds.ts';

/**
 * Values written only above the header (rules.md §1): a daily sheet's date, a performance file's
 * period, a wide sheet's month, read from the title block, else the sheet name, else the file name.
 * Plain text parsing of a few lines: the title block is a handful of short cells.
 */

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1, februari: 2, pebruari: 2, february: 2, feb: 2, peb: 2, maret: 3, march: 3, mar: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, agus: 8, ags: 8, aug: 8, september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nopember: 11, nov: 11, desember: 12, december: 12, des: 12, dec: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})`;

/** A line naming the moment of download or printing: its date is never the data's. */
const NOT_DATA = /\b(unduh|diunduh|download|cetak|dicetak|print|printed|generated|dibuat pada|waktu ekspor|diekspor)\b/i;

export interface YearMonth { year: number; month: number }

const pad = (n: number) => String(n).padStart(2, '0');
export const ymText = (p: YearMonth) => `${p.year}-${pad(p.month)}`;

function validDay(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const year4 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Every date written in a text, in order: `14 Oktober 2025`, `Senin, 14 Okt 2025`, `14/10/2025`, `2025-10-14`, `14-Oct-25`. */
export function datesIn(text: string): string[] {
  const out: { at: number; value: string }[] = [];
  const t = text.toLowerCase();
  for (const m of t.matchAll(new RegExp(String.raw`\b(\d{1,2})[\s.-]+${MONTH}\.?[\s,.-]+(\d{4}|\d{2})\b`, 'g'))) {
    const v = validDay(year4(m[3]!), MONTHS[m[2]!]!, Number(m[1]));
    if (v) out.push({ at: m.index!, value: v });
  }
  for (const m of t.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g)) {
    const v = validDay(Number(m[3]), Number(m[2]), Number(m[1]));
    if (v) out.push({ at: m.index!, value: v });
  }
  for (const m of t.matchAll(/\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b/g)) {
    const v = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (v) out.push({ at: m.index!, value: v });
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.value);
}

/**
 * Every month written in a text, in order, the one assessed first: `UNTUK KINERJA FEBRUARI 2023`
 * comes before `BULAN MARET 2023` (a TPP sheet pays in March for February's performance).
 */
export function monthsIn(text: string): YearMonth[] {
  const t = text.toLowerCase().replace(/[_]+/g, ' ');
  const found: { at: number; assessed: boolean; value: YearMonth }[] = [];
  const push = (at: number, year: number, month: number) => {
    if (year < 1900 || year > 2100 || month < 1 || month > 12) return;
    found.push({ at, assessed: /kinerja\s*(bulan\s*)?$/.test(t.slice(Math.max(0, at - 20), at)), value: { year, month } });
  };
  for (const m of t.matchAll(new RegExp(String.raw`(?<![a-z])${MONTH}\.?[\s,.-]*(\d{4})\b`, 'g'))) push(m.index!, Number(m[2]), MONTHS[m[1]!]!);
  for (const m of t.matchAll(/(?<!\d)(\d{4})[-_./](\d{1,2})(?![\d])(?![-_./]\d)/g)) push(m.index!, Number(m[1]), Number(m[2]));
  for (const m of t.matchAll(/(?<![\d/.-])(\d{1,2})[-/](\d{4})\b/g)) push(m.index!, Number(m[2]), Number(m[1]));
  return found.sort((a, b) => Number(b.assessed) - Number(a.assessed) || a.at - b.at).map((x) => x.value);
}

/** The title block's lines that may carry the data's date or month (not a download or print stamp). */
export function titleLines(rows: string[][]): string[] {
  return rows.map((cells) => cells.map((c) => c.trim()).filter(Boolean).join(' ')).filter((l) => l !== '' && !NOT_DATA.test(l));
}

/** The date of a daily sheet: a labelled one (`Tanggal : 14 Oct 2025`) first, else the only one written. */
export function titleDate(lines: string[]): string | undefined {
  const labelled = lines.filter((l) => /\b(tanggal|tgl|hari\s*\/\s*tanggal|hari)\b/i.test(l)).flatMap(datesIn);
  if (labelled.length) return labelled[0];
  const all = [...new Set(lines.flatMap(datesIn))];
  return all.length === 1 ? all[0] : undefined;
}

export function titleMonth(lines: string[]): YearMonth | undefined {
  return monthsIn(lines.join('\n'))[0];
}

/** A month as the performance period parser reads it (`Februari`), beside its year. */
export const MONTH_NAME_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A wide sheet has a week's worth of day columns at least. */
export const WIDE_MIN_DAYS = 7;

/** Day columns of a wide sheet: headers `1`…`31`, `01`…`31`, or dates. */
export function dayColumns(headers: readonly string[]): { column: number; day?: number; date?: string }[] {
  const out: { column: number; day?: number; date?: string }[] = [];
  headers.forEach((h, column) => {
    // A header over two rows joins its labels: `TANGGAL 14` is day 14.
    const key = headerKey(h).replace(/^(?:tanggal|tgl|hari|date|day)\s+(?=\d{1,2}$)/, '');
    if (/^\d{1,2}$/.test(key) && Number(key) >= 1 && Number(key) <= 31) out.push({ column, day: Number(key) });
    else {
      const dates = datesIn(key);
      if (dates.length === 1 && key.replace(/[^a-z0-9]/g, '').length <= 20) out.push({ column, date: dates[0] });
    }
  });
  return out;
}
