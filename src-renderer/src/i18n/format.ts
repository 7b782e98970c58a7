/** Indonesian number and date formats in both languages: the figures are Indonesian figures. */
const LOCALE = 'id-ID';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dayMonthYear = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat(LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', timeZone: 'UTC' });

export function fmtInt(n: number): string {
  return integer.format(n);
}

/** A fraction as a percentage with one decimal: 0.9205 → "92,1 %" (a no-break space, so charts never wrap it). */
export function fmtPct(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${oneDecimal.format(rate * 100)}\u00a0%`;
}

export function fmtPctValue(pct: number | null | undefined): string {
  return pct === null || pct === undefined ? '–' : `${twoDecimals.format(pct)}\u00a0%`;
}

export function fmtDecimal(n: number, digits = 1): string {
  return (digits === 2 ? twoDecimals : oneDecimal).format(n);
}

function utc(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export const fmtDate = (iso: string | null | undefined): string => (iso ? dayMonthYear.format(utc(iso)) : '–');
export const fmtDayMonth = (iso: string): string => dayMonth.format(utc(iso));
export const fmtLongDate = (iso: string): string => longDate.format(utc(iso));
export const fmtWeekday = (iso: string): string => weekday.format(utc(iso));
export const fmtMonth = (yyyyMm: string): string => monthYear.format(utc(`${yyyyMm}-01`));
export const fmtDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '–');

/** Monday of an ISO week "2025-W37". */
export function weekMonday(week: string): string {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
  return monday.toISOString().slice(0, 10);
}

/** "8–14 Sep 2025" for an ISO week. */
export function fmtWeekRange(week: string): string {
  const monday = weekMonday(week);
  const sunday = new Date(utc(monday).getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
  return `${fmtDayMonth(monday)} – ${fmtDate(sunday)}`;
}

export function weekNumber(week: string): number {
  return Number(week.split('-W')[1]);
}

/** Last day of a month "2025-09" → "2025-09-30". */
export function monthEnd(yyyyMm: string): string {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${fmtInt(n)} B`;
  if (n < 1024 ** 2) return `${fmtDecimal(n / 1024)} KB`;
  if (n < 1024 ** 3) return `${fmtDecimal(n / 1024 ** 2)} MB`;
  return `${fmtDecimal(n / 1024 ** 3)} GB`;
}
