import { AppError } from './errors.ts';
import { IMPORT_KINDS, type ImportKind, type MappingRecipe } from './import-types.ts';
import type { MethodName } from './api.ts';
import { VIEW_VALIDATORS } from './validate-views.ts';

type Obj = Record<string, unknown>;

export const MIN_KEY_LENGTH = 8;

function bad(message: string, messageEn?: string): never {
  throw new AppError('BAD_REQUEST', message, messageEn);
}

function obj(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(`${what} harus berupa objek`, `${{ permintaan: 'the request', berkas: 'each file' }[what] ?? what} must be an object`);
  return v as Obj;
}

function str(o: Obj, key: string, optional = false): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || v.length === 0 || v.length > 4096) bad(`"${key}" harus berupa teks`, `"${key}" must be text`);
}

function kind(o: Obj): void {
  if (!IMPORT_KINDS.includes(o.kind as ImportKind)) bad(`"kind" harus salah satu dari ${IMPORT_KINDS.join(', ')}`, `"kind" must be one of ${IMPORT_KINDS.join(', ')}`);
}

function recipe(v: unknown): void {
  if (v === undefined) return;
  const r = obj(v, 'mapping');
  if (r.headerRow !== undefined && !(Number.isInteger(r.headerRow) && (r.headerRow as number) >= 1)) {
    bad('"headerRow" harus bilangan bulat ≥ 1', '"headerRow" must be an integer ≥ 1');
  }
  const cols = obj(r.columns, 'mapping.columns');
  for (const [k, c] of Object.entries(cols)) {
    const ok = (typeof c === 'string' && c.length > 0) || (Number.isInteger(c) && (c as number) >= 1);
    if (!ok) bad(`kolom untuk "${k}" harus nama judul kolom atau nomor kolom ≥ 1`, `the column for "${k}" must be a column header or a column number ≥ 1`);
  }
}

function fileReq(v: unknown): void {
  const f = obj(v, 'berkas');
  str(f, 'path');
  kind(f);
  str(f, 'agency', true);
  str(f, 'fileName', true);
  recipe(f.mapping as MappingRecipe | undefined);
}

/** Request validators for the allow-listed methods; anything else is refused. */
export const VALIDATORS: { [M in MethodName]: (body: unknown) => void } = {
  importFiles(body) {
    const o = obj(body, 'permintaan');
    if (!Array.isArray(o.files) || o.files.length === 0) bad('"files" harus daftar berkas yang tidak kosong', '"files" must be a non-empty list of files');
    o.files.forEach(fileReq);
  },
  previewImport(body) {
    fileReq(body);
  },
  listImports(body) {
    obj(body, 'permintaan');
  },
  undoImport(body) {
    str(obj(body, 'permintaan'), 'batch');
  },
  batchRejects(body) {
    str(obj(body, 'permintaan'), 'batch');
  },
  listRecipes(body) {
    obj(body, 'permintaan');
  },
  listRules(body) {
    obj(body, 'permintaan');
  },
  getProfile(body) {
    str(obj(body, 'permintaan'), 'agency', true);
  },
  setProfile(body) {
    const o = obj(body, 'permintaan');
    str(o, 'agency', true);
    const set = obj(o.set, 'set');
    if (Object.keys(set).length === 0) bad('"set" tidak boleh kosong', '"set" must not be empty');
    for (const [k, v] of Object.entries(set)) if (typeof v !== 'string') bad(`nilai "${k}" harus teks`, `the value of "${k}" must be text`);
  },
  exportProfiles(body) {
    obj(body, 'permintaan');
  },
  importProfiles(body) {
    const file = obj(obj(body, 'permintaan').file, 'file');
    if (!Array.isArray(file.profiles)) bad('"file.profiles" harus daftar profil', '"file.profiles" must be a list of profiles');
  },
  runChecks(body) {
    const o = obj(body, 'permintaan');
    str(o, 'agency', true);
    str(o, 'from', true);
    str(o, 'to', true);
  },
  ...VIEW_VALIDATORS,
  compare(body) {
    const o = obj(body, 'permintaan');
    str(o, 'agency', true);
    str(o, 'period', true);
  },
  exportWorkbook(body) {
    const o = obj(body, 'permintaan');
    str(o, 'out');
    if (!/\.xlsx$/i.test(o.out as string)) bad('"out" harus nama berkas .xlsx', '"out" must be an .xlsx file name');
    for (const key of ['agency', 'unit', 'from', 'to']) str(o, key, true);
    if (o.pseudonymize !== undefined) {
      const p = obj(o.pseudonymize, 'pseudonymize');
      str(p, 'key');
      // A short key can be guessed, and with it every code turned back into a NIP.
      if ((p.key as string).length < MIN_KEY_LENGTH) bad(`kunci penyamaran minimal ${MIN_KEY_LENGTH} karakter`, `the pseudonymization key must be at least ${MIN_KEY_LENGTH} characters`);
    }
  },
  saveRecipe(body) {
    const o = obj(body, 'permintaan');
    str(o, 'agency');
    kind(o);
    recipe(o.recipe);
    if (o.recipe === undefined) bad('"recipe" wajib diisi', '"recipe" is required');
  },
};
