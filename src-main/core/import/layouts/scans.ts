import { AppError } from '../../../contract/errors.ts';
import { quoteLiteral } from '../../db/database.ts';
import { headerKey } from '../kinds.ts';
import { rowNoSql, rowSkipSql, type FieldSource } from '../import-sql.ts';
import type { Staged } from '../staging.ts';
import type { LayoutContext } from './layout.ts';

/**
 * The `scans` layout (rules.md §1): a device log of one row per clock event, made into one
 * attendance record per employee-day, all in DuckDB.
 *
 * Two steps, because the import binds the agency and today only in the normalising pass:
 * 1. Here, with no parameters: every scan row parsed once (`stg_scan_rows`: its key, its moment,
 *    the day it belongs to after dayStartsAt, or why it cannot be placed), and the placed scans
 *    grouped by key and day (`stg_scan_days`: first and last scan, how many).
 * 2. In the normalising pass (the source's `table`, a subquery): the roster's PINs and the checks
 *    that need today (NIP, date plausibility). A day whose key or date fails is not judged as one
 *    group: it is expanded back into its scan rows, so each rejected file row is listed with its own
 *    number and counts once (weight 1), as the rows layout does.
 */

/** Headers of a scan log's date column that the attendance `date` field does not list (Fingerspot's `Tanggal Scan`). */
const SCAN_DATE_HEADERS = ['tanggal scan', 'tgl scan', 'scan date', 'date', 'tanggal log'];

/** 'HH:MM' as minutes after midnight. */
function minutesOf(hhmm: string): number {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new AppError('IMPORT_FAILED', `Parameter profil dayStartsAt harus jam HH:MM, bukan "${hhmm}".`,
      `The profile parameter dayStartsAt must be a time HH:MM, not "${hhmm}".`);
  }
  return minutes;
}

/**
 * The mapping as a scan log means it. `Status` in a scan log (Solution, some ZKTeco exports) is the
 * terminal's in/out state, never an attendance code: every record of a scan log is HADIR (rules.md
 * §1). So a column mapped to `status` becomes the scan state when the file has no state column, and
 * is left out otherwise; the import report's mapping says so. A date column named as only scan logs
 * name it is taken as the date beside a time-only scan column.
 */
function scanMapping(staged: Staged): Record<string, number> {
  const cols = staged.mapping.columns;
  if (cols.status !== undefined) {
    if (cols.scanState === undefined) cols.scanState = cols.status;
    else staged.mapping.ignored.push({ column: cols.status, reason: 'SECOND_COLUMN', field: 'scanState' });
    delete cols.status;
  }
  // An absent flag or a check-in column means nothing here (a scan log has neither; see detectLayout).
  delete cols.absent;
  if (cols.date === undefined) {
    const used = new Set(Object.values(cols));
    const i = staged.headers.findIndex((h, k) => !used.has(k) && SCAN_DATE_HEADERS.includes(headerKey(h)));
    if (i >= 0) {
      cols.date = i;
      // `Tanggal Scan` is also a synonym of the scan time: beside `Jam` the mapping passed it over as a second column.
      staged.mapping.ignored = staged.mapping.ignored.filter((x) => x.column !== i);
    }
  }
  return cols;
}

// A scan cell split into its date part (may be empty) and its clock; AM/PM as ZKTeco's US-style exports write it.
const CLOCK_SPLIT = quoteLiteral(String.raw`(?is)^[\s']*(.*?)[\sT,]*(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?:[.,]\d+)?\s*([ap]\.?m\.?)?\s*(?:wib|wita|wit)?\s*$`);

/**
 * A row with an employee and a date but no time: some exports list the days without a scan so. As in
 * the rows layout, such a row is the export's way of writing "no record" (skipped NO_RECORD, or
 * DAY_OFF on a day off): it is handed to the normalising pass with its date and no error.
 */
const NO_SCAN = `'scanTime|NO_SCAN'`;

