import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/database.ts';
import { installMacros, NORMALISE_MACROS, NUM_MARK } from '../../src-main/core/import/normalise-sql.ts';

// The values docs/import.md ("Values") accepts: canonical codes, cell formats, NIP.

const M = NUM_MARK;
/** NIP checks depend on today; a fixed day keeps the examples true next year. */
const TODAY = `DATE '2025-06-01'`;
const RUNS = { numRuns: 200 };

type Cell = string | null;

let db: Db;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await installMacros(db);
});

afterAll(() => db?.close());

/**
 * Evaluates `expr` over a whole batch in one query: `v` is the input and `w`
 * the optional second input. The batch travels as one JSON parameter so that a
 * property test costs one round trip per run, not one per value.
 */
async function evaluate(expr: string, v: readonly Cell[], w: readonly Cell[] = []): Promise<unknown[]> {
  const rows = await db.all<{ i: number; r: unknown }>(
    `WITH l AS (SELECT from_json($1, '["VARCHAR"]') AS vs, from_json($2, '["VARCHAR"]') AS ws)
     SELECT i, ${expr} AS r
     FROM (SELECT unnest(range(len(vs))) AS i, unnest(vs) AS v, unnest(ws) AS w FROM l)
     ORDER BY i`,
    [JSON.stringify(v), JSON.stringify(w)],
  );
  return rows.map((row) => row.r);
}

/** Results as text, so dates read YYYY-MM-DD, times HH:MM:SS, booleans true/false. */
async function asText(expr: string, v: readonly Cell[], w: readonly Cell[] = []): Promise<Cell[]> {
  const results = await evaluate(`CAST(${expr} AS VARCHAR)`, v, w);
  return results.map((r) => (r === null ? null : String(r)));
}

/** Checks [input, expected] pairs in one query; a failure lists exactly the pairs that differ. */
async function expectTable(expr: string, table: ReadonlyArray<readonly [Cell, Cell]>): Promise<void> {
  const got = await asText(
    expr,
    table.map(([input]) => input),
  );
  const wrong = table.map(([input, want], k) => ({ input, want, got: got[k] })).filter((row) => row.got !== row.want);
  expect(wrong).toEqual([]);
}

/** [Tahun, Periode, start, end] rows; both dates are compared, NULL included. */
async function expectPeriods(table: ReadonlyArray<readonly [Cell, Cell, Cell, Cell]>): Promise<void> {
  const got = await asText(
    `coalesce(CAST(pt_period(v, w).s AS VARCHAR), 'NULL') || ' ' || coalesce(CAST(pt_period(v, w).e AS VARCHAR), 'NULL')`,
    table.map(([year]) => year),
    table.map(([, period]) => period),
  );
  const wrong = table
    .map(([year, period, s, e], k) => ({ year, period, want: `${s ?? 'NULL'} ${e ?? 'NULL'}`, got: got[k] }))
    .filter((row) => row.got !== row.want);
  expect(wrong).toEqual([]);
}

describe('pt_text and pt_key', () => {
  it('pt_text strips the number mark and surrounding whitespace, NULL when empty', async () => {
    await expectTable('pt_text(v)', [
      ['  abc  ', 'abc'],
      ['\u00A0abc\u00A0', 'abc'],
      ['\tabc\r\n', 'abc'],
      ['\uFEFFNIP', 'NIP'],
      ['a  b', 'a  b'],
      [`${M}45901`, '45901'],
      [`${M}0.3125`, '0.3125'],
      [M, null],
      ['', null],
      ['   ', null],
      ['\u00A0', null],
      [null, null],
    ]);
  });

  it('pt_key lower-cases and drops hints, underscores, dots and extra spaces', async () => {
    await expectTable('pt_key(v)', [
      [' Status_Kehadiran ', 'status kehadiran'],
      ['Tugas Luar Kantor (Ya/Tidak)', 'tugas luar kantor'],
      ['Capaian (%) Kinerja', 'capaian kinerja'],
      ['NIP.', 'nip'],
      ['T.K.', 'tk'],
      ['Hari/Tanggal', 'hari/tanggal'],
      ['  Jam \u00A0  Masuk ', 'jam masuk'],
      ['PULANG_CEPAT', 'pulang cepat'],
      [`${M}1`, '1'],
      ['(Ya/Tidak)', null],
      ['', null],
      ['  ', null],
      [null, null],
    ]);
  });
});

describe("Excel's text marker (a leading ')", () => {
  it('is dropped from every cell before any parsing', async () => {
    // [macro call over v, cell, result]
    const table: ReadonlyArray<readonly [string, Cell, Cell]> = [
      ['pt_text(v)', "'abc", 'abc'],
      ['pt_text(v)', "  'abc ", 'abc'],
      ['pt_text(v)', "'  abc", 'abc'],
      ['pt_text(v)', "'", null],
      ['pt_text(v)', "''abc", "'abc"],
      ['pt_text(v)', "Jum'at", "Jum'at"],
      ['pt_key(v)', "'Hadir", 'hadir'],
      ['pt_key(v)', "'", null],
      ['pt_status(v)', "'H", 'HADIR'],
      ['pt_status(v)', "'TK", 'TANPA_KETERANGAN'],
      ['pt_mode(v)', "'WFH", 'WFH'],
      ['pt_bool(v)', "'Ya", 'true'],
      ['pt_bool(v)', "'", 'false'],
      ['pt_discipline(v)', "'-", 'NONE'],
      ['pt_approval_status(v)', "'Disetujui", 'APPROVED'],
      ['pt_approval_kind(v)', "'Rumah", 'RUMAH'],
      ['pt_date(v)', "'21/04/2025", '2025-04-21'],
      ['pt_date(v)', "'2025-04-21", '2025-04-21'],
      ['pt_date(v)', "'20250421", '2025-04-21'],
      ['pt_date(v)', "'45768", '2025-04-21'],
      ['pt_date(v)', "'14/10/25", '2025-10-14'],
      ['pt_date(v)', "'14-Jul-25", '2025-07-14'],
      ['pt_date(v)', "'Senin, 21 April 2025", '2025-04-21'],
      [`pt_date_problem(v, ${TODAY})`, "'", null],
      ['pt_time(v)', "'07:31", '07:31:00'],
      ['pt_time(v)', "'2025-04-21 07:31:00", '07:31:00'],
      ['pt_time_problem(v)', "'07:31", null],
      ['pt_time_problem(v)', "'--:--", null],
      ['pt_time_problem(v)', "'", null],
      ['pt_num(v)', "'90,22", '90.22'],
      ['pt_num(v)', "'1.250,5", '1250.5'],
      ['pt_int(v)', "'2025", '2025'],
      ['pt_satisfaction(v)', "'4", '4'],
      ['pt_nip(v)', "'198609262015051001", '198609262015051001'],
      [`pt_nip_problem(v, ${TODAY})`, "'198609262015051001", null],
      ["CAST(pt_period(v, 'Januari').s AS VARCHAR)", "'2025", '2025-01-01'],
      ["CAST(pt_period('2025', v).e AS VARCHAR)", "'Triwulan I", '2025-03-31'],
      ["CAST(pt_period('', v).e AS VARCHAR)", "'01/01/2025 s.d. 30/06/2025", '2025-06-30'],
    ];
    const wrong: unknown[] = [];
    for (const [expr, input, want] of table) {
      const [got] = await asText(expr, [input]);
      if (got !== want) wrong.push({ expr, input, want, got });
    }
    expect(wrong).toEqual([]);
  });
});

