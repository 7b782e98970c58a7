import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/index.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { ColumnFit, letterheadRows, TableWriter } from '../../src-main/core/export/sheet-kit.ts';
import { samplesWorkspace, TODAY } from '../helpers/workspace.ts';
import { readWithOpenpyxl, type PyBook, type PyCell, type PySheet } from './xlsx.ts';

// docs/workbook.md, Print layout: the workbook reads as an Indonesian official report on paper. Every
// sheet A4 landscape one page wide, table headers repeated on every printed page, no text cut and no
// word broken (each column at least as wide as its longest word, and as its longest text unless the
// text wraps), labels in the workbook's language. Then LibreOffice prints it, and the PDF is read back.

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;
const soffice = has('soffice', ['--version']);
const poppler = has('pdftotext', ['-v']) && has('pdfinfo', ['-v']);

const BOOK = createRuleBook(RULES);
const PARAMETER_KEYS = BOOK.catalogue().parameters.map((p) => p.key);

/** Label words of each language that the other's workbook must not show (data, such as unit names and finding details, aside). */
const WORDS = {
  id: ['Ringkasan', 'Temuan', 'Kepatuhan', 'Instansi', 'Pegawai', 'Periode', 'Jumlah', 'Aturan', 'Dasar hukum', 'Nilai', 'Persentase',
    'Keseluruhan', 'Fleksibel', 'Konvensional', 'Kelompok', 'Tingkat', 'Selisih', 'Sebelum', 'Sesudah', 'Survei', 'Responden', 'Catatan',
    'Mengetahui', 'Jabatan', 'Nama', 'Uraian', 'Berkas', 'Baris', 'Kolom', 'Keterangan', 'Tanggal', 'Minggu', 'Mulai', 'Selesai', 'Dibuat',
    'Disamarkan', 'Metode', 'poin persen', 'IK 95 %', 's.d.', 'Semua instansi', 'tercapai', 'teramati', 'berlanjut', 'Ya', 'Tidak', 'aktif',
    'tidak', 'Laporan', 'Oktober', 'Desember', 'Agustus'],
  en: ['Summary', 'Findings', 'Compliance', 'Agency', 'Employee', 'Employees', 'Period', 'Total', 'Rule', 'Legal basis', 'Value', 'Share',
    'Overall', 'Flexible', 'Conventional', 'Group', 'Level', 'Difference', 'Before', 'After', 'Survey', 'Respondents', 'Notes',
    'Acknowledged', 'Position', 'Name', 'Description', 'File', 'Row', 'Column', 'Remarks', 'Date', 'Week', 'Starts', 'Ends', 'Generated',
    'Pseudonymised', 'Method', 'percentage points', '95% CI', 'All agencies', 'met', 'observed', 'continuing', 'Yes', 'No', 'on', 'no',
    'Report', 'October', 'December', 'August'],
};

/** The text a cell shows: numbers as their format prints them. */
function shown([v, type, fmt]: PyCell): string {
  if (v === null || v === undefined) return '';
  if (type === 'd') return fmt.includes('hh') ? '00/00/0000 00:00' : '00/00/0000';
  if (typeof v !== 'number') return String(v);
  if (fmt === '0.0%') return `${(v * 100).toFixed(1)}%`;
  if (fmt === '0.00%') return `${(v * 100).toFixed(2)}%`;
  if (fmt === '#,##0') return Math.round(v).toLocaleString('en-US');
  if (fmt === '0.0000') return v.toFixed(4);
  return String(v);
}

const length = (s: string) => [...s].length;

/**
 * Every cell whose text does not fit: a word longer than its column (or merged cells), or a line longer
 * than its column in a cell that does not wrap.
 */
