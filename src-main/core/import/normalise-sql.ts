import type { Db } from '../db/database.ts';

/**
 * Value normalisation as DuckDB TEMP macros, so a whole staging table is
 * converted in one set-based statement instead of row by row in JavaScript.
 * Every macro returns NULL (never raises) for input it cannot read: one bad
 * cell may reject its row, it must not abort the import of a million others.
 *
 * Staging conventions: an XLSX numeric cell arrives as NUM_MARK + String(n);
 * an XLSX date cell as 'YYYY-MM-DD[ HH:MM:SS]' or time-only 'HH:MM:SS';
 * anything else as the text in the file. What each field accepts: docs/import.md, Values.
 *
 * How the SQL is shaped, and why:
 * - A macro argument is pasted in as an expression wherever the body names it,
 *   and macros nest, so a helper that names its argument five times costs five
 *   copies at planning time (each regex in a copy is compiled anew). The macros
 *   therefore work on the raw cell where they can (patterns allow surrounding
 *   whitespace and ignore case) instead of naming a cleaned copy many times.
 * - At run time DuckDB shares a repeated expression only where it is always
 *   evaluated: function and COALESCE arguments and the first WHEN of a CASE. A
 *   copy that appears only in a THEN, ELSE or later WHEN runs again. So each
 *   CASE tests its costly input in its first WHEN, and alternatives are joined
 *   with coalesce() rather than nested in CASE branches.
 * - Formats are recognised with regexp_full_match (RE2's DFA, cheap) and only
 *   then taken apart, so a row pays for one extraction, not one per format.
 * - No lambdas (list_transform as a 'let'): measured 20 to 300 times slower,
 *   as maps and patterns inside a lambda are not treated as constants.
 */
export const NUM_MARK = '\u001F';

/** SQL string literal; some patterns contain quotes (Jum'at). */
function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function macro(signature: string, body: string): string {
  return `CREATE OR REPLACE TEMP MACRO ${signature} AS (${body.trim()})`;
}

function mapLiteral(entries: ReadonlyArray<readonly [string, string | number]>): string {
  const value = (v: string | number) => (typeof v === 'number' ? String(v) : lit(v));
  return `MAP {${entries.map(([k, v]) => `${lit(k)}: ${value(v)}`).join(', ')}}`;
}

/** Several spellings, one canonical value. */
function codes<T extends string | number>(canonical: T, ...spellings: string[]): Array<[string, T]> {
  return spellings.map((spelling) => [spelling, canonical]);
}

/** 'tl1' also written 'tl 1' or 'tl-1'. */
function numberedCodes(canonical: string, prefix: string, last: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let n = 1; n <= last; n++) {
    out.push(...codes(canonical, `${prefix}${n}`, `${prefix} ${n}`, `${prefix}-${n}`));
  }
  return out;
}

// NBSP and other Unicode spaces come with exports copied from web reports, the
// BOM with the first cell of a file. (A regex: DuckDB's trim(s, chars) is ten
// times slower with a set of characters.)
const SPACE = String.raw`[\s\x{0B}\p{Z}\x{200B}\x{FEFF}]`;
const MARK = 'chr(31)';

const MONTH_NAMES: ReadonlyArray<readonly [string, number]> = [
  ...codes(1, 'januari', 'jan', 'january'),
  ...codes(2, 'februari', 'pebruari', 'feb', 'peb', 'february'),
  ...codes(3, 'maret', 'mar', 'march'),
  ...codes(4, 'april', 'apr'),
  ...codes(5, 'mei', 'may'),
  ...codes(6, 'juni', 'jun', 'june'),
  ...codes(7, 'juli', 'jul', 'july'),
  ...codes(8, 'agustus', 'agu', 'agt', 'ags', 'aug', 'august'),
  ...codes(9, 'september', 'sep', 'sept'),
  ...codes(10, 'oktober', 'okt', 'oct', 'october'),
  ...codes(11, 'november', 'nopember', 'nov', 'nop'),
  ...codes(12, 'desember', 'des', 'dec', 'december'),
];

