import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportSheet } from '../../contract/export-types.ts';
import type { Lang } from '../import/reasons.ts';
import { cleanText, startsLikeFormula } from './clean-text.ts';

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
  width: number;
  fmt?: Fmt;
}

/** Rows of one Excel sheet, header included. */
export const EXCEL_ROWS = 1_048_576;
/** Excel refuses longer text in a cell. */
const MAX_TEXT = 32_767;

/** Compliance colours: the same bands are explained on the Metode sheet. */
export const BANDS = { low: 0.9, high: 0.95 };

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

const HEADER: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  alignment: { vertical: 'top', wrapText: true },
  border: { bottom: { style: 'thin' } },
};
const STYLES = {
  header: HEADER,
  bold: { font: { bold: true } },
  title: { font: { bold: true, size: 14 } },
  section: { font: { bold: true, size: 12 } },
  /** Long text wrapped within its column; the row is made tall enough (see rowHeight). */
  wrap: { alignment: { vertical: 'top', wrapText: true } },
} satisfies Record<string, Partial<ExcelJS.Style>>;
/** Text such as "n < 5" in a column of numbers sits where the numbers do. */
const RIGHT: Partial<ExcelJS.Style> = { alignment: { horizontal: 'right' } };
const LINE_POINTS = 15;
export type RowStyle = keyof typeof STYLES;

export interface SheetOptions {
  cols: Col[];
  frozenRows: number;
  frozenCols?: number;
  /** Print on one page (the summary); otherwise one page wide and as many long as needed. */
  onePage?: boolean;
  /** The language of the page footer; Indonesian when not given. */
  lang?: Lang;
}

/** The parts of exceljs's style manager (its StylesXform) that teachQuotePrefix uses. */
interface StyleManager {
  addStyleModel(model: object | undefined, cellType?: number): number;
  model?: { styles?: unknown[] };
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

/** A sheet laid out for A4 landscape, with its column widths and number formats set before any row is written. */
export function openSheet(book: Book, name: string, opts: SheetOptions): Sheet {
  teachQuotePrefix(book);
  const ws = book.addWorksheet(name, {
    views: opts.frozenRows || opts.frozenCols ? [{ state: 'frozen', xSplit: opts.frozenCols ?? 0, ySplit: opts.frozenRows }] : [],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: opts.onePage ? 1 : 0 },
    headerFooter: { oddFooter: `&L${name}&R${opts.lang === 'en' ? 'Page &P of &N' : 'Halaman &P dari &N'}` },
  });
  ws.columns = opts.cols.map((c) => ({ width: c.width, style: c.fmt ? { numFmt: NUMFMT[c.fmt] } : {} }));
  return ws;
}

/**
 * One style object per (number format, row style): exceljs remembers the id of a style object it
 * has seen, while a fresh object per cell costs a lookup by its XML (most of the time of a big sheet).
 */
const shared = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(numFmt: string | undefined, style: RowStyle | undefined, right: boolean, quoted: boolean): Partial<ExcelJS.Style> {
  const key = `${numFmt ?? ''}|${style ?? ''}|${right}|${quoted}`;
  let s = shared.get(key);
  if (!s) {
    const base = style ? STYLES[style] : {};
    const alignment = right ? { ...('alignment' in base ? base.alignment : {}), ...RIGHT.alignment } : undefined;
    s = Object.freeze({ ...base, ...(numFmt ? { numFmt } : {}), ...(alignment ? { alignment } : {}) });
    if (quoted) QUOTED.add(s);
    shared.set(key, s);
  }
  return s;
}

/**
 * Excel and LibreOffice keep a row one line high unless told otherwise, so wrapped text would
 * spill over the next row: the height is estimated from the text length and the column width.
 */
function rowHeight(ws: Sheet, values: Value[]): number {
  const lines = values.map((v, i) => {
    const width = ws.getColumn(i + 1).width ?? 9;
    return typeof v === 'string' ? Math.ceil((v.length * 1.15) / Math.max(1, width - 1)) : 1;
  });
  return LINE_POINTS * Math.max(1, ...lines);
}

