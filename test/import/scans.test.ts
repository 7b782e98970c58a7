/**
 * The `scans` layout (rules.md §1): device clock-event logs, one row per scan, made into one
 * attendance record per employee-day (first scan in, last scan out), through the public core API.
 * Expected values are computed from what each test writes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, ImportKind, MappingRecipe } from '../../src-main/contract/import-types.ts';
import { csv, freshCore, importOne, nip, rows, writeText, writeXlsx, type TestCore } from '../helpers/workspace.ts';

const AG = 'PEMKOT-X';

async function importText(core: TestCore, kind: ImportKind, name: string, text: string, mapping?: MappingRecipe): Promise<ImportFileResult> {
  const result = await importOne(core, { path: writeText(core.dir, name, text), kind, agency: AG, mapping });
  expect(result.error).toBeNull();
  expect(result.rowsRead).toBe(result.rowsImported + result.rowsRejected + result.rowsSkipped);
  return result;
}

type Rec = { nip: string; date: string; status: string; mode: string; check_in: string | null; check_out: string | null };

async function records(core: TestCore): Promise<Rec[]> {
  return rows<Rec>(core, `SELECT nip, strftime(date, '%Y-%m-%d') AS date, status, mode,
    substr(CAST(check_in AS VARCHAR), 1, 5) AS check_in, substr(CAST(check_out AS VARCHAR), 1, 5) AS check_out
    FROM attendance ORDER BY nip, date`);
}

async function rejects(core: TestCore, batch: string | null): Promise<{ row_no: number; column_name: string; value: string | null; code: string }[]> {
  return rows(core, `SELECT row_no, column_name, value, code FROM rejects WHERE batch_id = '${batch}' ORDER BY row_no`);
}

/** One scan: [id, date, time, state]. */
type Scan = [string, string, string, string];

/** The expected record of each employee-day, from the scans (dates dd/mm/yyyy, times HH:MM:SS, no shift). */
function expectedDays(scans: Scan[]): Rec[] {
  const days = new Map<string, string[]>();
  for (const [id, date, time] of scans) {
    const [d, m, y] = date.split('/');
    const key = `${id}|${y}-${m}-${d}`;
    days.set(key, [...(days.get(key) ?? []), time]);
  }
  return [...days.entries()].map(([key, times]) => {
    const [id, date] = key.split('|') as [string, string];
    const sorted = times.map((t) => t.slice(0, 5)).sort();
    const last = sorted.at(-1)!;
    return { nip: id, date, status: 'HADIR', mode: 'WFO', check_in: sorted[0]!, check_out: last > sorted[0]! ? last : null };
  }).sort((a, b) => (a.nip + a.date).localeCompare(b.nip + b.date));
}

