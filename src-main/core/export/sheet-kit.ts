import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportSheet } from '../../contract/export-types.ts';
import { COMPLIANCE_BANDS } from '../../contract/bands.ts';
import type { Lang } from '../import/reasons.ts';
import { cleanText, startsLikeFormula } from './clean-text.ts';
import { innerPx, unitsFor, words, wrappedLines } from './text-width.ts';

export { cleanText };

export type Book = ExcelJS.stream.xlsx.WorkbookWriter;
export type Sheet = ExcelJS.Worksheet;
export type Value = string | number | Date | boolean | null | undefined;
export type Fmt = 'int' | 'pct' | 'pct2' | 'date' | 'datetime' | 'dec';

const NUMFMT: Record<Fmt, string> = {
  int: '#,##0', pct: '0.0%', pct2: '0.00%', date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm', dec: '0.0000',
};

export interface Col {
  header: string;
  /** A fixed width in characters; otherwise the width is fitted to the column's text (ColumnFit). */
  width?: number;
  /** Bounds of a fitted width: a column never grows past `max` for a long text (it wraps), only for a long word. */
  min?: number;
  max?: number;
  fmt?: Fmt;
  /** Text longer than the column wraps inside it (set by fitting; never breaking a word). */
  wrap?: boolean;
  /** A column (0-based) this one is as wide as: the same figure of two groups side by side. */
  sameAs?: number;
}

/** Rows of one Excel sheet, header included. */
export const EXCEL_ROWS = 1_048_576;
/** Excel refuses longer text in a cell. */
const MAX_TEXT = 32_767;


/**
 * A value as a cell. Numbers and dates stay native. Text is always a plain string value: exceljs
 * writes a formula only for a `{formula}` object, so a name such as `=HYPERLINK(...)` or
 * `+62...` from someone else's file arrives as the literal text it was (OWASP CSV injection);
 * writeRow also marks such text quote-prefixed, so it stays text when someone edits the cell.
 * Text is cleaned first (cleanText).
 */
export function cellValue(v: Value): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const text = cleanText(v);
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  }
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

/**
 * The workbook's font: Arial, the face of Indonesian official documents, installed with every Excel;
 * LibreOffice prints it with Liberation Sans, whose letters have the same widths, so that the widths
 * computed in text-width.ts hold in both.
 */
const FONT_NAME = 'Arial';
export const BODY_SIZE = 10;

/** How a kind of row looks. Every cell of a table has a thin border all round; text rows have none. */
interface Look {
  size: number;
  bold?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
  /** Wraps whatever the column: headers, titles, notes. */
  wrap?: boolean;
  border?: boolean;
  fill?: string;
  /** The rule under a letterhead. */
  underline?: boolean;
}

const LOOKS = {
  /** A table's data row. */
  data: { size: BODY_SIZE, border: true },
  /** A table's total or highlighted row. */
  bold: { size: BODY_SIZE, bold: true, border: true },
  /** A data row whose text wraps in every column (the rejects' reasons). */
  wrap: { size: BODY_SIZE, border: true, wrap: true },
  header: { size: BODY_SIZE, bold: true, horizontal: 'center', vertical: 'middle', wrap: true, border: true, fill: 'FFD9E1F2' },
  /** Running text outside a table: notes, facts, the signature block. */
  text: { size: BODY_SIZE, wrap: true },
  label: { size: BODY_SIZE, bold: true, wrap: true },
  section: { size: 11, bold: true, wrap: true },
  sign: { size: BODY_SIZE, horizontal: 'center', wrap: true },
  /** The letterhead: agency, unit, report title, sheet title, period. */
  agency: { size: 12, bold: true, horizontal: 'center', wrap: true },
  unit: { size: 11, bold: true, horizontal: 'center', wrap: true },
  title: { size: 14, bold: true, horizontal: 'center', wrap: true },
  subtitle: { size: 12, bold: true, horizontal: 'center', wrap: true },
  period: { size: BODY_SIZE, horizontal: 'center', wrap: true, underline: true },
} satisfies Record<string, Look>;
export type RowStyle = keyof typeof LOOKS;

const lookOf = (style: RowStyle | undefined): Look => LOOKS[style ?? 'data'];

