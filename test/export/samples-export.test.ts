import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src-main/contract/compare-types.ts';
import type { ExportWorkbookResult } from '../../src-main/contract/export-types.ts';
import type { ImportBatch } from '../../src-main/contract/import-types.ts';
import { formatter } from '../../src-main/contract/format.ts';
import type { RunChecksResult } from '../../src-main/contract/rules-types.ts';
import { compare } from '../../src-main/core/compare/compare.ts';
import { newcombe, wilson } from '../../src-main/core/compare/intervals.ts';
import { exportWorkbook } from '../../src-main/core/export/export-workbook.ts';
import { createCore } from '../../src-main/core/index.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { checkWhole } from '../helpers/checks.ts';
import { ROOT } from '../helpers/cli.ts';
import { pantauInProcess } from '../helpers/cli-in-process.ts';
import { expected, manifest, SAMPLES } from '../helpers/samples.ts';
import type { Db } from '../../src-main/core/db/database.ts';
import { samplesWorkspace, TODAY } from '../helpers/workspace.ts';
import { kindLabel } from '../../src-main/contract/labels.ts';
import { localTime, pointsText } from '../../src-main/core/export/report-text.ts';
import { bandOf } from '../../src-renderer/src/charts/bands.ts';
import { headerRow, readWithExcelJs, readWithOpenpyxl, sheet, table, values, type Plain, type PyBook } from './xlsx.ts';

// The leadership workbook (docs/workbook.md) on the samples: its figures as `pantau check` and
// `pantau compare` give them (docs/rules.md), and the generator's hand count in samples/expected.json.

const BOOK = createRuleBook(RULES);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const expectedCompare = (JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as {
  compare: { flex: { n: number; met: number }; conventional: { n: number; met: number } };
  survey: { satisfiedPct: number; metTargetPct: number; participants: number };
});
const FULL_SHEETS = ['Ringkasan', 'Kepatuhan per unit', 'Temuan', 'Perbandingan', 'Survei', 'Kualitas data', 'Metode', 'Manifest'];
const FINDING_HEADER = ['Aturan', 'NIP', 'Nama', 'Instansi', 'Unit', 'Periode', 'Mulai', 'Selesai', 'Uraian', 'Dasar hukum',
  'Status', 'Berkas sumber', 'Baris sumber'];

const KEY = 'kunci-rahasia-bulanan';
const OTHER_KEY = 'kunci-lain-sama-sekali';

/** Every NIP and name the workspace knows, including raw values of rejected NIP cells. */
async function personal(db: Db): Promise<{ nips: string[]; names: string[] }> {
  const nips = await db.all<{ v: string }>(`SELECT DISTINCT v FROM (SELECT nip AS v FROM employees UNION ALL SELECT nip FROM attendance
    UNION ALL SELECT nip FROM performance UNION ALL SELECT value FROM rejects WHERE column_name = 'nip') WHERE v IS NOT NULL`);
  const names = await db.all<{ v: string }>(`SELECT DISTINCT v FROM (SELECT name AS v FROM employees UNION ALL SELECT name FROM attendance
    UNION ALL SELECT name FROM performance) WHERE v IS NOT NULL`);
  return { nips: nips.map((r) => r.v), names: names.map((r) => r.v) };
}

/** What a compliance rate cell holds: compliant / observed, unrounded. */
const exact = (r: { employeeWeeks: number; compliantEmployeeWeeks: number }) => (r.employeeWeeks ? r.compliantEmployeeWeeks / r.employeeWeeks : null);
/** A cell's exact figure as `pantau compare --json` prints it. */
const round4 = (v: Plain) => Math.round((v as number) * 10_000) / 10_000;
/** A number of percentage points with one decimal, as the workbook writes it: "5,4", "−1,2". */
const points = (v: number) => {
  const tenths = Math.round(v * 1000);
  return `${tenths < 0 ? '−' : ''}${(Math.abs(tenths) / 10).toFixed(1).replace('.', ',')}`;
};
/** A difference, signed: "+5,4", "−1,2", "0,0". */
const signed = (v: number) => `${Math.round(v * 1000) > 0 ? '+' : ''}${points(v)}`;

