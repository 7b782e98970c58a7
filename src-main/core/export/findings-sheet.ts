import type { ExportSheet } from '../../contract/export-types.ts';
import { formatter } from '../../contract/format.ts';
import type { StoredFinding } from '../rules/rule-book.ts';
import { letterhead, say, scopeParams, sheetName, type ExportContext } from './export-context.ts';
import { FINDING_TEXTS_SQL, FINDINGS_SQL, type FindingRow } from './export-sql.ts';
import { ColumnFit, letterheadRows, TableWriter, type Col, type HeaderGroup } from './sheet-kit.ts';

/**
 * The thirteen columns, each as wide as its text within a cap (longer text wraps, no word is
 * broken), grouped under three headings on a two-row header: who (the employee), when (the period)
 * and where it came from (the source rows). Kept whole rather than cut to fewer columns: the sheet
 * is filtered on screen by any of them, and printed one page wide at about 70 % (docs/workbook.md).
 */
function columns(ctx: ExportContext): Col[] {
  const s = (id: string, en: string) => say(ctx, id, en);
  return [
    { header: s('Aturan', 'Rule') },
    { header: 'NIP' },
    { header: s('Nama', 'Name'), max: 16 },
    { header: s('Instansi', 'Agency'), max: 16 },
    { header: s('Unit', 'Unit'), max: 18 },
    { header: s('Periode', 'Period') },
    { header: s('Mulai', 'Starts'), fmt: 'date' },
    { header: s('Selesai', 'Ends'), fmt: 'date' },
    { header: s('Uraian', 'Description'), max: 32 },
    { header: s('Dasar hukum', 'Legal basis'), max: 18 },
    { header: 'Status' },
    { header: s('Berkas sumber', 'Source file'), max: 24 },
    { header: s('Baris sumber', 'Source rows'), max: 10 },
  ];
}

/** Which column of `columns` each text of FINDING_TEXTS_SQL fills. */
const TEXT_COLUMN: Record<string, number> = { nip: 1, name: 2, agency: 3, unit: 4, period: 5, sentence: 8, basis: 9, files: 11, rows: 12 };

const STATUS = { new: ['baru', 'new'], open: ['berlanjut', 'continuing'] } satisfies Record<string, [string, string]>;

function groups(ctx: ExportContext): HeaderGroup[] {
  return [
    { label: say(ctx, 'Pegawai', 'Employee'), from: 2, to: 5 },
    { label: say(ctx, 'Periode temuan', 'Period of the finding'), from: 6, to: 8 },
    { label: say(ctx, 'Sumber data', 'Source data'), from: 12, to: 13 },
  ];
}

/** The text a finding's cell shows, from what FINDING_TEXTS_SQL gives for its column. */
function shown(ctx: ExportContext, col: string, text: string): string {
  if (col === 'period') return formatter(ctx.lang).period(text);
  if (col === 'sentence') return ctx.ruleBook.detail(JSON.parse(text) as StoredFinding, ctx.lang);
  return text;
}

/** The widths: the longest texts and words of the findings (by SQL), and what pseudonyms and labels look like. */
async function fittedColumns(ctx: ExportContext): Promise<Col[]> {
  const fit = new ColumnFit(columns(ctx));
  for (const r of await ctx.db.all<{ col: string; text: string }>(FINDING_TEXTS_SQL, scopeParams(ctx))) {
    const i = TEXT_COLUMN[r.col];
    if (i === undefined || ((r.col === 'nip' || r.col === 'name') && ctx.pseudo.on)) continue;
    fit.measure(i, shown(ctx, r.col, r.text));
  }
  if (ctx.pseudo.on) {
    // The widest code: base32 letters, W the widest of them.
    const code = `P-${'W'.repeat(12)}`;
    fit.measure(1, code);
    fit.measure(2, `Pegawai ${code}`);
  }
  for (const r of ctx.ruleBook.rules) fit.measure(0, r.id);
  for (const [id, en] of Object.values(STATUS)) fit.measure(10, ctx.lang === 'en' ? en : id);
  fit.add([null, null, null, null, null, null, new Date(0), new Date(0)]);
  return fit.fitted();
}

/**
 * Every open finding of the run, streamed from the database a chunk at a time (a million
 * findings never become a million objects), continuing on "Temuan (2)" past the sheet limit. The
 * period and the sentence are written in the workbook's language as each row goes out.
 */
export async function writeFindings(ctx: ExportContext): Promise<ExportSheet[]> {
  const cols = await fittedColumns(ctx);
  const title = letterheadRows(letterhead(ctx, say(ctx, 'Daftar Temuan', 'List of Findings')), cols.length);
  const table = new TableWriter(ctx.book, sheetName(ctx, 'findings'), cols, {
    maxRows: ctx.maxRowsPerSheet, frozenCols: 3, title, groups: groups(ctx), lang: ctx.lang,
  });
  const { pseudo, ruleBook, lang } = ctx;
  const fmt = formatter(lang);
  const status = (s: string) => (s in STATUS ? STATUS[s as keyof typeof STATUS][ctx.lang === 'en' ? 1 : 0] : s);
  let written = 0;
  for await (const chunk of ctx.db.stream<FindingRow & Record<string, unknown>>(FINDINGS_SQL, scopeParams(ctx))) {
    for (const f of chunk) {
      table.add([
        f.rule, pseudo.nip(f.nip), pseudo.name(f.nip, f.name), f.agency, f.unit, fmt.period(f.period), f.period_start, f.period_end,
        ruleBook.detail(f, lang), f.basis, status(f.status), f.files, f.rows,
      ]);
    }
    written += chunk.length;
    await ctx.tick(written);
    await table.drain();
  }
  return table.finish();
}