/** Points of one line of text in a font size (Arial: 12.75 for 10 points, as Excel's own rows). */
const linePoints = (size: number) => size * 1.275;
/** Excel's and LibreOffice's row height for one line of the default font. */
const DEFAULT_ROW = 15;

function fontOf(look: Look): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size: look.size, family: 2, ...(look.bold ? { bold: true } : {}) };
}

export interface SheetOptions {
  cols: Col[];
  /** Rows above the split: the letterhead and the table's header. */
  frozenRows: number;
  frozenCols?: number;
  /** Print on one page; otherwise one page wide and as many long as needed. */
  onePage?: boolean;
  /** The language of the page footer; Indonesian when not given. */
  lang?: Lang;
  /** Keep each row's height (a SheetBuilder's page breaks). */
  keepHeights?: boolean;
}

/** The parts of exceljs's style manager (its StylesXform) that teachQuotePrefix uses. */
interface StyleManager {
  addStyleModel(model: object | undefined, cellType?: number): number;
  _addFont?(font: Partial<ExcelJS.Font>): number;
  model?: { styles?: unknown[]; fonts?: unknown[] };
  index?: { style?: Record<string, number> };
}

/** Shared style objects (sharedStyle) whose cells are quote-prefixed. */
const QUOTED = new WeakSet<object>();
const taught = new WeakSet<object>();

/**
 * Text that begins like a formula is a string cell, but Excel makes it a live formula once someone
 * edits the cell (F2, Enter) unless the cell's format says "quote prefix" (ECMA-376 §18.8.45, the
 * hidden apostrophe Excel shows in the formula bar). exceljs 4.4 has no such style property (its
 * pull request #2809 is still open), so this book's own style manager is taught it: a style object
 * in QUOTED gets the format exceljs made for it plus quotePrefix="1". Nothing else in exceljs is
 * changed. Should exceljs's style manager change shape, the text is still written as string cells,
 * only without the mark (the tests read the mark back with openpyxl, so they would say so).
 */
function teachQuotePrefix(book: Book): void {
  const styles = (book as unknown as { styles?: StyleManager }).styles;
  if (!styles || taught.has(styles) || typeof styles.addStyleModel !== 'function') return;
  taught.add(styles);
  // The default font (the first, which exceljs would make Calibri 11): the Normal style, which sets
  // the unit of column widths and the font of cells without a style of their own.
  if (styles.model?.fonts?.length === 0 && typeof styles._addFont === 'function') {
    styles._addFont({ name: FONT_NAME, size: BODY_SIZE, family: 2 });
  }
  const plain = styles.addStyleModel.bind(styles);
  const ids = new WeakMap<object, number>();
  styles.addStyleModel = (model, cellType) => {
    const id = plain(model, cellType);
    if (!model || !QUOTED.has(model)) return id;
    const known = ids.get(model);
    if (known !== undefined) return known;
    const xfs = styles.model?.styles;
    const index = styles.index?.style;
    const xml = xfs?.[id];
    if (!xfs || !index || typeof xml !== 'string' || !xml.startsWith('<xf ')) return id;
    const quoted = `<xf quotePrefix="1" ${xml.slice(4)}`;
    let quotedId = index[quoted];
    if (quotedId === undefined) {
      quotedId = index[quoted] = xfs.length;
      xfs.push(quoted);
    }
    ids.set(model, quotedId);
    return quotedId;
  };
}

/** The text a cell shows, for measuring: numbers as their format prints them. */
export function shownText(v: Value, fmt?: Fmt): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (v instanceof Date) return fmt === 'datetime' ? '00/00/0000 00:00' : '00/00/0000';
  switch (fmt) {
    case 'pct': return `${(v * 100).toFixed(1)}%`;
    case 'pct2': return `${(v * 100).toFixed(2)}%`;
    case 'dec': return v.toFixed(4);
    case 'int': return Math.round(v).toLocaleString('en-US');
    default: return String(v);
  }
}

/** A merge within a row: the first and last column (1-based); the first cell holds the text. */
export type Merge = [number, number];

/** Whether column `c` (1-based) lies inside one of the row's merges. */
function mergeOf(merges: Merge[] | undefined, c: number): Merge | undefined {
  return merges?.find(([a, b]) => c >= a && c <= b && b > a);
}

