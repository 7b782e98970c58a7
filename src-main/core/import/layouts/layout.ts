import { AppError } from '../../../contract/errors.ts';
import { CONSTANT_SOURCE_LABELS, type ConstantSource, type ImportFileRequest, type LayoutId, type MappingRecipe } from '../../../contract/import-types.ts';
import type { Db } from '../../db/database.ts';
import { filledCellsSql, rowNoSql, stagedSource, withPins, type FieldConstants, type FieldSource } from '../import-sql.ts';
import type { KindSpec } from '../kinds.ts';
import type { Staged } from '../staging.ts';
import { scansSource } from './scans.ts';
import { dayColumns, MONTH_NAME_ID, titleDate, titleLines, titleMonth, WIDE_MIN_DAYS, ymText, type YearMonth } from './title.ts';
import { wideSource } from './wide.ts';

/** A value the file holds in no column, and where it came from (the import report's `constants`). */
export interface FoundConstant {
  value: string;
  from: ConstantSource;
}

export interface PartPlan {
  layout: LayoutId;
  source: FieldSource;
  constants: Record<string, FoundConstant>;
}

/** What a layout reads besides the staged part. */
export interface LayoutContext {
  db: Db;
  spec: KindSpec;
  staged: Staged;
  /** The month of a wide sheet's day columns when they are day numbers. */
  month?: YearMonth;
  /** Scans before this wall-clock time (HH:MM) belong to the day before. */
  dayStartsAt: string;
}

/** Wide: enough day columns, and no date column. */
const looksWide = (spec: KindSpec, staged: Pick<Staged, 'headers' | 'mapping'>) =>
  spec.kind === 'attendance' && staged.mapping.columns.date === undefined && dayColumns(staged.headers).length >= WIDE_MIN_DAYS;

/** Scans: a clock-event column and no check-in or check-out column. */
const looksScans = (spec: KindSpec, staged: Pick<Staged, 'mapping'>) =>
  spec.kind === 'attendance' && staged.mapping.columns.scanTime !== undefined
  && staged.mapping.columns.checkIn === undefined && staged.mapping.columns.checkOut === undefined;

export function detectLayout(spec: KindSpec, staged: Pick<Staged, 'headers' | 'mapping'> & { layout?: Staged['layout'] }, recipe: MappingRecipe | undefined): LayoutId {
  if (recipe?.layout) return recipe.layout;
  if (staged.layout) return staged.layout;
  if (looksWide(spec, staged)) return 'wide';
  if (looksScans(spec, staged)) return 'scans';
  return 'rows';
}

/** The fields a layout supplies itself, so a file of that layout needs no column for them. */
export function layoutFields(layout: LayoutId): string[] {
  if (layout === 'wide') return ['date'];
  if (layout === 'scans') return ['date'];
  return [];
}

interface Where {
  req: Pick<ImportFileRequest, 'period' | 'date' | 'fileName' | 'path'>;
  recipe: MappingRecipe | undefined;
}

/** Where the date or month is looked for, in order: option, recipe, title block, sheet name, file name. */
function lookFor<T>(staged: Pick<Staged, 'title' | 'sheet'>, { req, recipe }: Where, option: string | undefined, fromRecipe: string | undefined,
  read: (lines: string[]) => T | undefined): { value: T | string; from: ConstantSource } | undefined {
  if (option) return { value: option, from: 'option' };
  if (fromRecipe) return { value: fromRecipe, from: 'recipe' };
  const title = read(titleLines(staged.title ?? []));
  if (title !== undefined) return { value: title, from: 'title' };
  if (staged.sheet) {
    const sheet = read([staged.sheet]);
    if (sheet !== undefined) return { value: sheet, from: 'sheet' };
  }
  const name = (req.fileName ?? req.path).split(/[\\/]/).pop()!;
  const file = read([name.replace(/\.[a-z0-9]+$/i, '')]);
  if (file !== undefined) return { value: file, from: 'file name' };
  return undefined;
}


