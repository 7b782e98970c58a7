/**
 * What people type into number and date fields, read the way they write it (docs/screens.md, Typing
 * numbers and dates). Pure functions: the NumberInput and DateInput components and the forms that
 * submit them read values only through these, and test/renderer/parse.test.ts holds them to it.
 */

export type InputLang = 'id' | 'en';

/** Why a field's text was not taken: a message key of the i18n table (input.*) and its values. */
export interface Problem {
  code:
    | 'required' | 'number.format' | 'number.min' | 'number.max' | 'number.integer' | 'number.step'
    | 'date.format' | 'date.month' | 'date.day' | 'date.min' | 'date.max' | 'month.format';
  vars?: Record<string, string>;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** The decimal mark of the app's language: a comma in Indonesian, a point in English. */
export const decimalMark = (lang: InputLang): ',' | '.' => (lang === 'id' ? ',' : '.');

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const MINUS = /^[\u2212-]/;
/** Groups of a number written with thousands separators: 1 to 3 digits (not a lone 0), then groups of exactly 3. */
const GROUPED = (sep: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${sep}\\d{3})+$`);

/**
 * A number as people write it, or null when the text is no number. The rule, the same in both
 * languages with the marks swapped (Indonesian: decimal `,`, thousands `.`):
 * - spaces are ignored (`1 234,5`); a leading `-` or `−` makes it negative;
 * - the language's decimal mark is always the decimal mark, once at most (`42,75`);
 * - the other mark is a thousands separator when it parts groups of exactly three digits
 *   (`1.234`, `1.234.567`, `1.234,5`); otherwise, once and with no decimal mark beside it, it is
 *   read as the decimal mark too (`42.75`, `0.5`, `1.2345`);
 * - anything else (`1,2,3`, `1.23.4`, `12a`, `1e3`, `0x20`, ``) is not a number.
 */
export function parseNumber(text: string, lang: InputLang): number | null {
  let s = text.replace(SPACES, '');
  let sign = 1;
  if (MINUS.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dec = decimalMark(lang);
  const group = dec === ',' ? '.' : ',';
  const parts = s.split(dec);
  if (parts.length > 2) return null;
  let [whole = '', fraction] = parts;
  if (fraction !== undefined) {
    if (!/^\d+$/.test(fraction)) return null;
    if (whole.includes(group)) {
      if (!GROUPED(group).test(whole)) return null;
      whole = whole.split(group).join('');
    }
    if (whole === '') whole = '0';
  } else if (whole.includes(group)) {
    if (GROUPED(group).test(whole)) {
      whole = whole.split(group).join('');
    } else {
      const other = whole.split(group);
      if (other.length !== 2 || !/^\d+$/.test(other[1]!)) return null;
      [whole = '', fraction] = other;
      if (whole === '') whole = '0';
    }
  }
  if (!/^\d+$/.test(whole)) return null;
  const n = Number(fraction === undefined ? whole : `${whole}.${fraction}`);
  return Number.isFinite(n) ? sign * n + 0 : null;
}

/** A number as the field shows it: the language's decimal mark, thousands grouped (`1.234,5`; `1,234.5`). */
export function formatNumber(n: number, lang: InputLang): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 10, useGrouping: true }).format(n);
}

export interface NumberBounds {
  min?: number;
  max?: number;
  /** 1 for whole numbers; multiples counted from min (or 0). */
  step?: number;
  /** Empty text is a problem ("required") rather than no value. */
  required?: boolean;
}

/** A field's number checked against its bounds; empty text is null (or a problem when required). */
export function readNumber(text: string, lang: InputLang, bounds: NumberBounds = {}): Read<number | null> {
  if (text.trim() === '') return bounds.required ? { ok: false, problem: { code: 'required' } } : { ok: true, value: null };
  const n = parseNumber(text, lang);
  const f = (v: number) => formatNumber(v, lang);
  if (n === null) return { ok: false, problem: { code: 'number.format', vars: { example: f(37.5) } } };
  if (bounds.min !== undefined && n < bounds.min) return { ok: false, problem: { code: 'number.min', vars: { min: f(bounds.min), n: f(n) } } };
  if (bounds.max !== undefined && n > bounds.max) return { ok: false, problem: { code: 'number.max', vars: { max: f(bounds.max), n: f(n) } } };
  if (bounds.step !== undefined && bounds.step > 0) {
    const k = (n - (bounds.min ?? 0)) / bounds.step;
    if (Math.abs(k - Math.round(k)) > 1e-9) {
      return { ok: false, problem: bounds.step === 1 ? { code: 'number.integer' } : { code: 'number.step', vars: { step: f(bounds.step) } } };
    }
  }
  return { ok: true, value: n };
}

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2, peb: 2, pebruari: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, agus: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11,
  des: 12, desember: 12, dec: 12, december: 12,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface DateBounds {
  /** ISO yyyy-mm-dd, inclusive. */
  min?: string;
  max?: string;
  required?: boolean;
}

/**
 * A date as people write it, handed on as ISO yyyy-mm-dd. Day first, always (`17/08/2025`,
 * `17-8-2025`, `17.08.2025`); a month by name in Indonesian or English (`17 Agu 2025`,
 * `17 Agustus 2025`, `17 Aug 2025`); the ISO form pasted as it is (`2025-08-17`). The year has four
 * digits. A month past 12 (`08/17/2025`, the American order) and a day the month lacks (`31/02/2025`)
 * are refused with their own reason.
 */
export function readDate(text: string, bounds: DateBounds = {}): Read<string | null> {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return bounds.required ? { ok: false, problem: { code: 'required' } } : { ok: true, value: null };
  let y: number;
  let m: number;
  let d: number;
  let iso: RegExpExecArray | null;
  let numeric: RegExpExecArray | null;
  let named: RegExpExecArray | null;
  if ((iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if ((numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s))) {
    [d, m, y] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
  } else if ((named = /^(\d{1,2})[ .-]?([a-z]+)\.?[ .-]?(\d{4})$/.exec(s)) && MONTHS[named[2]!] !== undefined) {
    [d, m, y] = [Number(named[1]), MONTHS[named[2]!]!, Number(named[3])];
  } else {
    return { ok: false, problem: { code: 'date.format' } };
  }
  if (m < 1 || m > 12) return { ok: false, problem: { code: 'date.month', vars: { month: String(m) } } };
  if (d < 1 || d > daysIn(y, m)) return { ok: false, problem: { code: 'date.day', vars: { date: `${pad(d)}/${pad(m)}/${y}` } } };
  const value = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (bounds.min && value < bounds.min) return { ok: false, problem: { code: 'date.min', vars: { date: formatDate(bounds.min) } } };
  if (bounds.max && value > bounds.max) return { ok: false, problem: { code: 'date.max', vars: { date: formatDate(bounds.max) } } };
  return { ok: true, value };
}

/** An ISO date as the field shows it, dd/mm/yyyy in both languages; anything else unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * A month as people write it, handed on as ISO yyyy-mm: by name in Indonesian or English
 * (`Sep 2025`, `Agustus 2025`), by number month first (`09/2025`, `9-2025`), or the ISO form (`2025-09`).
 */
export function readMonth(text: string, required = false): Read<string | null> {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return required ? { ok: false, problem: { code: 'required' } } : { ok: true, value: null };
  let y: number;
  let m: number;
  let iso: RegExpExecArray | null;
  let numeric: RegExpExecArray | null;
  let named: RegExpExecArray | null;
  if ((iso = /^(\d{4})-(\d{1,2})$/.exec(s))) {
    [y, m] = [Number(iso[1]), Number(iso[2])];
  } else if ((numeric = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) {
    [m, y] = [Number(numeric[1]), Number(numeric[2])];
  } else if ((named = /^([a-z]+)\.?[ .-]?(\d{4})$/.exec(s)) && MONTHS[named[1]!] !== undefined) {
    [m, y] = [MONTHS[named[1]!]!, Number(named[2])];
  } else {
    return { ok: false, problem: { code: 'month.format' } };
  }
  if (m < 1 || m > 12) return { ok: false, problem: { code: 'date.month', vars: { month: String(m) } } };
  return { ok: true, value: `${pad(y, 4)}-${pad(m)}` };
}

/** An ISO month as the field shows it, mm/yyyy in both languages; anything else unchanged. */
export function formatMonth(yyyyMm: string | null | undefined): string {
  if (!yyyyMm) return '';
  const m = /^(\d{4})-(\d{2})$/.exec(yyyyMm);
  return m ? `${m[2]}/${m[1]}` : yyyyMm;
}