// Day names are skipped, not checked against the date: exports that print
// them derived them from the date anyway.
export const DAY_NAME = String.raw`(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|sen|sel|rab|kam|jum|sab|min|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)`;
const YEAR = String.raw`(?:19\d\d|20\d\d|2100)`;
const ZONE = String.raw`(?:\s*(?:wib|wita|wit|z))?`;
const CLOCK = String.raw`(?:\s+|t)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?${ZONE}`;

// Excel's text marker: a cell typed as '0812 or '21/04/2025 keeps the apostrophe in CSV exports
// (and some systems write it to keep a NIP as text). It is dropped from every cell, as the start of
// every pattern: one apostrophe, before or after leading whitespace.
const OPEN = String.raw`${SPACE}*(?:'${SPACE}*)?`;

/** A full-match pattern on the raw cell: any case, surrounding whitespace and the text marker allowed. */
function loose(pattern: string): string {
  return `(?i)${OPEN}${pattern}${SPACE}*`;
}

// Dates. Alternations keep both separators equal (RE2 has no back-references);
// the *_CANON patterns rewrite a recognised cell to 'Y-M-D' for TRY_CAST, which
// rejects impossible days such as 31/02. YEAR keeps years in 1900-2100.
const YMD_FULL = loose(String.raw`${YEAR}(?:/\d{1,2}/\d{1,2}|-\d{1,2}-\d{1,2}|\.\d{1,2}\.\d{1,2})(?:${CLOCK})?`);
const YMD_CANON = String.raw`(?s)^${OPEN}(\d{4})\D(\d{1,2})\D(\d{1,2}).*`;
const DMY_FULL = loose(String.raw`\d{1,2}(?:/\d{1,2}/|-\d{1,2}-|\.\d{1,2}\.)${YEAR}(?:${CLOCK})?`);
const DMY_CANON = String.raw`(?s)^${OPEN}(\d{1,2})\D(\d{1,2})\D(\d{4}).*`;
// A two-digit year is 20yy ('14/10/25', '14-Jul-25': what Excel shows for a short date in English
// settings); only with '/' or '-', as '07.31.05' is a time.
const DMY2_FULL = loose(String.raw`\d{1,2}(?:/\d{1,2}/|-\d{1,2}-)\d{2}(?:${CLOCK})?`);
const DMY2_CANON = String.raw`(?s)^${OPEN}(\d{1,2})\D(\d{1,2})\D(\d{2}).*`;
const NAMED_FULL = loose(String.raw`(?:${DAY_NAME}\s*,?\s*)?\d{1,2}[\s./-]+[a-z]+[\s./-]+(?:${YEAR}|\d{2})(?:${CLOCK})?`);
// Unanchored: day names hold no digits, so the first number is the day.
const NAMED_PARTS = String.raw`(\d{1,2})[\s./-]+([A-Za-z]+)[\s./-]+(\d{4}|\d{2})`;
const COMPACT_FULL = loose(String.raw`${YEAR}\d{4}`);
const COMPACT_CANON = String.raw`^${OPEN}(\d{4})(\d{2})(\d{2})${SPACE}*$`;
const SERIAL_FULL = loose(String.raw`\d{5}(?:\.\d+)?`);

// Times. Ranges live in the full match so that 24:00, 25:61 or 7:5 never pass.
const DATE_PREFIX = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2}[-/]\d{1,2}[-/]\d{2}|(?:${DAY_NAME}\s*,?\s*)?\d{1,2}[\s./-]+[a-z]+[\s./-]+(?:\d{4}|\d{2}))`;
const TIME_FULL = loose(
  String.raw`(?:${DATE_PREFIX}(?:\s+|t))?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d(?:[.,]\d+)?)?${ZONE}`,
);
// Lazy prefix: the only place where the rest can run to the end is the clock.
const TIME_CANON = String.raw`(?is)^.*?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?${ZONE}${SPACE}*$`;

// A time cell of a missing scan, besides 00:00 (which pt_time reads as no time): dashes as
// attendance systems print them, and the en dash Excel's autocorrect makes of one.
const TIME_PLACEHOLDERS = ['-', '--', '–', '—', '--:--', '--.--', '--:--:--'];

// Indonesian numbers: with a comma, dots group thousands; without one only a
// strict 1.234(.567) is grouped, otherwise a dot is the decimal point.
const NUM_GROUPED = String.raw`[+-]?(?:(?:\d{1,3}(?:\.\d{3})+|\d+),\d+|\d{1,3}(?:\.\d{3})+)%?`;
const NUM_PLAIN = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)%?`;

