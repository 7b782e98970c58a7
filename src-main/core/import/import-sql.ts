import { CANONICAL, canonicalColumns, replacedTable, type CanonicalTable, type ColumnDecl, type ColumnsOf } from '../db/canonical.ts';
import { quoteIdent, quoteLiteral, sqlList } from '../db/database.ts';
import { headerKey, type FieldSpec, type KindSpec } from './kinds.ts';
import type { Parser } from './kinds.ts';
import type { Staged } from './staging.ts';
import { PRESENT_STATUSES } from '../../contract/vocabulary.ts';

/**
 * value: typed value from raw text r; error: code when r is non-empty but unreadable; problem, where
 * a parser has more to say than one code: an expression giving the code, NULL when r is fine.
 */
export const PARSERS: Record<Parser, { value: (r: string) => string; error?: string; problem?: (r: string) => string }> = {
  nip: { value: (r) => `pt_nip(${r})` },
  text: { value: (r) => `pt_text(${r})` },
  date: { value: (r) => `pt_date(${r})`, problem: (r) => `pt_date_problem(${r}, $today)` },
  time: { value: (r) => `pt_time(${r})`, problem: (r) => `pt_time_problem(${r})` },
  status: { value: (r) => `pt_status(${r})`, error: 'STATUS_UNKNOWN' },
  mode: { value: (r) => `pt_mode(${r})`, error: 'MODE_UNKNOWN' },
  bool: { value: (r) => `pt_bool(${r})`, error: 'BOOL_UNKNOWN' },
  discipline: { value: (r) => `pt_discipline(${r})`, error: 'DISCIPLINE_UNKNOWN' },
  service: { value: (r) => `pt_service(${r})`, error: 'SERVICE_UNKNOWN' },
  number: { value: (r) => `pt_num(${r})`, error: 'NUMBER_INVALID' },
  year: { value: (r) => `CASE WHEN pt_int(${r}) BETWEEN 1900 AND 2100 THEN pt_int(${r}) END`, error: 'YEAR_INVALID' },
  satisfaction: { value: (r) => `pt_satisfaction(${r})`, error: 'SATISFACTION_INVALID' },
  approvalStatus: { value: (r) => `pt_approval_status(${r})`, error: 'APPROVAL_STATUS_UNKNOWN' },
  dayType: { value: (r) => `pt_day_type(${r})`, error: 'DAY_TYPE_UNKNOWN' },
  verified: { value: (r) => `pt_verified(${r})`, error: 'VERIFIED_UNKNOWN' },
  approvalKind: { value: (r) => `pt_approval_kind(${r})` },
};

const f = (name: string) => quoteIdent(`f_${name}`);
const raw = (name: string) => quoteIdent(`r_${name}`);
const err = (name: string) => quoteIdent(`e_${name}`);
const lookup = (name: string) => quoteIdent(`l_${name}`);

/** The problem code of one cell value k (on the staging text, so a numeric-cell mark is seen). */
function fieldError(field: FieldSpec, k: string): string {
  const parts: string[] = [];
  if (field.required) parts.push(`WHEN pt_text(${k}) IS NULL THEN 'REQUIRED'`);
  if (field.parser === 'nip') parts.push(`WHEN pt_nip_problem(${k}, $today) IS NOT NULL THEN pt_nip_problem(${k}, $today)`);
  const { error: code, problem } = PARSERS[field.parser];
  if (problem) parts.push(`WHEN ${problem(k)} IS NOT NULL THEN ${problem(k)}`);
  else if (code) parts.push(`WHEN pt_text(${k}) IS NOT NULL AND ${PARSERS[field.parser].value(k)} IS NULL THEN '${code}'`);
  return parts.length ? `CASE ${parts.join(' ')} END` : 'NULL::VARCHAR';
}

/**
 * A column holds few distinct values (thousands of NIPs, a few hundred dates, a handful of
 * codes in a million rows): each distinct value is parsed once and joined back by hash.
 */
function lookupCte(field: FieldSpec, column: string, table: string, joins = ''): string {
  return `${lookup(field.name)} AS (
  SELECT k, pt_text(k) AS r, ${PARSERS[field.parser].value('k')} AS v, ${fieldError(field, 'k')} AS e
  FROM (SELECT DISTINCT coalesce(${column}, '') AS k FROM ${table} stg ${joins})
)`;
}

