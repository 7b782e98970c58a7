import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError, messageIn } from '../../contract/errors.ts';
import {
  CONSTANT_SOURCE_LABELS, type FieldMapping, type MappingRecipe, type PreviewImportRequest,
  type PreviewImportResult,
} from '../../contract/import-types.ts';
import { CODE_LABELS, fieldLabel, kindLabel } from '../../contract/labels.ts';
import { quoteLiteral, type Db } from '../db/database.ts';
import { chooseLayout, stageCsv } from './csv-reader.ts';
import { DELIMITERS, splitRecords, type SampleRecord } from './csv-records.ts';
import { fixedLayout, fixedSampleRecords, textLines } from './fixed-reader.ts';
import { mapColumns, type ColumnMapping } from './header.ts';
import { checkMapping, dropStaging, mappingReport, needsAgency, normalisePart, removeSpools, type ImportEnv } from './import-file.ts';
import { ignoredReason } from './import-files.ts';
import { insertRejectsSql, PARSERS, skippedRowsSql, valuesMapped } from './import-sql.ts';
import { KINDS, type KindSpec } from './kinds.ts';
import { formatReject, formatSkip, type Lang } from './reasons.ts';
import { loadRecipe } from './recipes.ts';
import { decodeSample, fileSize, sniffFile, type Sniffed } from './sniff.ts';
import { stripMark, type FilePart } from './staging.ts';
import { detectLayout, findConstants, layoutFields, type FoundConstant } from './layouts/layout.ts';
import { previewXlsx, readXlsxParts } from './xlsx-reader.ts';

/** Data rows shown, first rows of the file shown for picking the header, data rows checked as the import would read them. */
const SHOWN_ROWS = 20;
const RAW_ROWS = 30;
export const CHECK_ROWS = 500;

type Texts = readonly [id: string, en: string];
const say = (lang: Lang, [id, en]: Texts) => (lang === 'en' ? en : id);
const fieldLabelIn = (lang: Lang, field: string) => fieldLabel(field, lang);


type RawRow = { row: number; cells: string[] };

interface Layout {
  delimiter: string | null;
  headerRow: number;
  /** How many rows the header spans (0: read without a header). */
  headerRows: number;
  headers: string[];
  keys: string[];
  rows: string[][];
  rowNumbers: number[];
  title?: string[][];
  sheet?: string;
  /** The mapping of a headerless file, by column number (csv-reader.ts, CsvLayout.headerless). */
  recipe?: MappingRecipe;
  /** A text file's: the physical line on which the header ends (0: none); the data follow it. */
  headerEnd?: number;
}

function previewCsv(text: string, spec: KindSpec, recipe: MappingRecipe | undefined, count: number): Layout | undefined {
  // The same choices, in the same order, as stageCsv (csv-reader.ts) makes them.
  const layout = chooseLayout(text, spec, recipe);
  const fixed = layout?.headerless ? undefined : fixedLayout(text, spec, recipe, layout);
  if (fixed) {
    const headers = fixed.labels.map((l) => l.text);
    const rows = fixedSampleRecords(text, fixed, count);
    return {
      delimiter: null, headerRow: fixed.line, headerRows: 1, headers, keys: headers, rows: rows.map((r) => r.cells), rowNumbers: rows.map((r) => r.line),
      title: textLines(text, fixed.line - 1).map((l) => [l.text]), headerEnd: fixed.line,
    };
  }
  if (!layout) return undefined;
  const { header } = layout;
  const first = header.index + header.height;
  // The header search split the first records only; detection asks for more rows than a preview shows.
  const records = first + count > layout.records.length ? splitRecords(text, layout.delimiter, first + count) : layout.records;
  const shown = records.slice(first, first + count);
  return {
    delimiter: layout.delimiter,
    // A headerless file (a device log) has no header row: 0, and its columns are mapped by number.
    headerRow: layout.headerless ? 0 : layout.records[header.index]!.startLine,
    headerRows: header.height,
    headers: header.headers,
    keys: header.keys,
    rows: shown.map((r) => r.cells),
    rowNumbers: shown.map((r) => r.startLine),
    title: layout.records.slice(0, header.index).map((r) => r.cells),
    recipe: layout.headerless,
    headerEnd: layout.headerEndLine,
  };
}

