/**
 * How a person reads a number, a date, a week, a percentage and a difference, one way per language,
 * for every edge: the screens, the CLI's human output, the workbook and what is printed. Data keep
 * their machine form (2025-07-14, 2025-W29, 0.9205); only these functions turn them into words.
 *
 * Indonesian: 1.298 · 92,1 % · 14 Jul 2025 · Minggu 29 (14–20 Jul 2025) · 5,4 poin persen.
 * English:    1,298 · 92.1% · 14 Jul 2025 · Week 29 (14–20 Jul 2025) · 5.4 percentage points.
 * Month names are each language's own (Agu/Aug, Okt/Oct, Des/Dec).
 */
export type FormatLang = 'id' | 'en';

const LOCALE: Record<FormatLang, string> = { id: 'id-ID', en: 'en-GB' };
const DAY = 86_400_000;

export interface Formatter {
  lang: FormatLang;
  /** A whole number with the language's thousands separator: 1.298 / 1,298. */
  int(n: number): string;
  /** A number with a fixed count of decimals (1 unless said): 42,75 / 42.75. */
  decimal(n: number, digits?: number): string;
  /** A fraction as a percentage with one decimal: 0.9205 → "92,1 %" / "92.1%"; null → "–". */
  pct(rate: number | null | undefined): string;
  /** A value already in percent, two decimals: 90.22 → "90,22 %" / "90.22%". */
  pctValue(pct: number | null | undefined): string;
  /** A difference of two percentages, in points, signed: 0.054 → "+5,4 poin persen" / "+5.4 percentage points". */
  points(diff: number | null | undefined): string;
  /** The same difference without its unit, for an axis or a column that names the unit once: "+5,4". */
  pointsShort(diff: number): string;
  /** "count/total" with separators: 1.298/1.319. */
  ratio(count: number, total: number): string;
  /** 2025-07-14 → "14 Jul 2025"; null → "–". */
  date(iso: string | null | undefined): string;
  /** 2025-07-14 → "14 Jul". */
  dayMonth(iso: string): string;
  /** 2025-07-14 → "Senin, 14 Juli 2025" / "Monday, 14 July 2025". */
  longDate(iso: string): string;
  /** 2025-07-14 → "Sen" / "Mon". */
  weekday(iso: string): string;
  /** 2025-07 → "Juli 2025" / "July 2025". */
  month(yyyyMm: string): string;
  /** "2025" → "2025". */
  year(yyyy: string): string;
  /** An ISO week "2025-W29" → "Minggu 29 (14–20 Jul 2025)" / "Week 29 (14–20 Jul 2025)". */
  week(week: string): string;
  /** The days of an ISO week: "14–20 Jul 2025", "28 Jul – 3 Agu 2025", "29 Des 2025 – 4 Jan 2026". */
  weekRange(week: string): string;
  /** A range of days, written as weekRange writes a week's. */
  range(fromIso: string, toIso: string): string;
  /** A period label as the checks store it (2025-07-14, 2025-W29, 2025-07, 2025), in words. */
  period(label: string): string;
  /** A moment (ISO with time zone) in the local time zone: "14 Jul 2025 09.30" / "14 Jul 2025, 09:30". */
  dateTime(iso: string | null | undefined): string;
  /** Bytes: "512 B", "1,5 MB". */
  bytes(n: number): string;
}

function utc(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** Monday of an ISO week "2025-W37", as YYYY-MM-DD. */
export function weekMonday(week: string): string {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(y, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (w - 1) * 7 * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

/** The number of an ISO week "2025-W37" → 37. */
export function weekNumber(week: string): number {
  return Number(week.split('-W')[1]);
}

const cache = new Map<FormatLang, Formatter>();

/** The formatter of a language (built once per language). */
export function formatter(lang: FormatLang): Formatter {
  const known = cache.get(lang);
  if (known) return known;
  const locale = LOCALE[lang];
  const nf = (digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const numbers = [nf(0), nf(1), nf(2), nf(3)];
  const decimal = (n: number, digits = 1) => (numbers[digits] ?? nf(digits)).format(n);
  const df = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...o });
  const dmy = df({ day: 'numeric', month: 'short', year: 'numeric' });
  const dm = df({ day: 'numeric', month: 'short' });
  const d = df({ day: 'numeric' });
  const long = df({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const wd = df({ weekday: 'short' });
  const my = df({ month: 'long', year: 'numeric' });
  const moment = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  // "Sep" is written "Sept" by en-GB; one spelling of each month everywhere, as Indonesian writes it.
  const clean = (s: string) => s.replace(/\.(?= |$)/g, '').replace(/\bSept\b/, 'Sep');
  const pctSign = lang === 'id' ? '\u00a0%' : '%';
  const date = (iso: string | null | undefined) => (iso ? clean(dmy.format(utc(iso))) : '–');
  const dayMonth = (iso: string) => clean(dm.format(utc(iso)));
  const range = (from: string, to: string) => {
    if (from === to) return date(from);
    if (from.slice(0, 7) === to.slice(0, 7)) return `${d.format(utc(from))}–${date(to)}`;
    if (from.slice(0, 4) === to.slice(0, 4)) return `${dayMonth(from)} – ${date(to)}`;
    return `${date(from)} – ${date(to)}`;
  };
  const weekRange = (week: string) => {
    const monday = weekMonday(week);
    return range(monday, new Date(utc(monday).getTime() + 6 * DAY).toISOString().slice(0, 10));
  };
  const signed = (diff: number) => `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${decimal(Math.abs(diff) * 100, 1)}`;
  const weekWord = lang === 'id' ? 'Minggu' : 'Week';
  const week = (w: string) => `${weekWord} ${weekNumber(w)} (${weekRange(w)})`;
  const month = (yyyyMm: string) => my.format(utc(`${yyyyMm}-01`));
  const f: Formatter = {
    lang,
    int: (n) => numbers[0]!.format(n),
    decimal,
    pct: (rate) => (rate === null || rate === undefined ? '–' : `${decimal(rate * 100, 1)}${pctSign}`),
    pctValue: (pct) => (pct === null || pct === undefined ? '–' : `${decimal(pct, 2)}${pctSign}`),
    points: (diff) => (diff === null || diff === undefined ? '–' : `${signed(diff)} ${lang === 'id' ? 'poin persen' : 'percentage points'}`),
    pointsShort: (diff) => signed(diff),
    ratio: (count, total) => `${numbers[0]!.format(count)}/${numbers[0]!.format(total)}`,
    date,
    dayMonth,
    longDate: (iso) => long.format(utc(iso)),
    weekday: (iso) => clean(wd.format(utc(iso))),
    month,
    year: (yyyy) => yyyy,
    week,
    weekRange,
    range,
    period: (label) => {
      if (/^\d{4}-W\d{2}$/.test(label)) return week(label);
      if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return date(label);
      if (/^\d{4}-\d{2}$/.test(label)) return month(label);
      return label;
    },
    dateTime: (iso) => (iso ? clean(moment.format(new Date(iso))) : '–'),
    bytes: (n) => {
      if (n < 1024) return `${numbers[0]!.format(n)} B`;
      if (n < 1024 ** 2) return `${decimal(n / 1024)} KB`;
      if (n < 1024 ** 3) return `${decimal(n / 1024 ** 2)} MB`;
      return `${decimal(n / 1024 ** 3)} GB`;
    },
  };
  cache.set(lang, f);
  return f;
}
