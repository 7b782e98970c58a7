import { AppError } from '../../../contract/errors.ts';
import { quoteIdent, quoteLiteral } from '../../db/database.ts';
import { filledCellsSql, rowNoSql, rowSkipSql, type FieldSource } from '../import-sql.ts';
import { DAY_NAME } from '../normalise-sql.ts';
import { stripMark } from '../staging.ts';
import type { LayoutContext } from './layout.ts';
import { dayColumns } from './title.ts';
import { ymText } from './title.ts';

/** The fields a wide sheet holds in columns of its own, once per row: who the row is about. */
const IDENTITY = ['nip', 'pin', 'name', 'unitName'] as const;

// `07:30-16:00`, `07.30 - 16.00`, `07:30 s/d 16:00`, or a check-in alone (`07:30`, `07:30 -`).
const TIME_RANGE = String.raw`(?i)^(\d{1,2}[:.]\d{2})(?:[:.]\d{2})?(?:\s*(?:-|–|—|/|s\.?\s*/?\s*d\.?)\s*(?:(\d{1,2}[:.]\d{2})(?:[:.]\d{2})?)?)?$`;

// A day name as dates are written with it, or its one-letter abbreviation over a day column.
const DAY_HEADER = String.raw`(?:${DAY_NAME}|[smrkjtwf])\.?`;

// A dash in a day cell is how these sheets draw a day with nothing recorded, as an empty cell.
const NOTHING = ['-', '--', '–', '—'];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A wide sheet (rules.md §1, Layouts): one row per employee, one column per day. Each filled day
 * cell becomes a row of `stg_wide`, the cell's code read as a status and mode, or its time range as
 * the check-in and check-out; a total or signature row becomes one row (it is skipped once, not once
 * per cell), and a row with no filled day one row with no values. The part's row count is the count
 * of those rows: a day cell is what the import counts, imports or rejects.
 */