/** A text file's first records as they are, split by the delimiter that gives the widest rows (or by the layout's). */
function rawText(text: string, layout: Layout | undefined): RawRow[] {
  if (layout && layout.delimiter === null && !layout.recipe) {
    // Fixed-width text: each line is one cell.
    return textLines(text, RAW_ROWS).filter((l) => l.text.trim() !== '').map((l) => ({ row: l.line, cells: [l.text] }));
  }
  let best: SampleRecord[] = [];
  const width = (records: SampleRecord[]) => Math.max(0, ...records.map((r) => r.cells.length));
  for (const delimiter of layout?.delimiter ? [layout.delimiter] : DELIMITERS) {
    const records = splitRecords(text, delimiter, RAW_ROWS);
    if (width(records) > width(best)) best = records;
  }
  return best.map((r) => ({ row: r.startLine, cells: r.cells }));
}

interface Target {
  spec: KindSpec;
  recipe: MappingRecipe | undefined;
  /** The recipe the user or the agency gave (not a device log's own). */
  given: MappingRecipe | undefined;
}

type Ask = Omit<PreviewImportRequest, 'path' | 'fileName'>;

/** The date or month probe values: an option always wins, so these only tell whether one is missing. */
const PROBE = { date: '2000-01-01', period: '2000-01' };

/**
 * The values the file holds in no column, as the import will take them (findConstants, in the same
 * order: option, recipe, title, sheet, file name), and those it will need and finds nowhere.
 */
function constantsOf(spec: KindSpec, part: Parameters<typeof findConstants>[1], req: { path: string; fileName: string; date?: string; period?: string },
  recipe: MappingRecipe | undefined): { constants: Record<string, FoundConstant>; needs: ('date' | 'period')[] } {
  const attempt = (extra: { date?: string; period?: string }) => {
    try {
      return findConstants(spec, part, { req: { ...req, ...extra }, recipe }).constants;
    } catch (err) {
      if (err instanceof AppError) return undefined;
      throw err;
    }
  };
  const found = attempt({});
  if (found) return { constants: found, needs: [] };
  const withDate = attempt({ date: PROBE.date });
  const withPeriod = attempt({ period: PROBE.period });
  const needs: ('date' | 'period')[] = withDate ? ['date'] : withPeriod ? ['period'] : ['date', 'period'];
  const both = withDate ?? withPeriod ?? attempt(PROBE) ?? {};
  const constants = Object.fromEntries(Object.entries(both).filter(([field]) => !needs.includes(field as 'date' | 'period')));
  return { constants, needs };
}

/** Why the import would refuse the file for its mapping, in plain words (checkMapping's cases), or null. */
function mappingProblem(lang: Lang, spec: KindSpec, mapping: ColumnMapping, missing: string[], agency: string | null): string | null {
  const [gone] = mapping.absent;
  if (gone) {
    const column = typeof gone.column === 'number' ? say(lang, [`kolom ke-${gone.column}`, `column ${gone.column}`]) : `"${gone.column}"`;
    const label = fieldLabelIn(lang, gone.field);
    return say(lang, [`Kolom ${column} untuk ${label} yang disebut pemetaan tidak ada di berkas ini. Pilih kolom lain untuk ${label}.`,
      `Column ${column} for ${label}, named by the mapping, is not in this file. Choose another column for ${label}.`]);
  }
  if (missing.length) {
    const labels = missing.map((m) => fieldLabelIn(lang, m)).join(', ');
    return say(lang, [`Kolom wajib untuk ${kindLabel(spec.kind, lang)} belum ada: ${labels}. Pilih kolomnya pada pemetaan.`,
      `Required columns for ${kindLabel(spec.kind, lang)} are missing: ${labels}. Choose their columns in the mapping.`]);
  }
  if (!agency && spec.kind === 'survey' && mapping.columns.agency === undefined) {
    return say(lang, ['Berkas survei ini tidak memiliki kolom Instansi: pilih instansinya.', 'This survey file has no agency (Instansi) column: choose the agency.']);
  }
  return null;
}

/** A column's name in the report: its header, or "#N" (1-based) when it has none (as the import names it). */
function columnName(headers: string[], i: number): string {
  const h = stripMark(headers[i] ?? '').trim();
  return h === '' ? `#${i + 1}` : h;
}