describe('pt_date', () => {
  it('accepts every documented date format', async () => {
    await expectTable('pt_date(v)', [
      ['21/04/2025', '2025-04-21'],
      ['21-04-2025', '2025-04-21'],
      ['21.04.2025', '2025-04-21'],
      ['1/4/2025', '2025-04-01'],
      ['2025-04-21', '2025-04-21'],
      ['2025/04/21', '2025-04-21'],
      ['2025-04-21 07:30:00', '2025-04-21'],
      ['2025-04-21T07:30:00', '2025-04-21'],
      ['21/04/2025 07:30', '2025-04-21'],
      ['21 April 2025', '2025-04-21'],
      ['21 Apr 2025', '2025-04-21'],
      ['21-Apr-2025', '2025-04-21'],
      ['Senin, 21 April 2025', '2025-04-21'],
      ['Senin 21 April 2025', '2025-04-21'],
      ['SENIN, 21 APRIL 2025', '2025-04-21'],
      ['Monday, 21 April 2025', '2025-04-21'],
      ['Jumat, 25 April 2025', '2025-04-25'],
      ["Jum'at, 25 April 2025", '2025-04-25'],
      ['Sabtu, 3 Mei 2025', '2025-05-03'],
      ['Minggu, 1 Juni 2025', '2025-06-01'],
      ['17 Agustus 2025', '2025-08-17'],
      ['17 Agu 2025', '2025-08-17'],
      ['17 Agt 2025', '2025-08-17'],
      ['17 Ags 2025', '2025-08-17'],
      ['17 August 2025', '2025-08-17'],
      ['1 Okt 2025', '2025-10-01'],
      ['25 Des 2025', '2025-12-25'],
      ['25 December 2025', '2025-12-25'],
      ['  21/04/2025\u00A0', '2025-04-21'],
      ['20250421', '2025-04-21'],
      ['45768', '2025-04-21'],
      [`${M}45768`, '2025-04-21'],
      [`${M}45768.75`, '2025-04-21'],
      [`${M}45901`, '2025-09-01'],
      [`${M}20250421`, '2025-04-21'],
      [`${M}2`, '1900-01-01'],
    ]);
  });

  it('reads English month abbreviations and two-digit years as 20yy (rules.md, "More words seen in real exports")', async () => {
    await expectTable('pt_date(v)', [
      ['14 Oct 2025', '2025-10-14'],
      ['14-Jul-25', '2025-07-14'],
      ['14-JUL-25', '2025-07-14'],
      ['14 Oct 25', '2025-10-14'],
      ['Selasa, 14 Okt 25', '2025-10-14'],
      ['14/10/25', '2025-10-14'],
      ['1/2/25', '2025-02-01'],
      ['14-10-25', '2025-10-14'],
      ['14/10/25 07:30', '2025-10-14'],
      ['14-Jul-25 07:30:05', '2025-07-14'],
      ['14/10/99', '2099-10-14'],
      ['29/02/24', '2024-02-29'],
      ['29/02/25', null],
      ['14/10/2', null],
      ['14/10/025', null],
    ]);
  });

  it('pt_date_problem: unreadable, or implausible before 2000 or more than a year after today', async () => {
    await expectTable(`pt_date_problem(v, ${TODAY})`, [
      ['21/04/2025', null],
      ['01/01/2000', null],
      ['31/12/1999', 'DATE_IMPLAUSIBLE'],
      ['01/01/1900', 'DATE_IMPLAUSIBLE'],
      [`${M}2`, 'DATE_IMPLAUSIBLE'],
      [`${M}36525`, 'DATE_IMPLAUSIBLE'], // 1999-12-31: a number column mapped to a date
      [`${M}36526`, null],
      ['01/06/2026', null],
      ['02/06/2026', 'DATE_IMPLAUSIBLE'],
      ['14/10/99', 'DATE_IMPLAUSIBLE'],
      ['31/12/2100', 'DATE_IMPLAUSIBLE'],
      ['31/02/2025', 'DATE_INVALID'],
      ['abc', 'DATE_INVALID'],
      [`${M}99999`, 'DATE_INVALID'],
      ['', null],
      ['  ', null],
      [null, null],
    ]);
  });

  it('reads day-first and knows leap years', async () => {
    await expectTable('pt_date(v)', [
      ['04/05/2025', '2025-05-04'],
      ['12/01/2025', '2025-01-12'],
      ['29/02/2024', '2024-02-29'],
      ['29/02/2000', '2000-02-29'],
    ]);
  });

  it('rejects impossible dates, two-digit years with dots and years outside 1900-2100', async () => {
    await expectTable('pt_date(v)', [
      ['31/02/2025', null],
      ['29/02/2025', null],
      ['29/02/1900', null],
      ['31/04/2025', null],
      ['00/04/2025', null],
      ['32/01/2025', null],
      ['2025-13-01', null],
      ['2025-00-10', null],
      ['21.04.25', null],
      ['2025/4/21/25', null],
      ['31/12/1899', null],
      ['01/01/2101', null],
      ['21/04-2025', null],
      ['21 Foo 2025', null],
      ['20251321', null],
      ['07:30:00', null],
      ['abc', null],
      ['', null],
      [null, null],
      [`${M}0.3125`, null],
      [`${M}-5`, null],
      [`${M}1.5e-7`, null],
      [`${M}99999`, null],
    ]);
  });
});

