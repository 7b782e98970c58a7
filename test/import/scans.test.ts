/**
 * The `scans` layout (rules.md §1): device clock-event logs, one row per scan, made into one
 * attendance record per employee-day (first scan in, last scan out), through the public core API.
 * Expected values are computed from what each test writes.
 */
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, ImportKind, MappingRecipe } from '../../src-main/contract/import-types.ts';
import { csv, freshCore, importOne, nip, rows, writeText, type TestCore } from '../helpers/workspace.ts';

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
});
