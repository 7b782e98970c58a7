import type { FindingsRequest, UnitEmployeesRequest } from './views-types.ts';
import type { SheetId } from './workbook.ts';

/** The leadership workbook (docs/workbook.md) and the compact report for one unit. */

export interface ExportWorkbookRequest {
  /** Where to write the .xlsx (an absolute path chosen by the user; replaced if it exists). */
  out: string;
  agency?: string;
  /** One unit: the compact unit report. A unit name used by several agencies needs `agency` too. */
  unit?: string;
  /** YYYY-MM-DD; as for runChecks, the default is the earliest / latest attendance date. */
  from?: string;
  to?: string;
  /** Replace every NIP and name by a stable code derived from this secret (HMAC-SHA-256); the key is never written. */
  pseudonymize?: { key: string };
}

export interface ExportSheet {
  name: string;
  /** Data rows below the header (for the findings and data-quality sheets: the records written to that sheet). */
  rows: number;
}

/** A sheet of the workbook with which one it is (contract/workbook.ts): how it is described, whether its rows are counted. */
export interface WorkbookSheet extends ExportSheet {
  sheet: SheetId;
}

export interface ExportWorkbookResult {
  out: string;
  kind: 'full' | 'unit';
  /** The check run the workbook was written from: its figures are that run's. */
  run: string;
  profileVersion: string;
  agency: string | null;
  unit: string | null;
  from: string | null;
  to: string | null;
  findings: number;
  pseudonymised: boolean;
  sheets: WorkbookSheet[];
}

/**
 * The rejected and skipped rows of import batches as a workbook to send back to the agency
 * (docs/import.md). Its words and reasons are in the core's language, as every answer is.
 */
export interface ExportRejectsRequest {
  /** Batch ids (listImports), of one agency: the workbook goes to that agency. Listed in this order. */
  batches: string[];
  /** As for exportWorkbook: an absolute .xlsx path, or "download:<name>.xlsx" in a browser. */
  out: string;
}

export interface ExportRejectsResult {
  out: string;
  /** Rejected rows written. */
  rows: number;
  /** Skipped rows written. */
  skipped: number;
}

/**
 * A table of a screen as a workbook (docs/screens.md, "Unduh Excel"): the rows the screen's filter
 * gives, all of them rather than the page shown, in the screen's columns and the caller's language.
 */
export type ExportTableRequest = {
  /** As for exportWorkbook: an absolute .xlsx path, or "download:<name>.xlsx" in a browser. */
  out: string;
} & (
  /** Kepatuhan's findings table, with the filter, status, search and order it shows. */
  | { table: 'findings'; filter: FindingsQuery }
  /** The employees of one unit, as the unit's drill-down lists them. */
  | { table: 'unitEmployees'; filter: UnitEmployeesQuery }
);

/** A findings request without its page: a table is downloaded whole. */
export type FindingsQuery = Omit<FindingsRequest, 'offset' | 'limit'>;

/** A unit's employees without a page, likewise. */
export type UnitEmployeesQuery = Omit<UnitEmployeesRequest, 'offset' | 'limit'>;

export type ExportTable = ExportTableRequest['table'];

export interface ExportTableResult {
  out: string;
  /** Rows the filter gives. */
  total: number;
  /** Rows written: `total`, unless more than a sheet holds (the workbook then says it is cut). */
  rows: number;
}