/** Free text is only trimmed, which is cheaper than a join; codes, dates and NIPs go through lookups. */
function usesLookup(field: FieldSpec): boolean {
  return field.parser !== 'text';
}


interface Projection<C extends string = string> {
  /** An expression over the field values for every canonical column. */
  columns: Record<C, string>;
  /** Row errors that span fields. */
  errors?: string[];
  /** Why a row holds no record, by its values (a code, or NULL); checked before any error. */
  skips?: string[];
  derived?: string;
}

/**
 * An attendance record's status: its code, else present when it has a time, else unexcused when the
 * export's absent flag says so. The mode follows it: a present day without one was at the office.
 */
const ATTENDANCE_STATUS = `coalesce(${f('status')}, CASE WHEN ${f('checkIn')} IS NOT NULL OR ${f('checkOut')} IS NOT NULL THEN 'HADIR'
  WHEN ${f('absent')} THEN 'TANPA_KETERANGAN' END)`;

/** Per canonical table, from the fields of the one kind that fills it (KINDS[kind].table). */
const PROJECTIONS: { [T in CanonicalTable]: Projection<ColumnsOf<T>> } = {
  attendance: {
    columns: {
      nip: f('nip'), date: f('date'), agency: '$agency', name: f('name'), unit_name: f('unitName'),
      status: ATTENDANCE_STATUS,
      mode: `CASE WHEN coalesce(${ATTENDANCE_STATUS}, 'HADIR') IN ${sqlList(PRESENT_STATUSES)} THEN coalesce(${f('mode')}, 'WFO') ELSE ${f('mode')} END`,
      check_in: f('checkIn'), check_out: f('checkOut'),
    },
    // No status and no time: on a day off the row holds no record whatever an absent flag says; on a
    // working day it is the export's way of writing "no record" unless the absent flag is set.
    skips: [
      `CASE WHEN ${raw('status')} IS NULL AND ${f('checkIn')} IS NULL AND ${f('checkOut')} IS NULL AND ${f('date')} IS NOT NULL
        THEN CASE WHEN isodow(${f('date')}) > $work_days OR ${f('date')} IN (SELECT date FROM calendar WHERE day_type = 'HOLIDAY') THEN 'DAY_OFF'
          WHEN NOT coalesce(${f('absent')}, false) THEN 'NO_RECORD' END END`,
    ],
  },
  employees: {
    columns: {
      nip: f('nip'), name: f('name'), agency: '$agency', unit_name: f('unitName'), position: f('position'),
      field_duty: f('fieldDuty'), special_condition: f('specialCondition'), special_from: f('specialFrom'),
      special_to: f('specialTo'), discipline: f('discipline'), pin: f('pin'),
      service_type: `coalesce(${f('serviceType')}, CASE WHEN ${f('frontline')} THEN 'FRONTLINE' END)`,
    },
  },
  units: {
    columns: {
      agency: '$agency', unit_name: f('unitName'), unit_code: f('unitCode'), parent_unit: f('parentUnit'),
      service_type: `coalesce(${f('serviceType')}, CASE WHEN ${f('frontline')} THEN 'FRONTLINE' END)`,
      fwa_start: f('fwaStart'),
    },
    errors: [`CASE WHEN $agency IS NULL THEN 'unitName|AGENCY_MISSING' END`],
  },
  performance: {
    // pt_period is a large macro: expanded once here, not in every column that needs it.
    derived: `pt_period(${raw('year')}, ${raw('period')}) AS _period`,
    columns: {
      nip: f('nip'), period_start: '_period.s', period_end: '_period.e', agency: '$agency', name: f('name'),
      unit_name: f('unitName'), year: `coalesce(${f('year')}, year(_period.s))`,
      period_label: `coalesce(${raw('period')}, ${raw('year')})`, achievement_pct: f('achievementPct'),
      rating: f('rating'),
    },
    // An implausible period is named by the cell that gave its year: the period when it holds one.
    errors: [`CASE WHEN _period.s IS NULL THEN 'period|PERIOD_INVALID'
      WHEN pt_date_check(_period.s, $today) IS NOT NULL
        THEN CASE WHEN ${raw('year')} IS NULL OR coalesce(regexp_matches(${raw('period')}, '\\d{4}'), false) THEN 'period' ELSE 'year' END
          || '|DATE_IMPLAUSIBLE' END`],
  },
  approvals: {
    columns: {
      nip: f('nip'), date_from: `coalesce(${f('dateFrom')}, ${f('date')})`,
      date_to: `coalesce(${f('dateTo')}, ${f('dateFrom')}, ${f('date')})`,
      kind: `coalesce(${f('kind')}, 'LOKASI')`, agency: '$agency', special_condition: f('specialCondition'),
      status: f('status'), approver: f('approver'),
    },
    errors: [
      `CASE WHEN ${f('dateFrom')} IS NULL AND ${f('date')} IS NULL THEN 'date|REQUIRED' END`,
      `CASE WHEN ${f('dateTo')} < coalesce(${f('dateFrom')}, ${f('date')}) THEN 'dateTo|DATE_RANGE' END`,
    ],
  },
  daily_reports: {
    columns: {
      nip: f('nip'), date: f('date'), agency: '$agency', activity: f('activity'), output: f('output'),
      verified: f('verified'),
    },
  },
  survey: {
    columns: {
      agency: `coalesce(${f('agency')}, $agency)`, respondent_id: f('respondentId'), unit_name: f('unitName'),
      participated: f('participated'), satisfaction: f('satisfaction'), met_target: f('metTarget'),
      answers: '__answers__',
    },
    errors: [`CASE WHEN coalesce(${f('agency')}, $agency) IS NULL THEN 'agency|AGENCY_MISSING' END`],
  },
  calendar: {
    columns: { date: f('date'), day_type: f('dayType'), description: f('description') },
  },
};