interface Context {
  sniffed: Sniffed;
  fileName: string;
  path: string;
  lang: Lang;
  agency: string | null;
  date?: string;
  period?: string;
}

function previewOf(ctx: Context, layout: Layout, { spec, recipe, given }: Target): PreviewImportResult {
  const { lang } = ctx;
  const used = layout.recipe ?? recipe;
  const mapping = mapColumns(layout.headers, spec, used, layout.keys);
  const part = { headers: layout.headers, mapping, title: layout.title, sheet: layout.sheet ?? null };
  const found = detectLayout(spec, part, used);
  const supplied = layoutFields(found);
  const notes: string[] = [];
  // The date or month the import will take from an option, the recipe, the title or the names, said before it is taken.
  const { constants, needs } = constantsOf(spec, part, { path: ctx.path, fileName: ctx.fileName, date: ctx.date, period: ctx.period }, recipe);
  for (const [field, c] of Object.entries(constants)) {
    supplied.push(field === 'period' ? 'year/period' : field);
    const source = say(lang, CONSTANT_SOURCE_LABELS[c.from]);
    notes.push(field === 'date' ? say(lang, [`Tanggal ${c.value} diambil dari ${source}.`, `Date ${c.value} taken from ${source}.`])
      : say(lang, [`Bulan ${c.value} diambil dari ${source}.`, `Month ${c.value} taken from ${source}.`]));
  }
  for (const need of needs) {
    supplied.push(need === 'period' ? 'year/period' : need);
    notes.push(need === 'date'
      ? say(lang, ['Tanggal data tidak ada di berkas (tidak di kolom, judul, nama lembar maupun nama berkas): isikan tanggalnya.',
        'The date of the data is not in the file (no column, title, sheet name or file name gives it): enter the date.'])
      : say(lang, ['Bulan data tidak ada di berkas (tidak di kolom, judul, nama lembar maupun nama berkas): isikan bulannya.',
        'The month of the data is not in the file (no column, title, sheet name or file name gives it): enter the month.']));
  }
  const missing = mapping.missing.filter((m) => !supplied.includes(m));
  // detect.ts reads "Kolom wajib" at the start of this warning.
  const missingNote = missing.length
    ? [say(lang, [`Kolom wajib belum dipetakan: ${missing.map((m) => fieldLabelIn(lang, m)).join(', ')}.`,
      `Required columns not mapped yet: ${missing.map((m) => fieldLabelIn(lang, m)).join(', ')}.`])]
    : [];
  const fromRecipe = new Set(Object.keys((layout.recipe && layout.recipe !== given ? undefined : used)?.columns ?? {})
    .filter((f) => !mapping.absent.some((a) => a.field === f)));
  const fields: FieldMapping[] = spec.fields.map((f) => {
    const column = mapping.columns[f.name] ?? null;
    return {
      field: f.name,
      required: Boolean(f.required) && !supplied.includes(f.name) && (f.orField === undefined || mapping.columns[f.orField] === undefined),
      column,
      from: column === null ? null : fromRecipe.has(f.name) ? 'recipe' : 'guess',
    };
  });
  const report = Object.fromEntries(Object.entries(mapping.columns).map(([field, i]) => [field, columnName(layout.headers, i)]));
  const ignored = mapping.ignored.map((x) => ({
    column: columnName(layout.headers, x.column),
    reason: ignoredReason(lang, { column: columnName(layout.headers, x.column), code: x.reason, field: x.field }, report),
    field: x.field,
  }));
  return {
    format: ctx.sniffed.format,
    encoding: ctx.sniffed.encoding,
    delimiter: layout.delimiter,
    headerRow: layout.headerRow,
    headers: layout.headers.map((h) => stripMark(h).trim()),
    fields,
    layout: found,
    rows: layout.rows.map((r) => r.map(stripMark)),
    recipeUsed: recipe !== undefined,
    warnings: [...missingNote, ...notes],
    raw: [],
    headerFound: true,
    headerRows: layout.headerRows,
    sheet: layout.sheet ?? null,
    rowNumbers: layout.rowNumbers,
    constants,
    needs,
    ignored,
    unknownValues: [],
    rowIssues: [],
    checked: { rows: 0, wholeFile: false },
    problem: mappingProblem(lang, spec, mapping, missing, ctx.agency),
  };
}

