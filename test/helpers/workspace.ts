import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, afterEach, inject } from 'vitest';
import type { ImportFileRequest, ImportFileResult } from '../../src-main/contract/import-types.ts';
import { createCore, type Core, type CoreConfig } from '../../src-main/core/index.ts';
import { buildEmptyWorkspace, buildSamplesWorkspace, copyWorkspace, TODAY } from './templates.ts';

export { TODAY };

export type TestCore = Core & { dir: string; dbPath: string };

const cleanups: (() => void)[] = [];
const suiteCleanups: (() => void)[] = [];

/** Removes what the test made (its folders, its open workspaces). */
export function cleanUpAfterTest(): void {
  while (cleanups.length) cleanups.pop()!();
}

/** Removes what the file made for all its tests (suiteDir, workspaceTemplate). */
export function cleanUpAfterFile(): void {
  while (suiteCleanups.length) suiteCleanups.pop()!();
}

// Registered here for the file that first imports this module, and by test/support/cleanup-setup.ts
// for every file: where Vitest runs several files in one module context (isolate: false), this
// module is evaluated once. Each queue is emptied by whichever runs first.
afterEach(cleanUpAfterTest);
afterAll(cleanUpAfterFile);

function makeTempDir(list: (() => void)[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-test-'));
  list.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A folder for one test, removed after it. */
export function tempDir(): string {
  return makeTempDir(cleanups);
}

/** A folder for the whole file (made in beforeAll, say), removed after its last test. */
export function suiteDir(): string {
  return makeTempDir(suiteCleanups);
}

/** Options of the test's own on top of the tests' defaults (fixed today, quiet log). */
export type CoreOptions = Partial<Omit<CoreConfig, 'dbPath'>>;

async function openCore(dir: string, dbPath: string, config: CoreOptions = {}): Promise<TestCore> {
  const core = await createCore({ dbPath, tmpDir: dir, now: () => TODAY, log: () => undefined, ...config });
  cleanups.push(() => core.close());
  return Object.assign(core, { dir, dbPath });
}

/**
 * A template workspace: the one the integration project's global setup builds in the background
 * (waited for here until its file appears), or, in a project without that setup, one built here
 * for the file (Vitest may end a worker without its exit handlers, so nothing outlives the file).
 */
const built = new Map<string, Promise<string>>();
async function template(key: 'emptyWorkspace' | 'samplesWorkspace', build: (dbPath: string) => Promise<void>): Promise<string> {
  const provided = inject(key);
  if (provided) return waitForTemplate(provided);
  const cached = built.get(key);
  if (cached && existsSync(await cached)) return cached;
  const dbPath = join(suiteDir(), `${key}.duckdb`);
  const path = build(dbPath).then(() => dbPath);
  built.set(key, path);
  return path;
}

async function waitForTemplate(path: string): Promise<string> {
  const error = path.replace(/\.duckdb$/, '.error');
  const deadline = Date.now() + 5 * 60_000;
  while (!existsSync(path)) {
    if (existsSync(error)) throw new Error(`the template workspace ${path} could not be built:\n${readFileSync(error, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the template workspace ${path} was not built within 5 minutes`);
    await sleep(50);
  }
  return path;
}

/**
 * A fresh workspace file per test (the national calendar is imported on creation). It is a copy of
 * one workspace created once per run by the same createCore call, which is far quicker than
 * creating each; a `dir` that already holds a ws.duckdb opens that one.
 */
export async function freshCore(dir = tempDir(), config: CoreOptions = {}): Promise<TestCore> {
  const dbPath = join(dir, 'ws.duckdb');
  if (!existsSync(dbPath)) copyWorkspace(await template('emptyWorkspace', buildEmptyWorkspace), dir);
  return openCore(dir, dbPath, config);
}

/**
 * A copy of the samples' workspace, every file of samples/manifest.json imported (as importSamples
 * does), built once per run: for tests that need the samples as data, not as the subject. The file
 * is closed, for the CLI or createCore with options of the test's own.
 */
export async function samplesWorkspace(dir = tempDir()): Promise<string> {
  return copyWorkspace(await template('samplesWorkspace', buildSamplesWorkspace), dir);
}

/** The samples' workspace copied and opened, closed after the test. */
export async function samplesCore(dir = tempDir(), config: CoreOptions = {}): Promise<TestCore> {
  return openCore(dir, await samplesWorkspace(dir), config);
}

/**
 * A workspace made once for a file (in beforeAll) by `build`, then copied for each test: the tests
 * share the setup, never each other's changes, so they pass in any order.
 */
export async function workspaceTemplate(build: (core: TestCore) => Promise<void>): Promise<WorkspaceTemplate> {
  const dir = suiteDir();
  const dbPath = copyWorkspace(await template('emptyWorkspace', buildEmptyWorkspace), dir);
  const core = await createCore({ dbPath, tmpDir: dir, now: () => TODAY, log: () => undefined });
  try {
    await build(Object.assign(core, { dir, dbPath }));
  } finally {
    core.close();
  }
  return {
    open: async () => {
      const own = tempDir();
      return openCore(own, copyWorkspace(dbPath, own));
    },
    file: () => copyWorkspace(dbPath, tempDir()),
  };
}

export interface WorkspaceTemplate {
  /** A copy in a folder of the test's own, opened (closed after the test). */
  open(): Promise<TestCore>;
  /** A copy in a folder of the test's own, closed: for the CLI. */
  file(): string;
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
