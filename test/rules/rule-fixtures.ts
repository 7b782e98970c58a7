/**
 * Builders for the rule-check integration tests: small hand-made CSV files imported through
 * the public core API, exactly as a user would (rules.md §1–§3).
 */
import { expect } from 'vitest';
import type { ImportFileResult, ImportKind } from '../../src-main/contract/import-types.ts';
import type { ComplianceRow, Finding, RunChecksResult } from '../../src-main/contract/rules-types.ts';
import { csv, freshCore, importOne, writeText } from '../helpers/workspace.ts';

export type TestCore = Awaited<ReturnType<typeof freshCore>>;

export const ATTENDANCE_HEADER = ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];
export const ROSTER_HEADER = [
  'NIP', 'Nama', 'Unit Kerja', 'Tugas Luar Kantor', 'Keadaan Khusus', 'Keadaan Khusus Mulai', 'Keadaan Khusus Selesai',
  'Status Hukuman Disiplin',
];
export const UNITS_HEADER = ['Nama Unit', 'Jenis Layanan'];
export const APPROVALS_HEADER = ['NIP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk', 'Keadaan Khusus', 'Status'];
export const REPORTS_HEADER = ['NIP', 'Tanggal', 'Uraian Kegiatan'];
export const CALENDAR_HEADER = ['Tanggal', 'Jenis', 'Keterangan'];

/** ISO date `n` days after `iso`. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface Person {
  nip: string;
  name: string;
  unit: string;
}

/**
 * One day of a week pattern. A work mode (`WFO`, `WFH`, `WFA`, `Kantor Lain`, `DL`) is a
 * present day with full normal hours (Mon–Thu 07:30–16:00, Fri 07:30–16:30, so a complete
 * week is exactly 37 j 30 m net); `C` is a day of leave (CUTI, no times); `TK` is an
 * unexcused day; `-` is no record at all. An object gives full control of one day.
 */
export type DaySpec =
  | 'WFO' | 'WFH' | 'WFA' | 'Kantor Lain' | 'DL' | 'C' | 'TK' | '-'
  | { mode?: string; status?: string; in?: string; out?: string; unit?: string };

/** Attendance rows (no header) for one person over the days from `monday` on, one spec per day. */
export function week(person: Person, monday: string, pattern: DaySpec[]): string[][] {
  const out: string[][] = [];
  pattern.forEach((spec, i) => {
    if (spec === '-') return;
    const date = addDays(monday, i);
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday, 5 = Friday
    const normalOut = dow === 5 ? '16:30' : '16:00';
    let row: { mode: string; status: string; in: string; out: string; unit: string };
    if (spec === 'C') row = { mode: '', status: 'C', in: '', out: '', unit: person.unit };
    else if (spec === 'TK') row = { mode: '', status: 'TK', in: '', out: '', unit: person.unit };
    else if (typeof spec === 'string') row = { mode: spec, status: 'H', in: '07:30', out: normalOut, unit: person.unit };
    else {
      row = {
        mode: spec.mode ?? 'WFO', status: spec.status ?? 'H', in: spec.in ?? '07:30', out: spec.out ?? normalOut,
        unit: spec.unit ?? person.unit,
      };
    }
    out.push([person.nip, person.name, row.unit, date, row.in, row.out, row.status, row.mode]);
  });
  return out;
}

/** A complete office week Monday–Friday. */
export function officeWeek(person: Person, monday: string): string[][] {
  return week(person, monday, ['WFO', 'WFO', 'WFO', 'WFO', 'WFO']);
}

export interface RosterEntry {
  person: Person;
  fieldDuty?: string;
  special?: string;
  specialFrom?: string;
  specialTo?: string;
  discipline?: string;
}

export function rosterRows(entries: RosterEntry[]): string[][] {
  return entries.map((e) => [
    e.person.nip, e.person.name, e.person.unit, e.fieldDuty ?? 'Tidak', e.special ?? 'Tidak', e.specialFrom ?? '',
    e.specialTo ?? '', e.discipline ?? '-',
  ]);
}

let fileSeq = 0;

/** Writes a CSV with the header and rows and imports it; fails the test on any rejected row. */
export async function importCsv(
  core: TestCore, kind: ImportKind, agency: string | undefined, header: string[], body: string[][],
): Promise<ImportFileResult> {
  fileSeq += 1;
  const path = writeText(core.dir, `${kind}-${fileSeq}.csv`, csv([header, ...body]));
  const result = await importOne(core, agency === undefined ? { path, kind } : { path, kind, agency });
  expect(result.error, `import of ${kind} failed`).toBeNull();
  expect(result.rejects, `rows of ${kind} rejected`).toEqual([]);
  expect(result.rowsImported).toBe(body.length);
  return result;
}

export const importAttendance = (core: TestCore, agency: string, body: string[][]) =>
  importCsv(core, 'attendance', agency, ATTENDANCE_HEADER, body);
export const importRoster = (core: TestCore, agency: string, entries: RosterEntry[]) =>
  importCsv(core, 'roster', agency, ROSTER_HEADER, rosterRows(entries));
export const importUnits = (core: TestCore, agency: string, body: string[][]) =>
  importCsv(core, 'units', agency, UNITS_HEADER, body);
export const importApprovals = (core: TestCore, agency: string, body: string[][]) =>
  importCsv(core, 'approvals', agency, APPROVALS_HEADER, body);
export const importReports = (core: TestCore, agency: string, body: string[][]) =>
  importCsv(core, 'reports', agency, REPORTS_HEADER, body);
export const importCalendar = (core: TestCore, body: string[][]) =>
  importCsv(core, 'calendar', undefined, CALENDAR_HEADER, body);

/** Findings of one rule (optionally one nip), in the result's order. */
export function of(result: Pick<RunChecksResult, 'findings'>, rule: string, nip?: string): Finding[] {
  return result.findings.filter((f) => f.rule === rule && (nip === undefined || f.nip === nip));
}

/** The compact shape most assertions compare: rule, nip, period, detail, status. */
export function brief(findings: Finding[]): { rule: string; nip: string; period: string; detail: string; status: string }[] {
  return findings.map(({ rule, nip, period, detail, status }) => ({ rule, nip, period, detail, status }));
}

/** rule/nip/period triples, sorted, for whole-result comparisons. */
export function keys(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.nip} ${f.period}`).sort();
}

/** The one compliance row of an agency and unit, without its level (tests compare the figures). */
export function complianceRow(result: RunChecksResult, agency: string | null, unit: string | null): Omit<ComplianceRow, 'level'> {
  const rows = result.compliance.filter((r) => r.agency === agency && r.unit === unit);
  expect(rows, `compliance rows for ${agency ?? '(all)'} / ${unit ?? '(total)'}`).toHaveLength(1);
  const { level: _level, ...figures } = rows[0]!;
  return figures;
}
