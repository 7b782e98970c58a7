import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** [value, openpyxl data_type ('s', 'n', 'd', 'f', ...), number_format, text wraps] */
export type PyCell = [string | number | boolean | null, string, string, boolean];

export interface PySheet {
  name: string;
  freeze: string | null;
  filter: string | null;
  /** Rows repeated at the top of every printed page ("$4:$4"). */
  printTitles: string | null;
  conditional: string[];
  landscape: boolean;
  rows: PyCell[][];
  /** Cells (A1 references) whose format is quote-prefixed: Excel keeps them text when edited. */
  quoted: string[];
  /** Width of each column (characters), first column first; null where none is set. */
  widths: (number | null)[];
  /** Merged ranges: [first row, first column, last row, last column], 1-based. */
  merges: [number, number, number, number][];
  /** Print layout: paper (9 = A4), orientation, and the pages to fit it on (0 = as many as needed). */
  page: { paperSize: number | null; orientation: string | null; fitToPage: boolean; fitToWidth: number; fitToHeight: number };
}

export interface PyBook {
  sheets: PySheet[];
  /** Every XML part of the zip by name, as text. */
  xml: Record<string, string>;
}

const SCRIPT = join(import.meta.dirname, 'read-xlsx.py');
let python: string | undefined;

/**
 * An interpreter that has openpyxl: CI installs Debian's python3-openpyxl (.ci/run); where
 * `python3` on PATH is another installation (pyenv), Debian's own /usr/bin/python3 has it.
 */
function findPython(): string {
  if (python) return python;
  for (const candidate of [process.env.PANTAU_PYTHON, 'python3', '/usr/bin/python3']) {
    if (candidate && spawnSync(candidate, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0) return (python = candidate);
  }
  throw new Error('openpyxl tidak tersedia: pasang python3-openpyxl (apt-get install python3-openpyxl), seperti .ci/run');
}

/** Reads a workbook with openpyxl in a child process: the second, independent reader. */
export function readWithOpenpyxl(path: string): PyBook {
  const r = spawnSync(findPython(), [SCRIPT, path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout) as PyBook;
}

export async function readWithExcelJs(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export type Plain = string | number | boolean | Date | null;

/** A sheet as rows of plain values (row 1 first; empty cells null). */
export function values(ws: ExcelJS.Worksheet): Plain[][] {
  const rows: Plain[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Plain[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push((row.getCell(c).value ?? null) as Plain);
    rows.push(cells);
  }
  return rows;
}

/**
 * The number (1-based) of a table's header row: the row whose first cell is `first`, or the last of
 * two such rows (a two-row header, whose merged cells exceljs reads as the merge's value: the second
 * row then holds every column's own header).
 */
export function headerRow(ws: ExcelJS.Worksheet, first: string): number {
  const all = values(ws);
  let start = all.findIndex((r) => r[0] === first);
  if (start < 0) throw new Error(`no table "${first}" on ${ws.name}`);
  while (all[start + 1]?.[0] === first) start++;
  return start + 1;
}

/** The table whose header starts with `first`: its (last) header row, then its rows up to the first empty row. */
export function table(ws: ExcelJS.Worksheet, first: string): Plain[][] {
  const all = values(ws);
  const start = headerRow(ws, first) - 1;
  const end = all.findIndex((r, i) => i > start && r.every((v) => v === null));
  return all.slice(start, end < 0 ? undefined : end);
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Formula elements in the worksheet XML parts (conditional-format <formula> does not count). */
export function formulaCells(book: PyBook): string[] {
  return Object.entries(book.xml)
    .filter(([name]) => name.startsWith('xl/worksheets/'))
    .flatMap(([name, xml]) => [...xml.matchAll(/<c [^>]*>(?:(?!<\/c>).)*?<f[\s>/]/gs)].map((m) => `${name}: ${m[0].slice(0, 80)}`));
}