function refuseConstant(field: 'date' | 'period', staged: Pick<Staged, 'sheet'>): never {
  const where = staged.sheet ? ` (lembar ${staged.sheet})` : '';
  const whereEn = staged.sheet ? ` (sheet ${staged.sheet})` : '';
  if (field === 'date') {
    throw new AppError('IMPORT_FAILED',
      `Tanggal data tidak ditemukan${where}: tidak ada kolom tanggal, dan judul, nama lembar maupun nama berkas tidak menyebut tanggal. ` +
        `Beri tanggalnya dengan --date YYYY-MM-DD (atau "constants": {"date": "YYYY-MM-DD"} dalam resep).`,
      `The date of the data was not found${whereEn}: there is no date column, and neither the title, the sheet name nor the file name gives a date. ` +
        `Give it with --date YYYY-MM-DD (or "constants": {"date": "YYYY-MM-DD"} in the recipe).`);
  }
  throw new AppError('IMPORT_FAILED',
    `Bulan data tidak ditemukan${where}: tidak ada kolom periode, dan judul, nama lembar maupun nama berkas tidak menyebut bulan. ` +
      `Beri bulannya dengan --period YYYY-MM (atau "constants": {"period": "YYYY-MM"} dalam resep).`,
    `The month of the data was not found${whereEn}: there is no period column, and neither the title, the sheet name nor the file name gives a month. ` +
      `Give it with --period YYYY-MM (or "constants": {"period": "YYYY-MM"} in the recipe).`);
}

/**
 * How one part is read: its layout, the source of its fields, and the values it holds in no column
 * (a daily sheet's date, a wide sheet's or a performance file's month), each with where it came from.
 */
export async function planPart(db: Db, spec: KindSpec, staged: Staged, where: Where, dayStartsAt: string): Promise<PartPlan> {
  const { layout, constants, fieldConstants, month } = findConstants(spec, staged, where);
  await refuseSecondBlock(db, staged, constants);
  const ctx: LayoutContext = { db, spec, staged, month, dayStartsAt };
  let source: FieldSource;
  if (layout === 'wide') source = withPins(await wideSource(ctx), staged);
  // A scan log resolves PINs itself, scan by scan, before it groups the scans into days.
  else if (layout === 'scans') source = await scansSource(ctx);
  else source = stagedSource(staged, fieldConstants);
  return { layout, source, constants };
}

/**
 * A part read under one date or month taken from its title, sheet name or file name holds one date
 * or month. A sheet of several blocks, each under a title of its own (`Tanggal : 14 Oktober 2025`,
 * `REKAP ABSENSI BULAN OKTOBER 2025`, then the header again), would file every block under the first
 * title's: such a title among the rows refuses the part. It is a row without a key (digits) and with at most
 * three cells, with data rows after it (a signature's "Bogor, 5 November 2025" comes last), that
 * names another date or month. An import option or a recipe's constant is the user's word for the
 * whole part and is not second-guessed.
 */
