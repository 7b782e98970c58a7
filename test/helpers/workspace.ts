import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach } from 'vitest';
import type { ImportFileRequest, ImportFileResult } from '../../src-main/contract/import-types.ts';
import { createCore, type Core } from '../../src-main/core/index.ts';

/** Tests run "today" on a fixed date so NIP age checks are stable. */
export const TODAY = new Date('2026-11-22T08:00:00Z');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh workspace file per test (the national calendar is imported on creation). */
export async function freshCore(dir = tempDir()): Promise<Core & { dir: string; dbPath: string }> {
  const dbPath = join(dir, 'ws.duckdb');
  const core = await createCore({ dbPath, tmpDir: dir, now: () => TODAY, log: () => undefined });
  cleanups.push(() => core.close());
  return Object.assign(core, { dir, dbPath });
}

export function writeText(dir: string, name: string, text: string, encoding = 'utf-8', bom = false): string {
  const path = join(dir, name);
  const body = iconv.encode(text, encoding, { addBOM: bom });
  writeFileSync(path, body);
  return path;
}

export function csv(rows: (string | number)[][], delimiter = ','): string {
  return rows.map((r) => r.join(delimiter)).join('\n') + '\n';
}

export type Cell = string | number | Date | null;

/** An XLSX with an optional title block above the header. */
export async function writeXlsx(dir: string, name: string, rows: Cell[][], titleRows: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const title of titleRows) ws.addRow([title]);
  for (const row of rows) {
    const added = ws.addRow(row);
    row.forEach((v, i) => {
      if (v instanceof Date) added.getCell(i + 1).numFmt = v.getUTCFullYear() < 1900 ? 'hh:mm' : 'dd/mm/yyyy';
    });
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

export async function importOne(core: Core, req: ImportFileRequest): Promise<ImportFileResult> {
  const result = await core.importFiles({ files: [req] });
  return result.files[0]!;
}

export async function rows<T extends Record<string, unknown>>(core: Core, sql: string): Promise<T[]> {
  return core.db.all<T>(sql);
}

/** A valid PNS NIP: born 1986-09-26, appointed 2015-05, male. */
export function nip(seq: number, birth = '19860926', appointed = '201505', sex = '1'): string {
  return `${birth}${appointed}${sex}${String(seq).padStart(3, '0')}`;
}