describe('pt_time', () => {
  it('accepts every documented time format', async () => {
    await expectTable('pt_time(v)', [
      ['07:31', '07:31:00'],
      ['7:31', '07:31:00'],
      ['07.31', '07:31:00'],
      ['07:31:05', '07:31:00'],
      ['07.31.05', '07:31:00'],
      ['07:31 WIB', '07:31:00'],
      ['07:31 WITA', '07:31:00'],
      ['07:31 WIT', '07:31:00'],
      ['07.31wib', '07:31:00'],
      ['23:59:59', '23:59:00'],
      ['00:01', '00:01:00'],
      ['2025-04-21 07:30:00', '07:30:00'],
      ['2025-04-21T07:30:00', '07:30:00'],
      ['21/04/2025 16.05', '16:05:00'],
      [`${M}0.3125`, '07:30:00'],
      [`${M}0.5`, '12:00:00'],
      [`${M}45768.3125`, '07:30:00'],
      [`${M}0.31250001`, '07:30:00'],
      [`${M}${1 / 1440}`, '00:01:00'],
    ]);
  });

  it('keeps times to the minute: seconds are dropped, never rounded', async () => {
    await expectTable('pt_time(v)', [
      ['07:30:59', '07:30:00'],
      ['07.30.59', '07:30:00'],
      ['07:30:59,9', '07:30:00'],
      ['2025-04-21 07:30:59', '07:30:00'],
      ['21/04/2025 07:30:59', '07:30:00'],
      ['23:59:59', '23:59:00'],
      [`${M}${(7 * 3600 + 30 * 60 + 59) / 86400}`, '07:30:00'],
      [`${M}${45768 + (7 * 3600 + 30 * 60 + 59) / 86400}`, '07:30:00'],
    ]);
  });

  it('reads the placeholders of a missing scan as no time (rules.md, "Placeholders")', async () => {
    await expectTable('pt_time(v)', [
      ['00:00', null],
      ['00:00:00', null],
      ['00.00', null],
      ['0:00', null],
      ['00:00:30', null],
      ['-', null],
      ['--:--', null],
      ['—', null],
      ['–', null],
      ['2025-04-21 00:00:00', null],
      [`${M}0`, null],
      [`${M}45768`, null],
    ]);
  });

  it('pt_time_problem: an unreadable time, but never a placeholder or an empty cell', async () => {
    await expectTable('pt_time_problem(v)', [
      ['07:31', null],
      ['07:31:05', null],
      [`${M}0.3125`, null],
      ['00:00', null],
      ['00:00:00', null],
      ['-', null],
      [' - ', null],
      ['--:--', null],
      ['—', null],
      ['–', null],
      [`${M}0`, null],
      ['', null],
      ['  ', null],
      [null, null],
      ['25:61', 'TIME_INVALID'],
      ['abc', 'TIME_INVALID'],
      ['- -', 'TIME_INVALID'],
      ['---', 'TIME_INVALID'],
      [`${M}-0.5`, 'TIME_INVALID'],
    ]);
  });

  it('rejects out-of-range and malformed times', async () => {
    await expectTable('pt_time(v)', [
      ['24:00', null],
      ['25:61', null],
      ['7:5', null],
      ['12:60', null],
      ['07:31:60', null],
      ['0731', null],
      ['abc', null],
      ['', null],
      [null, null],
      [`${M}-0.5`, null],
    ]);
  });

  it('reads a day fraction to the second, as Excel shows it, before the seconds are dropped', async () => {
    await expectTable('pt_time(v)', [
      [`${M}${(7 * 3600 + 30 * 60 + 0.4) / 86400}`, '07:30:00'],
      [`${M}${(7 * 3600 + 31 * 60 - 0.4) / 86400}`, '07:31:00'],
      [`${M}${(7 * 3600 + 31 * 60) / 86400 - 1e-12}`, '07:31:00'],
      [`${M}${(7 * 3600 + 30 * 60 + 58.6) / 86400}`, '07:30:00'],
      [`${M}0.999999999`, null],
    ]);
  });
});

describe('pt_num and pt_int', () => {
  it('reads JS numbers, decimal commas and dot thousands', async () => {
    const table: ReadonlyArray<readonly [Cell, number | null]> = [
      ['90,22', 90.22],
      ['1.250,5', 1250.5],
      ['1.250', 1250],
      ['1.250.000', 1250000],
      ['12.345', 12345],
      ['95.5', 95.5],
      ['1.2345', 1.2345],
      ['0,5', 0.5],
      ['-5', -5],
      ['+5', 5],
      ['-1.250,75', -1250.75],
      ['90,22%', 90.22],
      ['12.5 %', 12.5],
      [' 1 250,5 ', 1250.5],
      ['.5', 0.5],
      [`${M}0.3125`, 0.3125],
      [`${M}1.5e-7`, 1.5e-7],
      [`${M}-42`, -42],
      [`${M}198609262015051000`, 198609262015051000],
      ['1,250.50', null],
      ['1.25,5', null],
      ['12,', null],
      ['--5', null],
      ['1.98609E+17', null],
      // Fixed bug (found by the property test below): a number past a double's range read as infinity.
      [`${M}1.98609E+172025`, null],
      ['Rp 100', null],
      ['abc', null],
      ['', null],
      [null, null],
    ];
    const got = await evaluate(
      'pt_num(v)',
      table.map(([input]) => input),
    );
    const wrong = table.map(([input, want], k) => ({ input, want, got: got[k] })).filter((row) => row.got !== row.want);
    expect(wrong).toEqual([]);
  });

  it('pt_int keeps whole numbers only', async () => {
    await expectTable('pt_int(v)', [
      ['42', '42'],
      ['1.250', '1250'],
      ['42,0', '42'],
      ['-7', '-7'],
      [`${M}2025`, '2025'],
      ['42,5', null],
      ['3000000000', null],
      ['x', null],
      ['', null],
      [null, null],
    ]);
  });
});

