import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { splitRecords } from '../../src-main/core/import/csv-records.ts';
import { createCore } from '../../src-main/core/index.ts';
import { ROOT } from '../helpers/cli.ts';

export type Verdict = 'imported' | 'refused' | 'crash' | 'timeout';

export interface Outcome {
  file: string;
  verdict: Verdict;
  message: string;
  imported: number;
  rejected: number;
  /** Data rows in the file counted independently of the import (null: not counted). */
  rowsInFile: number | null;
  lost: number;
  seconds: number;
}

interface CliFile {
  status: 'imported' | 'failed';
  rowsImported: number;
  rowsRejected: number;
  error: string | null;
  batch: string | null;
}

/** A refusal users can act on: Bahasa Indonesia, no stack, no internal-error wrapper. */
export function clearMessage(message: string): boolean {
  return message.length > 10 && !/[Kk]esalahan internal|\bat .*\.(ts|js):\d+|undefined|TypeError|RangeError/.test(message);
}

function runCli(db: string, files: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean; seconds: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/pantau.js'), 'import', '--db', db, '--kind', 'attendance', '--agency', 'UJI', '--json', ...files],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/**
 * Imports files through the real CLI, several per child process to spare start-up time; a child
 * that crashes or times out has its files retried one per process so the verdict is per file.
 */
export async function runCorpus(db: string, files: string[], opts: { chunk: number; timeoutMs: number }): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (let i = 0; i < files.length; i += opts.chunk) {
    const group = files.slice(i, i + opts.chunk);
    const r = await runCli(db, group, opts.timeoutMs * group.length);
    let parsed: CliFile[] | undefined;
    try {
      parsed = (JSON.parse(r.stdout) as { files: CliFile[] }).files;
    } catch {
      parsed = undefined;
    }
    if (!r.timedOut && parsed && parsed.length === group.length && (r.code === 0 || r.code === 1)) {
      group.forEach((file, k) => out.push(verdictOf(file, parsed![k]!, r.seconds / group.length)));
    } else if (group.length > 1) {
      out.push(...(await runCorpus(db, group, { ...opts, chunk: 1 })));
    } else {
      const verdict: Verdict = r.timedOut ? 'timeout' : 'crash';
      out.push({ file: group[0]!, verdict, message: (r.stderr || r.stdout).slice(0, 300), imported: 0, rejected: 0, rowsInFile: null, lost: 0, seconds: r.seconds });
    }
  }
  return out;
}

function verdictOf(file: string, f: CliFile, seconds: number): Outcome {
  const base = { file, imported: f.rowsImported, rejected: f.rowsRejected, rowsInFile: null, lost: 0, seconds };
  if (f.status === 'imported') return { ...base, verdict: 'imported', message: '' };
  const message = f.error ?? '';
  return { ...base, verdict: clearMessage(message) ? 'refused' : 'crash', message };
}

/**
 * Counts the data rows of every imported CSV independently of DuckDB (the sample splitter over
 * the whole text, with the encoding, delimiter and header row the batch recorded); rows whose
 * cells are all empty are skipped, as the importer does. XLSX counts come from `known`.
 */
export async function countRows(db: string, outcomes: Outcome[], known: Map<string, number>): Promise<void> {
  const core = await createCore({ dbPath: db, log: () => undefined });
  try {
    const batches = await core.db.all<{ file_path: string; encoding: string | null; delimiter: string | null; header_row: number; format: string }>(
      "SELECT file_path, encoding, delimiter, header_row, format FROM batches WHERE status = 'active' AND kind = 'attendance'");
    for (const o of outcomes.filter((x) => x.verdict === 'imported')) {
      const b = batches.find((x) => x.file_path === o.file);
      let rows = known.get(o.file) ?? null;
      if (rows === null && b && b.format === 'csv' && b.delimiter) {
        const bytes = readFileSync(o.file);
        const text = iconv.decode(bytes, b.encoding ?? 'utf-8').replace(/^\uFEFF/, '');
        rows = splitRecords(text, b.delimiter, Number.MAX_SAFE_INTEGER)
          .filter((r) => r.startLine > b.header_row && r.cells.some((c) => c.trim() !== '')).length;
      }
      o.rowsInFile = rows;
      o.lost = rows === null ? 0 : rows - o.imported - o.rejected;
    }
  } finally {
    core.close();
  }
}

export function summary(outcomes: Outcome[]): string {
  const n = (v: Verdict) => outcomes.filter((o) => o.verdict === v).length;
  const lost = outcomes.reduce((s, o) => s + Math.abs(o.lost), 0);
  return `bad-input: ${outcomes.length} files, ${n('imported')} imported, ${n('refused')} refused with a message, ${n('crash')} crashes, ${n('timeout')} timeouts, ${lost} rows lost`;
}
