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
  /** The row (line) on which the header starts, 1-based. */
  headerRow?: number;
  /** How many rows the header spans (group labels over sub-labels); 1 when not given. */
  headerRows?: number;
  columns: Record<string, string | number>;
}

export interface ImportFileRequest {
  path: string;
  kind: ImportKind;
  agency?: string;
  mapping?: MappingRecipe;
  /** Name to record when the path is a temporary copy (uploads). */
  fileName?: string;
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
  /** The sheets of a workbook that had several, each imported as its own batch (`batch` is the first). */
  sheets?: SheetResult[];
  rejects: RejectedRow[];
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

export interface BatchRejectsRequest {
  batch: string;
}
export interface BatchRejectsResult {
  batch: string;
  rejects: RejectedRow[];
}

export interface PreviewImportRequest {
  path: string;
  kind: ImportKind;
  agency?: string;
  mapping?: MappingRecipe;
}

export interface FieldMapping {
  field: string;
  required: boolean;
  /** 0-based column index, or null when the field was not found. */
  column: number | null;
}

export interface PreviewImportResult {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headerRow: number;
  headers: string[];
  fields: FieldMapping[];
  rows: string[][];
  recipeUsed: boolean;
  warnings: string[];
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