describe('scan export headers map (ZKTeco, att2000, Solution, Fingerspot)', () => {
  const cases: ReadonlyArray<readonly [string[], Record<string, string>]> = [
    [['AC-No.', 'No.', 'Name', 'Time', 'State', 'New State', 'Exception', 'Operation'], { pin: 'AC-No.', scanTime: 'Time', scanState: 'State' }],
    [['USERID', 'CHECKTIME', 'CHECKTYPE', 'VERIFYCODE', 'SENSORID'], { pin: 'USERID', scanTime: 'CHECKTIME', scanState: 'CHECKTYPE' }],
    [['No. ID', 'Nama', 'Tanggal', 'Jam', 'Status', 'Verifikasi', 'Mesin'], { pin: 'No. ID', name: 'Nama', date: 'Tanggal', scanTime: 'Jam', scanState: 'Status' }],
    [['No. ID', 'Nama', 'Tanggal', 'Waktu', 'Status'], { pin: 'No. ID', date: 'Tanggal', scanTime: 'Waktu', scanState: 'Status' }],
    [['PIN', 'Nama', 'Tanggal Scan', 'Jam', 'Verifikasi', 'IO', 'SN'], { pin: 'PIN', date: 'Tanggal Scan', scanTime: 'Jam', scanState: 'IO' }],
    [['PIN', 'Nama', 'Tanggal Scan', 'Verifikasi', 'I/O'], { pin: 'PIN', scanTime: 'Tanggal Scan', scanState: 'I/O' }],
  ];
  for (const [headers, want] of cases) {
    it(headers.join(' | '), async () => {
      const core = await freshCore();
      await importText(core, 'roster', 'roster.csv', csv([['NIP', 'Nama', 'PIN'], [nip(9), 'Sembilan', '9']]));
      const cell = (h: string) => {
        const k = h.toLowerCase();
        if (['ac-no.', 'userid', 'no. id', 'pin'].includes(k)) return '9';
        if (k === 'time' || k === 'checktime' || (k === 'tanggal scan' && !headers.includes('Jam'))) return '14/10/2025 07:31:05';
        if (k === 'tanggal' || k === 'tanggal scan') return '14/10/2025';
        if (k === 'jam' || k === 'waktu') return '07:31:05';
        return '0';
      };
      const result = await importText(core, 'attendance', 'log.csv', csv([headers, headers.map(cell)]));
      expect(result.layout).toBe('scans');
      expect(result.mapping).toMatchObject(want);
      expect(result.mapping?.status).toBeUndefined();
      expect([result.rowsImported, result.records]).toEqual([1, 1]);
      expect(await records(core)).toEqual([{ nip: nip(9), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:31', check_out: null }]);
    });
  }
});

describe('scans layout (rules.md §1)', () => {
  it('Solution-style NIP + Tanggal + Jam: one record per employee-day, first and last scan to the minute, state not used', async () => {
    const core = await freshCore();
    // The evening scans carry "C/In" (the key pressed), the morning ones a stray "C/Out": pairing ignores them.
    const scans: Scan[] = [
      [nip(1), '14/10/2025', '07:31:05', 'C/Out'],
      [nip(1), '14/10/2025', '07:31:40', 'C/In'],
      [nip(1), '14/10/2025', '12:02:10', 'C/In'],
      [nip(1), '14/10/2025', '16:05:59', 'C/In'],
      [nip(2), '14/10/2025', '07:45:00', 'C/In'],
      [nip(2), '14/10/2025', '16:30:00', 'C/In'],
      [nip(1), '15/10/2025', '16:10:00', 'C/In'],
      [nip(1), '15/10/2025', '07:20:00', 'C/In'],
    ];
    const table = [['No. ID', 'NIP', 'Nama', 'Tanggal', 'Jam', 'Status', 'Verifikasi', 'Mesin'],
      ...scans.map(([id, d, t, s], i) => [String(100 + i), id, `Pegawai ${id.slice(-1)}`, d, t, s, 'FP', 'Mesin 1'])];
    const result = await importText(core, 'attendance', 'solution.csv', csv(table));
    const want = expectedDays(scans);
    expect(result.layout).toBe('scans');
    expect(result.rowsRead).toBe(scans.length);
    expect(result.rowsImported).toBe(scans.length);
    expect(result.records).toBe(want.length);
    expect(await records(core)).toEqual(want);
    // The Status column of a scan log is the terminal's state, not the attendance code.
    expect(result.mapping?.scanState).toBe('Status');
    expect(result.mapping?.status).toBeUndefined();
  });

  it('one cell holding date and time (ZKTeco "Time"): the same grouping; a single-scan day has checkIn only', async () => {
    const core = await freshCore();
    const table = [['AC-No.', 'No.', 'NIP', 'Name', 'Time', 'State', 'New State', 'Exception', 'Operation'],
      ['7', '1', nip(3), 'A', '14/10/2025 07:31:05', 'C/In', '', '', ''],
      ['7', '2', nip(3), 'A', '14/10/2025 16:02:44', 'C/In', '', '', ''],
      ['7', '3', nip(3), 'A', '15/10/2025 07:58:00', 'C/In', '', '', ''],
      ['7', '4', nip(3), 'A', '15/10/2025 07:58:30', 'C/Out', '', '', ''],
    ];
    const result = await importText(core, 'attendance', 'zk.csv', csv(table));
    expect(result.layout).toBe('scans');
    expect(result.mapping?.scanTime).toBe('Time');
    expect(result.mapping?.scanState).toBe('State');
    expect([result.rowsImported, result.records]).toEqual([4, 2]);
    expect(await records(core)).toEqual([
      { nip: nip(3), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:31', check_out: '16:02' },
      // Two scans in one minute: a double tap, no check-out (times are kept to the minute).
      { nip: nip(3), date: '2025-10-15', status: 'HADIR', mode: 'WFO', check_in: '07:58', check_out: null },
    ]);
  });

  it('12-hour clocks (AM/PM, as US-style ZKTeco software writes them) are read as 24-hour times', async () => {
    const core = await freshCore();
    const table = [['NIP', 'Time'], [nip(16), '14/10/2025 7:31:05 AM'], [nip(16), '14/10/2025 12:15:00 PM'], [nip(16), '14/10/2025 4:02:44 PM']];
    const result = await importText(core, 'attendance', 'ampm.csv', csv(table));
    expect([result.rowsImported, result.records]).toEqual([3, 1]);
    expect(await records(core)).toEqual([{ nip: nip(16), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:31', check_out: '16:02' }]);
  });

  it('a day with a single scan gets only checkIn', async () => {
    const core = await freshCore();
    const table = [['NIP', 'Tanggal', 'Jam'], [nip(4), '2025-10-16', '16:45:10']];
    const result = await importText(core, 'attendance', 'single.csv', csv(table));
    expect([result.rowsImported, result.records]).toEqual([1, 1]);
    expect(await records(core)).toEqual([{ nip: nip(4), date: '2025-10-16', status: 'HADIR', mode: 'WFO', check_in: '16:45', check_out: null }]);
  });

  it('device PINs resolved through the roster; an unknown PIN rejects each of its rows', async () => {
    const core = await freshCore();
    await importText(core, 'roster', 'roster.csv', csv([['NIP', 'Nama', 'PIN'], [nip(5), 'Lima', '105'], [`'${nip(6)}`, 'Enam', "'106"]]));
    const table = [['PIN', 'Nama', 'Tanggal Scan', 'Jam', 'Verifikasi', 'IO', 'SN'],
      ['105', 'Lima', '14-10-2025', '07:10:00', 'Finger', '0', 'SN1'],
      ["'106", 'Enam', '14-10-2025', '07:20:00', 'Finger', '1', 'SN1'],
      ['999', 'Asing', '14-10-2025', '07:30:00', 'Finger', '0', 'SN1'],
      ['105', 'Lima', '14-10-2025', '16:10:00', 'Finger', '1', 'SN1'],
      ['999', 'Asing', '14-10-2025', '16:30:00', 'Finger', '1', 'SN1'],
    ];
    const result = await importText(core, 'attendance', 'fingerspot.csv', csv(table));
    expect(result.layout).toBe('scans');
    expect(result.mapping?.pin).toBe('PIN');
    expect(result.mapping?.date).toBe('Tanggal Scan');
    expect(result.mapping?.scanTime).toBe('Jam');
    expect(result.mapping?.scanState).toBe('IO');
    expect(result.ignored?.map((x) => x.column)).not.toContain('Tanggal Scan');
    expect([result.rowsRead, result.rowsImported, result.rowsRejected, result.records]).toEqual([5, 3, 2, 2]);
    expect(await records(core)).toEqual([
      { nip: nip(5), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:10', check_out: '16:10' },
      { nip: nip(6), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:20', check_out: null },
    ]);
    // File rows: the header is line 1, so the 999 scans are lines 4 and 6.
    expect(await rejects(core, result.batch)).toEqual([
      { row_no: 4, column_name: 'pin', value: '999', code: 'PIN_UNKNOWN' },
      { row_no: 6, column_name: 'pin', value: '999', code: 'PIN_UNKNOWN' },
    ]);
    expect(result.rejects).toHaveLength(2);
  });

  it('dayStartsAt 05:00 (profile): a 02:10 scan is the checkOut of the day before', async () => {
    const core = await freshCore();
    await core.setProfile({ agency: AG, set: { dayStartsAt: '05:00' } });
    const table = [['NIP', 'Waktu'],
      [nip(7), '2025-10-14 19:02:00'],
      [nip(7), '2025-10-15 02:10:30'],
      [nip(7), '2025-10-15 19:00:00'],
    ];
    const result = await importText(core, 'attendance', 'night.csv', csv(table));
    expect([result.rowsImported, result.records]).toEqual([3, 2]);
    expect(await records(core)).toEqual([
      { nip: nip(7), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '19:02', check_out: '02:10' },
      { nip: nip(7), date: '2025-10-15', status: 'HADIR', mode: 'WFO', check_in: '19:00', check_out: null },
    ]);
  });

  it('an unreadable time rejects its row only', async () => {
    const core = await freshCore();
    const table = [['NIP', 'Tanggal', 'Jam'],
      [nip(8), '14/10/2025', '07:30:00'],
      [nip(8), '14/10/2025', '25:99'],
      [nip(8), '14/10/2025', '16:00:00'],
    ];
    const result = await importText(core, 'attendance', 'bad-time.csv', csv(table));
    expect([result.rowsRead, result.rowsImported, result.rowsRejected, result.records]).toEqual([3, 2, 1, 1]);
    expect(await rejects(core, result.batch)).toEqual([{ row_no: 3, column_name: 'scanTime', value: '25:99', code: 'TIME_INVALID' }]);
    expect(await records(core)).toEqual([{ nip: nip(8), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:30', check_out: '16:00' }]);
  });

  it('attlog.dat (no header, tab-separated) is read without a recipe; PINs through the roster', async () => {
    const core = await freshCore();
    await importText(core, 'roster', 'roster.csv', csv([['NIP', 'Nama', 'PIN'], [nip(10), 'Sepuluh', '1'], [nip(11), 'Sebelas', '22']]));
    // PIN, date-time, verify, state, work code, reserved — as the terminal writes them (the state says
    // nothing reliable: 0 on the evening scan).
    const lines = [
      ['    1', '2025-10-14 07:31:05', '1', '0', '0', '0'],
      ['   22', '2025-10-14 07:40:12', '15', '0', '0', '0'],
      ['    1', '2025-10-14 16:05:00', '1', '0', '0', '0'],
      ['   22', '2025-10-14 16:20:59', '15', '1', '0', '0'],
      ['   22', '2025-10-15 07:35:00', '15', '0', '0', '0'],
      ['   77', '2025-10-15 07:36:00', '1', '0', '0', '0'],
    ];
    const text = lines.map((l) => l.join('\t')).join('\r\n') + '\r\n';
    const result = await importText(core, 'attendance', 'attlog.dat', text);
    expect(result.layout).toBe('scans');
    expect(result.mapping).toMatchObject({ pin: '#1', scanTime: '#2', scanState: '#4' });
    expect([result.rowsRead, result.rowsImported, result.rowsRejected, result.records]).toEqual([6, 5, 1, 3]);
    expect(await rejects(core, result.batch)).toEqual([{ row_no: 6, column_name: 'pin', value: '77', code: 'PIN_UNKNOWN' }]);
    expect(await records(core)).toEqual([
      { nip: nip(10), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:31', check_out: '16:05' },
      { nip: nip(11), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:40', check_out: '16:20' },
      { nip: nip(11), date: '2025-10-15', status: 'HADIR', mode: 'WFO', check_in: '07:35', check_out: null },
    ]);
    const preview = await core.previewImport({ path: join(core.dir, 'attlog.dat'), kind: 'attendance', agency: AG });
    expect(preview.headerRow).toBe(0);
    expect(preview.headers).toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    expect(preview.fields.find((f) => f.field === 'scanTime')?.column).toBe(1);
    expect(preview.rows[0]![1]).toBe('2025-10-14 07:31:05');
    // The import dialog's kind detection finds it too.
    expect((await core.detectImport({ path: join(core.dir, 'attlog.dat') })).kind).toBe('attendance');
  });

  it('a recipe with header: false maps a headerless file by column number', async () => {
    const core = await freshCore();
    const text = csv([[nip(12), '14/10/2025 07:00:00', 'WFH'], [nip(12), '14/10/2025 15:30:00', 'WFH']], ';');
    const mapping: MappingRecipe = { header: false, columns: { nip: 1, scanTime: 2, mode: 3 } };
    const result = await importText(core, 'attendance', 'log.csv', text, mapping);
    expect(result.layout).toBe('scans');
    expect([result.rowsRead, result.rowsImported, result.records]).toEqual([2, 2, 1]);
    expect(await records(core)).toEqual([{ nip: nip(12), date: '2025-10-14', status: 'HADIR', mode: 'WFH', check_in: '07:00', check_out: '15:30' }]);
  });

  it('a row that holds no scan (a repeated header) is skipped on its own', async () => {
    const core = await freshCore();
    const table = [['NIP', 'Tanggal', 'Jam'],
      [nip(13), '14/10/2025', '07:30:00'],
      ['NIP', 'Tanggal', 'Jam'],
      [nip(13), '14/10/2025', '17:00:00'],
    ];
    const result = await importText(core, 'attendance', 'skips.csv', csv(table));
    expect([result.rowsRead, result.rowsImported, result.rowsRejected, result.rowsSkipped, result.records]).toEqual([3, 2, 0, 1, 1]);
    expect(result.skipped.map((x) => x.row)).toEqual([3]);
    expect(await records(core)).toEqual([{ nip: nip(13), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:30', check_out: '17:00' }]);
  });

  it('a listed day without a scan holds no record: skipped NO_RECORD, or DAY_OFF on a weekend', async () => {
    const core = await freshCore();
    const table = [['NIP', 'Tanggal', 'Jam'],
      [nip(15), '14/10/2025', '07:30:00'],
      [nip(15), '15/10/2025', ''],
      [nip(15), '18/10/2025', ''],
    ];
    const result = await importText(core, 'attendance', 'gaps.csv', csv(table));
    expect([result.rowsRead, result.rowsImported, result.rowsRejected, result.rowsSkipped, result.records]).toEqual([3, 1, 0, 2, 1]);
    expect(await rows(core, `SELECT row_no, code FROM skips WHERE batch_id = '${result.batch}' ORDER BY row_no`))
      .toEqual([{ row_no: 3, code: 'NO_RECORD' }, { row_no: 4, code: 'DAY_OFF' }]);
  });

  it('a workbook scan log: date and time cells', async () => {
    const core = await freshCore();
    const path = await writeXlsx(core.dir, 'scan.xlsx', [
      ['NIP', 'Tanggal', 'Jam', 'Status'],
      [nip(14), new Date(Date.UTC(2025, 9, 14)), new Date(Date.UTC(1899, 11, 30, 7, 31, 5)), 'Masuk'],
      [nip(14), new Date(Date.UTC(2025, 9, 14)), new Date(Date.UTC(1899, 11, 30, 16, 2, 0)), 'Masuk'],
    ]);
    const result = await importOne(core, { path, kind: 'attendance', agency: AG });
    expect(result.error).toBeNull();
    expect(result.layout).toBe('scans');
    expect([result.rowsRead, result.rowsImported, result.records]).toEqual([2, 2, 1]);
    expect(await records(core)).toEqual([{ nip: nip(14), date: '2025-10-14', status: 'HADIR', mode: 'WFO', check_in: '07:31', check_out: '16:02' }]);
  });
});