/**
 * Fits column widths to the text they will hold, before the first row is written (a streamed sheet
 * writes its column widths first). A column is as wide as its longest text within [min, max]; a
 * longer text wraps; and never narrower than its longest word, which a line cannot break. Headers
 * are measured bold. Merged cells (titles, notes) do not widen their first column: they wrap across
 * the merge.
 */
export class ColumnFit {
  private readonly text: number[];
  private readonly word: number[];

  constructor(private readonly cols: Col[]) {
    this.text = cols.map(() => 0);
    this.word = cols.map(() => 0);
  }

  /** Measures one row as writeRow would write it. */
  add(values: Value[], style?: RowStyle, fmts?: (Fmt | undefined)[], merges?: Merge[]): void {
    const look = lookOf(style);
    values.forEach((v, i) => {
      if (v === null || v === undefined || i >= this.cols.length || mergeOf(merges, i + 1)) return;
      const text = shownText(typeof v === 'string' ? cleanText(v) : v, fmts?.[i] ?? this.cols[i]!.fmt);
      // A header wraps: only its words must fit.
      if (style === 'header') this.measureWords(i, text, look.size, true);
      else this.measure(i, text, look.size, look.bold);
    });
  }

  /** Measures a text that a column will hold (e.g. the longest of a column, found by SQL). */
  measure(i: number, text: string, size = BODY_SIZE, bold = false): void {
    for (const line of text.split('\n')) this.text[i] = Math.max(this.text[i]!, unitsFor(line, size, bold));
    this.measureWords(i, text, size, bold);
  }

  /** Measures the words of a text that may wrap. */
  measureWords(i: number, text: string, size = BODY_SIZE, bold = false): void {
    for (const w of words(text)) this.word[i] = Math.max(this.word[i]!, unitsFor(w, size, bold));
  }

  /** The columns with their widths and whether they wrap. */
  fitted(): Col[] {
    const header = lookOf('header');
    const widths = this.cols.map((c, i) => {
      const headerWord = Math.max(0, ...words(c.header).map((w) => unitsFor(w, header.size, true)));
      const word = Math.max(this.word[i]!, headerWord);
      return Math.ceil(Math.max(c.width ?? Math.min(Math.max(this.text[i]!, c.min ?? 4), c.max ?? 60), word));
    });
    this.cols.forEach((c, i) => {
      if (c.sameAs !== undefined && widths[c.sameAs] !== undefined) widths[i] = widths[c.sameAs] = Math.max(widths[i]!, widths[c.sameAs]!);
    });
    return this.cols.map((c, i) => ({ ...c, width: widths[i]!, wrap: this.text[i]! > widths[i]! }));
  }
}

/** Column widths and wrapping of a sheet, as writeRow needs them. */
interface Layout {
  widths: number[];
  wraps: boolean[];
  fmts: (Fmt | undefined)[];
  /** The height of each row written (points), kept for a SheetBuilder's page breaks; not for a streamed table. */
  heights?: number[];
}
const layouts = new WeakMap<Sheet, Layout>();

/** Footer text per language: sheet name left, page right. */
const PAGE = { id: 'Halaman &P dari &N', en: 'Page &P of &N' } satisfies Record<Lang, string>;

/** A4 landscape in inches, less the margins below: the width and height a page prints. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
export const PRINT_WIDTH_PT = (11.69 - MARGINS.left - MARGINS.right) * 72;
export const PRINT_HEIGHT_PT = (8.27 - MARGINS.top - MARGINS.bottom) * 72;

/**
 * A sheet laid out for A4 landscape, one page wide (the scale the printer chooses), with the sheet
 * name and page number in the footer; column widths and number formats are set before any row.
 * Columns without a width are fitted to their header.
 */