// NIP: spaces and dots anywhere, the mark and an apostrophe (Excel's text
// prefix) in front. '1.98609E+17' means Excel stored the NIP as a number.
const NIP_NOISE = String.raw`^\x{1F}|^(?:${SPACE}|\.)*['’\x60]+|${SPACE}|\.`;
// Tested on the NIP text, where spaces, dots and the apostrophe are already gone.
const SCIENTIFIC = String.raw`[+-]?\d+(?:,\d+)?[eE][+-]?\d+`;

// Period ranges ('01/01/2025 s.d. 31/12/2025') are rewritten to 'Y-M-D|Y-M-D'.
const UNTIL = String.raw`\s*(?:s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga|to|[-–—])\s*`;
const RANGE_DMY = String.raw`(?i)^${OPEN}(\d{1,2})[/.-](\d{1,2})[/.-](${YEAR})${UNTIL}(\d{1,2})[/.-](\d{1,2})[/.-](${YEAR})${SPACE}*$`;
const RANGE_YMD = String.raw`(?i)^${OPEN}(${YEAR})[/.-](\d{1,2})[/.-](\d{1,2})${UNTIL}(${YEAR})[/.-](\d{1,2})[/.-](\d{1,2})${SPACE}*$`;
const RANGE_CANON = String.raw`^(\d{4}-\d{1,2}-\d{1,2})\|(\d{4}-\d{1,2}-\d{1,2})$`;

/** The first plausible date of any record (see pt_date_check). */
const PLAUSIBLE_FROM = '2000-01-01';

const SERIAL_MAX = 73415; // 1899-12-30 + 73415 days = 2100-12-31

/**
 * Every period name (spaces, hyphens and the prefixes folded by pt__period_code
 * removed) with its months coded as first * 100 + last: one small integer, so
 * the lookup is named once for each date.
 */
function periodCodes(): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const word of ['', 'tahunan', 'tahun', 'annual', 'yearly', 'year', 'setahun', '1tahun', 'satutahun']) {
    out.push([word, 112]);
  }
  for (const [name, m] of MONTH_NAMES) out.push([name, m * 101]);
  for (let m = 1; m <= 12; m++) {
    out.push([String(m), m * 101]);
    if (m < 10) out.push([`0${m}`, m * 101]);
  }
  const romans = ['i', 'ii', 'iii', 'iv'];
  for (let q = 1; q <= 4; q++) {
    const code = (3 * q - 2) * 100 + 3 * q;
    out.push([`q${q}`, code], [`q${romans[q - 1]}`, code]);
  }
  for (let h = 1; h <= 2; h++) {
    const code = (6 * h - 5) * 100 + 6 * h;
    out.push([`sem${h}`, code], [`sem${romans[h - 1]}`, code]);
  }
  return out;
}

