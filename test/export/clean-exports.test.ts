import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { figure } from '../support/figures.ts';
import { csvLine } from '../../src-main/cli/csv.ts';
import { startsLikeFormula } from '../../src-main/core/export/clean-text.ts';
import { TableWriter } from '../../src-main/core/export/sheet-kit.ts';
import { pantauInProcess } from '../helpers/cli-in-process.ts';
import { freshCore, importOne, nip, tempDir, writeText } from '../helpers/workspace.ts';
import { formulaCells, readWithExcelJs, readWithOpenpyxl, sheet, table, values, type PyBook } from './xlsx.ts';

// Clean exports (issue 18, item 5; docs/workbook.md "Formula injection"): text that begins like a
// formula is quote-prefixed in every sheet, so it stays text when someone edits the cell; direction
// overrides are dropped and characters a sheet cannot hold become U+FFFD, in the workbooks and in
// the CSV of `pantau records`; the Metode sheet says so.
//
// These tests fail on the code before this change: exceljs 4.4 wrote no quotePrefix at all (no
// cell was marked), the Metode sheet did not mention U+FFFD, and the CSV writer neither cleaned
// text nor saw the "=" behind a direction override.

const HYPERLINK = '=HYPERLINK("http://x","y")';
const PLUS = '+62 812 3456';
const MINUS = '-1+2';
const AT = '@SUM(A1)';
/** A right-to-left override hiding a formula: dropped, the "=" it hid is then the first character. */
const HIDDEN = '\u202E=1+2';
const BROKEN = 'Bagian\uFFFF Umum';

const q = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** Attendance with hostile names and units (findings for LOK-01), and a rejected row carrying one. */
function attendanceCsv(): string {
  const lines = ['NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja'];
  ['2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12'].forEach((d, i) => {
    lines.push([nip(1), q(HYPERLINK), q(PLUS), d, '07:30', '16:00', 'H', i < 3 ? 'WFH' : 'WFO'].join(','));
    lines.push([nip(2), q(HIDDEN), q(MINUS), d, '07:30', '16:00', 'H', 'WFH'].join(','));
    lines.push([nip(3), q(AT), q(BROKEN), d, '07:30', '16:00', 'H', 'WFH'].join(','));
  });
  // Rejected (not a date): the rejects workbook writes the value back as it stood.
  lines.push([nip(4), 'Dedi', 'Bagian Umum', q('=TODAY()'), '07:30', '16:00', 'H', 'WFO'].join(','));
  return `${lines.join('\n')}\n`;
}