export function openSheet(book: Book, name: string, opts: SheetOptions): Sheet {
  teachQuotePrefix(book);
  const cols = opts.cols.some((c) => c.width === undefined) ? new ColumnFit(opts.cols).fitted() : opts.cols;
  const ws = book.addWorksheet(name, {
    views: opts.frozenRows || opts.frozenCols ? [{ state: 'frozen', xSplit: opts.frozenCols ?? 0, ySplit: opts.frozenRows }] : [],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: opts.onePage ? 1 : 0, margins: MARGINS,
    },
    headerFooter: { oddFooter: `&L&"${FONT_NAME}"&8${name}&R&"${FONT_NAME}"&8${PAGE[opts.lang ?? 'id']}` },
  });
  ws.columns = cols.map((c) => ({ width: c.width, style: c.fmt ? { numFmt: NUMFMT[c.fmt] } : {} }));
  layouts.set(ws, {
    widths: cols.map((c) => c.width ?? 9), wraps: cols.map((c) => c.wrap === true), fmts: cols.map((c) => c.fmt),
    ...(opts.keepHeights ? { heights: [] } : {}),
  });
  return ws;
}

/**
 * One style object per (number format, row style, alignment, wrap): exceljs remembers the id of a
 * style object it has seen, while a fresh object per cell costs a lookup by its XML (most of the
 * time of a big sheet).
 */
const shared = new Map<string, Partial<ExcelJS.Style>>();
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
function sharedStyle(numFmt: string | undefined, style: RowStyle | undefined, right: boolean, quoted: boolean, wrap: boolean): Partial<ExcelJS.Style> {
  const key = `${numFmt ?? ''}|${style ?? ''}|${right}|${quoted}|${wrap}`;
  let s = shared.get(key);
  if (!s) {
    const look = lookOf(style);
    const alignment: Partial<ExcelJS.Alignment> = {
      vertical: look.vertical ?? 'top',
      ...(right ? { horizontal: 'right' } : look.horizontal ? { horizontal: look.horizontal } : {}),
      ...(wrap || look.wrap ? { wrapText: true } : {}),
    };
    s = Object.freeze({
      font: fontOf(look),
      alignment,
      ...(look.border ? { border: { top: THIN, left: THIN, bottom: THIN, right: THIN } } : {}),
      ...(look.underline ? { border: { bottom: { style: 'medium' } } } : {}),
      ...(look.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: look.fill } } } : {}),
      ...(numFmt ? { numFmt } : {}),
    } satisfies Partial<ExcelJS.Style>);
    if (quoted) QUOTED.add(s);
    shared.set(key, s);
  }
  return s;
}

/**
 * The height a row needs: Excel and LibreOffice keep a row one line high unless told otherwise (a
 * streamed sheet is not measured again when opened), so wrapped text would be cut. Lines are counted
 * with the font's widths, breaking at spaces, as the programs do.
 */
function heightOf(layout: Layout, cells: ExcelJS.CellValue[], style: RowStyle | undefined, fmts: (Fmt | undefined)[] | undefined, merges: Merge[] | undefined): number | undefined {
  const look = lookOf(style);
  let lines = 1;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    const merge = mergeOf(merges, i + 1);
    if (merge && merge[0] !== i + 1) continue;
    const wraps = look.wrap || merge !== undefined || layout.wraps[i];
    // Most cells of a big table: one line, nothing to measure.
    if (!wraps && (typeof v !== 'string' || !v.includes('\n'))) continue;
    const text = typeof v === 'string' ? v : shownText(v as Value, fmts?.[i] ?? layout.fmts[i]);
    if (!wraps) {
      lines = Math.max(lines, text.split('\n').length);
      continue;
    }
    const width = merge ? layout.widths.slice(merge[0] - 1, merge[1]).reduce((n, w) => n + w, 0) : layout.widths[i] ?? 9;
    lines = Math.max(lines, wrappedLines(text, innerPx(width), look.size, look.bold));
  }
  // One line of the body font: the sheet's own row height.
  if (lines === 1 && look.size <= BODY_SIZE) return undefined;
  return Math.max(DEFAULT_ROW, Math.ceil(lines * linePoints(look.size) + 3));
}