function cutCells(s: PySheet): string[] {
  const merged = new Map<string, number>();
  const covered = new Set<string>();
  for (const [r1, c1, r2, c2] of s.merges) {
    let width = 0;
    for (let c = c1; c <= c2; c++) width += s.widths[c - 1] ?? 8.43;
    merged.set(`${r1}:${c1}`, width);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r}:${c}`);
  }
  const bad: string[] = [];
  s.rows.forEach((row, ri) => row.forEach((cell, ci) => {
    const key = `${ri + 1}:${ci + 1}`;
    const text = shown(cell);
    if (!text || covered.has(key)) return;
    const width = merged.get(key) ?? s.widths[ci] ?? 8.43;
    const word = Math.max(...text.split(/\s+/).map(length));
    const line = Math.max(...text.split('\n').map(length));
    if (word > width || (line > width && !cell[3])) bad.push(`${s.name}!${String.fromCharCode(65 + ci)}${ri + 1} (${width}): ${text.slice(0, 60)}`);
  }));
  return bad;
}

/** Every text cell, for the scans of words and keys. */
const texts = (book: PyBook) => book.sheets.flatMap((s) => s.rows.flat().map((c) => c[0]).filter((v): v is string => typeof v === 'string'));
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordIn = (w: string, t: string) => new RegExp(`(^|[^\\p{L}\\p{N}_])${escape(w)}($|[^\\p{L}\\p{N}_])`, 'u').test(t);

/** The texts of a sheet's repeated header rows ("$6:$7"), column by column. */
function headerTexts(s: PySheet): string[] {
  const [a, b] = s.printTitles!.replaceAll('$', '').split(':').map(Number) as [number, number];
  const rows = s.rows.slice(a - 1, b);
  return rows[0]!.map((_, c) => rows.map((r) => r[c]?.[0]).filter((v) => typeof v === 'string').join(' '));
}

/** Prints a workbook with LibreOffice: the PDF's pages, each with its size and its text. */
function print(xlsx: string, dir: string): { size: string; text: string }[] {
  const profile = mkdtempSync(join(tmpdir(), 'pantau-lo-'));
  try {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
      { encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stderr).toBe(0);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' }).stdout;
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]!);
  const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.split('\f');
  return sizes.map((size, i) => ({ size, text: pages[i] ?? '' }));
}

describe('the workbook as an official report on paper', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-print-'));
  const books: Record<'full' | 'unit' | 'fullEn' | 'unitEn', string> = {
    full: join(dir, 'laporan.xlsx'), unit: join(dir, 'unit.xlsx'), fullEn: join(dir, 'report.xlsx'), unitEn: join(dir, 'unit-en.xlsx'),
  };
  const read: Partial<Record<keyof typeof books, PyBook>> = {};

  beforeAll(async () => {
    const db = await samplesWorkspace(dir);
    for (const lang of ['id', 'en'] as const) {
      const core = await createCore({ dbPath: db, tmpDir: dir, now: () => TODAY, lang });
      try {
        await core.exportWorkbook({ out: lang === 'id' ? books.full : books.fullEn });
        await core.exportWorkbook({ out: lang === 'id' ? books.unit : books.unitEn, unit: 'Biro Hukum' });
      } finally {
        core.close();
      }
    }
    for (const [k, path] of Object.entries(books)) read[k as keyof typeof books] = readWithOpenpyxl(path);
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every sheet is A4 landscape, one page wide; every table sheet repeats its header rows on every printed page', () => {
    for (const book of Object.values(read)) {
      for (const s of book!.sheets) {
        expect(s.page, s.name).toEqual({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        // The summary is a page of small tables with the signature block; every other sheet is a table.
        if (s.name === 'Ringkasan' || s.name === 'Summary') expect(s.printTitles).toBeNull();
        else expect(s.printTitles, s.name).toMatch(/^\$\d+:\$\d+$/);
      }
    }
    // The header repeated is the table's: on the findings sheet, its two rows under the letterhead.
    const temuan = read.full!.sheets.find((s) => s.name === 'Temuan')!;
    expect(headerTexts(temuan)).toEqual(['Aturan', 'Pegawai NIP', 'Nama', 'Instansi', 'Unit', 'Periode temuan Periode', 'Mulai', 'Selesai',
      'Uraian', 'Dasar hukum', 'Status', 'Sumber data Berkas sumber', 'Baris sumber']);
    expect(headerTexts(read.fullEn!.sheets.find((s) => s.name === 'Findings')!).at(-1)).toBe('Source rows');
  });

  it('no text is cut and no word broken: each column is as wide as its longest word, and as its longest text unless it wraps', () => {
    for (const book of Object.values(read)) expect(book!.sheets.flatMap(cutCells)).toEqual([]);
    // Not a check that passes by wrapping everything: long text wraps, short columns do not.
    const temuan = read.full!.sheets.find((s) => s.name === 'Temuan')!;
    const first = temuan.rows.findIndex((r) => r[0]![0] === 'LOK-01');
    expect(temuan.rows[first]!.map((c) => c[3])).toEqual([false, false, true, false, true, false, false, false, true, true, false, false, true]);
    // The legal basis of APR-01, whole, on the summary and the findings.
    const apr = BOOK.rule('APR-01')!.basis;
    expect(read.full!.sheets.find((s) => s.name === 'Ringkasan')!.rows.some((r) => r[1]![0] === apr && r[1]![3])).toBe(true);
  });

  it('labels are in the workbook\'s language, with no profile key in any cell', () => {
    const pairs = [[read.full!, 'id'], [read.unit!, 'id'], [read.fullEn!, 'en'], [read.unitEn!, 'en']] as const;
    for (const [book, lang] of pairs) {
      const all = texts(book);
      const other = lang === 'id' ? WORDS.en : WORDS.id;
      const own = lang === 'id' ? WORDS.id : WORDS.en;
      expect(other.filter((w) => all.some((t) => wordIn(w, t))), `${lang}: words of the other language`).toEqual([]);
      // The list is not empty words: most of its own language's are there.
      expect(own.filter((w) => all.some((t) => wordIn(w, t))).length).toBeGreaterThan(own.length * 0.8);
      expect(all.filter((t) => PARAMETER_KEYS.some((k) => wordIn(k, t)) || /\brules\.[A-Z]/.test(t))).toEqual([]);
      expect(all.filter((t) => /(^|\s)[a-z]+[A-Z][A-Za-z]*(\s|$)/.test(t))).toEqual([]);
    }
    expect(read.fullEn!.sheets.map((s) => s.name)).toEqual(['Summary', 'Compliance per unit', 'Findings', 'Comparison', 'Survey', 'Data quality',
      'Method', 'Manifest']);
    expect(read.unitEn!.sheets.map((s) => s.name)).toEqual(['Summary', 'Compliance per week', 'Findings', 'Comparison', 'Survey', 'Method', 'Manifest']);
    // The footer too.
    expect(read.fullEn!.xml['xl/worksheets/sheet3.xml']).toContain('Page &amp;P of &amp;N');
    expect(read.full!.xml['xl/worksheets/sheet3.xml']).toContain('Halaman &amp;P dari &amp;N');
  });

  // LibreOffice prints the workbook (CI: Debian's libreoffice-calc and poppler-utils).
  it.skipIf((!soffice || !poppler) && !process.env.PANTAU_REQUIRE_E2E)('LibreOffice prints every page A4 landscape; each sheet begins with the letterhead, and every later page repeats the header across the whole width', () => {
    for (const [key, lang] of [['full', 'id'], ['fullEn', 'en']] as const) {
      const book = read[key]!;
      const pages = print(books[key], dir);
      expect(pages.length).toBeGreaterThanOrEqual(book.sheets.length);
      expect(pages.filter((p) => !/^841\.\d+ x 595\.\d+ pts \(A4\)/.test(p.size))).toEqual([]);
      // Pages by sheet, from the footer: the sheet's name on the left, the page on the right.
      const footer = lang === 'id' ? /^\s*(.+?)\s{2,}Halaman \d+ dari \d+\s*$/m : /^\s*(.+?)\s{2,}Page \d+ of \d+\s*$/m;
      const bySheet = new Map<string, string[]>();
      for (const p of pages) {
        const name = footer.exec(p.text)?.[1];
        expect(name, p.text.slice(-200)).toBeDefined();
        bySheet.set(name!, [...(bySheet.get(name!) ?? []), p.text]);
      }
      expect([...bySheet.keys()]).toEqual(book.sheets.map((s) => s.name));
      const letterhead = lang === 'id' ? 'SEMUA INSTANSI' : 'ALL AGENCIES';
      for (const s of book.sheets) {
        const printed = bySheet.get(s.name)!;
        expect(printed[0]).toContain(letterhead);
        if (!s.printTitles) continue;
        // The header's first and last column on every page from the one it first appears on: nothing is pushed onto another page.
        const header = headerTexts(s);
        const words = [...header[0]!.split(/\s+/), ...header.at(-1)!.split(/\s+/)];
        const shows = (text: string) => words.every((w) => text.includes(w));
        const from = printed.findIndex(shows);
        expect(from, s.name).toBeGreaterThanOrEqual(0);
        expect(printed.slice(from).filter((t) => !shows(t)).length, s.name).toBe(0);
      }
      // Sheets longer than a page show their header again on their second page.
      expect(bySheet.get(lang === 'id' ? 'Perbandingan' : 'Comparison')!.length).toBeGreaterThan(1);
    }
  }, 360_000);

  it.skipIf((!soffice || !poppler) && !process.env.PANTAU_REQUIRE_E2E)('a findings table of 150 rows repeats its letterhead once and its header on every printed page', async () => {
    const out = join(dir, 'panjang.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
    const cols = ['Aturan', 'NIP', 'Nama', 'Uraian', 'Dasar hukum'].map((header) => ({ header, max: 30 }));
    const rows = Array.from({ length: 150 }, (_, i) => ['LOK-01', `1986092620150510${String(i).padStart(2, '0')}`, `Pegawai Nomor ${i + 1}`,
      `3 hari fleksibel lokasi dalam 2025-W${String(1 + (i % 52)).padStart(2, '0')}, batas 2`, 'PermenPANRB 4/2025 Pasal 13 ayat (1)']);
    const fit = new ColumnFit(cols);
    for (const r of rows) fit.add(r);
    const fitted = fit.fitted();
    const title = letterheadRows({ agency: 'Pemerintah Kota Contoh', title: 'Laporan Pemantauan Fleksibilitas Kerja ASN', subtitle: 'Daftar Temuan',
      period: 'Periode: 1 September 2025 s.d. 30 September 2025' }, fitted.length);
    const table = new TableWriter(book, 'Temuan', fitted, { title, groups: [{ label: 'Pegawai', from: 2, to: 3 }] });
    for (const r of rows) table.add(r);
    table.finish();
    await book.commit();
    const pages = print(out, dir);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.filter((p) => p.text.includes('PEMERINTAH KOTA CONTOH'))).toHaveLength(1);
    expect(pages.filter((p) => !['Aturan', 'Pegawai', 'NIP', 'Nama', 'Uraian', 'Dasar', 'hukum'].every((w) => p.text.includes(w)))).toEqual([]);
    // Every row printed once, none lost between pages.
    const printed = pages.flatMap((p) => [...p.text.matchAll(/Pegawai Nomor (\d+)/g)].map((m) => Number(m[1])));
    expect(printed).toEqual(rows.map((_, i) => i + 1));
    expect(readFileSync(out).length).toBeGreaterThan(0);
  }, 240_000);
});
