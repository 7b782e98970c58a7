import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportWorkbookRequest } from '../../src-main/contract/export-types.ts';
import { SHEET_NAMES } from '../../src-main/contract/workbook.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { samplesCore, type TestCore } from '../helpers/workspace.ts';
import { readWithExcelJs, readWithOpenpyxl } from './xlsx.ts';

// Issue 19: the workbook speaks one language, one format. In either language every cell a person reads
// is free of parameter keys (maxFlexDays, rules.LOK-02.enabled), of the rule engine's own words
// (undefined, null, NaN, run_…, snake_case, ISO week labels such as 2025-W38) and of the other
// language's words. The samples workspace is exported as the full and the unit workbook, named and
// pseudonymised, in Bahasa Indonesia and in English; every cell of every sheet is read with exceljs,
// and one workbook again with openpyxl.
//
// What may stand in either language (the allowlist), taken out of a text before its words are checked:
// - data from the samples as the workspace holds them: agency and unit names, people's names, file
//   names, the files' own column headers, rejected values, performance ratings (Sangat Baik, Baik, …
//   are the official rating names);
// - legal citations: each rule's basis as the rule book gives it ("Perpres 21/2023 Pasal 8 ayat (3)"),
//   and the words Pasal and ayat with what follows;
// - the work-mode values a file writes (WFO/WFH/WFA/Kantor Lain/DL), named in the import's reasons.

const BOOK = createRuleBook(RULES);
const CATALOGUE = BOOK.catalogue();
/** Every key a profile, the CLI or a rule knows a parameter by, the rules' own switches included. */
const KEYS = [...new Set([...CATALOGUE.parameters.map((p) => p.key), ...CATALOGUE.rules.flatMap((r) => r.parameters)])];

/** Words only the other language would write: each language's common words, labels and month names. */
const MARKERS = {
  id: ['dan', 'yang', 'tidak', 'dengan', 'untuk', 'atau', 'pada', 'dari', 'bukan', 'tanpa', 'hari', 'minggu', 'Minggu', 'bulan', 'jam',
    'menit', 'pegawai', 'Pegawai', 'temuan', 'Temuan', 'baris', 'Baris', 'nasional', 'aktif', 'poin persen', 's.d.', 'Ya', 'Tidak', 'ya',
    'Jumlah', 'Kepatuhan', 'Laporan', 'Periode', 'Semua', 'Instansi', 'Agu', 'Okt', 'Des', 'Agustus', 'Oktober', 'Desember'],
  en: ['the', 'and', 'of', 'with', 'without', 'to', 'in', 'is', 'not', 'from', 'week', 'Week', 'day', 'days', 'hours', 'minutes',
    'employee', 'Employee', 'findings', 'Findings', 'row', 'rows', 'national', 'on', 'off', 'yes', 'no', 'Yes', 'No', 'percentage points',
    'CI', 'Total', 'Report', 'Period', 'All', 'Agency', 'Aug', 'Oct', 'Dec', 'August', 'October', 'December'],
};

/** What the rule engine or a program would write where a person's text belongs. */
const ENGINE_TERMS: [string, RegExp][] = [
  ['undefined', /\bundefined\b/], ['null', /\bnull\b/], ['NaN', /\bNaN\b/], ['[object', /\[object/], ['run_', /\brun_/],
  ['snake_case', /\b[a-z]+_[a-z0-9_]+\b/], ['camelCase', /\b[a-z]+[A-Z][A-Za-z]*\b/], ['ISO week label', /\b\d{4}-W\d{2}\b/],
];

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<string, RegExp>();
/** A whole word (or phrase) in a text: letters, digits, _ and . on neither side. */
function hasWord(text: string, w: string): boolean {
  let re = patterns.get(w);
  if (!re) patterns.set(w, (re = new RegExp(`(^|[^\\p{L}\\p{N}_.])${escape(w)}($|[^\\p{L}\\p{N}_])`, 'u')));
  return re.test(text);
}

type Lang = 'id' | 'en';
interface Cell { sheet: string; ref: string; text: string }
interface Exported { name: string; lang: Lang; cells: Cell[] }

const FINDINGS = new Set<string>(SHEET_NAMES.findings);
const isFindings = (c: Cell) => FINDINGS.has(c.sheet.replace(/ \(\d+\)$/, ''));

async function exceljsCells(path: string): Promise<Cell[]> {
  const cells: Cell[] = [];
  (await readWithExcelJs(path)).eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string') cells.push({ sheet: ws.name, ref: c.address, text: c.value });
    else if (c.value !== null && typeof c.value === 'object' && !(c.value instanceof Date)) cells.push({ sheet: ws.name, ref: c.address, text: JSON.stringify(c.value) });
  })));
  return cells;
}

