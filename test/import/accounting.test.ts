import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_REJECTS_PAGE_MAX, type ImportFileResult, type RejectedRow } from '../../src-main/contract/import-types.ts';
import { ROOT } from '../helpers/cli.ts';
import { freshCore, importOne, rows, suiteDir, tempDir, workspaceTemplate, type TestCore, type WorkspaceTemplate } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';
import { SIZES } from '../support/sizes.ts';
import {
  accountingCases, AGENCY, reason, unclosedQuoteLines, type Case, type Expected, type Generated, type StoredRow,
} from './accounting-files.ts';

// "Every byte accounted" (docs/import.md, Rejects, counts and warnings): every data row of a file is
// imported, rejected or skipped, each with its reason, and rowsRead is the number of records the
// file holds as the generator counted them (accounting-files.ts), not as the product counts them.
// Small in npm test, full size in npm run robustness (test/support/sizes.ts), where each file is
// also imported by the real CLI in a process of its own and its peak RSS measured.

const SIZE = SIZES.accounting;
const CASES = accountingCases(SIZE);
const GiB = 2 ** 30;

let dir = '';
const made = new Map<string, Promise<Generated>>();
/** Each file is written once, for the import in-process and the CLI's. */
function generated(c: Case): Promise<Generated> {
  if (!made.has(c.name)) made.set(c.name, c.generate(dir, SIZE));
  return made.get(c.name)!;
}

/** What each file came to, for the figure. */
interface Tally { file: string; refused: boolean; read: number; imported: number; rejected: number; skipped: number; short: boolean }
const tallies: Tally[] = [];
const peaks: { file: string; mib: number; bytes: number }[] = [];

beforeAll(() => {
  dir = suiteDir();
});

afterAll(() => {
  if (tallies.length === 0) return;
  const sum = (k: 'read' | 'imported' | 'rejected' | 'skipped') => tallies.reduce((n, t) => n + t[k], 0);
  const short = tallies.filter((t) => t.short).length;
  const refused = tallies.filter((t) => t.refused).length;
  const top = [...peaks].sort((a, b) => b.mib - a.mib)[0];
  const rss = top ? `peak RSS ${Math.round(top.mib)} MiB (${top.file}, the largest of ${peaks.length} CLI imports)` : 'peak RSS not measured (npm run robustness measures it)';
  figure('accounting', `accounting: ${tallies.length} files (${refused} refused whole, nothing stored), ${short ? 'NOT every row counted' : 'every row counted'} ` +
    `(${sum('imported')} imported + ${sum('rejected')} rejected + ${sum('skipped')} skipped = ${sum('read')} read), ${short} short, ${rss}`);
});

/** Rows in the tables an import writes to. */
async function stored(core: TestCore): Promise<Record<string, number>> {
  const [r] = await rows<Record<string, number>>(core, `SELECT
    (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM attendance) AS attendance,
    (SELECT count(*) FROM rejects) AS rejects, (SELECT count(*) FROM skips) AS skips`);
  return r!;
}

async function storedRows(core: TestCore): Promise<StoredRow[]> {
  return rows<StoredRow>(core, `SELECT b.sheet, a.row_no, a.nip, strftime(a.date, '%Y-%m-%d') AS date, a.agency, a.name, a.unit_name,
      CAST(a.check_in AS VARCHAR) AS check_in, CAST(a.check_out AS VARCHAR) AS check_out, a.status, a.mode
    FROM attendance a JOIN batches b USING (batch_id) ORDER BY b.seq, a.row_no`);
}

/** The first row that differs, shown alone (a diff of 20,000 rows says nothing), then the counts. */
function expectSameRows(actual: StoredRow[], expected: StoredRow[]): void {
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) expect(actual[i], `stored row ${i + 1}`).toEqual(expected[i]);
  }
  expect(actual.length, 'rows stored').toBe(expected.length);
}