async function refuseSecondBlock(db: Db, staged: Staged, constants: Record<string, FoundConstant>): Promise<void> {
  const guessed = (['date', 'period'] as const).filter((f) => constants[f] && !['option', 'recipe'].includes(constants[f].from));
  const key = staged.mapping.columns.nip ?? staged.mapping.columns.pin;
  if (guessed.length === 0 || key === undefined || staged.headers.length === 0) return;
  const rowNo = rowNoSql(staged);
  const titles = await db.all<{ row_no: number; cells: string[] }>(`
WITH r AS (
  -- A title may stand in the key's column: a key is one that reads as digits.
  SELECT ${rowNo.expr} AS row_no, coalesce(regexp_full_match(pt_nip(stg.c${key}), '[0-9]+'), false) AS keyed, ${filledCellsSql(staged.headers.map((_, i) => `stg.c${i}`))} AS cells
  FROM stg ${rowNo.join}
)
SELECT row_no, cells
FROM r
WHERE NOT keyed AND len(cells) BETWEEN 1 AND 3 AND row_no < (SELECT max(row_no) FROM r WHERE keyed)
ORDER BY row_no`);
  for (const { row_no: row, cells } of titles) {
    const lines = titleLines([cells]);
    for (const field of guessed) {
      const month = field === 'period' ? titleMonth(lines) : undefined;
      const named = field === 'date' ? titleDate(lines) : month && ymText(month);
      const found = constants[field]!;
      if (named === undefined || named === found.value) continue;
      const [fromId, fromEn] = CONSTANT_SOURCE_LABELS[found.from];
      const [what, whatEn] = field === 'date' ? ['tanggal', 'date'] : ['bulan', 'month'];
      const where = staged.sheet ? `lembar ${staged.sheet}, ` : '';
      const whereEn = staged.sheet ? `sheet ${staged.sheet}, ` : '';
      throw new AppError('IMPORT_FAILED',
        `${where}baris ${row}: "${cells.join(' ')}" menyebut ${what} ${named}, padahal ${what} data lembar ini dibaca dari ${fromId}: ${found.value}. ` +
          `Baris di bawahnya akan tercatat pada ${what} yang salah. Pisahkan tiap blok ke lembar atau berkas sendiri, lalu impor lagi. Tidak ada yang disimpan dari berkas ini.`,
        `${whereEn}row ${row}: "${cells.join(' ')}" names the ${whatEn} ${named}, but this sheet's ${whatEn} was read from ${fromEn}: ${found.value}. ` +
          `The rows below it would be filed under the wrong ${whatEn}. Put each block on a sheet or in a file of its own and import again. Nothing from this file was stored.`);
    }
  }
}

type PartFound = Pick<Staged, 'headers' | 'mapping' | 'title' | 'sheet'> & { layout?: Staged['layout'] };

/** The part's layout and the values it holds in no column; refuses when one it needs is nowhere. */
export function findConstants(spec: KindSpec, staged: PartFound, where: Where): {
  layout: LayoutId; constants: Record<string, FoundConstant>; fieldConstants: FieldConstants; month?: YearMonth;
} {
  const { recipe, req } = where;
  const layout = detectLayout(spec, staged, recipe);
  const constants: Record<string, FoundConstant> = {};
  const fieldConstants: FieldConstants = {};
  const cols = staged.mapping.columns;
  // Both were checked where they came in (contract/validate.ts): the request, and the recipe when saved.
  const option = (field: 'date' | 'period') => req[field];
  const recipeValue = (field: 'date' | 'period') => recipe?.constants?.[field];
  let month: YearMonth | undefined;
  const needsMonth = (layout === 'wide' && dayColumns(staged.headers).some((d) => d.day !== undefined))
    || (spec.kind === 'performance' && cols.period === undefined && cols.year === undefined);
  const needsDate = (layout === 'rows' || layout === 'fixed') && cols.date === undefined && spec.fields.some((f) => f.name === 'date' && f.required);
  if (needsMonth) {
    const found = lookFor(staged, where, option('period'), recipeValue('period'), titleMonth);
    if (!found) refuseConstant('period', staged);
    month = typeof found.value === 'string' ? { year: Number(found.value.slice(0, 4)), month: Number(found.value.slice(5, 7)) } : found.value;
    constants.period = { value: ymText(month), from: found.from };
    if (spec.kind === 'performance') {
      fieldConstants.year = String(month.year);
      fieldConstants.period = MONTH_NAME_ID[month.month - 1];
    }
  }
  if (needsDate) {
    const found = lookFor(staged, where, option('date'), recipeValue('date'), titleDate);
    if (!found) refuseConstant('date', staged);
    constants.date = { value: String(found.value), from: found.from };
    fieldConstants.date = String(found.value);
  }
  return { layout, constants, fieldConstants, month };
}