describe('pt_nip and pt_nip_problem', () => {
  it('pt_nip removes spaces, dots and a leading apostrophe', async () => {
    await expectTable('pt_nip(v)', [
      ['19860926 201505 1 001', '198609262015051001'],
      ["'198609262015051001", '198609262015051001'],
      ['19860926.201505.1.001', '198609262015051001'],
      [' 198609262015051001\u00A0', '198609262015051001'],
      [`${M}198609262015051000`, '198609262015051000'],
      ['', null],
      [null, null],
    ]);
  });

  it('names the first failing check, in the documented order', async () => {
    await expectTable(`pt_nip_problem(v, ${TODAY})`, [
      ['19860926 201505 1 001', null],
      ['199001012021211001', null],
      ["'198609262015051001", null],
      ['198609262015051', 'NIP_LENGTH'],
      ['1986092620150510011', 'NIP_LENGTH'],
      [`${M}198609262015051000`, 'NIP_NUMBER'],
      [`${M}198609262015051001`, 'NIP_NUMBER'],
      ['1.98609E+17', 'NIP_NUMBER'],
      ['1,98609E+17', 'NIP_NUMBER'],
      ['abc', 'NIP_NOT_DIGITS'],
      ['19860926-201505-1-001', 'NIP_NOT_DIGITS'],
      ['198613262015051001', 'NIP_BIRTHDATE'],
      ['198602302015051001', 'NIP_BIRTHDATE'],
      ['193912312015051001', 'NIP_BIRTHDATE'],
      ['200806022025051001', 'NIP_BIRTHDATE'],
      ['200806012025051001', null],
      ['198609262015053001', 'NIP_SEX'],
      ['198609262015050001', 'NIP_SEX'],
      ['198609262015052001', null],
      ['198609262015131001', 'NIP_APPOINTMENT'],
      ['198609262015001001', 'NIP_APPOINTMENT'],
      ['198609262002121001', 'NIP_APPOINTMENT'],
      ['198609262003011001', null],
      ['198609262025071001', 'NIP_APPOINTMENT'],
      ['198609262025061001', null],
      ['199001012018211001', 'NIP_APPOINTMENT'],
      ['199001012026211001', null], // a PPPK year is bounded below only (rules.md §1)
      ['199001012021201001', 'NIP_APPOINTMENT'],
      ['199001012021231001', null],
      ['', null],
      ['  ', null],
      [null, null],
    ]);
  });
});

