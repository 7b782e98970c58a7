import type { MethodName } from './api.ts';
import { checkDate, checkPeriod } from './dates.ts';
import { AppError } from './errors.ts';
import type { ExportTable } from './export-types.ts';
import { BATCH_REJECTS_PAGE_MAX, IMPORT_KINDS, LAYOUTS, type ImportKind } from './import-types.ts';
import { RECORDS_PAGE_MAX } from './records-types.ts';
import { NOTE_KINDS, RUN_FINDINGS_PAGE_MAX } from './rules-types.ts';

/**
 * The one gate of every transport (in-process, HTTP, Electron IPC): each allow-listed method's
 * request is checked here before the core sees it, so the core can trust shapes, dates and months.
 */

type Obj = Record<string, unknown>;

export const MIN_KEY_LENGTH = 8;

function bad(message: string, messageEn: string): never {
  throw new AppError('BAD_REQUEST', message, messageEn);
}

const WHAT_EN: Record<string, string> = { permintaan: 'the request', berkas: 'each file' };

function obj(v: unknown, what = 'permintaan'): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(`${what} harus berupa objek`, `${WHAT_EN[what] ?? what} must be an object`);
  return v as Obj;
}

function text(o: Obj, key: string, optional = false, max = 4096): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || v.length === 0 || v.length > max) bad(`"${key}" harus berupa teks`, `"${key}" must be text`);
}

function date(o: Obj, key: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'string') bad(`"${key}" harus tanggal YYYY-MM-DD`, `"${key}" must be a YYYY-MM-DD date`);
  checkDate(v, `"${key}"`);
}

function month(o: Obj, key: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'string') bad(`"${key}" harus berbentuk YYYY-MM`, `"${key}" must be written YYYY-MM`);
  checkPeriod(v, `"${key}"`);
}

function integer(o: Obj, key: string, min: number, max: number): void {
  const v = o[key];
  if (v === undefined) return;
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) bad(`"${key}" harus bilangan bulat ${min}–${max}`, `"${key}" must be an integer ${min}–${max}`);
}

function flag(o: Obj, key: string): void {
  if (o[key] !== undefined && typeof o[key] !== 'boolean') bad(`"${key}" harus true atau false`, `"${key}" must be true or false`);
}

function oneOf(o: Obj, key: string, values: readonly string[]): void {
  const v = o[key];
  if (v !== undefined && !values.includes(v as string)) bad(`"${key}" harus salah satu dari ${values.join(', ')}`, `"${key}" must be one of ${values.join(', ')}`);
}

function kind(o: Obj): void {
  oneOf(o, 'kind', IMPORT_KINDS as readonly ImportKind[]);
  if (o.kind === undefined) bad(`"kind" harus salah satu dari ${IMPORT_KINDS.join(', ')}`, `"kind" must be one of ${IMPORT_KINDS.join(', ')}`);
}

function recipe(v: unknown): void {
  if (v === undefined) return;
  const r = obj(v, 'mapping');
  if (r.headerRow !== undefined && !(Number.isInteger(r.headerRow) && (r.headerRow as number) >= 1)) {
    bad('"headerRow" harus bilangan bulat ≥ 1', '"headerRow" must be an integer ≥ 1');
  }
  if (r.headerRows !== undefined && !(Number.isInteger(r.headerRows) && (r.headerRows as number) >= 1 && (r.headerRows as number) <= 3)) {
    bad('"headerRows" harus 1, 2 atau 3', '"headerRows" must be 1, 2 or 3');
  }
  flag(r, 'header');
  oneOf(r, 'layout', LAYOUTS);
  const cols = obj(r.columns ?? {}, 'mapping.columns');
  for (const [k, c] of Object.entries(cols)) {
    const ok = (typeof c === 'string' && c.length > 0) || (Number.isInteger(c) && (c as number) >= 1);
    if (!ok) bad(`kolom untuk "${k}" harus nama judul kolom atau nomor kolom ≥ 1`, `the column for "${k}" must be a column header or a column number ≥ 1`);
  }
  if (r.constants !== undefined) {
    const c = obj(r.constants, 'mapping.constants');
    date(c, 'date');
    month(c, 'period');
  }
  if (r.values !== undefined) {
    for (const [field, codes] of Object.entries(obj(r.values, 'mapping.values'))) {
      for (const [code, value] of Object.entries(obj(codes, `mapping.values.${field}`))) {
        if (typeof value !== 'string' || code === '') bad(`"values.${field}" memetakan kode ke nilai teks`, `"values.${field}" maps codes to text values`);
      }
    }
  }
}