export async function scansSource(ctx: LayoutContext): Promise<FieldSource> {
  const { db, staged } = ctx;
  const cols = scanMapping(staged);
  const shift = minutesOf(ctx.dayStartsAt);
  // The identifier: a NIP column (or `nik`, which the mapping takes only where no NIP column is), else a PIN column.
  const byPin = cols.nip === undefined && cols.pin !== undefined;
  const keyCol = cols.nip ?? cols.pin;
  const cell = (i: number | undefined) => (i === undefined ? 'NULL::VARCHAR' : `stg.c${i}`);
  const rowNo = rowNoSql(staged);
  const keyOf = byPin ? 'pt_text(k)' : 'pt_nip(k)';
  // Every distinct text is parsed once (a log repeats its keys, dates and clocks endlessly), joined back by hash.
  await db.run(`CREATE OR REPLACE TEMP TABLE stg_scan_rows AS
WITH ids AS (
  SELECT k, ${keyOf} AS id FROM (SELECT DISTINCT ${cell(keyCol)} AS k FROM stg WHERE ${cell(keyCol)} IS NOT NULL)
),
split AS (
  SELECT k, pt_text(k) IS NULL AS blank,
    CASE WHEN starts_with(k, chr(31)) THEN NULL ELSE regexp_extract(k, ${CLOCK_SPLIT}, 1) END AS d,
    CASE WHEN starts_with(k, chr(31)) THEN k ELSE regexp_extract(k, ${CLOCK_SPLIT}, 2) END AS t,
    lower(regexp_extract(k, ${CLOCK_SPLIT}, 3)) AS ap,
    -- A number (a workbook's date-time serial) holds its own date.
    CASE WHEN starts_with(k, chr(31)) THEN pt_date(k) END AS num_date
  FROM (SELECT DISTINCT ${cell(cols.scanTime)} AS k FROM stg WHERE ${cell(cols.scanTime)} IS NOT NULL)
),
own_dates AS (SELECT d, pt_date(d) AS v FROM (SELECT DISTINCT d FROM split WHERE d <> '')),
clocks AS (
  SELECT DISTINCT t, ap, CASE
      WHEN starts_with(ap, 'p') AND hour(pt__time_any(t)) < 12 THEN pt__time_any(t) + INTERVAL 12 HOUR
      WHEN starts_with(ap, 'a') AND hour(pt__time_any(t)) = 12 THEN pt__time_any(t) - INTERVAL 12 HOUR
      ELSE pt__time_any(t) END AS v
  FROM split WHERE t <> ''
),
scans AS (
  SELECT split.k, split.blank, clocks.v AS clock,
    coalesce(split.num_date, own_dates.v) AS own_date, split.d <> '' AND own_dates.v IS NULL AS bad_own_date
  FROM split LEFT JOIN own_dates ON own_dates.d = split.d LEFT JOIN clocks ON clocks.t = split.t AND clocks.ap IS NOT DISTINCT FROM split.ap
),
col_dates AS (
  SELECT k, pt_date(k) AS v, pt_text(k) IS NULL AS blank FROM (SELECT DISTINCT ${cell(cols.date)} AS k FROM stg WHERE ${cell(cols.date)} IS NOT NULL)
),
placed AS (
  SELECT stg.*, ${rowNo.expr} AS s_row_no, ids.id AS s_id,
    coalesce(scans.own_date, col_dates.v) + scans.clock AS s_ts,
    CASE
      WHEN ids.id IS NULL THEN NULL
      WHEN scans.blank IS NULL OR scans.blank THEN ${cols.date === undefined ? `'scanTime|REQUIRED'` : NO_SCAN}
      WHEN scans.clock IS NULL THEN 'scanTime|TIME_INVALID'
      WHEN scans.bad_own_date THEN 'scanTime|DATE_INVALID'
      WHEN scans.own_date IS NOT NULL THEN NULL
      WHEN ${cols.date === undefined ? 'true' : 'false'} THEN 'scanTime|DATE_INVALID'
      WHEN col_dates.blank IS NULL OR col_dates.blank THEN 'date|REQUIRED'
      WHEN col_dates.v IS NULL THEN 'date|DATE_INVALID'
    END AS s_err
  FROM stg ${rowNo.join}
  LEFT JOIN ids ON ids.k = ${cell(keyCol)}
  LEFT JOIN scans ON scans.k = ${cell(cols.scanTime)}
  LEFT JOIN col_dates ON col_dates.k = ${cell(cols.date)}
)
SELECT
  stg.s_row_no AS row_no, stg.s_id AS id, stg.s_ts AS ts,
  CAST(stg.s_ts - INTERVAL ${shift} MINUTE AS DATE) AS day,
  stg.s_id IS NOT NULL AND stg.s_err IS NULL AS grouped,
  stg.s_err AS err,
  ${cell(keyCol)} AS id_raw, ${cell(cols.pin)} AS pin_raw, ${cell(cols.scanTime)} AS scan_raw, ${cell(cols.date)} AS date_raw,
  ${cell(cols.name)} AS name, ${cell(cols.unitName)} AS unit_name, ${cell(cols.mode)} AS mode, ${cell(cols.scanState)} AS scan_state,
  -- Totals, signature lines, repeated headers: looked for only in rows that make no scan.
  CASE WHEN stg.s_id IS NULL OR stg.s_err IS NOT NULL THEN ${rowSkipSql(staged)} END AS skip
FROM placed stg`);
  // One employee-day: the first scan is the check-in; the last is the check-out when it is a later minute
  // (times are kept to the minute, so a double tap is no check-out). The state column plays no part:
  // terminals record whatever key was pressed. Other cells come from the day's first scan that has them.
  const first = (c: string) => `arg_min(${c}, ts) FILTER (WHERE ${c} IS NOT NULL) AS ${c}`;
  await db.run(`CREATE OR REPLACE TEMP TABLE stg_scan_days AS
SELECT id, day, arg_min(row_no, ts) AS row_no, count(*) AS weight,
  strftime(min(ts), '%H:%M') AS check_in,
  CASE WHEN date_trunc('minute', max(ts)) > date_trunc('minute', min(ts)) THEN strftime(max(ts), '%H:%M') END AS check_out,
  arg_min(id_raw, ts) AS id_raw, arg_min(scan_raw, ts) AS scan_raw,
  ${['pin_raw', 'name', 'unit_name', 'mode', 'scan_state'].map(first).join(', ')}
FROM stg_scan_rows
WHERE grouped
GROUP BY id, day;
CREATE OR REPLACE TEMP TABLE stg_scan_keys AS SELECT DISTINCT id FROM stg_scan_days;
CREATE OR REPLACE TEMP TABLE stg_scan_dates AS SELECT DISTINCT day FROM stg_scan_days`);

  // Evaluated inside the normalising pass, where $agency and $today are bound.
  const pins = `SELECT pin, any_value(nip) AS nip FROM employees WHERE agency = $agency AND pin IS NOT NULL GROUP BY pin`;
  const table = `(
WITH pins AS (${pins}),
keys AS (
  SELECT k.id, ${byPin ? 'pins.nip' : 'k.id'} AS nip,
    ${byPin ? 'pins.nip IS NULL' : 'pt_nip_problem(k.id, $today) IS NOT NULL'} AS bad
  FROM stg_scan_keys k ${byPin ? 'LEFT JOIN pins ON pins.pin = k.id' : ''}
),
dates AS (SELECT day, pt_date_check(day, $today) IS NOT NULL AS bad FROM stg_scan_dates),
loose AS (
  SELECT r.* FROM stg_scan_rows r
  WHERE NOT r.grouped OR r.id IN (SELECT id FROM keys WHERE bad) OR r.day IN (SELECT day FROM dates WHERE bad)
)
SELECT d.row_no, d.weight, keys.nip, ${byPin ? 'd.id_raw' : 'd.pin_raw'} AS pin, strftime(d.day, '%Y-%m-%d') AS date,
  d.check_in, d.check_out, d.scan_raw AS scan_time, d.name, d.unit_name, d.mode, d.scan_state,
  NULL::VARCHAR AS err, NULL::VARCHAR AS skip
FROM stg_scan_days d JOIN keys ON keys.id = d.id JOIN dates ON dates.day = d.day
WHERE NOT keys.bad AND NOT dates.bad
UNION ALL
SELECT r.row_no, 1, ${byPin ? 'pins.nip' : 'r.id_raw'}, ${byPin ? 'r.id_raw' : 'r.pin_raw'},
  CASE WHEN r.grouped THEN strftime(r.day, '%Y-%m-%d') WHEN starts_with(r.err, 'date|') OR r.err = ${NO_SCAN} THEN r.date_raw END,
  CASE WHEN r.grouped THEN strftime(r.ts, '%H:%M') END, NULL, r.scan_raw, r.name, r.unit_name, r.mode, r.scan_state,
  coalesce(${byPin ? `CASE WHEN r.id IS NOT NULL AND pins.nip IS NULL THEN 'pin|PIN_UNKNOWN' END` : 'NULL'},
    CASE WHEN r.err <> ${NO_SCAN} THEN r.err END), r.skip
FROM loose r ${byPin ? 'LEFT JOIN pins ON pins.pin = r.id' : ''}
)`;
  const fields: Record<string, string> = {
    nip: 'stg.nip', date: 'stg.date', checkIn: 'stg.check_in', checkOut: 'stg.check_out', scanTime: 'stg.scan_time',
  };
  if (cols.pin !== undefined) fields.pin = 'stg.pin';
  if (cols.name !== undefined) fields.name = 'stg.name';
  if (cols.unitName !== undefined) fields.unitName = 'stg.unit_name';
  if (cols.mode !== undefined) fields.mode = 'stg.mode';
  if (cols.scanState !== undefined) fields.scanState = 'stg.scan_state';
  return {
    table,
    fields,
    rowNo: { expr: 'stg.row_no', join: '' },
    weight: 'stg.weight',
    errors: ['stg.err'],
    skip: 'stg.skip',
  };
}
