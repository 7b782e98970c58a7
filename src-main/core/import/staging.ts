import { AppError } from '../../contract/errors.ts';
import { fieldLabel, kindLabel } from '../../contract/labels.ts';
import type { ColumnMapping } from './header.ts';
import type { KindSpec } from './kinds.ts';
import { NUM_MARK } from './normalise-sql.ts';

/**
 * A file, or one sheet of a workbook, read into the temp tables `stg` (columns c0..cN as text; a
 * workbook's also row_no) and `stg_rejects` (row_no, column_name, value, code, detail: the rows the reader could
 * not place under the header), ready for the SQL pass.
 */
export interface Staged {
  /** The sheet of a workbook; null for a text file. */
  sheet: string | null;
  headers: string[];
  /** 1-based row (line) of the header in the file. */
  headerRow: number;
  mapping: ColumnMapping;
  width: number;
  delimiter: string | null;
  encoding: string | null;
  /**
   * How a row of `stg` finds its row in the file: a workbook's rows carry it in `row_no`; a CSV's
   * are numbered by their position from `firstLine`, shifted where `stg_shifts` says (`shifted`).
   */
  format: 'csv' | 'xlsx';
  /**
   * `fixed`: a text file of fixed-width columns (fixed-reader.ts), read through the CSV path line for
   * line (`delimiter` null); absent for a delimited file or a workbook. For the import report's `layout`.
   */
  layout?: 'fixed';
  firstLine?: number;
  shifted?: boolean;
  /**
   * The data rows, counted by the app as it read them (not by DuckDB): every one is in `stg` or in
   * `stg_rejects`.
   */
  records: number;
  /** Rows in `stg_rejects` (too long, not UTF-8, fields or cells that do not fit). */
  rejected: number;
  /** The title block: the non-empty rows above the header, as cells. */
  title?: string[][];
}

/** A part of a file the import stores as one batch: a text file whole, or one sheet of a workbook. */
export interface FilePart {
  sheet: string | null;
  /** Reads the part into `stg` and `stg_rejects`. */
  load(): Promise<Staged>;
}

export function stripMark(text: string): string {
  return text.startsWith(NUM_MARK) ? text.slice(1) : text;
}

export function refuseNoHeader(spec: KindSpec, firstRows: string[][]): never {
  const seen = firstRows
    .find((r) => r.some((c) => c.trim() !== ''))
    ?.filter((c) => c.trim() !== '')
    .slice(0, 12)
    .map((c) => `"${stripMark(c).trim()}"`)
    .join(', ');
  const required = (lang: 'id' | 'en') => spec.fields.filter((f) => f.required).map((f) => fieldLabel(f.name, lang)).join(', ');
  throw new AppError(
    'IMPORT_FAILED',
    `Baris judul kolom tidak ditemukan: tidak ada baris di 30 baris pertama dengan sedikitnya ` +
      `${Math.min(3, spec.fields.length)} judul kolom yang dikenali untuk ${kindLabel(spec.kind, 'id')} ` +
      `(kolom wajib: ${required('id')}).${seen ? ` Baris pertama berisi: ${seen}.` : ''} Pilih baris judulnya sendiri, atau beri resep pemetaan (--mapping).`,
    `Column header row not found: no row among the first 30 has at least ${Math.min(3, spec.fields.length)} recognised column headers for ${kindLabel(spec.kind, 'en')} (required columns: ${required('en')}).${seen ? ` The first row contains: ${seen}.` : ''} Pick the header row yourself, or give a mapping recipe (--mapping).`,
    { kind: spec.kind },
  );
}

export function refuseMissing(spec: KindSpec, missing: string[], headers: string[]): never {
  throw new AppError(
    'IMPORT_FAILED',
    `Kolom wajib untuk ${kindLabel(spec.kind, 'id')} tidak ditemukan: ${missing.map((m) => fieldLabel(m, 'id')).join(', ')}. ` +
      `Judul kolom yang ada: ${headers.map((h) => `"${stripMark(h).trim()}"`).join(', ')}. ` +
      `Sebutkan kolomnya dalam resep pemetaan (--mapping, bagian "columns").`,
    `Required columns for ${kindLabel(spec.kind, 'en')} not found: ${missing.map((m) => fieldLabel(m, 'en')).join(', ')}. Column headers present: ${headers.map((h) => `"${stripMark(h).trim()}"`).join(', ')}. ` +
      `Name the columns in a mapping recipe (--mapping, its "columns").`,
    { kind: spec.kind, missing },
  );
}
