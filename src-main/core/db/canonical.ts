/**
 * The current columns of each canonical table, in table order: the one declaration that import,
 * undo and the schema test read. Canonical tables hold the current row per natural key;
 * `<table>_replaced` keeps the rows a later batch replaced, so undoing that batch can restore them.
 * The tables themselves are made by the numbered migrations, so a change here needs a new
 * migration that makes it; test/db/canonical.test.ts fails until the two agree.
 */

export type ColumnType = 'VARCHAR' | 'DATE' | 'TIME' | 'BOOLEAN' | 'INTEGER' | 'DOUBLE';
/** A column as its DDL reads: the DuckDB type, and NOT NULL when the column must hold a value. */
export type ColumnDecl = ColumnType | `${ColumnType} NOT NULL`;

export const CANONICAL = {
  units: {
    agency: 'VARCHAR NOT NULL', unit_name: 'VARCHAR NOT NULL', unit_code: 'VARCHAR', parent_unit: 'VARCHAR',
    service_type: 'VARCHAR', fwa_start: 'DATE',
  },
  employees: {
    nip: 'VARCHAR NOT NULL', name: 'VARCHAR', agency: 'VARCHAR', unit_name: 'VARCHAR', position: 'VARCHAR',
    field_duty: 'BOOLEAN NOT NULL', special_condition: 'BOOLEAN NOT NULL', special_from: 'DATE', special_to: 'DATE',
    discipline: 'VARCHAR NOT NULL', service_type: 'VARCHAR', pin: 'VARCHAR',
  },
  attendance: {
    nip: 'VARCHAR NOT NULL', date: 'DATE NOT NULL', agency: 'VARCHAR', name: 'VARCHAR', unit_name: 'VARCHAR',
    status: 'VARCHAR NOT NULL', mode: 'VARCHAR', check_in: 'TIME', check_out: 'TIME',
  },
  performance: {
    nip: 'VARCHAR NOT NULL', period_start: 'DATE NOT NULL', period_end: 'DATE NOT NULL', agency: 'VARCHAR',
    name: 'VARCHAR', unit_name: 'VARCHAR', year: 'INTEGER', period_label: 'VARCHAR', achievement_pct: 'DOUBLE',
    rating: 'VARCHAR',
  },
  approvals: {
    nip: 'VARCHAR NOT NULL', date_from: 'DATE NOT NULL', date_to: 'DATE NOT NULL', kind: 'VARCHAR NOT NULL',
    agency: 'VARCHAR', special_condition: 'BOOLEAN NOT NULL', status: 'VARCHAR NOT NULL', approver: 'VARCHAR',
  },
  daily_reports: {
    nip: 'VARCHAR NOT NULL', date: 'DATE NOT NULL', agency: 'VARCHAR', activity: 'VARCHAR', output: 'VARCHAR',
    verified: 'BOOLEAN NOT NULL',
  },
  survey: {
    agency: 'VARCHAR NOT NULL', respondent_id: 'VARCHAR NOT NULL', unit_name: 'VARCHAR', participated: 'BOOLEAN',
    satisfaction: 'INTEGER', met_target: 'BOOLEAN', answers: 'VARCHAR',
  },
  calendar: { date: 'DATE NOT NULL', day_type: 'VARCHAR NOT NULL', description: 'VARCHAR' },
} as const satisfies Record<string, Record<string, ColumnDecl>>;

export type CanonicalTable = keyof typeof CANONICAL;
/** The canonical columns of one table (without the bookkeeping columns). */
export type ColumnsOf<T extends CanonicalTable> = keyof (typeof CANONICAL)[T] & string;

/** After the canonical columns, every canonical table: the batch that stored the row and its row in the file. */
export const BOOKKEEPING = { batch_id: 'VARCHAR NOT NULL', row_no: 'INTEGER NOT NULL' } as const satisfies Record<string, ColumnDecl>;
/** The one column a `_replaced` twin adds after those: the batch whose row replaced this one. */
export const REPLACED_BY = { replaced_by: 'VARCHAR NOT NULL' } as const satisfies Record<string, ColumnDecl>;

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  notNull: boolean;
}

export const CANONICAL_TABLE_NAMES = Object.keys(CANONICAL) as CanonicalTable[];

export function replacedTable(table: CanonicalTable): `${CanonicalTable}_replaced` {
  return `${table}_replaced`;
}

/** The canonical column names of a table, in table order. */
export function canonicalColumns<T extends CanonicalTable>(table: T): ColumnsOf<T>[] {
  return Object.keys(CANONICAL[table]) as ColumnsOf<T>[];
}

function specs(columns: Record<string, ColumnDecl>): ColumnSpec[] {
  return Object.entries(columns).map(([name, decl]) => ({
    name,
    type: decl.replace(/ NOT NULL$/, '') as ColumnType,
    notNull: decl.endsWith(' NOT NULL'),
  }));
}

/** Every column of a canonical table as stored: its canonical columns, then the bookkeeping ones. */
export function tableColumns(table: CanonicalTable): ColumnSpec[] {
  return specs({ ...CANONICAL[table], ...BOOKKEEPING });
}

/** Every column of a table's `_replaced` twin. */
export function replacedColumns(table: CanonicalTable): ColumnSpec[] {
  return specs({ ...CANONICAL[table], ...BOOKKEEPING, ...REPLACED_BY });
}