/** Internal helpers (pt__*); installed first because the public macros expand them. */
const HELPERS: readonly string[] = [
  // The mark, the text marker and surrounding whitespace stripped; '' rather than NULL.
  // Most cells have none, and the cheap test spares them the global replace.
  macro(
    'pt__clean(s)',
    `CASE WHEN regexp_matches(s, '^(?:\\x{1F}|${SPACE}|'')|${SPACE}$')
       THEN regexp_replace(s, '^\\x{1F}?${OPEN.replaceAll("'", "''")}|${SPACE}+$', '', 'g') ELSE s END`,
  ),
  // pt_key without its NULL for '': nullif would name the whole chain twice. The
  // mark joins the whitespace class; it can only lead, so trim() drops it, as it
  // drops the text marker turned into a space.
  macro(
    'pt__key(s)',
    `trim(regexp_replace(
       replace(replace(regexp_replace(lower(s), '\\([^()]*\\)', '', 'g'), '_', ' '), '.', ''),
       '^(?:${SPACE}|\\x{1F})*''|(?:${SPACE}|\\x{1F})+', ' ', 'g'))`,
  ),
  macro('pt__month(k)', `${mapLiteral(MONTH_NAMES)}[lower(k)]`),
  // Excel's day 0 is 1899-12-30 (its phantom 1900-02-29 shifts the epoch).
  macro(
    'pt__serial(k)',
    `CASE WHEN k BETWEEN 2 AND ${SERIAL_MAX} THEN DATE '1899-12-30' + CAST(k AS INTEGER) END`,
  ),
  // right('20' || y, 4): a two-digit year is 20yy, a four-digit one stays as it is.
  macro(
    'pt__named_date(t)',
    `TRY_CAST(right('20' || regexp_extract(t, ${lit(NAMED_PARTS)}, 3), 4) || '-' || pt__month(regexp_extract(t, ${lit(NAMED_PARTS)}, 2))
       || '-' || regexp_extract(t, ${lit(NAMED_PARTS)}, 1) AS DATE)`,
  ),
  macro(
    'pt__date_from_text(t)',
    `CASE
       WHEN regexp_full_match(t, ${lit(YMD_FULL)}) THEN TRY_CAST(regexp_replace(t, ${lit(YMD_CANON)}, '\\1-\\2-\\3') AS DATE)
       WHEN regexp_full_match(t, ${lit(DMY_FULL)}) THEN TRY_CAST(regexp_replace(t, ${lit(DMY_CANON)}, '\\3-\\2-\\1') AS DATE)
       WHEN regexp_full_match(t, ${lit(DMY2_FULL)}) THEN TRY_CAST(regexp_replace(t, ${lit(DMY2_CANON)}, '20\\3-\\2-\\1') AS DATE)
       WHEN regexp_full_match(t, ${lit(NAMED_FULL)}) THEN pt__named_date(t)
       WHEN regexp_full_match(t, ${lit(COMPACT_FULL)}) THEN TRY_CAST(regexp_replace(t, ${lit(COMPACT_CANON)}, '\\1-\\2-\\3') AS DATE)
       WHEN regexp_full_match(t, ${lit(SERIAL_FULL)}) THEN pt__serial(TRY_CAST(regexp_extract(t, '\\d{5}', 0) AS INTEGER))
     END`,
  ),
  // A number-formatted 20250421 is a date typed without separators, not a serial.
  macro(
    'pt__date_from_number(x)',
    `CASE
       WHEN regexp_full_match(x, ${lit(YEAR + String.raw`\d{4}`)})
         THEN TRY_CAST(regexp_replace(x, '^(\\d{4})(\\d{2})(\\d{2})$', '\\1-\\2-\\3') AS DATE)
       WHEN regexp_full_match(x, '\\d{1,6}(?:\\.\\d+)?') THEN pt__serial(TRY_CAST(split_part(x, '.', 1) AS INTEGER))
     END`,
  ),
  // Excel keeps a time as a fraction of a day; a date-time keeps it after the point. It is read to
  // the second as Excel shows it (07:31 is stored as 07:30:59.99999...), then the seconds dropped.
  macro(
    'pt__time_from_number(x)',
    `CASE WHEN regexp_full_match(x, '\\d+(?:\\.\\d+)?(?:e-\\d+)?') THEN
       TIME '00:00:00' + to_seconds(
         CAST(round((TRY_CAST(x AS DOUBLE) - floor(TRY_CAST(x AS DOUBLE))) * 86400) AS INTEGER) % 86400 // 60 * 60)
     END`,
  ),
  // Seconds are checked by TIME_FULL, then left out of the value: times are kept to the minute.
  macro(
    'pt__time_from_text(t)',
    `CASE WHEN regexp_full_match(t, ${lit(TIME_FULL)})
       THEN TRY_CAST(regexp_replace(t, ${lit(TIME_CANON)}, '\\1:\\2') AS TIME) END`,
  ),
  // Any time the cell holds, 00:00 included.
  macro(
    'pt__time_any(s)',
    `coalesce(
       CASE WHEN starts_with(s, ${MARK}) THEN pt__time_from_number(substr(s, 2)) END,
       pt__time_from_text(s))`,
  ),
  macro('pt__finite(x)', `CASE WHEN isfinite(x) THEN x END`),
  macro(
    'pt__num_from_text(u)',
    `CASE
       WHEN regexp_full_match(u, ${lit(NUM_GROUPED)})
         THEN TRY_CAST(replace(replace(replace(u, '%', ''), '.', ''), ',', '.') AS DOUBLE)
       WHEN regexp_full_match(u, ${lit(NUM_PLAIN)}) THEN TRY_CAST(replace(u, '%', '') AS DOUBLE)
     END`,
  ),
  // The NIP digits, '' when the cell is empty.
  macro('pt__nip_text(s)', `regexp_replace(s, ${lit(NIP_NOISE)}, '', 'g')`),
  // n is 18 digits when these run, so fixed-width text compares as numbers
  // (plain substr and comparisons: these run on every NIP of every row).
  macro(
    'pt__nip_birth_ok(n, today)',
    `TRY_CAST(substr(n, 1, 4) || '-' || substr(n, 5, 2) || '-' || substr(n, 7, 2) AS DATE) IS NOT NULL
       AND substr(n, 1, 8) BETWEEN '19400101' AND strftime(today - INTERVAL 17 YEAR, '%Y%m%d')`,
  ),
  macro(
    'pt__nip_pns(n, today)',
    `substr(n, 13, 2) BETWEEN '01' AND '12'
       AND substr(n, 9, 6) <= strftime(today, '%Y%m')
       AND TRY_CAST(substr(n, 9, 4) AS INTEGER) - TRY_CAST(substr(n, 1, 4) AS INTEGER) >= 17`,
  ),
  macro(
    'pt__nip_pppk(n, today)',
    // The PPPK year is bounded below only, by 2019, the first PPPK intake; unlike the PNS
    // appointment month it is not checked against `today`.
    `substr(n, 13, 1) = '2' AND substr(n, 14, 1) <> '0' AND substr(n, 9, 4) >= '2019'`,
  ),
];