/** Every rejected row of the import, from each of its batches: the answer itself lists only the first ones. */
async function everyReject(core: TestCore, r: ImportFileResult): Promise<RejectedRow[]> {
  const batches = r.sheets?.map((x) => x.batch) ?? (r.batch ? [r.batch] : []);
  const all: RejectedRow[] = [];
  for (const batch of batches) {
    for (let offset = 0; ; offset += BATCH_REJECTS_PAGE_MAX) {
      const page = await core.batchRejects({ batch, offset, limit: BATCH_REJECTS_PAGE_MAX });
      all.push(...page.rejects);
      if (offset + BATCH_REJECTS_PAGE_MAX >= page.rejectsTotal) break;
    }
  }
  return all;
}

function tally(g: Generated, r: ImportFileResult, short: boolean): void {
  tallies.push({ file: g.name, refused: r.status === 'failed', read: r.rowsRead, imported: r.rowsImported, rejected: r.rowsRejected, skipped: r.rowsSkipped, short });
}

describe('every byte accounted: each data row imported, rejected or skipped with its reason', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const g = await generated(c);
    const core = await freshCore();
    const before = await stored(core);
    const r = await importOne(core, { path: g.path, kind: 'attendance', agency: AGENCY });
    const e = g.expected;

    if ('refused' in e) {
      const after = await stored(core);
      tally(g, r, r.status !== 'failed' || JSON.stringify(after) !== JSON.stringify(before));
      expect([r.status, r.batch], r.error ?? '').toEqual(['failed', null]);
      expect(r.error).toMatch(e.refused);
      // Nothing stored: no new batch, no row, no reject, no skip.
      expect(after).toEqual(before);
      return;
    }

    tally(g, r, r.status !== 'imported' || r.rowsRead !== e.records || r.rowsImported + r.rowsRejected + r.rowsSkipped !== r.rowsRead);
    expect(r.error).toBeNull();
    expect(r.status).toBe('imported');
    // rowsRead is the file's records as the generator wrote them, and every one is accounted for.
    expect(r.rowsRead, 'rowsRead = records in the file').toBe(e.records);
    expect(r.rowsImported + r.rowsRejected + r.rowsSkipped, 'imported + rejected + skipped').toBe(r.rowsRead);
    expect({ imported: r.rowsImported, rejected: r.rowsRejected, skipped: r.rowsSkipped })
      .toEqual({ imported: e.imported, rejected: e.rejected, skipped: e.skipped });

    // The rejected rows: their rows (and sheets), each reason naming its row, and why.
    const every = await everyReject(core, r);
    expect(every, 'the answer lists some of the stored rejected rows').toEqual(expect.arrayContaining(r.rejects));
    const rejects = [...every].sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
    const wanted = [...e.rejects].sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
    expect(rejects.map((x) => [x.sheet ?? null, x.row])).toEqual(wanted.map((x) => [x.sheet, x.row]));
    rejects.forEach((x, i) => {
      const where = x.sheet && e.sheets && e.sheets.length > 1 ? `lembar ${x.sheet}, baris ${x.row}` : `baris ${x.row}`;
      expect(x.reason.startsWith(`${where}:`), `${x.reason.slice(0, 200)} names ${where}`).toBe(true);
      expect(x.reason.slice(0, 400), wanted[i]!.code).toMatch(wanted[i]!.reason);
    });
    expect(r.skipped.map((x) => [x.sheet ?? null, x.row])).toEqual(e.skippedRows.map((x) => [x.sheet, x.row]));
    for (const x of r.skipped) expect(x.reason).toBe(`baris ${x.row} dilewati: tidak berisi nilai pada kolom mana pun yang dipetakan`);

    expect(r.warnings).toHaveLength(e.warnings.length);
    e.warnings.forEach((w, i) => expect(r.warnings[i]).toMatch(w));
    for (const text of e.hidden ?? []) expect(JSON.stringify(r)).not.toContain(text);

    // The result's sheets (a workbook of several), and each batch recording the same counts.
    expect(r.sheets?.map((x) => ({ sheet: x.sheet, rowsRead: x.rowsRead, rowsImported: x.rowsImported, rowsRejected: x.rowsRejected, rowsSkipped: x.rowsSkipped })))
      .toEqual(e.sheets);
    const { batches } = await core.listImports({});
    expect(batches.filter((b) => b.kind === 'attendance').map((b) => ({
      sheet: b.sheet, encoding: b.encoding, rowsRead: b.rowsRead, rowsImported: b.rowsImported, rowsRejected: b.rowsRejected, rowsSkipped: b.rowsSkipped,
    }))).toEqual(e.batches);

    // The good rows, stored exactly as written (’ é “ ” – ü, U+0001, line breaks inside a cell).
    expectSameRows(await storedRows(core), e.stored);
  }, 600_000);

  it('an unclosed quote\'s reason says how many lines follow its row, with or without a final line break '
    + '(fixed bug: with a final line break the count was one too many)', async () => {
    const own = tempDir();
    for (const finalBreak of [false, true]) {
      const q = await unclosedQuoteLines(own, finalBreak);
      const core = await freshCore();
      const r = await importOne(core, { path: q.path, kind: 'attendance', agency: AGENCY });
      expect([r.status, r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual(['imported', 15, 14, 1]);
      expect(r.rejects[0]!.reason, finalBreak ? 'with a final line break' : 'without a final line break').toMatch(reason.quote(q.row, q.linesAfter));
    }
  });

  describe.runIf(SIZE.memory)('through the real CLI, each file in a process of its own', () => {
    let empty: WorkspaceTemplate;
    beforeAll(async () => {
      empty = await workspaceTemplate(async () => undefined);
    });

    it('imports every file with a peak RSS under 1 GiB, counting as in-process', async () => {
      // Soft: every file is measured, whichever fails.
      for (const c of CASES) {
        const g = await generated(c);
        const run = await cliImport(empty.file(), g.path);
        const f = run.result;
        peaks.push({ file: g.name, mib: run.maxRssKb / 1024, bytes: g.bytes });
        expect.soft(run.maxRssKb * 1024, `${g.name}: peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MiB`).toBeLessThan(GiB);
        if (!f) {
          expect.soft(f, `${g.name}: no JSON from the CLI: ${run.stderr.slice(0, 500)}`).toBeDefined();
          continue;
        }
        const e = g.expected as Partial<Expected> & { refused?: RegExp };
        if (e.refused) expect.soft([f.status, f.error], g.name).toEqual(['failed', expect.stringMatching(e.refused)]);
        else {
          expect.soft([f.status, f.rowsRead, f.rowsImported, f.rowsRejected, f.rowsSkipped], g.name)
            .toEqual(['imported', e.records, e.imported, e.rejected, e.skipped]);
        }
      }
      console.log(`peak RSS of pantau import, per file: ${peaks.map((p) => `${p.file} (${(p.bytes / 2 ** 20).toFixed(1)} MiB) ${p.mib.toFixed(0)} MiB`).join(', ')}`);
    }, 1_800_000);
  });
});

/** `pantau import --json` in a child process, through max-rss.mjs, which reports its peak RSS. */
function cliImport(db: string, path: string): Promise<{ result: ImportFileResult | undefined; stderr: string; maxRssKb: number }> {
  const rssFile = join(tempDir(), 'max-rss.txt');
  const child = spawn(process.execPath, [join(ROOT, 'test/import/max-rss.mjs'), 'import', '--db', db, '--kind', 'attendance', '--agency', AGENCY, '--json', path],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PANTAU_MAX_RSS_FILE: rssFile } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      let result: ImportFileResult | undefined;
      try {
        result = (JSON.parse(stdout) as { files: ImportFileResult[] }).files[0];
      } catch {
        result = undefined;
      }
      let maxRssKb = Number.NaN;
      try {
        maxRssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // No file: the process did not reach its exit handler; the NaN fails the assertion.
      }
      resolve({ result, stderr, maxRssKb });
    });
  });
}
