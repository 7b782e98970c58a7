import { dirname, join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingsQuery } from '../../src-main/contract/export-types.ts';
import { formatter } from '../../src-main/contract/format.ts';
import type { FindingsRequest, UnitEmployeesRequest } from '../../src-main/contract/views-types.ts';
import { exportTable } from '../../src-main/core/export/table-workbook.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { createFindingsView, createUnitEmployeesView } from '../../src-main/core/views/findings.ts';
import { CORE_MESSAGES } from '../../src-renderer/src/i18n/messages-core.ts';
import { createCore } from '../../src-main/core/index.ts';
import { copyWorkspace } from '../helpers/templates.ts';
import { freshCore, importOne, nip, samplesWorkspace, suiteDir, tempDir, TODAY, writeText, type TestCore } from '../helpers/workspace.ts';
import { readWithExcelJs, readWithOpenpyxl, values, type Plain } from './xlsx.ts';

// Issue 19, item 6: every table on screen downloads as Excel as it is filtered (docs/screens.md,
// "Unduh Excel"). The workbook holds the rows the screen's view gives for the same filter, every
// page of them, in the screen's columns and the caller's language. These tests fail on the code
// before this change: it had no exportTable.

type Row = Record<string, unknown>;

/** Every row the view gives for a request, read a page at a time as the screen reads them. */
async function allFindings(core: TestCore, req: FindingsQuery): Promise<Row[]> {
  const out: Row[] = [];
  for (let offset = 0; ; offset += 50) {
    const page = await core.findings({ ...req, offset, limit: 50 });
    out.push(...tableFromIPC(page.rows).toArray().map((r) => r.toJSON() as Row));
    if (out.length >= page.total) return out;
  }
}

/** A sheet's table: the rows from the header (the row whose first cell is `first`) to the end. */
function tableOf(rows: Plain[][], first: string): { heading: string[]; header: Plain[]; data: Plain[][] } {
  const i = rows.findIndex((r) => r[0] === first);
  expect(i).toBeGreaterThan(0);
  return { heading: rows.slice(0, i).map((r) => String(r[0] ?? '')), header: rows[i]!, data: rows.slice(i + 1) };
}

async function readTable(out: string, first: string) {
  const wb = await readWithExcelJs(out);
  expect(wb.worksheets).toHaveLength(1);
  return { ...tableOf(values(wb.worksheets[0]!), first), ws: wb.worksheets[0]! };
}

const STATUS_ID = { new: 'Baru', open: 'Berlanjut', resolved: 'Selesai' } as Record<string, string>;
const id = formatter('id');

/** A finding as the screen's columns show it (with the agency when the filter spans agencies). */
const findingCells = (r: Row, withAgency: boolean): Plain[] => [
  STATUS_ID[r.status as string]!, r.rule as string, r.nip as string, (r.name as string) || null, ...(withAgency ? [(r.agency as string) || null] : []),
  (r.unit as string) || null, id.period(r.period as string), r.detail as string,
];

/** The samples checked with 60 hours a week, which makes a finding of nearly every employee-week: many pages of them. */
let checked: string;
beforeAll(async () => {
  const dbPath = await samplesWorkspace(suiteDir());
  const core = await createCore({ dbPath, tmpDir: dirname(dbPath), now: () => TODAY, log: () => undefined });
  try {
    await core.setProfile({ set: { weeklyHours: '60' } });
    await core.runChecks({});
  } finally {
    core.close();
  }
  checked = dbPath;
}, 300_000);

/** A copy of the checked samples, opened for one test. */
async function checkedCore(): Promise<TestCore> {
  const dir = tempDir();
  copyWorkspace(checked, dir);
  return freshCore(dir);
}

const BOOK = createRuleBook(RULES);