const STATUS_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('HADIR', 'h', 'hn', 'hadir', 'tepat waktu'),
  ...codes('TERLAMBAT', 'tl', 'tm', 'terlambat', 'telat'),
  ...numberedCodes('TERLAMBAT', 'tl', 4),
  ...numberedCodes('TERLAMBAT', 'tm', 3),
  ...codes('PULANG_CEPAT', 'pc', 'psw', 'pulang cepat'),
  ...numberedCodes('PULANG_CEPAT', 'pc', 3),
  ...numberedCodes('PULANG_CEPAT', 'psw', 4),
  ...codes('IZIN', 'i', 'izin', 'ijin'),
  // Isoman (isolasi mandiri): the COVID-era word for staying home ill, still in older exports.
  ...codes('SAKIT', 's', 'skt', 'sakit', 'isoman', 'isolasi mandiri'),
  ...codes('CUTI', 'c', 'ct', 'cb', 'cuti'),
  // Undangan: attending an invitation (a meeting, a training) elsewhere on official duty.
  ...codes('DINAS_LUAR', 'dl', 'td', 'dinas luar', 'tugas dinas', 'tugas luar', 'undangan'),
  ...codes('TUGAS_BELAJAR', 'tb', 'tugas belajar'),
  // Alpha/Alfa are spellings of alpa; mangkir and bolos are plain words for an unexcused absence.
  ...codes('TANPA_KETERANGAN', 'tk', 'a', 'alpa', 'alfa', 'alpha', 'mangkir', 'bolos', 'tanpa keterangan'),
  ...codes('LIBUR', 'l', 'ln', 'lj', 'libur'),
  // Not here, on purpose: 'tidak absen' (no scan, or not absent?) and 'keluar kantor' (left early,
  // or out on duty?) mean different things in different agencies; they are rejected as unknown
  // unless the agency's recipe maps them (recipe `values`).
];