export interface NormaliseSql {
  sql: string;
  /** Run after `sql` when `candidates` counts any: rejects every earlier row of a repeated natural key. */
  duplicates: { candidates: string; mark: string };
  /** Run after `sql` when `candidates` counts any: skips the rest of a signature block. */
  signature: { candidates: string; mark: string };
  /** Header texts bound as JSON keys of the kept extra answers. */
  extraKeys: string[];
}

/** A row's line in its file (see Staged). */
export function rowNoSql(staged: Staged): { expr: string; join: string } {
  if (staged.format === 'xlsx') return { expr: 'stg.row_no', join: '' };
  const shifted = staged.shifted === true;
  return {
    expr: `CAST(${Number(staged.firstLine)} + stg.rowid${shifted ? ' + coalesce(sh.shift, 0)' : ''} AS INTEGER)`,
    join: shifted ? 'ASOF LEFT JOIN stg_shifts sh ON stg.rowid >= sh."index"' : '',
  };
}

/**
 * Where the normalising pass reads a part: a table (aliased `stg`), each field's text as an SQL
 * expression over it, and each row's number in the file. A layout (layouts/) may give another
 * table — one row per day cell of a wide sheet, one per employee-day of a scan log — whose rows
 * each stand for `weight` rows of the file.
 */
export interface FieldSource {
  table: string;
  fields: Record<string, string>;
  rowNo: { expr: string; join: string };
  /** How many rows of the file a source row stands for (a day's scans); 1 when absent. */
  weight?: string;
  /** Joins the field expressions need (the roster's PINs). */
  joins?: string;
  /** Row errors found before the fields are read (`column|CODE`, or NULL): an unknown PIN. */
  errors?: string[];
  /**
   * Why a source row holds no record (a skip code or NULL), from its cells: totals, signature lines,
   * repeated headers. Taken only for rows whose key field has a problem (see rowSkipSql).
   */
  skip?: string;
  /** The column a reject names, when not the field's own (a wide sheet's day column). */
  rejectColumn?: string;
}

/** Constant field values (a date or period read from the title block, an option or the recipe), as text. */
export type FieldConstants = Partial<Record<string, string>>;

/** The part's own columns, as the header maps them, and any field given as a constant. */
export function stagedSource(staged: Staged, constants: FieldConstants = {}): FieldSource {
  const fields: Record<string, string> = {};
  for (const [name, i] of Object.entries(staged.mapping.columns)) fields[name] = `stg.c${i}`;
  for (const [name, value] of Object.entries(constants)) if (fields[name] === undefined && value !== undefined) fields[name] = quoteLiteral(value);
  const source: FieldSource = { table: 'stg', fields, rowNo: rowNoSql(staged), skip: rowSkipSql(staged) };
  return withPins(source, staged);
}

/**
 * A file that names employees by device PIN and has no NIP column: the NIP is the roster's for that
 * PIN (the agency's `employees.pin`); a PIN the roster does not know rejects its row.
 */