/** What writeRow adds to a sheet: a row's cells, styles, merges and height. */
function addRow(ws: Sheet, values: Value[], style: RowStyle | undefined, fmts: (Fmt | undefined)[] | undefined, merges: Merge[] | undefined,
  cellStyles?: (RowStyle | undefined)[]): ExcelJS.Row {
  const layout = layouts.get(ws) ?? { widths: [], wraps: [], fmts: [] };
  // Dense: exceljs reads an array without a first element as numbered from column 1, not 0.
  const cells = Array.from(values, (v) => cellValue(v) ?? undefined);
  const row = ws.addRow(cells);
  const height = heightOf(layout, cells, style, fmts, merges);
  if (height !== undefined) row.height = height;
  if (layout.heights) layout.heights[row.number - 1] = height ?? DEFAULT_ROW;
  const look = lookOf(style);
  // A table row draws its borders across the whole row, empty cells included; other rows style what they hold.
  const last = Math.max(values.length, ...(merges ?? []).map(([, b]) => b));
  for (const [a, b] of merges ?? []) if (b > a) ws.mergeCells(row.number, a, row.number, b);
  for (let i = 0; i < last; i++) {
    const v = values[i];
    const inMerge = mergeOf(merges, i + 1);
    if ((v === null || v === undefined) && !look.border && !inMerge && !style) continue;
    const fmt = fmts?.[i] ? NUMFMT[fmts[i]!] : layout.fmts[i] ? NUMFMT[layout.fmts[i]!] : undefined;
    const text = cells[i];
    const cell = row.getCell(i + 1);
    const own = cellStyles?.[i] ?? (inMerge ? cellStyles?.[inMerge[0] - 1] : undefined) ?? style;
    cell.style = sharedStyle(fmt, own, typeof v === 'string' && fmt !== undefined && own !== 'header',
      // Text across merged cells wraps within them (heightOf counts its lines so).
      typeof text === 'string' && startsLikeFormula(text), inMerge !== undefined || layout.wraps[i] === true);
  }
  return row;
}

/**
 * Writes the next row and hands it to the stream at once; empty values make no cell outside a
 * table. Text that begins like a formula (startsLikeFormula) is quote-prefixed: it stays text when
 * edited. `merges` join cells of the row (a title across the table). Returns the row's number.
 */
export function writeRow(ws: Sheet, values: Value[], style?: RowStyle, fmts?: (Fmt | undefined)[], merges?: Merge[],
  cellStyles?: (RowStyle | undefined)[]): number {
  const row = addRow(ws, values, style, fmts, merges, cellStyles);
  row.commit();
  return row.number;
}

/** Header columns grouped under a label on a first header row ("Fleksibel" over n, target tercapai, …). */
export interface HeaderGroup {
  label: string;
  /** First and last column (1-based). */
  from: number;
  to: number;
}

/**
 * A table's header: one row, or with groups two rows (the group labels over their columns, the other
 * headers merged down both rows). Returns the header's first and last row.
 */
export function writeHeader(ws: Sheet, headers: Value[], groups: HeaderGroup[] = []): [number, number] {
  if (groups.length === 0) {
    const n = writeRow(ws, headers, 'header');
    return [n, n];
  }
  const grouped = (c: number) => groups.find((g) => c >= g.from && c <= g.to);
  // A group without headers of its own is one cell over both rows.
  const bare = (g: HeaderGroup) => headers.slice(g.from - 1, g.to).every((h) => h === null || h === undefined || h === '');
  const top = headers.map((h, i) => {
    const g = grouped(i + 1);
    return g ? (g.from === i + 1 ? g.label : null) : h;
  });
  const bottom = headers.map((h, i) => (grouped(i + 1) ? h : null));
  const first = addRow(ws, top, 'header', undefined, groups.filter((g) => !bare(g)).map((g): Merge => [g.from, g.to]));
  const second = addRow(ws, bottom, 'header', undefined, undefined);
  headers.forEach((_, i) => {
    if (!grouped(i + 1)) ws.mergeCells(first.number, i + 1, second.number, i + 1);
  });
  for (const g of groups.filter(bare)) ws.mergeCells(first.number, g.from, second.number, g.to);
  second.commit();
  return [first.number, second.number];
}

/** The block at the top of every sheet, as an Indonesian official report begins. */
export interface Letterhead {
  /** The agency, or "Semua instansi". */
  agency: string;
  unit?: string | null;
  /** The report: "Laporan Pemantauan Fleksibilitas Kerja ASN". */
  title: string;
  /** This sheet's part of it: "Daftar Temuan". */
  subtitle: string;
  /** "Periode: 1 September 2025 s.d. 31 Oktober 2025". */
  period: string;
}

