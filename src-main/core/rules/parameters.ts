import { isIsoDate } from '../../contract/dates.ts';
import type { FormatLang } from '../../contract/format.ts';
import { amount, numberWords } from '../../contract/param-words.ts';
import { AppError } from '../../contract/errors.ts';
import type { ParamInfo, ParamValue } from '../../contract/rules-types.ts';

/**
 * Parameters that are no single rule's: the working week every rule counts in, and the comparison's.
 * A rule's own parameters are declared in its module (rule.ts `ownParameters`); the rule book joins
 * both into the one table everything derives from: defaults, validation of --set and profile files,
 * the profile form, and the check run's `run_profiles` columns.
 */
export const SHARED_PARAMETERS: ParamInfo[] = [
  {
    key: 'workDays', type: 'integer', default: 5, min: 5, max: 6, group: 'rules',
    label: { id: 'Hari kerja per minggu', en: 'Working days per week' }, unit: { id: 'hari', en: 'days' },
    choices: [
      { value: 5, label: { id: '5 hari (Senin–Jumat)', en: '5 days (Monday–Friday)' } },
      { value: 6, label: { id: '6 hari (Senin–Sabtu)', en: '6 days (Monday–Saturday)' } },
    ],
  },
  {
    // Read by the import: a scan log's scans before it belong to the day before (night shifts).
    key: 'dayStartsAt', type: 'time', default: '00:00', group: 'rules',
    label: { id: 'Hari presensi dimulai pukul', en: 'The attendance day starts at' },
    hint: { id: 'Pindaian sebelum jam ini dihitung untuk hari sebelumnya (sif malam: 05:00).', en: 'Scans before this time count for the day before (night shifts: 05:00).' },
  },
  {
    key: 'minGroupSize', type: 'integer', default: 5, min: 1, max: 1000, group: 'compare',
    label: { id: 'Ukuran kelompok terkecil', en: 'Smallest group size' }, unit: { id: 'catatan', en: 'records' },
    hint: { id: 'Kelompok yang lebih kecil ditulis "n < …" tanpa angka.', en: 'Smaller groups are shown as "n < …" without a figure.' },
  },
  {
    key: 'windowMonths', type: 'integer', default: 6, min: 1, max: 36, group: 'compare',
    label: { id: 'Jendela sebelum/sesudah mulai FWA', en: 'Window before/after the FWA start' }, unit: { id: 'bulan', en: 'months' },
  },
];

/** A refusal written once per language, naming the parameter by its label; `details.key` lets a screen mark the field. */
export function refuse(key: string, text: (lang: FormatLang) => string): never {
  throw new AppError('PROFILE_REFUSED', text('id'), text('en'), { key });
}

const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const TIME_RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const label = (p: ParamInfo, lang: FormatLang) => p.label[lang];
const NOT = { id: 'bukan', en: 'not' } as const;

/** A plain decimal with a comma or a dot: Number() alone would read "" and " " as 0 and "0x20" as 32. */
function number(p: ParamInfo, value: string): number {
  const integer = p.type === 'integer';
  const n = PLAIN_NUMBER.test(value.trim()) ? Number(value.trim().replace(',', '.')) : NaN;
  const min = p.min ?? -Infinity;
  const max = p.max ?? Infinity;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    refuse(p.key, (lang) => {
      const what = lang === 'en' ? (integer ? 'a whole number' : 'a number') : (integer ? 'bilangan bulat' : 'angka');
      const range = lang === 'en' ? `between ${numberWords(min, lang)} and ${amount(p, max, lang)}` : `antara ${numberWords(min, lang)} dan ${amount(p, max, lang)}`;
      return `${label(p, lang)} ${lang === 'en' ? 'must be' : 'harus'} ${what} ${range}, ${NOT[lang]} "${value}".`;
    });
  }
  const ceiling = p.ceiling;
  if (ceiling && n > ceiling.max) {
    refuse(p.key, (lang) => `${label(p, lang)} ${lang === 'en' ? 'may be at most' : 'paling banyak'} ${amount(p, ceiling.max, lang)}: `
      + `${ceiling.reason[lang].replace(/\.$/, '')}; ${numberWords(n, lang)} ${lang === 'en' ? 'refused' : 'ditolak'}.`);
  }
  return n;
}

/** Yes or no, as people type it in either language; `name` is what the refusal calls the setting. */
export function parseBoolean(key: string, name: (lang: FormatLang) => string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 'ya', '1', 'yes'].includes(v)) return true;
  if (['false', 'tidak', '0', 'no'].includes(v)) return false;
  return refuse(key, (lang) => (lang === 'en' ? `${name(lang)} must be yes or no, not "${value}".` : `${name(lang)} harus ya atau tidak, bukan "${value}".`));
}

function date(p: ParamInfo, value: string): string | null {
  if (value.trim() === '') return null;
  if (!isIsoDate(value.trim())) {
    refuse(p.key, (lang) => (lang === 'en' ? `${label(p, lang)} must be a date that exists, written YYYY-MM-DD, not "${value}".`
      : `${label(p, lang)} harus tanggal YYYY-MM-DD yang ada, bukan "${value}".`));
  }
  return value.trim();
}

function time(p: ParamInfo, value: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    refuse(p.key, (lang) => (lang === 'en' ? `${label(p, lang)} must be a time such as 05:00, not "${value}".`
      : `${label(p, lang)} harus jam seperti 05:00, bukan "${value}".`));
  }
  return value.trim();
}

function timeRange(p: ParamInfo, value: string): string {
  const m = TIME_RANGE.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59 || m[1]! + m[2]! >= m[3]! + m[4]!) {
    refuse(p.key, (lang) => (lang === 'en' ? `${label(p, lang)} must be a time range such as 12:00-13:00, not "${value}".`
      : `${label(p, lang)} harus rentang jam seperti 12:00-13:00, bukan "${value}".`));
  }
  return value.trim();
}

/** A parameter's value from what a person typed (--set, the form, a profile file), validated by its type and bounds. */
export function parseParam(p: ParamInfo, value: string): ParamValue {
  switch (p.type) {
    case 'integer':
    case 'decimal': return number(p, value);
    case 'boolean': return parseBoolean(p.key, (lang) => label(p, lang), value);
    case 'date': return date(p, value);
    case 'time': return time(p, value);
    case 'timeRange': return timeRange(p, value);
  }
}

/** A parameter's column in the check run's `run_profiles` table: maxFlexDays → max_flex_days. */
export function paramColumn(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const SQL_TYPE: Record<Exclude<ParamInfo['type'], 'timeRange'>, string> = {
  integer: 'INTEGER', decimal: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', time: 'TIME',
};

/** Columns of `run_profiles` for the parameters: a time range is two TIME columns, <column>_start and <column>_end. */
export function paramColumns(params: readonly ParamInfo[]): { name: string; type: string; value: (v: ParamValue) => ParamValue }[] {
  return params.flatMap((p) => {
    const column = paramColumn(p.key);
    if (p.type !== 'timeRange') return [{ name: column, type: SQL_TYPE[p.type], value: (v: ParamValue) => v }];
    const part = (i: number) => (v: ParamValue) => (typeof v === 'string' ? v.split('-')[i]! : null);
    return [{ name: `${column}_start`, type: 'TIME', value: part(0) }, { name: `${column}_end`, type: 'TIME', value: part(1) }];
  });
}