describe('code maps', () => {
  it('pt_status knows every spelling of rules.md', async () => {
    const spellings: Record<string, string[]> = {
      HADIR: ['H', 'HN', 'Hadir', 'Tepat Waktu', 'hadir ', 'HADIR'],
      TERLAMBAT: ['TL', 'TL1', 'TL2', 'TL3', 'TL4', 'TL 2', 'TM', 'TM1', 'TM2', 'TM3', 'Terlambat', 'Telat'],
      PULANG_CEPAT: ['PC', 'PC1', 'PC2', 'PC3', 'PSW', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'Pulang Cepat', 'PULANG_CEPAT'],
      IZIN: ['I', 'Izin'],
      SAKIT: ['S', 'SKT', 'Sakit'],
      CUTI: ['C', 'CT', 'CB', 'Cuti', 'Cuti Tahunan', 'Cuti Besar', 'CUTI_SAKIT'],
      DINAS_LUAR: ['DL', 'TD', 'Dinas Luar', 'Tugas Dinas', 'DINAS_LUAR'],
      TUGAS_BELAJAR: ['TB', 'Tugas Belajar', 'TUGAS_BELAJAR'],
      TANPA_KETERANGAN: ['TK', 'T.K.', 'A', 'Alpa', 'Alfa', 'Tanpa Keterangan', 'TANPA_KETERANGAN'],
      LIBUR: ['L', 'LN', 'LJ', 'Libur'],
    };
    const known = Object.entries(spellings).flatMap(([code, list]) => list.map((s) => [s, code] as const));
    await expectTable('pt_status(v)', [
      ...known,
      ['TL5', null],
      ['PC4', null],
      ['Cutix', null],
      ['x', null],
      ['', null],
      [null, null],
    ]);
  });

  it('pt_status knows the words of real exports (rules.md, "More words seen in real exports")', async () => {
    await expectTable('pt_status(v)', [
      ['Ijin', 'IZIN'],
      ['IJIN', 'IZIN'],
      ['Alpha', 'TANPA_KETERANGAN'],
      ['Alfa', 'TANPA_KETERANGAN'],
      ['Mangkir', 'TANPA_KETERANGAN'],
      ['Bolos', 'TANPA_KETERANGAN'],
      ['Tugas Luar', 'DINAS_LUAR'],
      ['Undangan', 'DINAS_LUAR'],
      ['Isoman', 'SAKIT'],
      ['Isolasi Mandiri', 'SAKIT'],
      ['isolasi_mandiri', 'SAKIT'],
    ]);
  });

  it('pt_status leaves codes whose meaning differs between agencies unknown (a recipe maps them)', async () => {
    await expectTable('pt_status(v)', [
      ['Tidak Absen', null],
      ['TIDAK ABSEN', null],
      ['Keluar Kantor', null],
      ['keluar_kantor', null],
    ]);
  });

  it('pt_mode', async () => {
    await expectTable('pt_mode(v)', [
      ['WFO', 'WFO'],
      ['Kantor', 'WFO'],
      ['Di Kantor', 'WFO'],
      ['Work From Office', 'WFO'],
      ['WFH', 'WFH'],
      ['Rumah', 'WFH'],
      ['Work from Home', 'WFH'],
      ['WFA', 'WFA'],
      ['Lokasi Lain', 'WFA'],
      ['Lokasi Tertentu', 'WFA'],
      ['Work From Anywhere', 'WFA'],
      ['Kantor Lain', 'KANTOR_LAIN'],
      ['KANTOR_LAIN', 'KANTOR_LAIN'],
      ['DL', 'DL'],
      ['Dinas Luar', 'DL'],
      ['Kafe', null],
      ['', null],
      [null, null],
    ]);
  });

  it('pt_bool: empty is false, unknown is NULL', async () => {
    await expectTable('pt_bool(v)', [
      ['Ya', 'true'],
      ['Y', 'true'],
      ['Yes', 'true'],
      ['1', 'true'],
      ['TRUE', 'true'],
      [`${M}1`, 'true'],
      ['Tidak', 'false'],
      ['T', 'false'],
      ['No', 'false'],
      ['N', 'false'],
      ['0', 'false'],
      ['false', 'false'],
      [`${M}0`, 'false'],
      ['', 'false'],
      ['  ', 'false'],
      [null, 'false'],
      ['Mungkin', null],
      ['2', null],
    ]);
  });

  it('pt_discipline', async () => {
    await expectTable('pt_discipline(v)', [
      [null, 'NONE'],
      ['', 'NONE'],
      ['-', 'NONE'],
      ['Tidak', 'NONE'],
      ['Tidak Ada', 'NONE'],
      ['Bebas', 'NONE'],
      ['Sedang Menjalani', 'ACTIVE'],
      ['Menjalani', 'ACTIVE'],
      ['Aktif', 'ACTIVE'],
      ['Ya', 'ACTIVE'],
      ['Dalam Proses', 'IN_PROCESS'],
      ['Proses', 'IN_PROCESS'],
      ['IN_PROCESS', 'IN_PROCESS'],
      ['Berat', null],
    ]);
  });

  it('pt_service, pt_approval_status, pt_day_type', async () => {
    await expectTable('pt_service(v)', [
      ['Layanan Langsung', 'FRONTLINE'],
      ['Dukungan Operasional', 'SUPPORT'],
      ['Administrasi', 'ADMIN'],
      ['frontline', 'FRONTLINE'],
      ['Support', 'SUPPORT'],
      ['ADMIN', 'ADMIN'],
      ['Lainnya', null],
      ['', null],
      [null, null],
    ]);
    await expectTable('pt_approval_status(v)', [
      ['Diajukan', 'SUBMITTED'],
      ['Disetujui', 'APPROVED'],
      ['Ditolak', 'REJECTED'],
      ['Dicabut', 'REVOKED'],
      ['APPROVED', 'APPROVED'],
      ['submitted', 'SUBMITTED'],
      ['Menunggu', null],
      ['', null],
      [null, null],
    ]);
    await expectTable('pt_day_type(v)', [
      ['Libur Nasional', 'HOLIDAY'],
      ['Cuti Bersama', 'HOLIDAY'],
      ['Libur', 'HOLIDAY'],
      ['HOLIDAY', 'HOLIDAY'],
      ['Hari FWA Nasional', 'NATIONAL_FWA_DAY'],
      ['FWA Nasional', 'NATIONAL_FWA_DAY'],
      ['NATIONAL_FWA_DAY', 'NATIONAL_FWA_DAY'],
      ['Hari Kerja', null],
      ['', null],
      [null, null],
    ]);
  });

  it('pt_verified: empty and pending are false, unknown is NULL', async () => {
    await expectTable('pt_verified(v)', [
      ['Terverifikasi', 'true'],
      ['Diverifikasi', 'true'],
      ['Disetujui', 'true'],
      ['Sudah', 'true'],
      ['Sudah Diverifikasi', 'true'],
      ['Valid', 'true'],
      ['Ya', 'true'],
      ['TRUE', 'true'],
      ['1', 'true'],
      ['Belum', 'false'],
      ['Belum Diverifikasi', 'false'],
      ['Menunggu', 'false'],
      ['Ditolak', 'false'],
      ['Tidak', 'false'],
      ['false', 'false'],
      ['0', 'false'],
      ['', 'false'],
      [null, 'false'],
      ['Entah', null],
    ]);
  });

  it('pt_approval_kind maps known forms and keeps unknown ones', async () => {
    await expectTable('pt_approval_kind(v)', [
      ['Kantor Lain', 'KANTOR_LAIN'],
      ['Rumah', 'RUMAH'],
      ['WFH', 'RUMAH'],
      ['Lokasi Lain', 'LOKASI_LAIN'],
      ['WFA', 'LOKASI_LAIN'],
      ['Sif', 'SIF'],
      ['Shift', 'SIF'],
      ['Dinamis', 'DINAMIS'],
      ['Lokasi', 'LOKASI'],
      ['Waktu', 'WAKTU'],
      ['Jam Kerja Khusus', 'JAM_KERJA_KHUSUS'],
      ['(x)', '(X)'],
      ['', null],
      [null, null],
    ]);
  });

  it('pt_satisfaction takes the leading digit 1-5', async () => {
    await expectTable('pt_satisfaction(v)', [
      ['1', '1'],
      ['5', '5'],
      ['4 - Puas', '4'],
      ['5 (Sangat Puas)', '5'],
      ['3. Cukup', '3'],
      ['4,0', '4'],
      [`${M}4`, '4'],
      ['0', null],
      ['6', null],
      ['45', null],
      ['4,5', null],
      ['Puas', null],
      ['', null],
      [null, null],
    ]);
  });
});

