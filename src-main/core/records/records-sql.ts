import type { ImportKind } from '../../contract/import-types.ts';
import type { RecordsFilter } from '../../contract/records-types.ts';
import { AppError } from '../../contract/errors.ts';
import { kindLabel } from '../../contract/labels.ts';
import { BOOKKEEPING, CANONICAL, type CanonicalTable, type ColumnDecl } from '../db/canonical.ts';
import { quoteIdent, quoteLiteral } from '../db/database.ts';
import { KINDS } from '../import/kinds.ts';

/**
 * SQL of `listRecords` and `pantau records`: a kind's canonical table read back as stored, each
 * record one JSON text built by DuckDB (to_json), so a long result costs no JavaScript object per
 * value. Every name below comes from canonical.ts and kinds.ts; the filter values are bound.
 */

const BOOKKEEPING_NAMES: Record<keyof typeof BOOKKEEPING, string> = { batch_id: 'batch', row_no: 'row' };

/** A column's canonical field name: unit_name → unitName, achievement_pct → achievementPct; batch_id → batch, row_no → row. */
export function fieldName(column: string): string {
  return BOOKKEEPING_NAMES[column as keyof typeof BOOKKEEPING] ?? column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

interface Column {
  name: string;
  type: ColumnDecl;
}

function tableOf(kind: ImportKind): CanonicalTable {
  return KINDS[kind].table;
}

/** The record's columns: agency and nip first (the order the records are listed in), then the table's order, then batch and row. */
function columnsOf(kind: ImportKind): Column[] {
  const decl: Record<string, ColumnDecl> = CANONICAL[tableOf(kind)];
  const names = Object.keys(decl);
  const first = ['agency', 'nip'].filter((n) => names.includes(n));
  const ordered = [...first, ...names.filter((n) => !first.includes(n))];
  return [...ordered.map((name) => ({ name, type: decl[name]! })), ...Object.entries(BOOKKEEPING).map(([name, type]) => ({ name, type }))];
}

/** The field names of a kind's records, in order. */
export function recordFields(kind: ImportKind): string[] {
  return columnsOf(kind).map((c) => fieldName(c.name));
}

/** A column as its field's JSON value: dates YYYY-MM-DD, times HH:MM unless the file gave seconds; the rest as stored. */
function valueSql({ name, type }: Column): string {
  const col = quoteIdent(name);
  if (type.startsWith('DATE')) return `strftime(${col}, '%Y-%m-%d')`;
  if (type.startsWith('TIME')) {
    // A time with seconds keeps them (an export may give 07:31:05): the record as stored, never rounded.
    return `CASE WHEN microsecond(${col}) = 0 THEN left(CAST(${col} AS VARCHAR), 5) ELSE CAST(${col} AS VARCHAR) END`;
  }
  return col;
}

/** The columns a kind's record is dated by: its day, or the first and last day of its period or range. */
function dateSpan(kind: ImportKind): [string, string] | null {
  const names = Object.keys(CANONICAL[tableOf(kind)]);
  for (const [start, end] of [['date', 'date'], ['period_start', 'period_end'], ['date_from', 'date_to']] as const) {
    if (names.includes(start) && names.includes(end)) return [start, end];
  }
  return null;
}

function hasColumn(kind: ImportKind, column: string): boolean {
  return Object.keys(CANONICAL[tableOf(kind)]).includes(column);
}

/** A filter as a person names it: what it narrows by, then the option that sets it. */
const FILTER_WORDS = {
  agency: ['instansi (--agency)', 'agency (--agency)', 'instansi', 'agency'],
  nip: ['NIP (--nip)', 'NIP (--nip)', 'NIP', 'NIP'],
  dates: ['tanggal (--from/--to)', 'date (--from/--to)', 'tanggal atau periode', 'date or period'],
} as const;

function notFor(kind: ImportKind, filter: keyof typeof FILTER_WORDS): never {
  const [id, en, what, whatEn] = FILTER_WORDS[filter];
  throw new AppError('BAD_REQUEST', `Saringan ${id} tidak berlaku untuk data ${kindLabel(kind, 'id')}: catatannya tidak memiliki ${what}.`,
    `The ${en} filter does not apply to ${kindLabel(kind, 'en')} data: its records have no ${whatEn}.`, { kind, filter });
}

/** Refuses a filter the kind's records cannot be narrowed by (a NIP for units, dates for the roster, an agency for the calendar). */
export function checkRecordsFilter(f: RecordsFilter): void {
  if (f.agency !== undefined && !hasColumn(f.kind, 'agency')) notFor(f.kind, 'agency');
  if (f.nip !== undefined && !hasColumn(f.kind, 'nip')) notFor(f.kind, 'nip');
  if ((f.from !== undefined || f.to !== undefined) && !dateSpan(f.kind)) notFor(f.kind, 'dates');
}

/** A NIP as the import stores it: without the spaces and dots people write it with. */
export function plainNip(nip: string): string {
  return nip.replace(/[\s.]/g, '');
}

export interface RecordsQuery {
  /** One column `j`: each record's JSON text, in the records' order. */
  sql: string;
  count: string;
  params: Record<string, string | number>;
}

/** One page of the records: `limit` records from `offset`. */
export interface Page {
  offset: number;
  limit: number;
}

/**
 * The records of one kind inside the filter, ordered by agency, NIP and the natural key (unique),
 * then batch and row. The rows are sorted (and paged) as stored and turned into JSON on the way
 * out, so a sort of millions of records holds their columns, not their JSON texts.
 */
export function recordsQuery(f: RecordsFilter, page?: Page): RecordsQuery {
  checkRecordsFilter(f);
  const table = quoteIdent(tableOf(f.kind));
  const columns = columnsOf(f.kind);
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.agency !== undefined) {
    where.push('agency = $agency');
    params.agency = f.agency;
  }
  if (f.nip !== undefined) {
    where.push('nip = $nip');
    params.nip = plainNip(f.nip);
  }
  const span = dateSpan(f.kind);
  if (span && f.from !== undefined) {
    where.push(`${quoteIdent(span[1])} >= CAST($from AS DATE)`);
    params.from = f.from;
  }
  if (span && f.to !== undefined) {
    where.push(`${quoteIdent(span[0])} <= CAST($to AS DATE)`);
    params.to = f.to;
  }
  const filter = where.length ? `\nWHERE ${where.join(' AND ')}` : '';
  const struct = columns.map((c) => `${quoteLiteral(fieldName(c.name))}: ${valueSql(c)}`).join(', ');
  const names = columns.map((c) => c.name);
  const order = [...new Set(['agency', 'nip', ...KINDS[f.kind].key, 'batch_id', 'row_no'])].filter((n) => names.includes(n)).map(quoteIdent);
  let limit = '';
  if (page) {
    limit = '\nLIMIT $limit OFFSET $offset';
    Object.assign(params, { limit: page.limit, offset: page.offset });
  }
  return {
    sql: `SELECT CAST(to_json({${struct}}) AS VARCHAR) AS j\nFROM (\nSELECT *\nFROM ${table}${filter}\nORDER BY ${order.join(', ')}${limit}\n) r`,
    count: `SELECT count(*) AS n\nFROM ${table}${filter}`,
    params,
  };
}