function fileReq(v: unknown): void {
  const f = obj(v, 'berkas');
  text(f, 'path');
  kind(f);
  text(f, 'agency', true);
  text(f, 'fileName', true);
  date(f, 'date');
  month(f, 'period');
  recipe(f.mapping);
  flag(f, 'saveRecipe');
}

/**
 * One profile of a profiles file: an object whose agency is a code or null, whose overrides and
 * rule switches are objects. The values themselves are the core's to judge (PROFILE_REFUSED); a
 * wrong shape reached DuckDB as an agency of 5 or {} and came back as an internal error.
 */
function profileEntry(v: unknown, i: number): void {
  const at = `"profiles[${i}]`;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(`${at}" harus berupa objek profil`, `${at}" must be a profile object`);
  const p = v as Obj;
  if (p.agency !== undefined && p.agency !== null && (typeof p.agency !== 'string' || p.agency.length === 0 || p.agency.length > 4096)) {
    bad(`${at}.agency" harus kode instansi (teks) atau null untuk profil nasional`, `${at}.agency" must be an agency code (text) or null for the national profile`);
  }
  for (const key of ['name', 'level', 'province']) {
    if (p[key] !== undefined && typeof p[key] !== 'string') bad(`${at}.${key}" harus berupa teks`, `${at}.${key}" must be text`);
  }
  if (p.overrides === undefined) return;
  if (typeof p.overrides !== 'object' || p.overrides === null || Array.isArray(p.overrides)) {
    bad(`${at}.overrides" harus berupa objek parameter`, `${at}.overrides" must be an object of parameters`);
  }
  const rules = (p.overrides as Obj).rules;
  if (rules === undefined) return;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)
    || !Object.values(rules).every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    bad(`${at}.overrides.rules" harus berbentuk {"LOK-01": {"enabled": true}}`, `${at}.overrides.rules" must look like {"LOK-01": {"enabled": true}}`);
  }
}

/** Where a workbook is written: a path or download name ending in .xlsx. */
function xlsxOut(o: Obj): void {
  text(o, 'out');
  if (!/\.xlsx$/i.test(o.out as string)) bad('"out" harus nama berkas .xlsx', '"out" must be an .xlsx file name');
}

/** A rule id is data (the core's rule list); its shape is all a request can be checked for. */
const RULE_ID = /^[A-Z]{3}-\d{2}$/;

/** The screens' filter: agency, unit, rule, from, to. */
function filter(body: unknown): Obj {
  const o = obj(body);
  text(o, 'agency', true);
  text(o, 'unit', true);
  if (o.rule !== undefined && !(typeof o.rule === 'string' && RULE_ID.test(o.rule))) bad('"rule" harus kode aturan seperti LOK-01', '"rule" must be a rule id such as LOK-01');
  date(o, 'from');
  date(o, 'to');
  return o;
}

const SORTS = ['agency', 'unit', 'rule', 'nip', 'name', 'period', 'status'] as const;

/** The screens' tables that download as a workbook (exportTable). */
const TABLES: readonly ExportTable[] = ['findings', 'unitEmployees'];