const xmlText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');

describe('the leadership workbook on the samples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-export-'));
  const db = join(dir, 'ws.duckdb');
  const out = (name: string) => join(dir, name);
  let check: RunChecksResult;
  let cmp: CompareResult;
  let batches: ImportBatch[];
  let full: ExportWorkbookResult;
  let unit: ExportWorkbookResult;
  let split: ExportWorkbookResult;
  let xl: ExcelJS.Workbook;
  let py: PyBook;
  let people: { nips: string[]; names: string[] };

  beforeAll(async () => {
    await samplesWorkspace(dir);
    for (const copy of ['a', 'b', 'c']) copyFileSync(db, join(dir, `${copy}.duckdb`));
    const run = await pantauInProcess(['compare', '--db', db, '--json']);
    expect(run.status).toBe(0);
    cmp = JSON.parse(run.stdout) as CompareResult;
    const core = await createCore({ dbPath: db, tmpDir: dir, now: () => TODAY });
    try {
      batches = (await core.listImports({})).batches;
      check = await checkWhole(core, {});
      full = await core.exportWorkbook({ out: out('full.xlsx') });
      unit = await core.exportWorkbook({ out: out('unit.xlsx'), unit: 'Biro Hukum' });
      split = await exportWorkbook(core.db, { out: out('split.xlsx') }, { ruleBook: BOOK, compare: (r) => compare(core.db, BOOK, r) },
        { now: TODAY, lang: 'id', version: VERSION, maxRowsPerSheet: 4 });
      people = await personal(core.db);
    } finally {
      core.close();
    }
    // Three copies of one workspace: the same key twice, then another key.
    for (const [copy, key] of [['a', KEY], ['b', KEY], ['c', OTHER_KEY]] as const) {
      const c = await createCore({ dbPath: join(dir, `${copy}.duckdb`), tmpDir: dir, now: () => TODAY });
      try {
        await c.exportWorkbook({ out: out(`${copy}.xlsx`), pseudonymize: { key } });
      } finally {
        c.close();
      }
    }
    xl = await readWithExcelJs(out('full.xlsx'));
    py = readWithOpenpyxl(out('full.xlsx'));
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the sheets of product.md §6 in reading order, each table with its header row, frozen and filtered', () => {
    expect(xl.worksheets.map((w) => w.name)).toEqual(FULL_SHEETS);
    expect(py.sheets.map((s) => s.name)).toEqual(FULL_SHEETS);
    expect(full.sheets.map((s) => s.name)).toEqual(FULL_SHEETS);
    // Under the letterhead, a two-row header: the groups (Pegawai, Periode temuan, Sumber data) over their columns.
    expect(table(sheet(xl, 'Temuan'), 'Aturan')[0]).toEqual(FINDING_HEADER);
    const h = headerRow(sheet(xl, 'Temuan'), 'Aturan');
    const temuan = py.sheets.find((s) => s.name === 'Temuan')!;
    expect(temuan.rows[h - 1]!.map((c, i) => c[0] ?? temuan.rows[h - 2]![i]![0])).toEqual(FINDING_HEADER);
    expect(temuan.rows[h - 2]!.map((c) => c[0])).toEqual(['Aturan', 'Pegawai', null, null, null, 'Periode temuan', null, null, 'Uraian',
      'Dasar hukum', 'Status', 'Sumber data', null]);
    expect([temuan.freeze, temuan.filter, temuan.printTitles]).toEqual([`D${h + 1}`, `A${h}:M${h + expected.findings.length}`, `$${h - 1}:$${h}`]);
    const units = headerRow(sheet(xl, 'Kepatuhan per unit'), 'Instansi');
    expect(py.sheets.find((s) => s.name === 'Kepatuhan per unit')!.freeze).toBe(`C${units + 1}`);
    // Header, the present days without both times, then each rejected row (bad rows and the earlier of each duplicate pair).
    const quality = expected.dataQuality.missingTimes.length + expected.badRows.length + expected.duplicates.length;
    const hq = headerRow(sheet(xl, 'Kualitas data'), 'Jenis');
    expect(py.sheets.find((s) => s.name === 'Kualitas data')!.filter).toBe(`A${hq}:K${hq + quality}`);
    expect(py.sheets.every((s) => s.landscape)).toBe(true);
  });

  it('compliance per unit equals pantau check and the generator’s hand count, with a total row', () => {
    const rows = table(sheet(xl, 'Kepatuhan per unit'), 'Instansi');
    const weeks = check.complianceByWeek.map((w) => w.week);
    // Each week headed by its number and days (issue 19): "Minggu 37 (8–14 Sep 2025)".
    expect(rows[0]).toEqual(['Instansi', 'Unit', 'Pegawai-minggu', 'Patuh', 'Kepatuhan', ...weeks.map((w) => formatter('id').week(w))]);
    const units = rows.slice(1, -1);
    const fromCheck = check.compliance.filter((c) => c.level === 'unit')
      .map((c) => [c.agency, c.unit, c.employeeWeeks, c.compliantEmployeeWeeks, exact(c)]);
    expect(units.map((r) => r.slice(0, 5))).toEqual(fromCheck);
    const handCount = expected.compliance.filter((c) => c.unit !== '(semua unit)')
      .map((c) => [c.agency, c.unit, c.employeeWeeks, c.compliantEmployeeWeeks, c.rate]);
    expect(units.map((r) => [...r.slice(0, 4), round4(r[4]!)]).sort()).toEqual(handCount.sort());
    for (const r of units) {
      for (const [i, week] of weeks.entries()) {
        const cell = check.complianceByUnitWeek.find((c) => c.agency === r[0] && c.unit === r[1] && c.week === week);
        expect(r[5 + i]).toBe(cell ? exact(cell) : null);
      }
    }
    const all = check.compliance.find((c) => c.level === 'all')!;
    expect(rows.at(-1)).toEqual(['Jumlah', 'Semua instansi', all.employeeWeeks, all.compliantEmployeeWeeks, exact(all),
      ...check.complianceByWeek.map(exact)]);
  });

  it('rate cells are numbers with a percentage format, coloured by band, in both readers', () => {
    const ws = sheet(xl, 'Kepatuhan per unit');
    const h = headerRow(ws, 'Instansi');
    const rate = ws.getCell(h + 1, 5);
    expect(typeof rate.value).toBe('number');
    expect(rate.numFmt).toBe('0.0%');
    const pyRows = py.sheets.find((s) => s.name === 'Kepatuhan per unit')!.rows;
    const rateCells = pyRows.slice(h).flatMap((r) => r.slice(4)).filter((c) => c[0] !== null);
    expect(rateCells.length).toBeGreaterThan(100);
    expect(rateCells.every((c) => c[1] === 'n' && c[2] === '0.0%' && typeof c[0] === 'number')).toBe(true);
    // Header, one row per unit, the total row.
    const unitRows = expected.compliance.filter((c) => c.unit !== '(semua unit)').length;
    expect(py.sheets.find((s) => s.name === 'Kepatuhan per unit')!.conditional).toEqual([`E${h + 1}:N${h + unitRows + 1}`]);
    const summary = py.sheets.find((s) => s.name === 'Ringkasan')!.rows;
    const headline = summary.find((r) => r[0]![0] === 'Tingkat kepatuhan')!;
    expect(headline[2]!.slice(0, 3)).toEqual([exact(check.compliance.find((c) => c.level === 'all')!), 'n', '0.0%']);
  });

  it('colours each rate in the band the screens give it, as the method sheet says (fixed bug: the workbook turned a rate red below 90 %, the screens below 85 %)', () => {
    const ws = sheet(xl, 'Kepatuhan per unit') as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] };
    const rules = ws.conditionalFormattings[0]!.rules;
    // A rule holds for a rate when each comparison of its formula does, the cell replaced by the rate.
    const holds = (formula: string, rate: number) => [...formula.matchAll(/[A-Z]+\d+(<|>=)([\d.]+)/g)]
      .every(([, op, bound]) => (op === '<' ? rate < Number(bound) : rate >= Number(bound)));
    const colour = (rate: number) => ['bad', 'warn', 'good'][rules.findIndex((r) => holds(r.formulae[0]!, rate))];
    for (const rate of [0.5, 0.8499, 0.85, 0.875, 0.9, 0.9499, 0.95, 1]) expect(colour(rate), String(rate)).toBe(bandOf(rate));
    const method = values(sheet(xl, 'Metode')).flat().join('\n');
    expect(method.replaceAll('\u00a0', ' ')).toContain('hijau ≥ 95,0 %, kuning 85,0 % sampai < 95,0 %, merah < 85,0 %');
  });

  it('the summary carries scope, headline figures, compliance per agency, the reference survey figures and a signature block', () => {
    const rows = values(sheet(xl, 'Ringkasan'));
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(rows.find((r) => String(r[0]).startsWith('Periode'))![0]).toBe('Periode: 1 September 2025 s.d. 31 Oktober 2025');
    expect(rows[0]![0]).toBe('SEMUA INSTANSI');
    expect(find('Pegawai-minggu teramati')![1]).toBe(expected.compliance.filter((c) => c.unit === '(semua unit)').reduce((n, c) => n + c.employeeWeeks, 0));
    expect(find('Temuan')![1]).toBe(expected.findings.length);
    const agencies = table(sheet(xl, 'Ringkasan'), 'Instansi').slice(1).map((r) => [r[0], r[2], r[3], r[4]]);
    expect(agencies).toEqual(check.compliance.filter((c) => c.level === 'agency')
      .map((c) => [c.agency, c.employeeWeeks, c.compliantEmployeeWeeks, exact(c)]));
    // Our share unrounded (the cell's 0.00% rounds it), beside the reference figures.
    const satisfied = find('% puas (nilai 4–5) di antara peserta FWA')!.slice(1, 3);
    expect(satisfied.map(round4)).toEqual([expectedCompare.survey.satisfiedPct / 100, 0.9022]);
    expect(satisfied[0]).toBeCloseTo(cmp.survey.satisfied / cmp.survey.satisfiedAnswered, 12);
    expect(find('% target kinerja tercapai di antara peserta FWA')!.slice(1, 3).map(round4)).toEqual([expectedCompare.survey.metTargetPct / 100, 0.9073]);
    // Place (to be written in) and the date, then the signature block.
    const mengetahui = rows.findIndex((r) => r[2] === 'Mengetahui,');
    expect(rows[mengetahui - 1]![2]).toBe('…………………, 22 November 2026');
    expect(rows.slice(mengetahui).some((r) => typeof r[2] === 'string' && r[2].startsWith('NIP:'))).toBe(true);
  });

  it('lists every finding with rule, legal basis, source file and rows, and its period in words and as real dates', () => {
    const rows = table(sheet(xl, 'Temuan'), 'Aturan').slice(1);
    const { period } = formatter('id');
    const key = (r: Plain[]) => [r[0], r[1], r[5], r[3], r[4]].join(' ');
    expect(rows.map(key).sort()).toEqual(expected.findings.map((f) => [f.rule, f.nip, period(f.period), f.agency, f.unit].join(' ')).sort());
    for (const r of rows) {
      const f = check.findings.find((c) => c.rule === r[0] && c.nip === r[1] && period(c.period) === r[5])!;
      expect(r[9]).toBe(BOOK.rule(f.rule)!.basis);
      expect(r[8]).toBe(f.detail);
      // The attendance file the finding's rows came from: one of its agency's in the manifest.
      const own = manifest.filter((m) => m.agency === f.agency && m.kind === 'attendance').map((m) => m.file.split('/').pop());
      expect(own).toContain(r[11]);
      expect(r[12]).toBe(f.sources.map((s) => s.row).join(', '));
      expect(r[6]).toBeInstanceOf(Date);
    }
    const lok = rows.find((r) => r[0] === 'LOK-01' && r[5] === 'Minggu 38 (15–21 Sep 2025)')!;
    expect([lok[6], lok[7]]).toEqual([new Date('2025-09-15T00:00:00Z'), new Date('2025-09-21T00:00:00Z')]);
    const dis = rows.find((r) => r[0] === 'DIS-01')!;
    expect([dis[6], dis[7]]).toEqual([new Date('2025-01-01T00:00:00Z'), new Date('2025-12-31T00:00:00Z')]);
    const pyDates = py.sheets.find((s) => s.name === 'Temuan')!.rows.slice(headerRow(sheet(xl, 'Temuan'), 'Aturan')).map((r) => r[6]!);
    expect(pyDates).toHaveLength(rows.length);
    expect(pyDates.every((c) => c[1] === 'd' && c[2] === 'dd/mm/yyyy')).toBe(true);
  });

  it('the comparison and the survey carry the figures of pantau compare, with "n < 5" for small groups', () => {
    const rows = table(sheet(xl, 'Perbandingan'), 'Tingkat');
    const p = cmp.performance;
    const overall = rows.find((r) => r[0] === 'Keseluruhan')!;
    // Unrounded from the counts (pantau compare rounds to 4 decimals, which 0.0% would round again).
    expect(overall.slice(3, 13)).toEqual([
      p.flex.n, p.flex.met, p.flex.met / p.flex.n, ...wilson(p.flex.met, p.flex.n),
      p.conventional.n, p.conventional.met, p.conventional.met / p.conventional.n, ...wilson(p.conventional.met, p.conventional.n),
    ]);
    // The difference in percentage points with its interval, written from the exact figures.
    const difference = p.flex.met / p.flex.n - p.conventional.met / p.conventional.n;
    const interval = newcombe(p.flex.met, p.flex.n, p.conventional.met, p.conventional.n);
    expect(overall[13]).toBe(pointsText(difference, interval, 'id'));
    expect(overall[13]).toBe(`${signed(difference)} poin persen (IK 95 %: ${points(interval[0])} – ${points(interval[1])})`);
    expect(overall[14]).toBe(p.withoutAttendance);
    expect([5, 6, 7, 10, 11, 12].map((i) => round4(overall[i]!))).toEqual([
      p.flex.rate, ...p.flex.ci95!, p.conventional.rate, ...p.conventional.ci95!,
    ]);
    expect([round4(difference), ...interval.map((v) => round4(v))]).toEqual([p.difference.value, ...p.difference.ci95!]);
    expect([overall[3], overall[4], overall[8], overall[9]]).toEqual([expectedCompare.compare.flex.n, expectedCompare.compare.flex.met,
      expectedCompare.compare.conventional.n, expectedCompare.compare.conventional.met]);
    const ba = cmp.beforeAfter;
    const all = values(sheet(xl, 'Perbandingan'));
    const baRow = (label: string) => all.find((r) => r[0] === label)!;
    for (const [label, g] of [['Unit yang mulai FWA', ba.starters], ['Unit yang belum FWA', ba.nonStarters]] as const) {
      expect(baRow(label)[8]).toBe(g.change === null ? 'n < 5' : pointsText(g.after.met / g.after.n - g.before.met / g.before.n, null, 'id'));
      expect(baRow(label).slice(2, 8)).toEqual([g.before.n, g.before.met, g.before.rate === null ? 'n < 5' : g.before.met / g.before.n,
        g.after.n, g.after.met, g.after.rate === null ? 'n < 5' : g.after.met / g.after.n]);
    }
    const change = (g: typeof ba.starters) => g.after.met / g.after.n - g.before.met / g.before.n;
    const did = baRow('Selisih dari selisih')[8];
    expect(did).toBe(ba.differenceInDifferences === null ? 'n < 5' : `${signed(change(ba.starters) - change(ba.nonStarters))} poin persen`);
    if (ba.differenceInDifferences !== null) expect(round4(change(ba.starters) - change(ba.nonStarters))).toBe(ba.differenceInDifferences);
    const unitRows = rows.filter((r) => r[0] === 'Unit');
    expect(unitRows).toHaveLength(p.byUnit.length);
    const small = p.byUnit.filter((u) => u.flex.rate === null).length;
    expect(unitRows.filter((r) => r[5] === 'n < 5')).toHaveLength(small);
    expect(small).toBeGreaterThan(0);
    // A small group shows no number, as on the screens and as the Metode sheet says: its n and met gave its rate away (fixed bug).
    expect(unitRows.filter((r) => r[5] === 'n < 5').every((r) => r[3] === null && r[4] === null)).toBe(true);
    const survey = table(sheet(xl, 'Survei'), 'Tingkat').find((r) => r[0] === 'Keseluruhan')!;
    expect(survey.slice(3, 8)).toEqual([cmp.survey.respondents, cmp.survey.participants, cmp.survey.nonParticipants,
      cmp.survey.satisfied, cmp.survey.satisfiedAnswered]);
    expect([round4(survey[8]!), round4(survey[13]!)]).toEqual([cmp.survey.satisfiedPct! / 100, cmp.survey.metTargetPct! / 100]);
    expect(survey[8]).toBeCloseTo(cmp.survey.satisfied / cmp.survey.satisfiedAnswered, 12);
    const pySurvey = py.sheets.find((s) => s.name === 'Survei')!.rows.find((r) => r[0]![0] === 'Keseluruhan')!;
    expect([round4(pySurvey[8]![0]), pySurvey[8]![1], pySurvey[8]![2]]).toEqual([expectedCompare.survey.satisfiedPct / 100, 'n', '0.00%']);
  });

  it('the data-quality sheet lists every rejected row of the samples with its reason', () => {
    const rows = table(sheet(xl, 'Kualitas data'), 'Jenis').slice(1);
    for (const bad of expected.badRows) {
      const hit = rows.find((r) => r[0] === 'Baris ditolak' && r[4] === bad.row && r[3] === bad.file.split('/')[1]);
      expect(hit, `${bad.file} baris ${bad.row}`).toBeDefined();
      expect(hit![6]).toBe(bad.value);
      expect(hit![10]).toMatch(new RegExp(`^baris ${bad.row}: `));
    }
    const duplicates = expected.duplicates.flatMap((d) => d.rows.slice(0, -1));
    expect(rows.filter((r) => r[10]?.toString().includes('kunci yang sama')).map((r) => r[4])).toEqual(duplicates);
  });

  it('the method sheet explains every rule with its article and the profile parameters used', () => {
    const rules = table(sheet(xl, 'Metode'), 'Aturan').slice(1);
    expect(rules.map((r) => [r[0], r[3]])).toEqual(RULES.map((r) => [r.id, r.basis]));
    const params = table(sheet(xl, 'Metode'), 'Instansi').slice(1);
    // A parameter is named by its label, with its unit: no profile key in a report a leader reads.
    expect(params.find((r) => r[0] === 'KEMENDAGRI' && r[2] === 'Batas hari fleksibel lokasi per minggu'))
      .toEqual(['KEMENDAGRI', 'nasional v1', 'Batas hari fleksibel lokasi per minggu', '2 hari', null, null]);
    expect(params.some((r) => /^[a-z]+[A-Z]|^rules\./.test(String(r[2])))).toBe(false);
  });

  it('the manifest names every source batch with file, SHA-256 and rows, the run, the profile and the Pantau version', () => {
    const rows = values(sheet(xl, 'Manifest'));
    // Label and value each span a few columns: the value is in the third.
    const fact = (label: string) => rows.find((r) => r[0] === label)?.[2];
    expect(fact('Aplikasi')).toBe(`Pantau ${VERSION}`);
    expect(fact('Pemeriksaan')).toBe(full.run);
    expect(fact('Versi profil')).toBe('nasional v1');
    // On the machine's clock, its zone named (WIB, WITA, WIT, UTC) or given as an offset.
    expect(fact('Dibuat')).toBe(localTime(TODAY, 'id'));
    expect(fact('Dibuat')).toMatch(/^22 November 2026 \d\d\.\d\d (WIB|WITA|WIT|UTC|UTC[+−]\d\d:\d\d)$/);
    expect(fact('Disamarkan')).toBe('Tidak');
    const list = table(sheet(xl, 'Manifest'), 'Batch').slice(1);
    expect(list.map((r) => [r[0], r[1], r[2], r[3], r[6], r[8], r[9], r[10], r[11]])).toEqual(
      batches.map((b) => [b.batch, b.file, kindLabel(b.kind, 'id'), b.agency, b.sha256, b.rowsRead, b.rowsImported, b.rowsRejected, b.rowsSkipped]),
    );
    // Every row read is imported, rejected or skipped: the counts add up on the sheet (fixed bug: no skipped column, so
    // a file with a title or a total row read more rows than it imported and rejected).
    expect(list.some((r) => (r[11] as number) > 0)).toBe(true);
    for (const r of list) expect(r[8], String(r[1])).toBe((r[9] as number) + (r[10] as number) + (r[11] as number));
  });

  it('no cell is a formula: names, units and details from agency files are text', () => {
    const parts = Object.keys(py.xml).filter((n) => n.startsWith('xl/worksheets/sheet'));
    expect(parts).toHaveLength(FULL_SHEETS.length);
    expect(parts.filter((n) => /<f[\s>/]/.test(py.xml[n]!))).toEqual([]);
    expect(py.sheets.flatMap((s) => s.rows.flat()).filter((c) => c[1] === 'f')).toEqual([]);
  });

  it('a unit report holds the unit’s weeks, its findings and its comparison figures only', async () => {
    expect(unit.sheets.map((s) => s.name)).toEqual(['Ringkasan', 'Kepatuhan per minggu', 'Temuan', 'Perbandingan', 'Survei', 'Metode', 'Manifest']);
    expect([unit.kind, unit.agency, unit.unit]).toEqual(['unit', 'KEMENDAGRI', 'Biro Hukum']);
    const wb = await readWithExcelJs(out('unit.xlsx'));
    const findings = table(sheet(wb, 'Temuan'), 'Aturan').slice(1);
    expect(findings.map((r) => [r[0], r[1], r[4]])).toEqual(
      expected.findings.filter((f) => f.unit === 'Biro Hukum').map((f) => [f.rule, f.nip, f.unit]),
    );
    const weeks = table(sheet(wb, 'Kepatuhan per minggu'), 'Minggu');
    const own = check.compliance.find((c) => c.unit === 'Biro Hukum')!;
    expect(weeks.at(-1)!.slice(2)).toEqual([own.employeeWeeks, own.compliantEmployeeWeeks, exact(own)]);
    expect(weeks.slice(1, -1).reduce((n, r) => n + (r[2] as number), 0)).toBe(own.employeeWeeks);
    const perf = table(sheet(wb, 'Perbandingan'), 'Tingkat').slice(1, 3);
    const u = cmp.performance.byUnit.find((x) => x.unit === 'Biro Hukum')!;
    expect(perf.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['Instansi', 'KEMENDAGRI', null, ...[cmp.performance.byAgency.find((a) => a.agency === 'KEMENDAGRI')!].flatMap((a) => [a.flex.n, a.flex.met])],
      ['Unit', 'KEMENDAGRI', 'Biro Hukum', u.flex.n, u.flex.met],
    ]);
  });

  it('findings past the sheet limit continue on "Temuan (2)", each sheet with its header and filter', async () => {
    // maxRowsPerSheet 4: the findings and the data-quality rows of expected.json, four to a sheet.
    const chunks = (n: number) => Array.from({ length: Math.ceil(n / 4) }, (_, i) => Math.min(4, n - 4 * i));
    const names = chunks(expected.findings.length).map((rows, i) => ({ sheet: 'findings', name: i ? `Temuan (${i + 1})` : 'Temuan', rows }));
    expect(names.length).toBeGreaterThan(2);
    expect(split.sheets.filter((s) => s.name.startsWith('Temuan'))).toEqual(names);
    const quality = expected.dataQuality.missingTimes.length + expected.badRows.length + expected.duplicates.length;
    expect(split.sheets.filter((s) => s.name.startsWith('Kualitas data')).map((s) => s.rows)).toEqual(chunks(quality));
    const wb = await readWithExcelJs(out('split.xlsx'));
    // Each part with the letterhead and the header again.
    const parts = names.map((n) => table(sheet(wb, n.name), 'Aturan'));
    for (const p of parts) expect(p[0]).toEqual(FINDING_HEADER);
    expect(names.map((n) => values(sheet(wb, n.name))[0]![0])).toEqual(names.map(() => 'SEMUA INSTANSI'));
    const whole = table(sheet(xl, 'Temuan'), 'Aturan').slice(1).map((r) => r.slice(0, 10));
    expect(parts.flatMap((p) => p.slice(1)).map((r) => r.slice(0, 10))).toEqual(whole);
    const pySplit = readWithOpenpyxl(out('split.xlsx'));
    const h = headerRow(sheet(wb, 'Temuan'), 'Aturan');
    expect(pySplit.sheets.filter((s) => s.name.startsWith('Temuan')).map((s) => [s.filter, s.freeze, s.printTitles]))
      .toEqual(names.map((n) => [`A${h}:M${h + n.rows}`, `D${h + 1}`, `$${h - 1}:$${h}`]));
  });

  it('a pseudonymised export contains no original NIP or name anywhere, and says so without the key', () => {
    const book = readWithOpenpyxl(out('a.xlsx'));
    const text = Object.values(book.xml).join('\n');
    expect(people.nips.length).toBeGreaterThan(80);
    expect(people.names.length).toBeGreaterThan(80);
    expect(people.nips.filter((n) => text.includes(n))).toEqual([]);
    expect(people.names.filter((n) => text.includes(n) || text.includes(xmlText(n)))).toEqual([]);
    expect(text).not.toContain(KEY);
    // The same layout as the plain workbook's: the rows under its headers.
    const temuan = book.sheets.find((s) => s.name === 'Temuan')!.rows.slice(headerRow(sheet(xl, 'Temuan'), 'Aturan'));
    expect(temuan).toHaveLength(expected.findings.length);
    expect(temuan.every((r) => /^P-[A-Z2-7]{12}$/.test(String(r[1]![0])) && r[2]![0] === `Pegawai ${r[1]![0]}`)).toBe(true);
    const rejected = book.sheets.find((s) => s.name === 'Kualitas data')!.rows.slice(headerRow(sheet(xl, 'Kualitas data'), 'Jenis'))
      .filter((r) => r[5]![0] === 'NIP');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((r) => /^P-[A-Z2-7]{12}$/.test(String(r[6]![0])))).toBe(true);
    const manifest = book.sheets.find((s) => s.name === 'Manifest')!.rows;
    expect(manifest.find((r) => r[0]![0] === 'Disamarkan')![2]![0]).toMatch(/^Ya: .*kunci tidak disimpan$/);
  });

  it('the same key gives an identical workbook, another key other codes for the same people', async () => {
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => readWithExcelJs(out(`${n}.xlsx`))));
    const all = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => [ws.name, values(ws)]);
    expect(all(b!)).toEqual(all(a!));
    const nipsOf = (wb: ExcelJS.Workbook) => table(sheet(wb, 'Temuan'), 'Aturan').slice(1).map((r) => r[1]);
    expect(nipsOf(c!)).not.toEqual(nipsOf(a!));
    expect(nipsOf(c!).every((n) => /^P-[A-Z2-7]{12}$/.test(String(n)))).toBe(true);
    // Joko Susilo has two findings: one person, one code, under either key.
    const joko = (wb: ExcelJS.Workbook) => new Set(values(sheet(wb, 'Temuan')).filter((r) => r[4] === 'Badan Perencanaan Pembangunan Daerah' && r[3] === 'PEMPROV-JATENG').map((r) => r[1]));
    expect(joko(a!).size).toBe(1);
    expect(joko(c!).size).toBe(1);
    // Apart from the codes (and the order they give), the findings are the same.
    const strip = (wb: ExcelJS.Workbook) => table(sheet(wb, 'Temuan'), 'Aturan').map((r) => JSON.stringify([...r.slice(0, 1), ...r.slice(3)])).sort();
    expect(strip(c!)).toEqual(strip(a!));
  });
});