describe('a screen\'s table as a workbook (issue 19)', () => {
  it('the findings: every row the view gives, across all its pages, in the screen\'s columns and order', async () => {
    const core = await checkedCore();
    const query: FindingsQuery = { sort: 'name' };
    const expected = await allFindings(core, query);
    expect(expected.length).toBeGreaterThan(500);
    const out = join(core.dir, 'temuan.xlsx');
    // Read from the view 97 rows at a time: the pages must join without a gap or a repeat.
    const result = await exportTable(core.db, { table: 'findings', filter: query, out }, {
      findings: (r) => createFindingsView(core.db, BOOK).findings(r, 'id'), unitEmployees: createUnitEmployeesView(core.db).unitEmployees,
    }, { now: TODAY, lang: 'id', pageSize: 97 });
    expect(result).toEqual({ out, total: expected.length, rows: expected.length });
    const { heading, header, data } = await readTable(out, 'Status');
    expect(header).toEqual(['Status', 'Aturan', 'NIP', 'Nama', 'Instansi', 'Unit kerja', 'Periode', 'Uraian']);
    expect(data).toEqual(expected.map((r) => findingCells(r, true)));
    expect(heading).toEqual([
      'Daftar temuan', 'Instansi: Semua instansi', 'Filter: Urutan: Nama',
      `Diunduh ${id.dateTime(TODAY.toISOString())} · ${id.int(expected.length)} baris`, '',
    ]);
  });

  it('a filter really filters: rule, month, status and search, said in words above the table', async () => {
    const core = await checkedCore();
    const all = await allFindings(core, {});
    const query: FindingsQuery = { agency: 'PEMKOT-BOGOR', rule: 'JAM-01', from: '2025-09-01', to: '2025-09-30', status: 'new', search: 'a' };
    const expected = await allFindings(core, query);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length / 4);
    const out = join(core.dir, 'jam.xlsx');
    expect(await core.exportTable({ table: 'findings', filter: query, out })).toEqual({ out, total: expected.length, rows: expected.length });
    const { heading, header, data } = await readTable(out, 'Status');
    // One agency: no agency column.
    expect(header).toEqual(['Status', 'Aturan', 'NIP', 'Nama', 'Unit kerja', 'Periode', 'Uraian']);
    expect(data).toEqual(expected.map((r) => findingCells(r, false)));
    expect(new Set(data.map((r) => `${r[0]} ${r[1]}`))).toEqual(new Set(['Baru JAM-01']));
    expect(heading[1]).toMatch(/^Instansi: PEMKOT-BOGOR/);
    expect(heading[2]).toBe('Filter: Aturan JAM-01; Periode September 2025; Status Baru; Pencarian "a"; Urutan: Instansi');
  });

  it('a unit\'s employees: the rows of the unit\'s view, rates as percentages, flexible days and findings as numbers', async () => {
    const core = await checkedCore();
    const units = (await core.overview({})).units.filter((u) => u.agency === 'PEMKOT-BOGOR');
    const unit = units.reduce((a, b) => (b.employees > a.employees ? b : a));
    const req: UnitEmployeesRequest = { agency: 'PEMKOT-BOGOR', unit: unit.unit, from: '2025-09-01', to: '2025-09-30' };
    const view = tableFromIPC((await core.unitEmployees(req)).rows).toArray().map((r) => r.toJSON() as Row);
    expect(view.length).toBeGreaterThan(3);
    const out = join(core.dir, 'pegawai.xlsx');
    expect(await core.exportTable({ table: 'unitEmployees', filter: req, out })).toEqual({ out, total: view.length, rows: view.length });
    const { heading, header, data, ws } = await readTable(out, 'Nama');
    expect(header).toEqual(['Nama', 'NIP', 'Kepatuhan', 'Hari fleksibel', 'Temuan']);
    expect(data).toEqual(view.map((r) => [r.name, r.nip, r.rate, r.flexDays, r.findings]));
    // Read from the view 2 rows at a time: the pages must join without a gap or a repeat.
    const paged = join(core.dir, 'pegawai-2.xlsx');
    await exportTable(core.db, { table: 'unitEmployees', filter: req, out: paged }, {
      findings: (r) => createFindingsView(core.db, BOOK).findings(r, 'id'), unitEmployees: createUnitEmployeesView(core.db).unitEmployees,
    }, { now: TODAY, lang: 'id', pageSize: 2 });
    expect((await readTable(paged, 'Nama')).data).toEqual(data);
    expect(heading.slice(0, 4)).toEqual(['Pegawai unit kerja', expect.stringMatching(/^Instansi: PEMKOT-BOGOR/), `Unit kerja: ${unit.unit}`,
      'Filter: Periode September 2025; Urutan: kepatuhan terendah lebih dahulu']);
    const headerRow = heading.length + 1;
    expect(ws.getCell(headerRow + 1, 3).numFmt).toBe('0.0%');
    // The header row is repeated on every printed page.
    expect(readWithOpenpyxl(out).sheets[0]!.printTitles).toMatch(new RegExp(`\\$${headerRow}:\\$${headerRow}`));
  });

  it('in English when the call is: headers, statuses, the heading and the periods', async () => {
    const core = await checkedCore();
    const out = join(core.dir, 'findings.xlsx');
    const query: FindingsQuery = { agency: 'PEMKOT-BOGOR', status: 'new', from: '2025-09-01', to: '2025-09-14' };
    const expected = await allFindings(core, query);
    await core.exportTable({ table: 'findings', filter: query, out }, { lang: 'en' });
    const { heading, header, data } = await readTable(out, 'Status');
    expect(header).toEqual(['Status', 'Rule', 'NIP', 'Name', 'Work unit', 'Period', 'Detail']);
    expect(heading[0]).toBe('Findings');
    expect(heading[2]).toBe('Filter: Period 1–14 Sep 2025; Status New; Order: Agency');
    expect(heading[3]).toMatch(/^Downloaded .* rows$/);
    expect(data.map((r) => [r[0], r[5]])).toEqual(expected.map((r) => ['New', formatter('en').period(r.period as string)]));
    const emps = join(core.dir, 'employees.xlsx');
    const unit = (await core.overview({ agency: 'PEMKOT-BOGOR' })).units[0]!.unit;
    await core.exportTable({ table: 'unitEmployees', filter: { agency: 'PEMKOT-BOGOR', unit }, out: emps }, { lang: 'en' });
    expect((await readTable(emps, 'Name')).header).toEqual(['Name', 'NIP', 'Compliance', 'Flexible days', 'Findings']);
  });

  it('cut at the rows a sheet holds, and the heading says so', async () => {
    const core = await checkedCore();
    const expected = await allFindings(core, {});
    const out = join(core.dir, 'potong.xlsx');
    const result = await exportTable(core.db, { table: 'findings', filter: {}, out }, {
      findings: (r) => createFindingsView(core.db, BOOK).findings(r, 'id'), unitEmployees: createUnitEmployeesView(core.db).unitEmployees,
    }, { now: TODAY, lang: 'id', maxRows: 120, pageSize: 50 });
    expect(result).toEqual({ out, total: expected.length, rows: 120 });
    const { heading, data } = await readTable(out, 'Status');
    expect(data).toEqual(expected.slice(0, 120).map((r) => findingCells(r, true)));
    expect(heading).toContain(`Hanya 120 baris pertama dari ${id.int(expected.length)} yang muat dalam satu lembar Excel; persempit filternya untuk melihat sisanya.`);
  });

  it('the headers and statuses are the screen\'s own words', () => {
    const screen = (key: keyof typeof CORE_MESSAGES) => CORE_MESSAGES[key];
    expect([screen('col.status'), screen('col.rule'), screen('col.nip'), screen('col.name'), screen('col.agency'), screen('col.unit'),
      screen('col.period'), screen('col.detail'), screen('col.rate'), screen('col.flexDays'), screen('col.findings'),
      screen('status.new'), screen('status.open'), screen('status.resolved')]).toEqual([
      ['Status', 'Status'], ['Aturan', 'Rule'], ['NIP', 'NIP'], ['Nama', 'Name'], ['Instansi', 'Agency'], ['Unit kerja', 'Work unit'],
      ['Periode', 'Period'], ['Uraian', 'Detail'], ['Kepatuhan', 'Compliance'], ['Hari fleksibel', 'Flexible days'], ['Temuan', 'Findings'],
      ['Baru', 'New'], ['Berlanjut', 'Continuing'], ['Selesai', 'Resolved'],
    ]);
  });
});