/** Request validators for the allow-listed methods; anything else is refused. */
export const VALIDATORS: { [M in MethodName]: (body: unknown) => void } = {
  importFiles(body) {
    const o = obj(body);
    if (!Array.isArray(o.files) || o.files.length === 0) bad('"files" harus daftar berkas yang tidak kosong', '"files" must be a non-empty list of files');
    o.files.forEach(fileReq);
  },
  previewImport: fileReq,
  listImports: (body) => obj(body),
  undoImport: (body) => text(obj(body), 'batch'),
  batchRejects(body) {
    const o = obj(body);
    text(o, 'batch');
    integer(o, 'offset', 0, Number.MAX_SAFE_INTEGER);
    integer(o, 'limit', 1, BATCH_REJECTS_PAGE_MAX);
    flag(o, 'nameSheet');
  },
  listRecipes: (body) => obj(body),
  listRules: (body) => obj(body),
  getProfile: (body) => text(obj(body), 'agency', true),
  setProfile(body) {
    const o = obj(body);
    text(o, 'agency', true);
    const set = obj(o.set, 'set');
    if (Object.keys(set).length === 0) bad('"set" tidak boleh kosong', '"set" must not be empty');
    for (const [k, v] of Object.entries(set)) if (typeof v !== 'string') bad(`nilai "${k}" harus teks`, `the value of "${k}" must be text`);
  },
  exportProfiles: (body) => obj(body),
  importProfiles(body) {
    const file = obj(obj(body).file, 'file');
    if (!Array.isArray(file.profiles)) bad('"file.profiles" harus daftar profil', '"file.profiles" must be a list of profiles');
    file.profiles.forEach(profileEntry);
  },
  runChecks(body) {
    const o = obj(body);
    text(o, 'agency', true);
    date(o, 'from');
    date(o, 'to');
  },
  runFindings(body) {
    const o = obj(body);
    text(o, 'run', false, 64);
    flag(o, 'resolved');
    integer(o, 'offset', 0, Number.MAX_SAFE_INTEGER);
    integer(o, 'limit', 1, RUN_FINDINGS_PAGE_MAX);
  },
  runNotes(body) {
    const o = obj(body);
    text(o, 'run', false, 64);
    text(o, 'note');
    oneOf(o, 'note', NOTE_KINDS);
    integer(o, 'offset', 0, Number.MAX_SAFE_INTEGER);
    integer(o, 'limit', 1, RUN_FINDINGS_PAGE_MAX);
  },
  compare(body) {
    const o = obj(body);
    text(o, 'agency', true);
    month(o, 'period');
  },
  exportWorkbook(body) {
    const o = obj(body);
    xlsxOut(o);
    for (const key of ['agency', 'unit']) text(o, key, true);
    date(o, 'from');
    date(o, 'to');
    if (o.pseudonymize !== undefined) {
      const p = obj(o.pseudonymize, 'pseudonymize');
      text(p, 'key');
      // A short key can be guessed, and with it every code turned back into a NIP.
      if ((p.key as string).length < MIN_KEY_LENGTH) bad(`kunci penyamaran minimal ${MIN_KEY_LENGTH} karakter`, `the pseudonymization key must be at least ${MIN_KEY_LENGTH} characters`);
    }
  },
  exportRejects(body) {
    const o = obj(body);
    const batches = o.batches;
    if (!Array.isArray(batches) || batches.length === 0 || !batches.every((b) => typeof b === 'string' && b.length > 0 && b.length <= 64)) {
      bad('"batches" harus daftar ID batch yang tidak kosong', '"batches" must be a non-empty list of batch ids');
    }
    // Listed twice, a batch's rows would be sent twice.
    if (new Set(batches).size !== batches.length) bad('"batches" menyebut batch yang sama lebih dari sekali', '"batches" names a batch more than once');
    xlsxOut(o);
  },
  exportTable(body) {
    const o = obj(body);
    xlsxOut(o);
    if (!TABLES.includes(o.table as ExportTable)) bad(`"table" harus salah satu dari ${TABLES.join(', ')}`, `"table" must be one of ${TABLES.join(', ')}`);
    // The screen's own request, checked as the screen's call is; a table is downloaded whole, never a page.
    const filter = obj(o.filter, 'filter');
    if (filter.offset !== undefined || filter.limit !== undefined) bad('"filter" tidak memuat offset atau limit: tabel diunduh utuh', '"filter" takes no offset or limit: the table is downloaded whole');
    VALIDATORS[o.table as ExportTable](filter);
  },
  saveRecipe(body) {
    const o = obj(body);
    text(o, 'agency');
    kind(o);
    recipe(o.recipe);
    if (o.recipe === undefined) bad('"recipe" wajib diisi', '"recipe" is required');
  },
  overview: filter,
  complianceGrid: filter,
  findings(body) {
    const o = filter(body);
    oneOf(o, 'status', ['new', 'open', 'resolved']);
    text(o, 'nip', true, 64);
    if (o.search !== undefined && (typeof o.search !== 'string' || o.search.length > 200)) bad('"search" harus teks pendek', '"search" must be short text');
    oneOf(o, 'sort', SORTS);
    flag(o, 'desc');
    integer(o, 'offset', 0, Number.MAX_SAFE_INTEGER);
    integer(o, 'limit', 1, 5000);
  },
  unitEmployees(body) {
    const o = filter(body);
    text(o, 'agency');
    text(o, 'unit');
    integer(o, 'offset', 0, Number.MAX_SAFE_INTEGER);
    integer(o, 'limit', 1, 5000);
  },
  employeeDays(body) {
    const o = obj(body);
    text(o, 'nip', false, 64);
    date(o, 'from');
    date(o, 'to');
  },
  listRecords(body) {
    const o = obj(body);
    kind(o);
    text(o, 'agency', true);
    text(o, 'nip', true, 64);
    date(o, 'from');
    date(o, 'to');
    integer(o, 'offset', 0, Number.MAX_SAFE_INTEGER);
    integer(o, 'limit', 1, RECORDS_PAGE_MAX);
  },
  loadSamples: (body) => obj(body),
  detectImport(body) {
    const o = obj(body);
    text(o, 'path');
    text(o, 'fileName', true, 1024);
    if (o.kind !== undefined) kind(o);
    recipe(o.mapping);
  },
};