describe('pt_period', () => {
  it('reads months, quarters, halves, whole years and ranges', async () => {
    await expectPeriods([
      ['2025', 'Januari', '2025-01-01', '2025-01-31'],
      ['2025', 'Februari', '2025-02-01', '2025-02-28'],
      ['2024', 'Feb', '2024-02-01', '2024-02-29'],
      ['2025', 'Agt', '2025-08-01', '2025-08-31'],
      ['2025', 'December', '2025-12-01', '2025-12-31'],
      ['2025', '3', '2025-03-01', '2025-03-31'],
      ['2025', '03', '2025-03-01', '2025-03-31'],
      ['2025', `${M}12`, '2025-12-01', '2025-12-31'],
      ['2025', 'Bulan 7', '2025-07-01', '2025-07-31'],
      ['2025', 'Triwulan I', '2025-01-01', '2025-03-31'],
      ['2025', 'Triwulan II', '2025-04-01', '2025-06-30'],
      ['2025', 'Triwulan III', '2025-07-01', '2025-09-30'],
      ['2025', 'Triwulan IV', '2025-10-01', '2025-12-31'],
      ['2025', 'TW I', '2025-01-01', '2025-03-31'],
      ['2025', 'TW-III', '2025-07-01', '2025-09-30'],
      ['2025', 'Triwulan 2', '2025-04-01', '2025-06-30'],
      ['2025', 'Q4', '2025-10-01', '2025-12-31'],
      ['2025', 'Semester I', '2025-01-01', '2025-06-30'],
      ['2025', 'Semester II', '2025-07-01', '2025-12-31'],
      ['2025', 'Semester 2', '2025-07-01', '2025-12-31'],
      ['2025', 'Tahunan', '2025-01-01', '2025-12-31'],
      ['2025', 'Tahun', '2025-01-01', '2025-12-31'],
      ['2025', 'Annual', '2025-01-01', '2025-12-31'],
      ['2025', '', '2025-01-01', '2025-12-31'],
      ['2025', null, '2025-01-01', '2025-12-31'],
      [`${M}2025`, 'Januari', '2025-01-01', '2025-01-31'],
      [' 2025.0 ', 'Januari', '2025-01-01', '2025-01-31'],
      ['2025', 'Januari 2025', '2025-01-01', '2025-01-31'],
      [null, 'Triwulan I 2026', '2026-01-01', '2026-03-31'],
      ['', '01/01/2025 s.d. 31/12/2025', '2025-01-01', '2025-12-31'],
      ['', '01/01/2025 s/d 30/06/2025', '2025-01-01', '2025-06-30'],
      ['', '01/01/2025 sd 31/03/2025', '2025-01-01', '2025-03-31'],
      ['', '01/01/2025 - 31/03/2025', '2025-01-01', '2025-03-31'],
      ['', '01-01-2025 - 31-03-2025', '2025-01-01', '2025-03-31'],
      ['2024', '01/07/2025 sampai 31/12/2025', '2025-07-01', '2025-12-31'],
      ['', '2025-01-01 s.d. 2025-06-30', '2025-01-01', '2025-06-30'],
      ['', ' 1/1/2025 S.D. 31/3/2025 ', '2025-01-01', '2025-03-31'],
    ]);
  });

  it('gives both dates NULL when the period cannot be read', async () => {
    await expectPeriods([
      ['2025', '13', null, null],
      ['2025', 'Triwulan V', null, null],
      ['2025', 'Semester III', null, null],
      ['2025', 'Bulanan', null, null],
      ['2024', 'Januari 2025', null, null],
      ['1899', 'Januari', null, null],
      ['2101', 'Tahunan', null, null],
      ['25', 'Januari', null, null],
      ['abc', 'Januari', null, null],
      [null, 'Januari', null, null],
      ['', 'Tahunan', null, null],
      ['', '31/12/2025 s.d. 01/01/2025', null, null],
      ['', '31/02/2025 s.d. 31/12/2025', null, null],
      ['', '01/01/1899 s.d. 31/12/1899', null, null],
      ['', '1 Januari 2025 s.d. 31 Maret 2025', null, null],
    ]);
    const [both] = await evaluate(`pt_period(v, w).s IS NULL AND pt_period(v, w).e IS NULL`, ['2025'], ['x']);
    expect(both).toBe(true);
  });
});

describe('installation', () => {
  it('is a list of CREATE OR REPLACE TEMP MACRO statements that can be run twice', async () => {
    for (const statement of NORMALISE_MACROS) expect(statement).toMatch(/^CREATE OR REPLACE TEMP MACRO pt_\w+\(/);
    await installMacros(db);
    expect(await asText('pt_date(v)', ['21/04/2025'])).toEqual(['2025-04-21']);
  });
});

// ---------------------------------------------------------------------------
// Properties. Each run sends its whole generated batch in one query.

const DAY_MS = 86_400_000;
const ID_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ID_ABBREVIATIONS = [['Jan'], ['Feb'], ['Mar'], ['Apr'], ['Mei'], ['Jun'], ['Jul'], ['Agu', 'Agt', 'Ags'], ['Sep'], ['Okt'], ['Nov'], ['Des']];
// Date.getUTCDay() order: Sunday first.
const ID_DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad3 = (n: number): string => String(n).padStart(3, '0');
const iso = ({ y, m, d }: Ymd): string => `${y}-${pad2(m)}-${pad2(d)}`;

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`index ${index} out of range`);
  return item;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const dateArb = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS })
  .map((day): Ymd => {
    const date = new Date(day * DAY_MS);
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
  });

/** The date written in every textual format rules.md accepts. */
function textualDates(date: Ymd): string[] {
  const { y, m, d } = date;
  const dd = pad2(d);
  const mm = pad2(m);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const idMonth = at(ID_MONTHS, m - 1);
  const idDay = at(ID_DAYS, weekday);
  return [
    `${dd}/${mm}/${y}`,
    `${d}/${m}/${y}`,
    `${dd}-${mm}-${y}`,
    `${dd}.${mm}.${y}`,
    `${y}-${mm}-${dd}`,
    `${y}/${mm}/${dd}`,
    `${y}-${mm}-${dd} 07:30:00`,
    `${y}-${mm}-${dd}T07:30:00`,
    `${y}${mm}${dd}`,
    `${d} ${idMonth} ${y}`,
    ...at(ID_ABBREVIATIONS, m - 1).map((abbreviation) => `${d} ${abbreviation} ${y}`),
    `${d} ${at(EN_MONTHS, m - 1)} ${y}`,
    `${idDay}, ${d} ${idMonth} ${y}`,
    `${idDay} ${d} ${idMonth} ${y}`,
    `${at(EN_DAYS, weekday)}, ${d} ${at(EN_MONTHS, m - 1)} ${y}`,
    `${idDay}, ${d} ${idMonth} ${y}`.toUpperCase(),
    // A two-digit year is 20yy.
    ...(y >= 2000 && y <= 2099
      ? [`${dd}/${mm}/${String(y).slice(2)}`, `${d}-${mm}-${String(y).slice(2)}`, `${dd}-${at(EN_MONTHS, m - 1).slice(0, 3)}-${String(y).slice(2)}`]
      : []),
  ];
}