/** What a file is when no header row of the kind was found: its first rows, and what to do. */
function noHeader(ctx: Context, { spec, recipe }: Target, sheet: string | null): PreviewImportResult {
  const { lang } = ctx;
  const kind = kindLabel(spec.kind, lang);
  const problem = recipe?.headerRow !== undefined
    ? say(lang, [`Baris ${recipe.headerRow} tidak berisi judul kolom yang dikenali untuk ${kind}. Pilih baris judul kolom yang lain, atau pilih kolomnya sendiri pada pemetaan.`,
      `Row ${recipe.headerRow} holds no column header known for ${kind}. Pick another header row, or choose the columns yourself in the mapping.`])
    : say(lang, [`Baris judul kolom untuk ${kind} tidak ditemukan di 30 baris pertama berkas. Pilih baris judul kolomnya dari baris-baris pertama berkas, lalu pilih kolomnya pada pemetaan.`,
      `No column header row for ${kind} was found in the first 30 rows of the file. Pick the header row among the file's first rows, then choose the columns in the mapping.`]);
  return {
    format: ctx.sniffed.format, encoding: ctx.sniffed.encoding, delimiter: null, headerRow: 0, headers: [],
    fields: spec.fields.map((f) => ({ field: f.name, required: Boolean(f.required), column: null, from: null })),
    layout: recipe?.layout ?? 'rows', rows: [], recipeUsed: recipe !== undefined, warnings: [], raw: [], headerFound: false, headerRows: 0,
    sheet, rowNumbers: [], constants: {}, needs: [], ignored: [], unknownValues: [], rowIssues: [], checked: { rows: 0, wholeFile: false }, problem,
  };
}

interface Read {
  ctx: Context;
  targets: Target[];
  layouts: (Layout | undefined)[];
  /** Per target, the file's first rows as they are (of the sheet shown). */
  raws: RawRow[][];
  /** Per target, the sheet shown. */
  sheets: (string | null)[];
  hidden: string[];
  firstRows: string[][];
}

async function readFile(db: Db, path: string, asks: Ask[], fileName: string, lang: Lang, rows: number, extra: Partial<Context> = {}): Promise<Read> {
  const targets: Target[] = [];
  for (const ask of asks) {
    const stored = ask.agency ? await loadRecipe(db, ask.agency, ask.kind) : undefined;
    const recipe = ask.mapping ?? stored;
    targets.push({ spec: KINDS[ask.kind], recipe, given: recipe });
  }
  const sniffed = await sniffFile(path, await fileSize(path));
  const ctx: Context = { sniffed, fileName, path, lang, agency: null, ...extra };
  if (sniffed.format === 'xlsx') {
    const read = await previewXlsx(path, targets, rows);
    const layouts = read.sheets.map((s): Layout | undefined => (s ? {
      delimiter: null, headerRow: s.headerRow, headerRows: s.headerRows, headers: s.headers, keys: s.keys, rows: s.rows,
      rowNumbers: s.rowNumbers ?? [], title: s.title, sheet: s.sheet,
    } : undefined));
    const raw = (s: (typeof read.sheets)[number]) => (s?.raw ?? read.first?.raw ?? []).slice(0, RAW_ROWS);
    return {
      ctx, targets, layouts, raws: read.sheets.map(raw), sheets: read.sheets.map((s) => s?.sheet ?? read.first?.sheet ?? null),
      hidden: read.hidden, firstRows: read.firstRows,
    };
  }
  const text = decodeSample(sniffed);
  const layouts = targets.map((t) => previewCsv(text, t.spec, t.recipe, rows));
  return {
    ctx, targets, layouts, raws: layouts.map((l) => rawText(text, l)), sheets: layouts.map(() => null), hidden: [],
    firstRows: splitRecords(text, ',', 5).map((r) => r.cells),
  };
}

function withRaw(result: PreviewImportResult, raw: RawRow[]): PreviewImportResult {
  return { ...result, raw: raw.map((r) => ({ row: r.row, cells: r.cells.map((c) => stripMark(c)) })) };
}