/** The letterhead's rows, each merged across `width` columns and centred; a blank row after it. */
export function letterheadRows(lh: Letterhead, width: number): TitleRow[] {
  const across: Merge[] = [[1, width]];
  return [
    { values: [lh.agency.toLocaleUpperCase('id')], style: 'agency', merges: across },
    ...(lh.unit ? [{ values: [lh.unit], style: 'unit' as const, merges: across }] : []),
    { values: [lh.title.toLocaleUpperCase('id')], style: 'title', merges: across },
    { values: [lh.subtitle], style: 'subtitle', merges: across },
    { values: [lh.period], style: 'period', merges: across },
    { values: [] },
  ];
}

/** A row of a sheet's text outside its table (a title block), with its style and merges. */
export interface TitleRow {
  values: Value[];
  style?: RowStyle;
  merges?: Merge[];
}

/** A row of a SheetBuilder. */
interface Line extends TitleRow {
  fmts?: (Fmt | undefined)[];
  /** A style per cell where it differs from the row's. */
  cellStyles?: (RowStyle | undefined)[];
  /** A table header: one row, or two with groups. */
  groups?: HeaderGroup[];
  header?: boolean;
}

export interface BuilderOptions {
  lang?: Lang;
  frozenCols?: number;
  letterhead?: Letterhead;
  /** Print on one page. */
  onePage?: boolean;
  /**
   * "one" (default): the first header is the sheet's, frozen and repeated on every printed page.
   * "several": a page of small tables (the summary), none of whose headers is the sheet's.
   */
  tables?: 'one' | 'several';
}

/**
 * A sheet of a few hundred rows at most (everything but the streamed tables), gathered first so that
 * its column widths fit every cell of it, then written: letterhead, tables, notes. Rows are numbered
 * as they are added, so that a caller can colour a range or set a filter by row number.
 */
export class SheetBuilder {
  private readonly lines: Line[] = [];
  private titles: [number, number] | null = null;
  /** The last row above the frozen split: the first table's header. */
  private frozen: number | null = null;
  private filterRef: string | null = null;
  private readonly colours: string[] = [];
  private keepFrom: number | null = null;

  constructor(private readonly name: string, private readonly cols: Col[], private readonly opts: BuilderOptions = {}) {
    if (opts.letterhead) for (const r of letterheadRows(opts.letterhead, cols.length)) this.lines.push(r);
  }

  get width(): number {
    return this.cols.length;
  }

  /** A row; returns its number. */
  add(values: Value[], style?: RowStyle, fmts?: (Fmt | undefined)[], merges?: Merge[], cellStyles?: (RowStyle | undefined)[]): number {
    this.lines.push({ values, style, fmts, merges, cellStyles });
    return this.lines.length;
  }

  /** A text across columns `from`–`to` (the whole width by default), wrapped. */
  span(text: Value, style: RowStyle = 'text', from = 1, to = this.cols.length): number {
    const values: Value[] = [];
    values[from - 1] = text;
    return this.add(values, style, undefined, to > from ? [[from, to]] : undefined);
  }

  blank(): number {
    return this.add([]);
  }

  /**
   * A table's header (two rows with groups). The first table's header is the sheet's: frozen, and
   * repeated at the top of every printed page, unless a later, longer table's header is marked
   * `repeat` (the parameters on Metode): then that one is repeated on the pages after it begins.
   * Returns the last header row.
   */
  header(values: Value[], groups: HeaderGroup[] = [], repeat = false): number {
    this.lines.push({ values, style: 'header', header: true, groups });
    const first = this.lines.length;
    if (groups.length) this.lines.push({ values: [], header: true });
    if (this.opts.tables !== 'several') {
      this.frozen ??= this.lines.length;
      if (repeat || this.titles === null) this.titles = [first, this.lines.length];
    }
    return this.lines.length;
  }

  /** An auto-filter over the sheet's first table, header to `lastRow`. */
  filter(lastRow: number): void {
    if (this.frozen) this.filterRef = `A${this.frozen}:${columnLetter(this.cols.length)}${lastRow}`;
  }

