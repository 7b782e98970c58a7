import { formatter } from '../../contract/format.ts';
import type { Lang } from '../import/reasons.ts';

/**
 * How the workbook writes dates, times and differences for a reader, in its language, from the one
 * formatter (contract/format.ts): "1 September 2025", "22 November 2026 15.00 WIB",
 * "+5,4 poin persen (IK 95 %: 1,2 – 9,6)". Only the text is made here; the figures come unrounded
 * from the run and the comparison.
 */

/** One of a pair [Bahasa Indonesia, English] in the workbook's language. */
export function pick(lang: Lang, pair: readonly [string, string]): string {
  return pair[lang === 'en' ? 1 : 0];
}

/** "1 September 2025" from 2025-09-01, as an official letter dates itself; "-" for none. */
export function longDate(iso: string | null, lang: Lang): string {
  if (iso === null) return '-';
  return `${Number(iso.slice(8, 10))} ${formatter(lang).month(iso.slice(0, 7))}`;
}

/** The period of a report: "1 September 2025 s.d. 31 Oktober 2025". */
export function periodText(from: string | null, to: string | null, lang: Lang): string {
  if (from === null && to === null) return pick(lang, ['tidak ada data', 'no data']);
  return `${longDate(from, lang)} ${pick(lang, ['s.d.', 'to'])} ${longDate(to, lang)}`;
}

/** Indonesian time zones by the IANA names the machine may use. */
const ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Ujung_Pandang': 'WITA', 'Asia/Jayapura': 'WIT',
  UTC: 'UTC', 'Etc/UTC': 'UTC', 'Etc/GMT': 'UTC', 'Etc/Universal': 'UTC', GMT: 'UTC', Universal: 'UTC', Zulu: 'UTC',
};

/** The machine's time zone (IANA name), as the operating system sets it. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A moment as the wall clock of `zone` shows it. */
export interface WallClock {
  /** The wall-clock time written as if it were UTC: what an Excel date cell holds. */
  date: Date;
  /** WIB, WITA, WIT, UTC, or the offset ("UTC+05:30") for a zone without a name here. */
  zone: string;
}

export function wallClock(at: Date, zone = localZone()): WallClock {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((p) => [p.type, p.value]));
  const date = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute),
    Number(parts.second), at.getUTCMilliseconds()));
  const named = ZONES[zone];
  if (named) return { date, zone: named };
  const minutes = Math.round((date.getTime() - at.getTime()) / 60_000);
  const hhmm = `${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
  return { date, zone: minutes === 0 ? 'UTC' : `UTC${minutes < 0 ? '−' : '+'}${hhmm}` };
}

/** "22 November 2026 15.00 WIB" (English: "22 November 2026 15:00 WIB"). */
export function localTime(at: Date, lang: Lang, zone = localZone()): string {
  const { date, zone: name } = wallClock(at, zone);
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${longDate(date.toISOString(), lang)} ${hh}${lang === 'en' ? ':' : '.'}${mm} ${name}`;
}

/** The date of a moment on the local calendar, "22 November 2026". */
export function localDate(at: Date, lang: Lang, zone = localZone()): string {
  return longDate(wallClock(at, zone).date.toISOString(), lang);
}

/**
 * A difference of two proportions in percentage points, signed, with its 95 % interval:
 * "+5,4 poin persen (IK 95 %: 1,2 – 9,6)" / "+5.4 percentage points (95% CI: 1.2 – 9.6)". A difference
 * read as "5.4%" would be taken for a relative change; one that rounds to nothing has no sign.
 */
export function pointsText(value: number, ci: readonly [number, number] | null | undefined, lang: Lang): string {
  const f = formatter(lang);
  const points = f.points(Math.abs(value) < 0.0005 ? 0 : value);
  if (!ci) return points;
  const bound = (v: number) => {
    const text = f.decimal(Math.abs(v) * 100);
    return v < 0 && /[1-9]/.test(text) ? `−${text}` : text;
  };
  return `${points} (${pick(lang, ['IK 95 %', '95% CI'])}: ${bound(ci[0])} – ${bound(ci[1])})`;
}
