import { AppError } from './errors.ts';
import { RULE_IDS, type RuleId } from './rules-types.ts';
import type { ViewsApi } from './views-types.ts';

type Obj = Record<string, unknown>;

function bad(message: string, messageEn?: string): never {
  throw new AppError('BAD_REQUEST', message, messageEn);
}

function obj(v: unknown): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad('permintaan harus berupa objek', 'the request must be an object');
  return v as Obj;
}

function text(o: Obj, key: string, optional: boolean, max = 4096): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || v.length === 0 || v.length > max) bad(`"${key}" harus berupa teks`, `"${key}" must be text`);
}

function isoDate(o: Obj, key: string): void {
  const v = o[key];
  if (v === undefined) return;
  // Date.parse rolls 2025-02-31 over to March: only a date that reads back the same is real.
  const real = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
    && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
  if (!real) {
    bad(`"${key}" harus tanggal YYYY-MM-DD`, `"${key}" must be a YYYY-MM-DD date`);
  }
}

function integer(o: Obj, key: string, min: number, max: number): void {
  const v = o[key];
  if (v === undefined) return;
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) bad(`"${key}" harus bilangan bulat ${min}–${max}`, `"${key}" must be an integer ${min}–${max}`);
}

function oneOf(o: Obj, key: string, values: readonly string[]): void {
  const v = o[key];
  if (v !== undefined && !values.includes(v as string)) bad(`"${key}" harus salah satu dari ${values.join(', ')}`, `"${key}" must be one of ${values.join(', ')}`);
}

function filter(body: unknown): Obj {
  const o = obj(body);
  text(o, 'agency', true);
  text(o, 'unit', true);
  oneOf(o, 'rule', RULE_IDS as readonly RuleId[]);
  isoDate(o, 'from');
  isoDate(o, 'to');
  return o;
}

const SORTS = ['agency', 'unit', 'rule', 'nip', 'name', 'period', 'status'] as const;

/** Request validators of the screens' read methods (spread into VALIDATORS). */
export const VIEW_VALIDATORS: { [M in keyof ViewsApi]: (body: unknown) => void } = {
  overview: filter,
  complianceGrid: filter,
  findings(body) {
    const o = filter(body);
    oneOf(o, 'status', ['new', 'open', 'resolved']);
    text(o, 'nip', true, 64);
    if (o.search !== undefined && (typeof o.search !== 'string' || o.search.length > 200)) bad('"search" harus teks pendek', '"search" must be short text');
    oneOf(o, 'sort', SORTS);
    if (o.desc !== undefined && typeof o.desc !== 'boolean') bad('"desc" harus true atau false', '"desc" must be true or false');
    integer(o, 'offset', 0, Number.MAX_SAFE_INTEGER);
    integer(o, 'limit', 1, 5000);
  },
  unitEmployees(body) {
    const o = filter(body);
    text(o, 'agency', false);
    text(o, 'unit', false);
  },
  employeeDays(body) {
    const o = obj(body);
    text(o, 'nip', false, 64);
    isoDate(o, 'from');
    isoDate(o, 'to');
  },
  loadSamples(body) {
    obj(body);
  },
  detectImport(body) {
    const o = obj(body);
    text(o, 'path', false);
    text(o, 'fileName', true, 1024);
  },
};