/** Excel serial renderings: five-digit text and numeric cells (whole and with a time). */
function serialDates(date: Ymd): string[] {
  const serial = (Date.UTC(date.y, date.m - 1, date.d) - EXCEL_EPOCH) / DAY_MS;
  const out = [`${M}${serial}`, `${M}${serial + 0.75}`];
  if (serial >= 10_000 && serial <= 99_999) out.push(String(serial));
  return out;
}

describe('properties: dates', () => {
  it('(a) any valid date in any accepted format parses back to itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dateArb, { minLength: 1, maxLength: 8 }), async (dates) => {
        const cases = dates.flatMap((date) => [...textualDates(date), ...serialDates(date)].map((text) => [text, iso(date)] as const));
        const got = await asText(
          'pt_date(v)',
          cases.map(([text]) => text),
        );
        expect(cases.map(([text, want], k) => [text, got[k] === want ? want : got[k]])).toEqual(cases);
      }),
      RUNS,
    );
  });

  it('(b) a day past the end of its month gives NULL', async () => {
    const impossible: Array<readonly [number, number]> = [[2, 30], [2, 31], [4, 31], [6, 31], [9, 31], [11, 31], [2, 29]];
    const badDateArb = fc
      .record({ y: fc.integer({ min: 1900, max: 2100 }), pick: fc.constantFrom(...impossible) })
      .filter(({ y, pick: [m, d] }) => d > daysInMonth(y, m))
      .map(({ y, pick: [m, d] }): Ymd => ({ y, m, d }));
    await fc.assert(
      fc.asyncProperty(fc.array(badDateArb, { minLength: 1, maxLength: 8 }), async (dates) => {
        const texts = dates.flatMap(textualDates);
        const got = await asText('pt_date(v)', texts);
        expect(texts.filter((_, k) => got[k] !== null)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('properties: times and numbers', () => {
  it('(c) any time as HH:MM, HH.MM, HH:MM:SS and as a day fraction parses back', async () => {
    const timeArb = fc.record({
      h: fc.integer({ min: 0, max: 23 }),
      m: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
      serial: fc.integer({ min: 0, max: 80_000 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(timeArb, { minLength: 1, maxLength: 10 }), async (times) => {
        const cases = times.flatMap(({ h, m, s, serial }) => {
          const hm = `${pad2(h)}:${pad2(m)}`;
          const hms = `${hm}:${pad2(s)}`;
          const fraction = (h * 3600 + m * 60 + s) / 86400;
          // Kept to the minute; 00:00 is the placeholder of a missing scan.
          const want = h === 0 && m === 0 ? null : `${hm}:00`;
          return [
            [hm, want],
            [`${pad2(h)}.${pad2(m)}`, want],
            [`${h}:${pad2(m)}`, want],
            [`${hm} WIB`, want],
            [hms, want],
            [`${pad2(h)}.${pad2(m)}.${pad2(s)}`, want],
            [`2025-04-21 ${hms}`, want],
            [`2025-04-21T${hms}`, want],
            [`${M}${fraction}`, want],
            [`${M}${serial + fraction}`, want],
          ] as const;
        });
        const got = await asText(
          'pt_time(v)',
          cases.map(([text]) => text),
        );
        expect(cases.map(([text, want], k) => [text, got[k] === want ? want : got[k]])).toEqual(cases);
      }),
      RUNS,
    );
  });

  it('(d) Indonesian numbers with dot thousands and decimal comma parse back', async () => {
    const numberArb = fc.record({
      negative: fc.boolean(),
      whole: fc.integer({ min: 0, max: 999_999_999 }),
      decimals: fc.constantFrom('', '5', '05', '50', '99', '1'),
      percent: fc.boolean(),
    });
    const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    await fc.assert(
      fc.asyncProperty(fc.array(numberArb, { minLength: 1, maxLength: 20 }), async (numbers) => {
        const cases = numbers.flatMap(({ negative, whole, decimals, percent }) => {
          const sign = negative ? '-' : '';
          const fraction = decimals === '' ? '' : `,${decimals}`;
          const suffix = percent ? '%' : '';
          const want = Number(`${sign}${whole}${decimals === '' ? '' : `.${decimals}`}`);
          return [
            [`${sign}${grouped(whole)}${fraction}${suffix}`, want],
            [`${sign}${whole}${fraction}${suffix}`, want],
          ] as const;
        });
        const got = await evaluate(
          'pt_num(v)',
          cases.map(([text]) => text),
        );
        const wrong = cases.filter(([, want], k) => {
          const value = got[k];
          return typeof value !== 'number' || Math.abs(value - want) > 1e-9;
        });
        expect(wrong).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('properties: NIP', () => {
  // TODAY is 2025-06-01: births up to 2008-06-01, appointments up to 2025-06.
  const nipArb = fc
    .record({
      birth: fc.integer({ min: Date.UTC(1940, 0, 1) / DAY_MS, max: Date.UTC(2008, 5, 1) / DAY_MS }),
      pppk: fc.boolean(),
      yearPick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      month: fc.integer({ min: 1, max: 12 }),
      pppkDigit: fc.integer({ min: 1, max: 9 }),
      sex: fc.constantFrom('1', '2'),
      badSex: fc.constantFrom('0', '3', '4', '5', '6', '7', '8', '9'),
      serial: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ birth, pppk, yearPick, month, pppkDigit, sex, badSex, serial }) => {
      const born = new Date(birth * DAY_MS);
      const by = born.getUTCFullYear();
      const first = pppk ? 2019 : by + 17;
      const year = first + Math.floor(yearPick * (2025 - first + 1));
      const appointed = pppk ? `${year}2${pppkDigit}` : `${year}${pad2(year === 2025 ? Math.min(month, 6) : month)}`;
      const birthText = `${by}${pad2(born.getUTCMonth() + 1)}${pad2(born.getUTCDate())}`;
      return { birthText, appointed, sex, badSex, serialText: pad3(serial) };
    });

  it('(e) generated valid NIPs pass; a bad sex digit or month 13 fails with the right code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(nipArb, { minLength: 1, maxLength: 15 }), async (nips) => {
        const cases = nips.flatMap(({ birthText, appointed, sex, badSex, serialText }) => {
          return [
            [`${birthText}${appointed}${sex}${serialText}`, null],
            [`${birthText} ${appointed} ${sex} ${serialText}`, null],
            [`${birthText}${appointed}${badSex}${serialText}`, 'NIP_SEX'],
            [`${birthText}${appointed.slice(0, 4)}13${sex}${serialText}`, 'NIP_APPOINTMENT'],
          ] as const;
        });
        const got = await asText(
          `pt_nip_problem(v, ${TODAY})`,
          cases.map(([nip]) => nip),
        );
        expect(cases.map(([nip, want], k) => [nip, got[k] === want ? want : got[k]])).toEqual(cases);
      }),
      RUNS,
    );
  });
});

describe('properties: robustness', () => {
  // Every public macro over one generated batch: the import runs them over
  // whole files, where a single error would abort the statement for all rows.
  const everyMacro = `{
    'text': pt_text(v), 'key': pt_key(v), 'date': CAST(pt_date(v) AS VARCHAR), 'time': CAST(pt_time(v) AS VARCHAR),
    'num': pt_num(v), 'int': pt_int(v), 'nip': pt_nip(v), 'problem': pt_nip_problem(v, ${TODAY}),
    'status': pt_status(v), 'mode': pt_mode(v), 'bool': pt_bool(v), 'discipline': pt_discipline(v),
    'service': pt_service(v), 'approvalStatus': pt_approval_status(v), 'dayType': pt_day_type(v),
    'verified': pt_verified(v), 'kind': pt_approval_kind(v), 'satisfaction': pt_satisfaction(v),
    'dateProblem': pt_date_problem(v, ${TODAY}), 'timeProblem': pt_time_problem(v),
    'periodStart': CAST(pt_period(w, v).s AS VARCHAR), 'periodEnd': CAST(pt_period(w, v).e AS VARCHAR)
  }`;
  // Near-misses of real formats reach deeper into the macros than random text.
  const alphabet = fc.constantFrom(
    ...'0123456789012345/-.:,+% eE\'()_TtIiVvWwBbAaSsDd'.split(''),
    M, '\u00A0', '\t', 'Senin', 'April', 'Agt', ' s.d. ', 'Triwulan', 'WIB', '2025', '1.98609E+17',
  );
  const inputArb = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: alphabet, maxLength: 12 }),
    fc.string({ unit: alphabet, maxLength: 12 }).map((s) => M + s),
    fc.constant(null),
  );
  const yearArb = fc.oneof(inputArb, fc.constantFrom('2025', '2024', `${M}2025`));

  const ISO_DATE = /^(19\d\d|20\d\d|2100)-\d\d-\d\d$/;
  const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
  const STATUSES = ['HADIR', 'TERLAMBAT', 'PULANG_CEPAT', 'IZIN', 'SAKIT', 'CUTI', 'DINAS_LUAR', 'TUGAS_BELAJAR', 'TANPA_KETERANGAN', 'LIBUR'];
  const PROBLEMS = ['NIP_NUMBER', 'NIP_NOT_DIGITS', 'NIP_LENGTH', 'NIP_BIRTHDATE', 'NIP_SEX', 'NIP_APPOINTMENT'];
  const oneOf = (value: unknown, allowed: readonly unknown[]) => value === null || allowed.includes(value);

  /** Each documented range, as a list of the rules a result breaks. */
  function breaches(r: Record<string, unknown>): string[] {
    const empty = r.text === null;
    const rules: Array<[string, boolean]> = [
      ['date', r.date === null || ISO_DATE.test(String(r.date))],
      ['dateProblem', empty ? r.dateProblem === null
        : r.date === null ? r.dateProblem === 'DATE_INVALID' : oneOf(r.dateProblem, ['DATE_IMPLAUSIBLE'])],
      ['time', r.time === null || (CLOCK_TIME.test(String(r.time)) && String(r.time).endsWith(':00') && r.time !== '00:00:00')],
      ['timeProblem', oneOf(r.timeProblem, ['TIME_INVALID']) && (r.timeProblem === null || (r.time === null && !empty))],
      ['num', r.num === null || Number.isFinite(r.num)],
      ['int', r.int === null || Number.isInteger(r.int)],
      ['problem', oneOf(r.problem, PROBLEMS) && (r.nip !== null || r.problem === null)],
      ['status', oneOf(r.status, STATUSES)],
      ['mode', oneOf(r.mode, ['WFO', 'WFH', 'WFA', 'KANTOR_LAIN', 'DL'])],
      ['bool', empty ? r.bool === false : oneOf(r.bool, [true, false])],
      ['verified', empty ? r.verified === false : oneOf(r.verified, [true, false])],
      ['discipline', empty ? r.discipline === 'NONE' : oneOf(r.discipline, ['NONE', 'ACTIVE', 'IN_PROCESS'])],
      ['service', oneOf(r.service, ['FRONTLINE', 'SUPPORT', 'ADMIN'])],
      ['approvalStatus', oneOf(r.approvalStatus, ['SUBMITTED', 'APPROVED', 'REJECTED', 'REVOKED'])],
      ['dayType', oneOf(r.dayType, ['HOLIDAY', 'NATIONAL_FWA_DAY'])],
      ['kind', empty === (r.kind === null)],
      ['satisfaction', oneOf(r.satisfaction, [1, 2, 3, 4, 5])],
      ['key', r.key === null || (r.key === String(r.key).trim() && r.key !== '')],
      ['period', (r.periodStart === null) === (r.periodEnd === null) && String(r.periodStart) <= String(r.periodEnd)],
    ];
    return rules.filter(([, ok]) => !ok).map(([name]) => name);
  }

  it('(f) no macro raises an error for any input, and results stay in their ranges', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(inputArb, yearArb), { minLength: 1, maxLength: 60 }),
        async (pairs) => {
          const results = await evaluate(
            everyMacro,
            pairs.map(([v]) => v),
            pairs.map(([, w]) => w),
          );
          const wrong = results
            .map((r, k) => ({ input: pairs[k], broken: breaches(r as Record<string, unknown>) }))
            .filter((row) => row.broken.length > 0);
          expect(wrong).toEqual([]);
        },
      ),
      // Planning this query (every macro at once) dominates; fewer, larger batches.
      { numRuns: 100 },
    );
  });
});