/**
 * What the import dialog shows before anything is stored, for each kind asked (detection asks for
 * every kind, and the file is read once): layout, guessed mapping, first rows; null for a kind
 * whose header row is not found. `firstRows` are the file's first rows, for saying so. `rows`:
 * the data rows each preview holds (detection reads more of them for its agency suggestion). The
 * rows are not checked here (see previewImport).
 */
export async function previewKinds(
  db: Db,
  path: string,
  asks: Ask[],
  fileName = basename(path),
  rows = SHOWN_ROWS,
  lang: Lang = 'id',
): Promise<{ previews: (PreviewImportResult | null)[]; firstRows: string[][] }> {
  const read = await readFile(db, path, asks, fileName, lang, rows);
  const previews = read.layouts.map((layout, i) => (layout ? withRaw(previewOf(read.ctx, layout, read.targets[i]!), read.raws[i]!) : null));
  return { previews, firstRows: read.firstRows };
}

/**
 * The preview of one file as one kind, for the import wizard: everything previewKinds shows, the
 * file's first rows for picking the header, and the head of the file read, checked and normalised
 * exactly as the import would (checkRows), so that the rows it would reject or skip and the codes
 * no vocabulary knows are shown before anything is stored. A file whose header is not found is no
 * error here: `headerFound` is false and `problem` says what to do.
 */
export async function previewImport(env: ImportEnv, req: PreviewImportRequest): Promise<PreviewImportResult> {
  const lang = env.lang ?? 'id';
  const agency = req.agency?.trim() || null;
  const fileName = req.fileName ?? basename(req.path);
  const read = await readFile(env.db, req.path, [req], fileName, lang, SHOWN_ROWS, { agency, date: req.date, period: req.period });
  const [layout] = read.layouts;
  const target = read.targets[0]!;
  const raw = read.raws[0]!;
  if (!layout) return withRaw(noHeader(read.ctx, target, read.sheets[0]!), raw);
  const preview = withRaw(previewOf(read.ctx, layout, target), raw);
  const hidden = read.hidden.map((sheet) => ({ column: sheet, reason: ignoredReason(lang, { column: sheet, code: 'HIDDEN_SHEET' }, {}) }));
  preview.ignored.push(...hidden);
  // Rows are checked as the import will read them: with the agency (its roster resolves PINs, and a
  // row without one is rejected) and the date or month. Until the user gives them, nothing is flagged.
  if (preview.problem !== null || preview.needs.length > 0 || (agency === null && needsAgency(KINDS[req.kind]))) return preview;
  const check = await checkRows(env, { ...req, fileName, agency }, read.ctx.sniffed, target, layout);
  return { ...preview, ...check };
}

/** Which code fields hold values no vocabulary knows: codes, not free text, numbers or dates. */
const isCode = (parser: keyof typeof PARSERS) => PARSERS[parser].error?.endsWith('_UNKNOWN') === true;

/**
 * The canonical values a code field takes, as a value map may name them: the labelled codes
 * (contract/labels.ts) that the field's own parser reads back as themselves.
 */
async function choicesOf(db: Db, parser: keyof typeof PARSERS): Promise<string[]> {
  const codes = Object.keys(CODE_LABELS);
  const read = await db.all<{ k: string }>(`SELECT k FROM (SELECT unnest([${codes.map(quoteLiteral).join(', ')}]) AS k)
WHERE CAST(${PARSERS[parser].value('k')} AS VARCHAR) = k`);
  const known = new Set(read.map((r) => r.k));
  return codes.filter((c) => known.has(c));
}

/** Skips of a whole row (not of one day cell): their cells are no data, so their codes are not counted. */
const ROW_SKIPS = ['TOTAL', 'SIGNATURE', 'REPEATED_HEADER', 'UNLABELLED_TOTAL'];

/** The SELECT of one of the import's INSERT … SELECT statements, so the preview reads what the import would store. */
function selectOf(insert: string, columns: string): string {
  const select = insert.replace(/^\s*INSERT INTO \w+ \([^)]*\)\s*/, '');
  if (select === insert) throw new Error(`preview: not an INSERT … SELECT: ${insert.slice(0, 60)}`);
  return `SELECT * FROM (${select}) AS t(${columns})`;
}

type CheckReq = Omit<PreviewImportRequest, 'agency'> & { fileName: string; agency: string | null };
type Check = Pick<PreviewImportResult, 'rowIssues' | 'unknownValues' | 'checked' | 'problem'>;