function openpyxlCells(path: string): Cell[] {
  return readWithOpenpyxl(path).sheets.flatMap((s) => s.rows.flatMap((row, r) => row.flatMap(([v, type], c) =>
    type === 's' || type === 'str' ? [{ sheet: s.name, ref: `${String.fromCharCode(65 + c)}${r + 1}`, text: String(v) }] : [])));
}

/** The samples' data values, names and citations, longest first so that a name is taken out before a part of it. */
async function allowed(core: TestCore): Promise<string[]> {
  const values = await core.db.all<{ v: string }>(`
    SELECT DISTINCT v FROM (
      SELECT unit_name AS v FROM units UNION ALL SELECT unit_name FROM employees UNION ALL SELECT unit_name FROM attendance
      UNION ALL SELECT unit_name FROM survey UNION ALL SELECT unit_name FROM performance
      UNION ALL SELECT name FROM employees UNION ALL SELECT name FROM attendance UNION ALL SELECT name FROM performance
      UNION ALL SELECT rating FROM performance UNION ALL SELECT file_name FROM batches UNION ALL SELECT value FROM rejects
      UNION ALL SELECT agency FROM batches
    ) WHERE v IS NOT NULL AND v <> ''`);
  const headers = (await core.db.all<{ mapping: string }>('SELECT mapping FROM batches'))
    .flatMap((b) => Object.values(JSON.parse(b.mapping) as Record<string, string>));
  const profiles = (await core.db.all<{ info: string }>('SELECT info FROM profiles'))
    .map((p) => (JSON.parse(p.info) as { name?: string }).name).filter((n): n is string => !!n);
  return [...new Set([...values.map((r) => r.v), ...headers, ...profiles, ...BOOK.rules.map((r) => r.basis), 'Kantor Lain'])]
    .sort((a, b) => b.length - a.length);
}