export function withPins(source: FieldSource, staged: Staged): FieldSource {
  const pin = source.fields.pin;
  if (pin === undefined || staged.mapping.columns.nip !== undefined) return source;
  const cell = `pt_text(${pin})`;
  return {
    ...source,
    fields: { ...source.fields, nip: 'pins.nip' },
    joins: `${source.joins ?? ''} LEFT JOIN (SELECT pin, any_value(nip) AS nip FROM employees WHERE agency = $agency AND pin IS NOT NULL GROUP BY pin) pins ON pins.pin = ${cell}`,
    errors: [...(source.errors ?? []), `CASE WHEN ${cell} IS NOT NULL AND pins.nip IS NULL THEN 'pin|PIN_UNKNOWN' END`],
  };
}

// First cells of rows that hold no record (rules.md §1, "Rows that hold no record"), after pt_key.
const TOTAL_ROW = String.raw`^(?:jumlah|total|sub ?total|grand total|rata-rata|rata rata|rerata|rekapitulasi)\b`;
const SIGNATURE_ROW = String.raw`^(?:mengetahui|kepala\b|nip\s*[:\d]|nip$|an\s|a/n\b|plt\s|plh\s|pj\s|sekretaris\b|dicetak|tanggal cetak|ttd\b|tertanda|disahkan|diketahui|dibuat oleh|yang membuat)`;
const NUMBER_CELL = String.raw`^\s*[-+]?[0-9][0-9.,]*\s*%?\s*$`;

/**
 * Why a row of `stg` holds no record, from its cells alone: a total or summary under the data, a
 * signature line, a repeated header row, or an unlabelled total (no key, numbers only). The rows
 * after a signature line whose key is empty belong to the signature block (names, titles): see
 * normaliseSql.
 */
/**
 * A row's non-empty cells (their text) as one list, the macro written once in a lambda: on a file
 * of a thousand columns an expression per cell took a gigabyte to plan.
 */
export function filledCellsSql(cells: readonly string[]): string {
  return `list_filter(list_transform([${cells.join(', ')}], x -> pt_text(x)), x -> x IS NOT NULL)`;
}

export function rowSkipSql(staged: Staged): string {
  if (staged.headers.length === 0) return 'NULL::VARCHAR';
  const mapped = Object.values(staged.mapping.columns);
  const filled = filledCellsSql(staged.headers.map((_, i) => `stg.c${i}`));
  const first = `pt_key(coalesce(${filled}[1], ''))`;
  const sameAsHeader = mapped.map((i) => `CAST(pt_key(stg.c${i}) = ${quoteLiteral(headerKey(staged.headers[i] ?? ''))} AS INTEGER)`);
  const key = staged.mapping.columns.nip ?? staged.mapping.columns.pin ?? mapped[0];
  const keyEmpty = key === undefined ? 'true' : `pt_text(stg.c${key}) IS NULL`;
  const numbersOnly = `list_bool_and(list_transform(${filled}, x -> regexp_matches(x, ${quoteLiteral(NUMBER_CELL)})))`;
  return `CASE
    WHEN ${sameAsHeader.length ? `${sameAsHeader.join(' + ')} >= ${Math.min(2, sameAsHeader.length)}` : 'false'} THEN 'REPEATED_HEADER'
    WHEN regexp_matches(${first}, ${quoteLiteral(TOTAL_ROW)}) THEN 'TOTAL'
    WHEN regexp_matches(${first}, ${quoteLiteral(SIGNATURE_ROW)}) THEN 'SIGNATURE'
    WHEN ${keyEmpty} AND ${first} <> '' AND ${numbersOnly} THEN 'UNLABELLED_TOTAL'
  END`;
}

/**
 * One set-based pass from the source (`stg` unless a layout gives another) to `norm`: every field
 * parsed, the first problem of each row named (column|code); duplicates are marked after it.
 */