const MODE_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('WFO', 'wfo', 'kantor', 'di kantor', 'work from office'),
  ...codes('WFH', 'wfh', 'rumah', 'work from home'),
  ...codes('WFA', 'wfa', 'lokasi lain', 'lokasi tertentu', 'work from anywhere'),
  ...codes('KANTOR_LAIN', 'kantor lain'),
  ...codes('DL', 'dl', 'dinas luar'),
];

// The '' key is an empty cell (pt__key gives '' where pt_key gives NULL).
const BOOL_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('true', 'ya', 'y', 'yes', '1', 'true'),
  ...codes('false', '', 'tidak', 't', 'no', 'n', '0', 'false'),
];

const DISCIPLINE_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('NONE', '', '-', '–', '—', 'tidak', 'tidak ada', 'bebas', 'none'),
  ...codes('ACTIVE', 'sedang menjalani', 'menjalani', 'aktif', 'ya', 'active'),
  ...codes('IN_PROCESS', 'dalam proses', 'proses', 'in process'),
];

const SERVICE_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('FRONTLINE', 'layanan langsung', 'frontline'),
  ...codes('SUPPORT', 'dukungan operasional', 'support'),
  ...codes('ADMIN', 'administrasi', 'admin'),
];

const APPROVAL_STATUS_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('SUBMITTED', 'diajukan', 'submitted'),
  ...codes('APPROVED', 'disetujui', 'approved'),
  ...codes('REJECTED', 'ditolak', 'rejected'),
  ...codes('REVOKED', 'dicabut', 'revoked'),
];

const DAY_TYPE_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('HOLIDAY', 'libur nasional', 'cuti bersama', 'libur', 'holiday'),
  ...codes('NATIONAL_FWA_DAY', 'hari fwa nasional', 'fwa nasional', 'national fwa day'),
];

const VERIFIED_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('true', 'terverifikasi', 'diverifikasi', 'disetujui', 'sudah', 'sudah diverifikasi', 'valid', 'ya', 'true', '1'),
  ...codes('false', '', 'belum', 'belum diverifikasi', 'menunggu', 'ditolak', 'tidak', 'false', '0'),
];

const APPROVAL_KIND_CODES: ReadonlyArray<readonly [string, string]> = [
  ...codes('KANTOR_LAIN', 'kantor lain'),
  ...codes('RUMAH', 'rumah', 'wfh'),
  ...codes('LOKASI_LAIN', 'lokasi lain', 'wfa'),
  ...codes('SIF', 'sif', 'shift'),
  ...codes('DINAMIS', 'dinamis'),
  ...codes('LOKASI', 'lokasi'),
  ...codes('WAKTU', 'waktu'),
];