  /** Colours rates (colourRates) in a range such as "E8:N27". */
  colour(ref: string): void {
    this.colours.push(ref);
  }

  /** The rows from the next one to the end stay on one printed page (the date and signature block). */
  keepTogether(): void {
    this.keepFrom = this.lines.length + 1;
  }

  /** Fits the columns to every row, writes the sheet and commits it. */
  write(book: Book): ExportSheet {
    const fit = new ColumnFit(this.cols);
    // Headers by their words (they wrap); group labels span their columns, so they do not widen one.
    for (const l of this.lines) if (!l.header || l.values.length) fit.add(l.values, l.style, l.fmts, l.merges);
    const cols = fit.fitted();
    const ws = openSheet(book, this.name, {
      cols, frozenRows: this.frozen ?? 0, frozenCols: this.frozen ? this.opts.frozenCols : 0, lang: this.opts.lang, onePage: this.opts.onePage,
      keepHeights: this.keepFrom !== null,
    });
    if (this.titles) ws.pageSetup.printTitlesRow = `${this.titles[0]}:${this.titles[1]}`;
    for (const l of this.lines) {
      if (l.header && l.values.length === 0) continue;
      if (l.header) writeHeader(ws, l.values, l.groups);
      else writeRow(ws, l.values, l.style, l.fmts, l.merges, l.cellStyles);
    }
    if (this.keepFrom !== null) keepOnOnePage(ws, cols, layouts.get(ws)?.heights ?? [], this.keepFrom);
    if (this.filterRef) ws.autoFilter = this.filterRef;
    for (const ref of this.colours) colourRates(ws, ref);
    ws.commit();
    return { name: this.name, rows: 0 };
  }
}

/**
 * A page break before row `from` when the rows from there to the end would straddle a page: the
 * scale is the one "one page wide" gives these columns, the page the printable height of A4 landscape.
 */
function keepOnOnePage(ws: Sheet, cols: Col[], heights: number[], from: number): void {
  const widthPt = cols.reduce((n, c) => n + (c.width ?? 9), 0) * 7 * 0.75;
  const scale = Math.min(1, PRINT_WIDTH_PT / widthPt);
  const page = PRINT_HEIGHT_PT / scale;
  let used = 0;
  for (let r = 1; r < from; r++) {
    used += heights[r - 1] ?? DEFAULT_ROW;
    if (used > page) used = heights[r - 1] ?? DEFAULT_ROW;
  }
  const block = heights.slice(from - 1).reduce((n, h) => n + h, 0);
  if (used + block > page && block <= page && from > 1) {
    (ws as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks.push({ id: from - 1, max: 16383, man: 1 });
  }
}

/** Green, yellow or red by the compliance bands (explained on the Metode sheet); text ("n < 5") and empty cells stay uncoloured. */
export function colourRates(ws: Sheet, ref: string): void {
  const topLeft = ref.split(':')[0]!;
  const fill = (argb: string): Partial<ExcelJS.Style> => ({ fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } });
  const rule = (priority: number, test: string, argb: string): ExcelJS.ConditionalFormattingRule => ({
    type: 'expression', priority, formulae: [`AND(ISNUMBER(${topLeft}),${test.replaceAll('X', topLeft)})`], style: fill(argb),
  });
  ws.addConditionalFormatting({
    ref,
    rules: [
      rule(1, `X<${COMPLIANCE_BANDS.low}`, 'FFFFC7CE'),
      rule(2, `X>=${COMPLIANCE_BANDS.low},X<${COMPLIANCE_BANDS.target}`, 'FFFFEB9C'),
      rule(3, `X>=${COMPLIANCE_BANDS.target}`, 'FFC6EFCE'),
    ],
  });
}

export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Bytes of sheet XML allowed to wait for the zip before the writer pauses. */
export const BACKLOG = 8 * 1024 * 1024;

/** What the zip side of a sheet looks like: archiver's PassThrough (readable-stream, so no `writableLength`). */
interface Sink {
  writableLength?: number;
  _writableState?: { length?: number };
  once?: Writable['once'];
}

