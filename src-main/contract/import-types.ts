export const IMPORT_KINDS = [
  'attendance',
  'roster',
  'units',
  'performance',
  'approvals',
  'reports',
  'survey',
  'calendar',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * A mapping recipe: which column holds which canonical field. A column is named by
 * its header text (matched after normalisation) or by its 1-based position.
 */
export interface MappingRecipe {
  /** The layout of the file (rules.md §1, Layouts of real exports); guessed when not given. */
  layout?: LayoutId;
  /** The row (line) on which the header starts, 1-based. */
  headerRow?: number;
  /** How many rows the header spans (group labels over sub-labels); 1 when not given. */
  headerRows?: number;
  /** false: the file has no header row; its columns are named by number ("#1", "#2", …). */
  header?: boolean;
  columns: Record<string, string | number>;
  /** Values the file holds in no column: a daily file's `date` (YYYY-MM-DD), a month's `period` (YYYY-MM). */
  constants?: { date?: string; period?: string };
  /** Per field, a file's own codes and the canonical values they stand for: {"status": {"TIDAK ABSEN": "TANPA_KETERANGAN"}}. */
  values?: Record<string, Record<string, string>>;
}

/** How a file lays out its records: one per row, one per clock event, one column per day, fixed-width text. */
export type LayoutId = 'rows' | 'scans' | 'wide' | 'fixed';
export const LAYOUTS: readonly LayoutId[] = ['rows', 'scans', 'wide', 'fixed'];

/** Where a value the file holds in no column came from. */
export type ConstantSource = 'option' | 'recipe' | 'title' | 'sheet' | 'file name';

/** What each layout and each source is called in a report [Bahasa Indonesia, English]. */
export const LAYOUT_LABELS: Record<LayoutId, [string, string]> = {
  rows: ['satu baris per catatan', 'one row per record'],
  scans: ['log pindaian mesin (satu baris per pindaian)', 'device scan log (one row per scan)'],
  wide: ['satu kolom per hari', 'one column per day'],
  fixed: ['teks lebar tetap', 'fixed-width text'],
};
export const CONSTANT_SOURCE_LABELS: Record<ConstantSource, [string, string]> = {
  option: ['pilihan impor', 'the import option'], recipe: ['resep', 'the recipe'], title: ['judul di atas tabel', 'the title above the table'],
  sheet: ['nama lembar', 'the sheet name'], 'file name': ['nama berkas', 'the file name'],
};

export interface ImportFileRequest {
  path: string;
  kind: ImportKind;
  agency?: string;
  mapping?: MappingRecipe;
  /** Name to record when the path is a temporary copy (uploads). */
  fileName?: string;
  /** The month (YYYY-MM) of a file that holds it in no column (a wide sheet, a performance file). */
  period?: string;
  /** The date (YYYY-MM-DD) of a daily file that holds it in no column. */
  date?: string;
  /** false: use `mapping` for this file only, without saving it as the agency's recipe (default true). */
  saveRecipe?: boolean;
}

export interface ImportFilesRequest {
  files: ImportFileRequest[];
}

export interface RejectedRow {
  row: number;
  /** The sheet of a workbook the row is on; null for a text file. */
  sheet?: string | null;
  column: string;
  value: string | null;
  reason: string;
}

/** A row that by design holds no record (a total, a signature line, a row with no value in any mapped column). */
export interface SkippedRow {
  row: number;
  sheet?: string | null;
  reason: string;
}

/** One sheet of a workbook: a batch of its own. */
export interface SheetResult {
  sheet: string;
  batch: string;
  layout: LayoutId;
  records: number;
  mapping: Record<string, string>;
  constants: Record<string, { value: string; from: ConstantSource }>;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
}

export interface ImportFileResult {
  file: string;
  kind: ImportKind;
  agency: string | null;
  status: 'imported' | 'failed';
  batch: string | null;
  /** Every row of the file that could hold a record: rowsImported + rowsRejected + rowsSkipped. */
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  /** How the file lays out its records, as found (or as the recipe says). */
  layout?: LayoutId;
  /** Canonical records written: rowsImported for one record per row; fewer for a scan log. */
  records?: number;
  /** Per canonical field, the file's header (or "#N" for column N) that supplied it. */
  mapping?: Record<string, string>;
  /** Values the file holds in no column (a date, a period) and where each came from. */
  constants?: Record<string, { value: string; from: ConstantSource }>;
  /** Every column (or hidden sheet) passed over, with the reason. */
  ignored?: { column: string; reason: string }[];
  /** The sheets of a workbook that had several, each imported as its own batch (`batch` is the first). */
  sheets?: SheetResult[];
  /** The first IMPORT_RESULT_ROWS rejected rows (all of them: batchRejects of each batch). */
  rejects: RejectedRow[];
  /** Likewise the first skipped rows. */
  skipped: SkippedRow[];
  warnings: string[];
  error: string | null;
}

export interface ImportFilesResult {
  files: ImportFileResult[];
}

export interface ImportBatch {
  batch: string;
  file: string;
  kind: ImportKind;
  agency: string | null;
  sha256: string;
  size: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headerRow: number;
  mapping: Record<string, string>;
  importedAt: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  rowsReplaced: number;
  status: 'active' | 'undone';
  undoneAt: string | null;
  /** The sheet of a workbook this batch holds; null for a text file. */
  sheet: string | null;
  layout: LayoutId;
  /** Canonical records written (a scan log's rows make fewer). */
  records: number;
  /** Values the file held in no column, and where each came from. */
  constants: Record<string, { value: string; from: ConstantSource }>;
}

export interface ListImportsRequest {
  includeUndone?: boolean;
}
export interface ListImportsResult {
  batches: ImportBatch[];
}

export interface UndoImportRequest {
  batch: string;
}
export interface UndoImportResult {
  batch: string;
  rowsRemoved: number;
  rowsRestored: number;
}

/** A page of one batch's rejected and skipped rows: rows `offset` to `offset + limit - 1` of each list, in row order. */
export interface BatchRejectsRequest {
  batch: string;
  /** 0 when left out. */
  offset?: number;
  /** At most BATCH_REJECTS_PAGE_MAX; BATCH_REJECTS_PAGE when left out. */
  limit?: number;
  /** Whether each row names its sheet (a workbook's batch); true when left out. */
  nameSheet?: boolean;
}
export interface BatchRejectsResult {
  batch: string;
  rejects: RejectedRow[];
  skipped: SkippedRow[];
  /** How many rows each whole list has: page on while offset + limit is below them. */
  rejectsTotal: number;
  skippedTotal: number;
}

/** The page batchRejects gives when asked for none, and the largest it gives: every answer stays small. */
export const BATCH_REJECTS_PAGE = 1000;
export const BATCH_REJECTS_PAGE_MAX = 10_000;
/**
 * The rejected (and, apart, the skipped) rows an import's answer lists per file: the first ones;
 * rowsRejected and rowsSkipped count them all, batchRejects pages through the rest. A file with a
 * million bad rows must not make an answer too big to send after its rows were committed.
 */
export const IMPORT_RESULT_ROWS = 100;

export interface PreviewImportRequest {
  path: string;
  kind: ImportKind;
  agency?: string;
  mapping?: MappingRecipe;
  /** The file's own name when the path is an upload's (a month or date may be read from it). */
  fileName?: string;
  /** As for importFiles: the month (YYYY-MM) or date (YYYY-MM-DD) of a file that holds it in no column. */
  period?: string;
  date?: string;
}

export interface FieldMapping {
  field: string;
  required: boolean;
  /** 0-based column index, or null when the field was not found. */
  column: number | null;
  /** Where the column came from: the recipe (saved or given), a guess from the header, or null when none. */
  from: 'recipe' | 'guess' | null;
}

export interface PreviewImportResult {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headerRow: number;
  headers: string[];
  fields: FieldMapping[];
  /** The layout the import will read the file in (rows, scans, wide, fixed). */
  layout: LayoutId;
  rows: string[][];
  recipeUsed: boolean;
  warnings: string[];
  /** The file's first rows as they are, title block included (up to 30), for picking the header rows by clicking. */
  raw: { row: number; cells: string[] }[];
  /** false when no header row for this kind was found (and none was given): `problem` says so; the user picks it from `raw`. */
  headerFound: boolean;
  /** How many rows the header spans (group labels over sub-labels). */
  headerRows: number;
  /** The sheet shown (a workbook), null for a text file. */
  sheet: string | null;
  /** Per shown data row (`rows`), its row number in the file. */
  rowNumbers: number[];
  /** Values the file holds in no column (a date, a month) and where each came from, as the import will take them. */
  constants: Record<string, { value: string; from: ConstantSource }>;
  /** Constants the import needs and the file holds nowhere: the user must give them. */
  needs: ('date' | 'period')[];
  /** Columns passed over, with the reason in the user's language and the field each would have been. */
  ignored: { column: string; reason: string; field?: string }[];
  /** Values of code fields that no vocabulary knows, per field and column, with how many checked rows hold each and the canonical values the field takes. */
  unknownValues: { field: string; column: string; values: { value: string; rows: number }[]; choices: string[] }[];
  /** The checked rows the import would reject or skip, with the full reason as the import would say it. */
  rowIssues: { row: number; sheet: string | null; column: string; value: string | null; reason: string; skipped: boolean }[];
  /** How many data rows rowIssues and unknownValues were computed over, and whether that is the whole file. */
  checked: { rows: number; wholeFile: boolean };
  /** A plain-words reason the file cannot be read as this kind, or null. */
  problem: string | null;
}

export interface RecipeEntry {
  agency: string;
  kind: ImportKind;
  recipe: MappingRecipe;
  savedAt: string;
}
export interface ListRecipesResult {
  recipes: RecipeEntry[];
}
export interface SaveRecipeRequest {
  agency: string;
  kind: ImportKind;
  recipe: MappingRecipe;
}