export async function wideSource(ctx: LayoutContext): Promise<FieldSource> {
  const { db, staged, month } = ctx;
  const days = dayColumns(staged.headers);
  if (days.length === 0) {
    throw new AppError('IMPORT_FAILED',
      `Lembar ini tidak memiliki kolom hari (judul kolom 1 sampai 31 atau tanggal), jadi tidak dapat dibaca sebagai rekap bulanan satu kolom per hari.`,
      `This sheet has no day columns (headers 1 to 31, or dates), so it cannot be read as a monthly sheet with one column per day.`);
  }
  const dated = days.map((d) => {
    if (d.date !== undefined) return { ...d, date: d.date };
    // planPart refuses a sheet of day numbers without a month, so one is here.
    if (!month) throw new Error('wide layout: day-number columns need the month');
    // Not checked against the month's length: day 31 of November gives a date pt_date cannot read,
    // so a filled cell under it is rejected as an invalid date, naming its day column.
    return { ...d, date: `${ymText(month)}-${pad(d.day!)}` };
  });
  const cols = staged.mapping.columns;
  const idents = IDENTITY.filter((f) => cols[f] !== undefined);
  const identCols = idents.map((f) => `stg.c${cols[f]} AS ${quoteIdent(f)}`);
  const keyIndex = cols.nip ?? cols.pin;
  const key = keyIndex === undefined ? 'NULL::VARCHAR' : `stg.c${keyIndex}`;
  const viaPin = cols.nip === undefined && cols.pin !== undefined;
  const rowNo = rowNoSql(staged);
  const cells = dated.map((d) =>
    `{'h': ${quoteLiteral(stripMark(staged.headers[d.column] ?? '').trim())}, 'd': ${quoteLiteral(d.date)}, 'v': stg.c${d.column}}`);
  const t = 'cell';
  const range = `regexp_full_match(${t}, ${quoteLiteral(TIME_RANGE)})`;
  const identNames = idents.map(quoteIdent);
  const keyField = cols.nip !== undefined ? 'nip' : 'pin';
  const wholeIdents = idents.map((f) => (f === keyField ? `coalesce(${quoteIdent(f)}, label) AS ${quoteIdent(f)}` : quoteIdent(f)));
  const identNulls = idents.map((f) => `NULL::VARCHAR AS ${quoteIdent(f)}`);
  const noCell = ['day_column', 'date', 'status', 'mode', 'check_in', 'check_out'].map((c) => `NULL::VARCHAR AS ${c}`);
  // A row of day names under the day numbers (`Sen`, `Sel`, `R`, `K` …) with no key is part of the
  // header, not an employee's days: `S` there is Sabtu, not sakit.
  const dayNames = `pt_text(${key}) IS NULL AND list_bool_and(list_transform(${filledCellsSql(dated.map((d) => `stg.c${d.column}`))},
    x -> regexp_full_match(lower(x), ${quoteLiteral(DAY_HEADER)})))`;
  await db.run(`CREATE OR REPLACE TEMP TABLE stg_wide AS
WITH b AS (
  SELECT
    ${rowNo.expr} AS row_no,
    coalesce(${rowSkipSql(staged)}, CASE WHEN ${dayNames} THEN 'REPEATED_HEADER' END) AS row_skip,
    ${[...identCols, ''].join(',\n    ')}
    ${viaPin ? 'true' : `pt_text(${key}) IS NOT NULL AND pt_nip_problem(${key}, current_date) IS NULL`} AS key_ok,
    -- A total or signature row is one row whatever it holds under the days; a row whose key reads as
    -- digits is an employee's even so (the skip would not be taken for it).
    row_skip IS NOT NULL AND NOT coalesce(regexp_full_match(pt_nip(${key}), '[0-9]+'), false) AS whole,
    -- Its label (\`Jumlah\` under a \`No\` column) stands in for an empty key: a row with no value in
    -- any field would be skipped as holding none, not as the total it is.
    CASE WHEN whole THEN ${filledCellsSql(staged.headers.map((_, i) => `stg.c${i}`))}[1] END AS label,
    [${cells.join(', ')}] AS days
  FROM stg ${rowNo.join}
),
u AS (
  SELECT row_no, row_skip, ${[...identNames, ''].join(', ')} key_ok, unnest(days) AS d FROM b WHERE NOT whole
),
filled AS (
  SELECT row_no, row_skip, ${[...identNames, ''].join(', ')} key_ok, d.h AS day_column, d.d AS date, pt_text(d.v) AS ${t}
  FROM u
  WHERE pt_text(d.v) IS NOT NULL AND pt_text(d.v) NOT IN (${NOTHING.map(quoteLiteral).join(', ')})
)
SELECT row_no, row_skip, ${[...identNames, ''].join(', ')} key_ok, day_column, date,
  CASE WHEN ${range} THEN NULL WHEN pt_mode(${t}) = 'DL' THEN 'DINAS_LUAR' WHEN pt_mode(${t}) IS NOT NULL THEN 'HADIR' ELSE ${t} END AS status,
  CASE WHEN ${range} THEN NULL WHEN pt_mode(${t}) IS NOT NULL THEN ${t} END AS mode,
  CASE WHEN ${range} THEN regexp_extract(${t}, ${quoteLiteral(TIME_RANGE)}, 1) END AS check_in,
  CASE WHEN ${range} THEN nullif(regexp_extract(${t}, ${quoteLiteral(TIME_RANGE)}, 2), '') END AS check_out
FROM filled
UNION ALL BY NAME
SELECT row_no, row_skip, ${[...wholeIdents, ''].join(', ')} key_ok, ${noCell.join(', ')}
FROM b WHERE whole
UNION ALL BY NAME
-- An employee with no day recorded, a blank line, a name under a signature: one row, no values.
SELECT row_no, NULL::VARCHAR AS row_skip, ${[...identNulls, ''].join(', ')} false AS key_ok, ${noCell.join(', ')}
FROM b WHERE NOT whole AND row_no NOT IN (SELECT row_no FROM filled)`);
  // The reader counted sheet rows; a wide part's rows are its day cells (and the rows without one),
  // each imported, rejected or skipped on its own. The reader's own rejects stay rows of the file.
  const { n, rows } = (await db.one<{ n: number; rows: number }>('SELECT count(*)::INTEGER AS n, count(DISTINCT row_no)::INTEGER AS rows FROM stg_wide'))!;
  // Every sheet row the reader counted is in stg_wide at least once: checked against the reader's
  // count before the day cells replace it.
  if (rows + staged.rejected !== staged.records) {
    throw new AppError('IMPORT_FAILED',
      `Lembar berisi ${staged.records} baris data, tetapi ${rows + staged.rejected} terbaca sebagai baris rekap. Tidak ada yang disimpan dari berkas ini.`,
      `The sheet has ${staged.records} data rows, but ${rows + staged.rejected} were read as recap rows. Nothing from this file was stored.`);
  }
  staged.records = n + staged.rejected;
  const fields: Record<string, string> = {};
  for (const f of idents) fields[f] = `stg.${quoteIdent(f)}`;
  Object.assign(fields, { date: 'stg.date', status: 'stg.status', mode: 'stg.mode', checkIn: 'stg.check_in', checkOut: 'stg.check_out' });
  // A problem with who the row is about is the key's, not the day's: only a readable key's rejects
  // name the day column (a PIN's lookup is the roster join that withPins adds as `pins`).
  const keyOk = viaPin ? 'pins.nip IS NOT NULL' : 'stg.key_ok';
  return {
    table: 'stg_wide',
    fields,
    rowNo: { expr: 'stg.row_no', join: '' },
    skip: 'stg.row_skip',
    rejectColumn: `CASE WHEN ${keyOk} THEN stg.day_column END`,
  };
}