/**
 * The head of the file (CHECK_ROWS data rows) staged, planned and normalised as importFile does it
 * (stageCsv or readXlsxParts → checkMapping → normalisePart: plan, normalise, signature and
 * duplicate marks), then its rejects, skips and unknown codes read back. Nothing is stored: no
 * batch number is taken, the temp tables are dropped and the temp files removed, also on error.
 */
async function checkRows(env: ImportEnv, req: CheckReq, sniffed: Sniffed, { spec, recipe }: Target, layout: Layout): Promise<Check> {
  const { db } = env;
  const lang = env.lang ?? 'id';
  const tmpBase = join(env.tmpDir, `pantau-preview-${process.pid}-${Date.now()}`);
  const norm = 'norm_preview';
  try {
    let part: FilePart | undefined;
    let wholeFile: boolean;
    if (sniffed.format === 'xlsx') {
      const file = await readXlsxParts(db, req.path, spec, recipe, { spoolBase: tmpBase, fileName: req.fileName, rowLimit: CHECK_ROWS });
      part = file.parts[0];
      wholeFile = file.complete && file.parts.length === 1;
    } else {
      // The file's first lines up to a record boundary: row numbers stay the file's.
      const cut = await headCut(req.path, sniffed, layout.headerEnd ?? 0, CHECK_ROWS, layout.delimiter);
      const path = cut === null ? req.path : await copyHead(req.path, cut, `${tmpBase}-head.txt`);
      wholeFile = cut === null;
      const staged = await stageCsv(db, path, sniffed, spec, recipe, `${tmpBase}.csv`);
      part = { sheet: null, load: async () => staged };
    }
    if (!part) return { rowIssues: [], unknownValues: [], checked: { rows: 0, wholeFile: false }, problem: null };
    const staged = await part.load();
    const found = detectLayout(spec, staged, recipe);
    try {
      checkMapping(spec, staged, req.agency, found, req.mapping === undefined);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { rowIssues: [], unknownValues: [], checked: { rows: 0, wholeFile: false }, problem: messageIn(lang, err) };
    }
    const profile = await env.profile(req.agency);
    const plan = await normalisePart(env, { spec, staged, req, recipe, agency: req.agency, profile }, norm);

    // The reasons as batchRejects and batchSkips give them for the stored batch (the sheet named in `sheet`).
    const report = mappingReport(staged);
    type Reject = { row_no: number; column_name: string; value: string | null; code: string; detail: string | null };
    const rejects = [
      ...(await db.all<Reject>('SELECT row_no, column_name, value, code, detail FROM stg_rejects')),
      ...(await db.all<Reject>(selectOf(insertRejectsSql(norm), 'batch_id, row_no, column_name, value, code, detail'), { batch: '' })),
    ];
    const skips = await db.all<{ row_no: number; code: string }>(selectOf(skippedRowsSql(norm), 'batch_id, row_no, code'), { batch: '' });
    const sheet = staged.sheet;
    const rowIssues: PreviewImportResult['rowIssues'] = [
      ...rejects.map((r) => {
        const column = r.column_name === '_row' ? '' : report[r.column_name] || r.column_name;
        return { row: r.row_no, sheet, column, value: r.value, reason: formatReject(lang, r.row_no, column, r.value, r.code, r.detail), skipped: false };
      }),
      ...skips.map((s) => ({ row: s.row_no, sheet, column: '', value: null, reason: formatSkip(lang, s.row_no, s.code, null), skipped: true })),
    ].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));

    // Codes no vocabulary knows (after the recipe's `values`), counted over every checked row that holds them.
    const unknownValues: PreviewImportResult['unknownValues'] = [];
    const { source } = plan;
    for (const field of spec.fields) {
      const cell = source.fields[field.name];
      if (cell === undefined || !isCode(field.parser)) continue;
      const mapped = valuesMapped(cell, recipe?.values?.[field.name]);
      const rows = await db.all<{ value: string; n: number }>(
        `SELECT pt_text(${cell}) AS value, CAST(sum(${source.weight ?? '1'}) AS INTEGER) AS n
FROM ${source.table} stg ${source.rowNo.join}
WHERE pt_text(${mapped}) IS NOT NULL AND ${PARSERS[field.parser].value(mapped)} IS NULL
  AND ${source.rowNo.expr} NOT IN (SELECT row_no FROM ${norm} WHERE skip IN (${ROW_SKIPS.map((s) => `'${s}'`).join(', ')}) AND row_no IS NOT NULL)
GROUP BY 1
ORDER BY n DESC, value`);
      if (rows.length === 0) continue;
      const i = staged.mapping.columns[field.name];
      const column = i !== undefined ? columnName(staged.headers, i) : say(lang, ['kolom per hari', 'day columns']);
      unknownValues.push({ field: field.name, column, values: rows.map((r) => ({ value: r.value, rows: Number(r.n) })), choices: await choicesOf(db, field.parser) });
    }
    return { rowIssues, unknownValues, checked: { rows: staged.records, wholeFile }, problem: null };
  } catch (err) {
    // A file the import would refuse while reading (too few records loaded, a damaged sheet): said, not thrown.
    if (!(err instanceof AppError)) throw err;
    return { rowIssues: [], unknownValues: [], checked: { rows: 0, wholeFile: false }, problem: messageIn(lang, err) };
  } finally {
    await dropStaging(db).catch(() => undefined);
    await db.run(`DROP TABLE IF EXISTS ${norm}`).catch(() => undefined);
    await removeSpools(tmpBase);
  }
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

