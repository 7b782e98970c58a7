import { AppError } from './errors.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A day that exists, written YYYY-MM-DD. Date.parse rolls 2025-02-31 over to 3 March, so the date
 * must read back unchanged.
 */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** A month written YYYY-MM. */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/**
 * The days a request may name: those an imported file may hold (import keeps years 1900–2100). Past
 * them the checks' week arithmetic left DuckDB's calendar (year 0 and 10000) and the request
 * failed as an internal error.
 */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2100-12-31';

/** Refuses a request's date that does not exist or lies outside FIRST_DAY–LAST_DAY; `what` names the option or field (--from, "to"). */
export function checkDate(value: string | undefined, what: string): void {
  if (value !== undefined && !isIsoDate(value)) {
    throw new AppError('BAD_REQUEST', `${what} harus tanggal YYYY-MM-DD yang ada, bukan "${value}".`,
      `${what} must be a date that exists, written YYYY-MM-DD, not "${value}".`);
  }
  if (value !== undefined && (value < FIRST_DAY || value > LAST_DAY)) {
    throw new AppError('BAD_REQUEST', `${what} harus tanggal antara ${FIRST_DAY} dan ${LAST_DAY}, bukan "${value}".`,
      `${what} must be a date between ${FIRST_DAY} and ${LAST_DAY}, not "${value}".`);
  }
}

/** Refuses a request's month that is not YYYY-MM. */
export function checkPeriod(value: string | undefined, what = '--period'): void {
  if (value !== undefined && !isMonth(value)) {
    throw new AppError('BAD_REQUEST', `${what} harus berbentuk YYYY-MM (mis. 2025-09), bukan "${value}".`,
      `${what} must be written YYYY-MM (e.g. 2025-09), not "${value}".`);
  }
}

/** The ISO date `days` days after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
