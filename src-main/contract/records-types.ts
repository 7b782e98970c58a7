import type { ImportKind } from './import-types.ts';

/**
 * The canonical records as stored, one kind at a time (`pantau records`, and the app's data views).
 * Field names are the canonical names (camelCase of the canonical columns: unitName, checkIn,
 * periodStart, achievementPct, ...), then `batch` and `row`, the batch that stored the record and
 * its row in the file. Dates are YYYY-MM-DD; times HH:MM (HH:MM:SS when the file gave seconds).
 */
export interface RecordsFilter {
  kind: ImportKind;
  /** Must be an agency the workspace knows (NOT_FOUND otherwise); not for `calendar`. */
  agency?: string;
  /** Spaces and dots are ignored, as in an imported NIP. Only for kinds whose records have a NIP. */
  nip?: string;
  /** The record's date, or its period or range overlapping [from, to] (performance, approvals). */
  from?: string;
  to?: string;
}

/** At most this many records in one page of `listRecords`. */
export const RECORDS_PAGE_MAX = 10_000;

export interface ListRecordsRequest extends RecordsFilter {
  offset?: number;
  /** 1 to RECORDS_PAGE_MAX; 1,000 when not given. */
  limit?: number;
}

export type RecordValue = string | number | boolean | null;
export type CanonicalRecord = Record<string, RecordValue>;

export interface ListRecordsResult {
  kind: ImportKind;
  /** The field names of the kind's records, in order (also when there are none). */
  fields: string[];
  /** Every record matching the filter; `records` is the page from `offset`. */
  total: number;
  offset: number;
  records: CanonicalRecord[];
}