/** Every string cell of every sheet that begins like a formula, as "Sheet!A1", and those marked quote-prefixed. */
function formulaLike(book: PyBook): { text: string[]; quoted: string[]; sheets: Set<string> } {
  const text: string[] = [];
  const sheets = new Set<string>();
  for (const s of book.sheets) {
    s.rows.forEach((row, r) => row.forEach(([v, type], c) => {
      if (type === 's' && typeof v === 'string' && startsLikeFormula(v)) {
        text.push(`${s.name}!${String.fromCharCode(65 + c)}${r + 1}`);
        sheets.add(s.name);
      }
    }));
  }
  const quoted = book.sheets.flatMap((s) => s.quoted.map((ref) => `${s.name}!${ref}`));
  return { text: text.sort(), quoted: quoted.sort(), sheets };
}

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe('clean exports: formula-like text quote-prefixed, overrides dropped, in every sheet and in CSV', () => {
  it('the workbook and the rejects workbook mark every formula-like text cell quote-prefixed and read back the same text in exceljs and openpyxl', async () => {
    const core = await freshCore();
    const r = await importOne(core, { path: writeText(core.dir, 'presensi.csv', attendanceCsv()), kind: 'attendance', agency: 'PEMKOT-X' });
    expect([r.rowsImported, r.rowsRejected]).toEqual([15, 1]);
    const out = join(core.dir, 'laporan.xlsx');
    await core.exportWorkbook({ out });

    const py = readWithOpenpyxl(out);
    const found = formulaLike(py);
    // The payloads reach several sheets (findings, units, data quality, …), or this would prove little.
    expect(found.sheets.size).toBeGreaterThanOrEqual(3);
    expect(found.text.length).toBeGreaterThanOrEqual(8);
    // Failed before: exceljs wrote no quotePrefix, so `quoted` was empty.
    expect(found.quoted).toEqual(found.text);
    expect(formulaCells(py)).toEqual([]);
    // Numbers and plain text are not marked.
    const plain = py.sheets.flatMap((s) => s.rows.flatMap((row, i) => row.map(([v], c) => ({ ref: `${s.name}!${String.fromCharCode(65 + c)}${i + 1}`, v }))))
      .filter((x) => !(typeof x.v === 'string' && startsLikeFormula(x.v)));
    expect(plain.filter((x) => found.quoted.includes(x.ref))).toEqual([]);

    // The same text in both readers: the mark is in the format, not in the value.
    const findings = table(sheet(await readWithExcelJs(out), 'Temuan'), 'Aturan').slice(1);
    expect(new Set(findings.map((row) => row[2]))).toEqual(new Set([HYPERLINK, '=1+2', AT]));
    const pyTexts = py.sheets.flatMap((s) => s.rows.flat()).map((c) => c[0]);
    expect(pyTexts).toEqual(expect.arrayContaining([HYPERLINK, PLUS, MINUS, AT, '=1+2', 'Bagian\uFFFD Umum']));
    expect(pyTexts.filter((t) => typeof t === 'string' && /[\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/.test(t))).toEqual([]);

    // The Metode sheet says what was done to such text (in the sheet's language, Indonesian).
    const method = py.sheets.find((s) => s.name === 'Metode')!.rows.flat().map((c) => String(c[0])).join('\n');
    expect(method).toMatch(/awalan kutip/);
    expect(method).toMatch(/U\+FFFD/);
    expect(method).toMatch(/pengubah arah teks \(U\+202A–U\+202E, U\+2066–U\+2069\) dihapus/);

    const rejects = join(core.dir, 'ditolak.xlsx');
    await core.exportRejects({ batches: [r.batch!], out: rejects });
    const pyRejects = readWithOpenpyxl(rejects);
    const inRejects = formulaLike(pyRejects);
    expect(inRejects.text.length).toBeGreaterThanOrEqual(1);
    expect(inRejects.quoted).toEqual(inRejects.text);
    expect(formulaCells(pyRejects)).toEqual([]);
    const cells = found.text.length + inRejects.text.length;
    const marked = found.quoted.length + inRejects.quoted.length;
    figure('hostile', `hostile text in exports: ${marked}/${cells} formula-like cells quote-prefixed in ${found.sheets.size + 1} sheets, ${formulaCells(py).length + formulaCells(pyRejects).length} formulas, 0 ill-formed sheets (read back by exceljs and openpyxl)`);
  });

  const payloads = ['=1+2', '+1', '-1', '@x', '\tcmd', '\rcmd', '=cmd|\' /C calc\'!A0', 'biasa'];
  async function streamedTable(dir: string): Promise<string> {
    const out = join(dir, 'kit.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
    const table = new TableWriter(book, 'T', [{ header: 'Teks', width: 20 }, { header: 'Angka', width: 10, fmt: 'int' }]);
    for (const p of payloads) table.add([p, -5]);
    table.finish();
    await book.commit();
    return out;
  }

  it('a streamed table marks =, +, -, @, tab and CR text and nothing else, and keeps -5 a number', async () => {
    const out = await streamedTable(tempDir());
    const py = readWithOpenpyxl(out);
    // Rows 2–8 hold a formula-like text; row 9 ("biasa"), the header and every number are not marked.
    expect(py.sheets[0]!.quoted).toEqual(['A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
    expect(py.sheets[0]!.rows.slice(1).every((row) => row[1]![0] === -5 && row[1]![1] === 'n')).toBe(true);
    const wb = await readWithExcelJs(out);
    // XML reads a raw carriage return as a line feed; the cell is text all the same.
    expect(values(sheet(wb, 'T')).slice(1).map((row) => row[0])).toEqual(payloads.map((p) => p.replace('\r', '\n')));
  });

  // Where LibreOffice is installed (not in CI; about 20 s, most of it its first start): it opens
  // the marked cells as text, not formulas (a formula would print its result in the CSV).
  it.skipIf(!soffice && !process.env.PANTAU_REQUIRE_E2E)('LibreOffice reads the marked cells back as their text', async () => {
    const dir = tempDir();
    const out = await streamedTable(dir);
    const profile = tempDir();
    const converted = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv', '--outdir', dir, out], { encoding: 'utf8', timeout: 170_000 });
    expect(converted.status).toBe(0);
    const lines = readFileSync(join(dir, 'kit.csv'), 'utf8').split('\n');
    expect(lines.slice(1, 5)).toEqual(['=1+2,-5', '+1,-5', '-1,-5', '@x,-5']);
    expect(lines[7]).toBe('=cmd|\' /C calc\'!A0,-5');
  }, 180_000);

  it('the CSV of `pantau records` drops direction overrides before the formula test and writes U+FFFD as the workbook does', async () => {
    // Unit level: numbers stay numbers, text is cleaned, then defused.
    expect(csvLine([-5, '-5', HIDDEN, BROKEN, '\u2066x\u2069', 'a\u0001b'])).toBe(`-5,'-5,'=1+2,Bagian\uFFFD Umum,x,a\uFFFDb`);
    const core = await freshCore();
    await importOne(core, { path: writeText(core.dir, 'presensi.csv', attendanceCsv()), kind: 'attendance', agency: 'PEMKOT-X' });
    core.close();
    const run = await pantauInProcess(['records', '--db', core.dbPath, '--kind', 'attendance', '--agency', 'PEMKOT-X', '--csv']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    // Failed before: the override stayed, and hid the "=" from the apostrophe.
    expect(lines.some((l) => l.includes(`,'=1+2,`))).toBe(true);
    expect(lines.some((l) => l.includes('Bagian\uFFFD Umum'))).toBe(true);
    expect(lines.filter((l) => /[\u202A-\u202E\u2066-\u2069\uFFFF]/.test(l))).toEqual([]);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"",""y"")"`))).toBe(true);
  });
});