export function normaliseSql(spec: KindSpec, staged: Staged, target = 'norm', source = stagedSource(staged),
  codes: Record<string, Record<string, string>> = {}): NormaliseSql {
  const column = (fl: FieldSpec) => valuesMapped(source.fields[fl.name]!, codes[fl.name]);
  const has = (fl: FieldSpec) => source.fields[fl.name] !== undefined;
  const joined = spec.fields.filter((fl) => has(fl) && usesLookup(fl));
  const lookups = joined.map((fl) => lookupCte(fl, column(fl), source.table, source.joins));
  // Every parser reads '' as it reads NULL, so NULL cells join as '' in a plain equality hash join.
  const joins = joined
    .map((fl) => `JOIN ${lookup(fl.name)} ON coalesce(${column(fl)}, '') = ${lookup(fl.name)}.k`)
    .join(' ');
  const values = spec.fields.flatMap((fl) => {
    if (joined.includes(fl)) {
      return [`${lookup(fl.name)}.r AS ${raw(fl.name)}`, `${lookup(fl.name)}.v AS ${f(fl.name)}`, `${lookup(fl.name)}.e AS ${err(fl.name)}`];
    }
    const cellExpr = has(fl) ? column(fl) : 'NULL::VARCHAR';
    return [`pt_text(${cellExpr}) AS ${raw(fl.name)}`, `${PARSERS[fl.parser].value(cellExpr)} AS ${f(fl.name)}`,
      `${fieldError(fl, cellExpr)} AS ${err(fl.name)}`];
  });
  // A row with no value in any mapped column holds no record: it is skipped, not judged.
  const anyCell = spec.fields.map((fl) => `${raw(fl.name)} IS NOT NULL`).join(' OR ');
  const { rowNo } = source;
  const projection: Projection = PROJECTIONS[spec.table];
  const mapped = new Set(Object.values(staged.mapping.columns));
  const extras = spec.keepExtra
    ? staged.headers.map((h, i) => ({ h: h.trim(), i })).filter((x) => !mapped.has(x.i) && x.h !== '')
    : [];
  const answers = extras.length
    ? `json_object(${extras.map((x, k) => `$h${k}, pt_text(stg.c${x.i})`).join(', ')})::VARCHAR`
    : 'NULL::VARCHAR';
  const columns = Object.entries(projection.columns).map(
    ([name, expr]) => `${expr === '__answers__' ? '_answers' : expr} AS ${quoteIdent(name)}`,
  );
  const errors = [
    '_source_err',
    ...spec.fields.map((fl) => `'${fl.name}|' || ${err(fl.name)}`),
    ...(projection.errors ?? []),
  ];
  // Totals, signature lines and repeated headers have no readable key: only such rows are looked at
  // (a text key, as a unit's name, reads anything, so every row is).
  const keyField = spec.fields[0]!;
  const sourceErr = `coalesce(${[...(source.errors ?? []), 'NULL::VARCHAR'].join(', ')})`;
  const keyErr = joined.includes(keyField) ? `${lookup(keyField.name)}.e` : fieldError(keyField, has(keyField) ? column(keyField) : 'NULL::VARCHAR');
  const keyBad = keyField.parser === 'text' ? 'true' : `(${keyErr} IS NOT NULL OR ${sourceErr} IS NOT NULL)`;
  const skips = [
    `CASE WHEN _key_bad THEN _row_skip END`,
    ...(projection.skips ?? []),
  ];
  const sql = `CREATE OR REPLACE TEMP TABLE ${target} AS
WITH ${lookups.length ? `${lookups.join(',\n')},` : ''}
v AS (
  SELECT
    ${rowNo.expr} AS row_no,
    ${source.weight ?? '1'} AS weight,
    ${answers} AS _answers,
    ${source.rejectColumn ?? 'NULL::VARCHAR'} AS _reject_column,
    ${sourceErr} AS _source_err,
    ${keyBad} AS _key_bad,
    CASE WHEN ${keyBad} THEN ${source.skip ?? 'NULL::VARCHAR'} END AS _row_skip,
    ${values.join(', ')}
  FROM ${source.table} stg ${rowNo.join} ${source.joins ?? ''} ${joins}
),
d AS (SELECT *${projection.derived ? `, ${projection.derived}` : ''} FROM v),
s AS (SELECT *, CASE WHEN NOT (${anyCell}) THEN 'NO_VALUES' ELSE coalesce(${skips.join(', ')}) END AS skip FROM d)
SELECT
  row_no,
  weight,
  ${raw(keyField.name)} AS _key_text,
  ${columns.join(', ')},
  CASE WHEN skip IS NULL THEN coalesce(${errors.join(', ')}) END AS err,
  CASE WHEN err IS NOT NULL THEN ${rejectValueSql(spec)} END AS err_value,
  CASE WHEN err IS NOT NULL THEN _reject_column END AS err_column,
  CAST(NULL AS INTEGER) AS dup_of,
  skip,
  _key_bad AS key_bad
FROM s`;
  return { sql, duplicates: duplicatesSql(spec, target), signature: signatureSql(target), extraKeys: extras.map((x) => x.h) };
}