describe('text in a downloaded table is cleaned as in every export', () => {
  const HYPERLINK = '=HYPERLINK("http://x","y")';
  const BROKEN = 'Bagian\uFFFF Umum';
  const HIDDEN = '\u202E+62 812';

  it('formula-like names stay text and are quote-prefixed, forbidden characters become U+FFFD, overrides are dropped (exceljs and openpyxl)', async () => {
    const core = await freshCore();
    const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
    const lines = ['NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja'];
    // Three WFH days a week: LOK-01 finds each of them.
    ['2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12'].forEach((d, i) => {
      lines.push([nip(1), q(HYPERLINK), q(BROKEN), d, '07:30', '16:00', 'H', i < 3 ? 'WFH' : 'WFO'].join(','));
      lines.push([nip(2), q(HIDDEN), q(BROKEN), d, '07:30', '16:00', 'H', 'WFH'].join(','));
    });
    await importOne(core, { path: writeText(core.dir, 'presensi.csv', `${lines.join('\n')}\n`), kind: 'attendance', agency: 'PEMKOT-X' });
    await core.runChecks({});
    const req: FindingsRequest = { agency: 'PEMKOT-X' };
    expect((await core.findings(req)).total).toBeGreaterThan(0);
    const out = join(core.dir, 'bersih.xlsx');
    await core.exportTable({ table: 'findings', filter: req, out });
    const { data } = await readTable(out, 'Status');
    const names = new Set(data.map((r) => r[3]));
    const units = new Set(data.map((r) => r[4]));
    expect(names).toEqual(new Set([HYPERLINK, '+62 812']));
    expect(units).toEqual(new Set(['Bagian\uFFFD Umum']));
    const py = readWithOpenpyxl(out).sheets[0]!;
    const nameCells = py.rows.flatMap((row, r) => (row[3]?.[0] === HYPERLINK || row[3]?.[0] === '+62 812' ? [`D${r + 1}`] : []));
    expect(nameCells.length).toBe(data.length);
    expect(py.rows.every((row) => row.every(([, type]) => type !== 'f'))).toBe(true);
    expect(nameCells.every((ref) => py.quoted.includes(ref))).toBe(true);
  });
});