/** Bytes looked through for the cut; past them the cut is made at the last line end seen. */
const CUT_SCAN_BYTES = 64 << 20;

/**
 * The byte offset at which the file's head ends: the end of the record that completes `rows` data
 * records after line `headerEnd`, outside quotes (a quote opens a field only at its start, `""` is
 * one quote, CR, LF and CRLF each end a line: as csv-scan.ts reads it). Null when the file holds no
 * more than that: it is checked whole. A fixed-width file (no delimiter) is cut by lines.
 */
async function headCut(path: string, sniffed: Sniffed, headerEnd: number, rows: number, delimiter: string | null): Promise<number | null> {
  const encoding = sniffed.encoding ?? 'utf-8';
  const wide = encoding.startsWith('utf-16');
  const big = encoding === 'utf-16be';
  const step = wide ? 2 : 1;
  const delim = delimiter === null ? -1 : delimiter.charCodeAt(0);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let offset = sniffed.bom;
    let line = 1;
    let quoted = false;
    let quoteInQuoted = false;
    let fieldStart = true;
    let content = false;
    let data = 0;
    let lastLineEnd = -1;
    let prev = -1;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      const usable = bytesRead - (bytesRead % step);
      if (usable === 0) return null;
      for (let i = 0; i < usable; i += step) {
        const u = wide ? (big ? (buffer[i]! << 8) | buffer[i + 1]! : buffer[i]! | (buffer[i + 1]! << 8)) : buffer[i]!;
        const at = offset + i;
        const crlf = u === LF && prev === CR;
        prev = u;
        if (quoted) {
          if (quoteInQuoted) {
            quoteInQuoted = false;
            if (u === QUOTE) continue;
            quoted = false;
            fieldStart = false;
            // falls through: the byte after a closing quote is read as outside quotes
          } else {
            if (u === QUOTE) quoteInQuoted = true;
            else if ((u === LF && !crlf) || u === CR) line++;
            continue;
          }
        }
        if (u === LF || u === CR) {
          if (crlf) continue;
          lastLineEnd = at;
          if (content && line > headerEnd && ++data >= rows) return at;
          line++;
          content = false;
          fieldStart = true;
          continue;
        }
        if (delimiter !== null && u === QUOTE && fieldStart) {
          quoted = true;
          content = true;
          continue;
        }
        if (u === delim) {
          fieldStart = true;
          continue;
        }
        if (u !== SPACE && u !== TAB) {
          content = true;
          fieldStart = false;
        }
      }
      offset += usable;
      if (offset - sniffed.bom > CUT_SCAN_BYTES && lastLineEnd > 0) return lastLineEnd;
    }
  } finally {
    await handle.close();
  }
}

/** The file's first `end` bytes, copied where the import stages its files. */
async function copyHead(path: string, end: number, to: string): Promise<string> {
  if (end === 0) throw new Error('preview: empty head');
  await pipeline(createReadStream(path, { start: 0, end: end - 1 }), createWriteStream(to));
  return to;
}