/**
 * A signature block (`Mengetahui`, `Kepala Dinas …`, a name, `NIP. …`) holds lines that name no
 * record: after its first line, every row without a readable key is part of it.
 */
function signatureSql(norm: string): { candidates: string; mark: string } {
  const start = `(SELECT min(row_no) FROM ${norm} WHERE skip = 'SIGNATURE')`;
  return {
    candidates: `SELECT count(*) AS n FROM ${norm} WHERE skip = 'SIGNATURE'`,
    mark: `UPDATE ${norm} SET skip = 'SIGNATURE', err = NULL, err_value = NULL, err_column = NULL
WHERE key_bad AND skip IS DISTINCT FROM 'SIGNATURE' AND row_no > ${start}`,
  };
}

/**
 * A recipe's `values` for one field: the file's own codes (matched as headers are: case, spaces,
 * dots) read as the canonical values they stand for; other cells as they are.
 */
export function valuesMapped(expr: string, codes: Record<string, string> | undefined): string {
  const entries = Object.entries(codes ?? {});
  if (entries.length === 0) return expr;
  const cases = entries.map(([code, value]) => `WHEN ${quoteLiteral(headerKey(code))} THEN ${quoteLiteral(value)}`).join(' ');
  return `coalesce(CASE pt_key(${expr}) ${cases} END, ${expr})`;
}

/**
 * Of rows sharing a natural key only the last is kept; each earlier one is rejected, naming it. Most
 * files have none, and grouping millions of rows by a text key is dear: a cheap count by the key's
 * hash first (`candidates`), and the exact grouping only over the rows whose hash repeats.
 */
function duplicatesSql(spec: KindSpec, norm: string): { candidates: string; mark: string } {
  const keyCols = spec.key.map(quoteIdent).join(', ');
  const good = `err IS NULL AND skip IS NULL`;
  const repeated = `SELECT h FROM (SELECT hash(${keyCols}) AS h FROM ${norm} WHERE ${good}) GROUP BY h HAVING count(*) > 1`;
  return {
    candidates: `SELECT count(*) AS n FROM (${repeated})`,
    mark: `UPDATE ${norm} n
SET err = '${spec.fields[0]!.name}|DUPLICATE', err_value = n._key_text, dup_of = dup.last_row
FROM (
  SELECT ${keyCols}, max(row_no) AS last_row
  FROM ${norm}
  WHERE ${good} AND hash(${keyCols}) IN (${repeated})
  GROUP BY ALL
  HAVING count(*) > 1
) dup
WHERE n.err IS NULL AND n.skip IS NULL AND ${spec.key.map((k) => `n.${quoteIdent(k)} IS NOT DISTINCT FROM dup.${quoteIdent(k)}`).join(' AND ')}
  AND n.row_no <> dup.last_row`,
  };
}

/** The value shown in a reject: the raw text of the column the problem is in. */
function rejectValueSql(spec: KindSpec): string {
  const cases = spec.fields.map((fl) => `WHEN '${fl.name}' THEN ${raw(fl.name)}`).join(' ');
  return `CASE split_part(err, '|', 1) ${cases} END`;
}

export function insertRejectsSql(norm = 'norm'): string {
  return `INSERT INTO rejects (batch_id, row_no, column_name, value, code, detail)
SELECT
  $batch,
  row_no,
  coalesce(err_column, split_part(err, '|', 1)),
  err_value,
  split_part(err, '|', 2),
  CAST(dup_of AS VARCHAR)
FROM ${norm}
WHERE err IS NOT NULL`;
}

/** The rows with no value in any mapped column: skipped, with that reason. */
export function skippedRowsSql(norm = 'norm'): string {
  return `INSERT INTO skips (batch_id, row_no, code)
SELECT $batch, row_no, skip
FROM ${norm}
WHERE skip IS NOT NULL`;
}

/** The rows the reader rejected itself (`stg_rejects`, see staging.ts, kept per part). */
export function insertReaderRejectsSql(table = 'stg_rejects'): string {
  return `INSERT INTO rejects (batch_id, row_no, column_name, value, code, detail)
SELECT $batch, row_no, column_name, value, code, detail
FROM ${table}`;
}