describe('the workbook speaks one language (issue 19)', () => {
  const books: Exported[] = [];
  let openpyxl: Exported;
  let allow: string[] = [];

  beforeAll(async () => {
    const core = await samplesCore();
    allow = await allowed(core);
    const exports: [string, Omit<ExportWorkbookRequest, 'out'>][] = [
      ['full', {}], ['unit', { unit: 'Biro Hukum' }], ['full, pseudonymised', { pseudonymize: { key: 'kunci-rahasia-uji' } }],
    ];
    for (const lang of ['id', 'en'] as const) {
      for (const [name, req] of exports) {
        const out = join(core.dir, `${name.replace(/\W+/g, '-')}-${lang}.xlsx`);
        await core.exportWorkbook({ out, ...req }, { lang });
        books.push({ name: `${name} (${lang})`, lang, cells: await exceljsCells(out) });
        if (lang === 'en' && req.pseudonymize) openpyxl = { name: `${name} (${lang}, openpyxl)`, lang, cells: openpyxlCells(out) };
      }
    }
  }, 300_000);

  /** A cell's text with the samples' data and the legal citations taken out (each text once: most recur). */
  const seen = new Map<string, string>();
  const ownWords = (text: string) => {
    let rest = seen.get(text);
    if (rest === undefined) {
      rest = text;
      for (const a of allow) if (rest.includes(a)) rest = rest.split(a).join(' ');
      seen.set(text, (rest = rest.replace(/\b(Pasal|ayat)\s+\S+/g, ' ')));
    }
    return rest;
  };

  // Each offending text once per sheet (merged cells repeat it), with its first cell.
  const once = (list: string[]) => [...new Map(list.map((l) => [l.replace(/![A-Z]+\d+/, ''), l])).values()];
  const keysIn = (cells: Cell[]) => once(cells.filter((c) => KEYS.some((k) => hasWord(c.text, k))).map((c) => `${c.sheet}!${c.ref}: ${c.text}`));
  const termsIn = (cells: Cell[]) => once(cells.flatMap((c) => ENGINE_TERMS.filter(([, re]) => re.test(ownWords(c.text)))
    .map(([term]) => `${c.sheet}!${c.ref} (${term}): ${c.text.slice(0, 100)}`)));
  const otherWordsIn = (cells: Cell[], lang: Lang) => once(cells.flatMap((c) => {
    const words = MARKERS[lang === 'id' ? 'en' : 'id'].filter((w) => hasWord(ownWords(c.text), w));
    return words.length ? [`${c.sheet}!${c.ref} [${words.join(', ')}]: ${c.text.slice(0, 100)}`] : [];
  }));
  const everyBook = () => [...books, openpyxl];

  it('reads what it scans: every sheet of six workbooks, both readers agreeing', () => {
    expect(books).toHaveLength(6);
    for (const b of books) expect(new Set(b.cells.map((c) => c.sheet)).size, b.name).toBeGreaterThanOrEqual(7);
    const excel = books.find((b) => b.name === 'full, pseudonymised (en)')!;
    expect(new Set(openpyxl.cells.map((c) => c.text))).toEqual(new Set(excel.cells.map((c) => c.text)));
    // The markers are words each language's workbook does use: the scan looks for something real.
    for (const lang of ['id', 'en'] as const) {
      const own = books.filter((b) => b.lang === lang).flatMap((b) => b.cells.map((c) => ownWords(c.text)));
      expect(MARKERS[lang].filter((w) => own.some((t) => hasWord(t, w))).length, lang).toBeGreaterThan(MARKERS[lang].length * 0.8);
    }
  });

  it('names no parameter key in any cell, the findings included', () => {
    for (const b of everyBook()) expect(keysIn(b.cells), b.name).toEqual([]);
    // The scan would see one: the Metode sheet names the parameters a rule reads, by their labels.
    expect(keysIn([{ sheet: 'x', ref: 'A1', text: 'Parameter: maxFlexDays; rules.LOK-02.enabled' }])).toHaveLength(1);
  });

  it('writes no word of the rule engine outside the findings: no undefined, null, NaN, snake_case, ISO week label', () => {
    for (const b of everyBook()) expect(termsIn(b.cells.filter((c) => !isFindings(c))), b.name).toEqual([]);
  });

  it('writes no word of the other language outside the findings, named or pseudonymised', () => {
    for (const b of everyBook()) expect(otherWordsIn(b.cells.filter((c) => !isFindings(c)), b.lang), b.name).toEqual([]);
  });

  it('names no parameter key and writes no undefined, null or NaN on the findings sheets', () => {
    const engine = (c: Cell) => /\b(undefined|null|NaN)\b|\[object/.test(c.text);
    for (const b of everyBook()) expect(b.cells.filter(isFindings).filter(engine), b.name).toEqual([]);
  });

  // Failed before findings were stored as figures: the check's Indonesian text ("3 hari fleksibel
  // lokasi dalam 2025-W38, batas 2") and the ISO week as the period, in both languages.
  it('the findings sheets write weeks in words and speak the workbook\'s language', () => {
    for (const b of everyBook()) {
      const findings = b.cells.filter(isFindings);
      expect(findings.length, b.name).toBeGreaterThan(0);
      expect(termsIn(findings), b.name).toEqual([]);
      expect(otherWordsIn(findings, b.lang), b.name).toEqual([]);
    }
  });
});