const PUBLIC_MACROS: readonly string[] = [
  macro('pt_text(s)', `nullif(pt__clean(s), '')`),
  macro('pt_key(s)', `nullif(pt__key(s), '')`),
  // The text patterns never match a numeric cell (the mark is not whitespace).
  macro(
    'pt_date(s)',
    `coalesce(
       CASE WHEN starts_with(s, ${MARK}) THEN pt__date_from_number(substr(s, 2)) END,
       pt__date_from_text(s))`,
  ),
  // A date no export of this product's subject can mean: before 2000 (no FWA, no digital attendance
  // export; such a date is nearly always a number column mapped to a date, its values read as Excel
  // serials) or more than a year after today (approvals and holiday calendars are planned ahead, by
  // months, not years). NULL when d is plausible, DATE_INVALID when there is no date at all.
  macro(
    'pt_date_check(d, today)',
    `CASE (d BETWEEN DATE ${lit(PLAUSIBLE_FROM)} AND CAST(coalesce(today, current_date) AS DATE) + INTERVAL 1 YEAR)
       WHEN true THEN NULL WHEN false THEN 'DATE_IMPLAUSIBLE' ELSE 'DATE_INVALID' END`,
  ),
  // The problem of a date cell, NULL when it is empty or a plausible date.
  macro('pt_date_problem(s, today)', `CASE WHEN pt_text(s) IS NOT NULL THEN pt_date_check(pt_date(s), today) END`),
  // 00:00 is what attendance systems write for a missing scan (rules.md calls it a placeholder);
  // a scan at midnight itself is not told apart from it.
  macro('pt_time(s)', `nullif(pt__time_any(s), TIME '00:00:00')`),
  // The problem of a time cell: TIME_INVALID unless it is empty, a time or a placeholder.
  macro(
    'pt_time_problem(s)',
    `CASE WHEN pt_text(s) IS NOT NULL AND pt__time_any(s) IS NULL
            AND pt__clean(s) NOT IN (${TIME_PLACEHOLDERS.map(lit).join(', ')})
       THEN 'TIME_INVALID' END`,
  ),
  // A numeric cell holds String(n) from JavaScript, which TRY_CAST reads exactly. A number too large
  // for a double (1E+400) reads as infinity: not a number a person meant, so none.
  macro(
    'pt_num(s)',
    `pt__finite(coalesce(
       CASE WHEN starts_with(s, ${MARK}) THEN TRY_CAST(substr(s, 2) AS DOUBLE) END,
       pt__num_from_text(regexp_replace(s, '^${SPACE}*''|${SPACE}+', '', 'g'))))`,
  ),
  macro('pt_int(s)', `CASE WHEN pt_num(s) = trunc(pt_num(s)) THEN TRY_CAST(pt_num(s) AS INTEGER) END`),
  macro('pt_nip(s)', `nullif(pt__nip_text(s), '')`),
  macro(
    'pt_nip_problem(s, today)',
    `CASE
       WHEN coalesce(pt__nip_text(s), '') = '' THEN NULL
       WHEN starts_with(s, ${MARK}) OR regexp_full_match(pt__nip_text(s), ${lit(SCIENTIFIC)}) THEN 'NIP_NUMBER'
       WHEN NOT regexp_full_match(pt__nip_text(s), '[0-9]+') THEN 'NIP_NOT_DIGITS'
       WHEN length(pt__nip_text(s)) = 16 THEN 'NIP_NIK'
       WHEN length(pt__nip_text(s)) <> 18 THEN 'NIP_LENGTH'
       WHEN NOT coalesce(pt__nip_birth_ok(pt__nip_text(s), coalesce(today, current_date)), false) THEN 'NIP_BIRTHDATE'
       WHEN substr(pt__nip_text(s), 15, 1) NOT IN ('1', '2') THEN 'NIP_SEX'
       WHEN NOT coalesce(pt__nip_pns(pt__nip_text(s), coalesce(today, current_date))
              OR pt__nip_pppk(pt__nip_text(s), coalesce(today, current_date)), false)
         THEN 'NIP_APPOINTMENT'
     END`,
  ),
  macro(
    'pt_status(s)',
    `coalesce(
       ${mapLiteral(STATUS_CODES)}[pt__key(s)],
       CASE WHEN starts_with(pt__key(s), 'cuti ') THEN 'CUTI' END)`,
  ),
  macro('pt_mode(s)', `${mapLiteral(MODE_CODES)}[pt__key(s)]`),
  macro('pt_bool(s)', `CAST(${mapLiteral(BOOL_CODES)}[coalesce(pt__key(s), '')] AS BOOLEAN)`),
  macro('pt_discipline(s)', `${mapLiteral(DISCIPLINE_CODES)}[coalesce(pt__key(s), '')]`),
  macro('pt_service(s)', `${mapLiteral(SERVICE_CODES)}[pt__key(s)]`),
  macro('pt_approval_status(s)', `${mapLiteral(APPROVAL_STATUS_CODES)}[pt__key(s)]`),
  macro('pt_day_type(s)', `${mapLiteral(DAY_TYPE_CODES)}[pt__key(s)]`),
  macro('pt_verified(s)', `CAST(${mapLiteral(VERIFIED_CODES)}[coalesce(pt__key(s), '')] AS BOOLEAN)`),
  // Unknown kinds are kept, not dropped: the approval check reports them, and
  // a later circular may name a form this list does not know yet.
  macro(
    'pt_approval_kind(s)',
    `coalesce(
       ${mapLiteral(APPROVAL_KIND_CODES)}[pt_key(s)],
       upper(replace(pt_key(s), ' ', '_')),
       upper(regexp_replace(pt_text(s), '${SPACE}+', '_', 'g')))`,
  ),
  macro(
    'pt_satisfaction(s)',
    `TRY_CAST(regexp_extract(pt__clean(s), '^([1-5])(?:[.,]0+)?(?:$|[^0-9.,]|[.,](?:$|[^0-9]))', 1) AS INTEGER)`,
  ),
];