/**
 * Writes the next row and hands it to the stream at once; empty values make no cell. Text that
 * begins like a formula (startsLikeFormula) is quote-prefixed: it stays text when edited.
 */
export function writeRow(ws: Sheet, values: Value[], style?: RowStyle, fmts?: (Fmt | undefined)[]): void {
  const cells = values.map((v) => cellValue(v) ?? undefined);
  const row = ws.addRow(cells);
  if (style === 'header' || style === 'wrap') row.height = rowHeight(ws, values);
  values.forEach((v, i) => {
    if ((v === null || v === undefined) && !style) return;
    const cell = row.getCell(i + 1);
    const fmt = fmts?.[i] ? NUMFMT[fmts[i]!] : cell.style.numFmt;
    const text = cells[i];
    cell.style = sharedStyle(fmt, style, typeof v === 'string' && fmt !== undefined && style !== 'header',
      typeof text === 'string' && startsLikeFormula(text));
  });
  row.commit();
}

/** Green, yellow or red by BANDS; text ("n < 5") and empty cells stay uncoloured. */
export function colourRates(ws: Sheet, ref: string): void {
  const topLeft = ref.split(':')[0]!;
  const fill = (argb: string): Partial<ExcelJS.Style> => ({ fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } });
  const rule = (priority: number, test: string, argb: string): ExcelJS.ConditionalFormattingRule => ({
    type: 'expression', priority, formulae: [`AND(ISNUMBER(${topLeft}),${test.replaceAll('X', topLeft)})`], style: fill(argb),
  });
  ws.addConditionalFormatting({
    ref,
    rules: [
      rule(1, `X<${BANDS.low}`, 'FFFFC7CE'),
      rule(2, `X>=${BANDS.low},X<${BANDS.high}`, 'FFFFEB9C'),
      rule(3, `X>=${BANDS.high}`, 'FFC6EFCE'),
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

/** A row above a table's header (a title block), with its style. */
export interface TitleRow {
  values: Value[];
  style?: RowStyle;
}

export interface TableOptions {
  /** Data rows per sheet before "Name (2)" starts; Excel's limit (less the title block) by default. */
  maxRows?: number;
  frozenCols?: number;
  /** Rows written above the header on every sheet of the table. */
  title?: TitleRow[];
  lang?: Lang;
}

/**
 * A table that streams its rows and continues on "Name (2)", "Name (3)" … once a sheet holds
 * `maxRows` data rows. Each sheet has the title block, then the header: frozen, filtered and
 * repeated at the top of every printed page.
 */
export class TableWriter {
  private ws: Sheet | null = null;
  private rows = 0;
  private readonly sheets: ExportSheet[] = [];
  private readonly title: TitleRow[];
  private readonly maxRows: number;
  /** The sheet row of the header. */
  private readonly headerRow: number;

  constructor(
    private readonly book: Book,
    private readonly name: string,
    private readonly cols: Col[],
    private readonly opts: TableOptions = {},
  ) {
    this.title = opts.title ?? [];
    this.headerRow = this.title.length + 1;
    this.maxRows = Math.min(opts.maxRows ?? EXCEL_ROWS, EXCEL_ROWS - this.headerRow);
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
    const h = this.headerRow;
    this.ws = openSheet(this.book, name, { cols: this.cols, frozenRows: h, frozenCols: this.opts.frozenCols, lang: this.opts.lang });
    this.ws.pageSetup.printTitlesRow = `${h}:${h}`;
    for (const row of this.title) writeRow(this.ws, row.values, row.style);
    writeRow(this.ws, this.cols.map((c) => c.header), 'header');
    this.sheets.push({ name, rows: 0 });
  }

  private close(): void {
    if (this.ws === null) return;
    const h = this.headerRow;
    this.ws.autoFilter = `A${h}:${columnLetter(this.cols.length)}${h + this.rows}`;
    this.ws.commit();
    this.sheets[this.sheets.length - 1]!.rows = this.rows;
    this.ws = null;
    this.rows = 0;
  }
}