/** The columns of `stg_rejects`, as a reader's rejects spool file holds them. */
export const STG_REJECTS_COLUMNS = `{'row_no': 'INTEGER', 'column_name': 'VARCHAR', 'value': 'VARCHAR', 'code': 'VARCHAR', 'detail': 'VARCHAR'}`;

function keyMatch(spec: KindSpec, a: string, b: string): string {
  return spec.key.map((k) => `${a}.${quoteIdent(k)} = ${b}.${quoteIdent(k)}`).join(' AND ');
}

function columnList(spec: KindSpec): string {
  return canonicalColumns(spec.table).map(quoteIdent).join(', ');
}

/**
 * The key's date column, where it has one (attendance's date, a performance period's start, …): a
 * batch can replace only rows whose date lies between its own first and last, so the merge reads
 * that range of the table, not all of it (issue 20: a month into a workspace of years costs a month).
 */
export function rangeColumn(spec: KindSpec): string | undefined {
  const columns: Record<string, ColumnDecl> = CANONICAL[spec.table];
  return spec.key.find((k) => columns[k]?.startsWith('DATE'));
}

/** The first and last key date of a batch's rows (`range` binds them as $lo and $hi). */
export function batchRangeSql(spec: KindSpec, norm = 'norm'): string | undefined {
  const column = rangeColumn(spec);
  const day = (agg: string) => `strftime(${agg}(${quoteIdent(column ?? '')}), '%Y-%m-%d')`;
  return column && `SELECT ${day('min')} AS lo, ${day('max')} AS hi FROM ${norm} WHERE err IS NULL AND skip IS NULL`;
}

/** The rows of a normalised part (norm) the import stores: neither rejected nor skipped. */
export const STORED = 'err IS NULL AND skip IS NULL';

/**
 * Newest wins: rows with a key in this batch move to the _replaced table first. With a range column,
 * the statements bind $lo and $hi (batchRangeSql): constants DuckDB compares with each row group's
 * minimum and maximum, skipping the groups outside the batch's dates.
 */
export function mergeSql(spec: KindSpec, norm = 'norm'): { replace: string; remove: string; insert: string } {
  const t = quoteIdent(spec.table);
  const replaced = quoteIdent(replacedTable(spec.table));
  const cols = columnList(spec);
  const column = rangeColumn(spec);
  const inRange = column ? `t.${quoteIdent(column)} BETWEEN CAST($lo AS DATE) AND CAST($hi AS DATE) AND ` : '';
  const hit = `${inRange}EXISTS (SELECT 1 FROM ${norm} n WHERE ${STORED} AND ${keyMatch(spec, 'n', 't')})`;
  return {
    replace: `INSERT INTO ${replaced} (${cols}, batch_id, row_no, replaced_by)
SELECT ${cols}, batch_id, row_no, $batch
FROM ${t} t
WHERE ${hit}`,
    remove: `DELETE FROM ${t} t WHERE ${hit}`,
    insert: `INSERT INTO ${t} (${cols}, batch_id, row_no)
SELECT ${cols}, $batch, row_no
FROM ${norm}
WHERE ${STORED}`,
  };
}

/**
 * Undo: drop the batch's rows, then give back what it replaced — unless a later batch
 * holds that key now, in which case the old row is recorded as replaced by that batch.
 */
export function undoSql(spec: KindSpec): { drop: string[]; handOver: string; restore: string; forget: string } {
  const t = quoteIdent(spec.table);
  const replaced = quoteIdent(replacedTable(spec.table));
  const cols = columnList(spec);
  return {
    drop: [`DELETE FROM ${t} WHERE batch_id = $batch`, `DELETE FROM ${replaced} WHERE batch_id = $batch`],
    handOver: `UPDATE ${replaced} r
SET replaced_by = t.batch_id
FROM ${t} t
WHERE r.replaced_by = $batch AND ${keyMatch(spec, 'r', 't')}`,
    restore: `INSERT INTO ${t} (${cols}, batch_id, row_no)
SELECT ${cols}, batch_id, row_no
FROM ${replaced}
WHERE replaced_by = $batch`,
    forget: `DELETE FROM ${replaced} WHERE replaced_by = $batch`,
  };
}