/** Periods come last: DuckDB checks at creation that every macro used exists. */
const PERIOD_MACROS: readonly string[] = [
  // First month * 100 + last month, for a period name without its year.
  macro(
    'pt__period_code(k)',
    `${mapLiteral(periodCodes())}[regexp_replace(regexp_replace(regexp_replace(replace(replace(k, ' ', ''), '-', ''),
       '^(?:triwulan|tw|kuartal|kwartal|quarter)', 'q'), '^(?:semester|smt)', 'sem'), '^bulan(.)', '\\1')]`,
  ),
  // NULL unless 1900 <= y <= 2100, decided on the text so that y is named once.
  macro(
    'pt__month_start(y, m)',
    `TRY_CAST(regexp_extract(printf('%d-%02d-01', y, m), '^${YEAR}-\\d\\d-01$', 0) AS DATE)`,
  ),
  macro(
    'pt__period_of(y, code)',
    `{'s': pt__month_start(y, code // 100), 'e': last_day(pt__month_start(y, code % 100))}`,
  ),
  // A Tahun cell: four digits, as text or as an Excel number (2025 or 2025.0).
  // One regex, where pt_int expands to about twenty: pt_period names its year twice.
  macro('pt__year(s)', `TRY_CAST(regexp_extract(s, ${lit(String.raw`^\x{1F}?${OPEN}(\d{4})(?:[.,]0+)?${SPACE}*$`)}, 1) AS INTEGER)`),
  // The year of Tahun or one written into the period ('Januari 2025'); NULL
  // when both are given and disagree.
  macro('pt__one_year(a, b)', 'CASE WHEN coalesce(a = b, true) THEN coalesce(a, b) END'),
  macro(
    'pt__range_dates(c)',
    `{'s': TRY_CAST(regexp_extract(c, ${lit(RANGE_CANON)}, 1) AS DATE),
      'e': TRY_CAST(regexp_extract(c, ${lit(RANGE_CANON)}, 2) AS DATE)}`,
  ),
  // Both dates or neither: a range that ends before it starts is unreadable.
  macro('pt__ordered(r)', 'CASE WHEN r.s <= r.e THEN r END'),
  macro(
    'pt__range_of(t)',
    `pt__ordered(pt__range_dates(regexp_replace(regexp_replace(t,
       ${lit(RANGE_DMY)}, '\\3-\\2-\\1|\\6-\\5-\\4'),
       ${lit(RANGE_YMD)}, '\\1-\\2-\\3|\\4-\\5-\\6')))`,
  ),
  macro(
    'pt_period(year_s, period_s)',
    `CAST(coalesce(
       pt__range_of(period_s),
       pt__period_of(
         pt__one_year(pt__year(year_s), TRY_CAST(regexp_extract(pt__key(period_s), '(?:^|\\s)(\\d{4})$', 1) AS INTEGER)),
         pt__period_code(regexp_replace(coalesce(pt__key(period_s), ''), '(?:^|\\s+)\\d{4}$', ''))))
     AS STRUCT(s DATE, e DATE))`,
  ),
];

export const NORMALISE_MACROS: readonly string[] = [...HELPERS, ...PUBLIC_MACROS, ...PERIOD_MACROS];

export async function installMacros(db: Db): Promise<void> {
  for (const statement of NORMALISE_MACROS) await db.run(statement);
}