function sinkOf(ws: Sheet): Sink | undefined {
  return (ws as unknown as { stream?: { pipes?: Sink[] } }).stream?.pipes?.[0];
}

/** Bytes of a sheet's XML not yet taken by the zip; null when exceljs no longer has that shape. */
export function backlog(ws: Sheet): number | null {
  const sink = sinkOf(ws);
  const n = sink?.writableLength ?? sink?._writableState?.length;
  return typeof n === 'number' ? n : null;
}

/**
 * exceljs's streaming writer pipes each sheet into a PassThrough without heeding backpressure,
 * so a fast producer buffers the whole sheet (measured: 700 MB for a million findings). This
 * waits until the zip has taken it. Should exceljs change that shape, it simply does not wait.
 */
export async function drained(ws: Sheet): Promise<void> {
  const sink = sinkOf(ws);
  const pending = backlog(ws);
  if (sink && pending !== null && pending > BACKLOG && typeof sink.once === 'function') await once(sink as Writable, 'drain');
}

export interface TableOptions {
  /** Data rows per sheet before "Name (2)" starts; Excel's limit (less the title block) by default. */
  maxRows?: number;
  frozenCols?: number;
  /** Rows written above the header on every sheet of the table: the letterhead, or a title block. */
  title?: TitleRow[];
  /** Header columns grouped under a label (a two-row header). */
  groups?: HeaderGroup[];
  lang?: Lang;
}

/**
 * A table that streams its rows and continues on "Name (2)", "Name (3)" … once a sheet holds
 * `maxRows` data rows. Each sheet has the title block, then the header: frozen, filtered and
 * repeated at the top of every printed page. Give it fitted columns (ColumnFit): a streamed sheet
 * writes its widths before its rows.
 */
export class TableWriter {
  private ws: Sheet | null = null;
  private rows = 0;
  private readonly sheets: ExportSheet[] = [];
  private readonly title: TitleRow[];
  private readonly maxRows: number;
  /** The sheet rows of the header. */
  private readonly headerRows: [number, number];

  constructor(
    private readonly book: Book,
    private readonly name: string,
    private readonly cols: Col[],
    private readonly opts: TableOptions = {},
  ) {
    this.title = opts.title ?? [];
    const first = this.title.length + 1;
    this.headerRows = [first, opts.groups?.length ? first + 1 : first];
    this.maxRows = Math.min(opts.maxRows ?? EXCEL_ROWS, EXCEL_ROWS - this.headerRows[1]);
  }

  add(values: Value[], style?: RowStyle): void {
    if (this.ws === null || this.rows >= this.maxRows) this.next();
    writeRow(this.ws!, values, style);
    this.rows++;
  }

  /** Lets the zip catch up with what was written (call between chunks). */
  async drain(): Promise<void> {
    if (this.ws) await drained(this.ws);
  }

  /** Bytes of the open sheet still waiting for the zip (null: unknown). */
  pending(): number | null {
    return this.ws ? backlog(this.ws) : null;
  }

  /** Closes the last sheet (writing an empty one when there were no rows) and tells what was written. */
  finish(): ExportSheet[] {
    if (this.ws === null && this.sheets.length === 0) this.next();
    this.close();
    return this.sheets;
  }

  private next(): void {
    this.close();
    const n = this.sheets.length + 1;
    const name = n === 1 ? this.name : `${this.name} (${n})`;
    const [first, last] = this.headerRows;
    this.ws = openSheet(this.book, name, { cols: this.cols, frozenRows: last, frozenCols: this.opts.frozenCols, lang: this.opts.lang });
    this.ws.pageSetup.printTitlesRow = `${first}:${last}`;
    for (const row of this.title) writeRow(this.ws, row.values, row.style ?? 'text', undefined, row.merges);
    writeHeader(this.ws, this.cols.map((c) => c.header), this.opts.groups);
    this.sheets.push({ name, rows: 0 });
  }

  private close(): void {
    if (this.ws === null) return;
    const h = this.headerRows[1];
    this.ws.autoFilter = `A${h}:${columnLetter(this.cols.length)}${h + this.rows}`;
    this.ws.commit();
    this.sheets[this.sheets.length - 1]!.rows = this.rows;
    this.ws = null;
    this.rows = 0;
  }
}
