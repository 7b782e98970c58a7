// The gate of `npm run robustness` (and so of CI): which runs it lets through.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';
import { FIGURE_ORDER, figureBlock, ROBUSTNESS_TESTS, robustnessProblems, type FigureLine } from '../support/figures.ts';

const FAULTS = 'faults: export on a full disk 8/8 ended with a message, 0 hung, 0 left locked, 0 files left behind; import, check and staging on a full disk 3/3 refused naming the folder; first signal during check, export and import 3/3 cancelled cleanly, second signal 1/1 exited at once (tmpfs)';

/** A clean full run, as the tests print it (the README's last run). */
const CLEAN: FigureLine[] = [
  { key: 'sandbox', line: 'sql sandbox: 5/5 refused' },
  { key: 'deps', line: 'deps: 0 known-bad versions (23 advisory ranges checked)' },
  { key: 'csv-spectrum', line: 'csv-spectrum: 11/11 match, 1/1 no crash' },
  { key: 'bad-input', line: 'bad-input: 111 files, 8 imported, 103 refused with a message, 0 crashes, 0 timeouts, 0 rows lost' },
  { key: 'sniffer', line: 'sniffer guard: 8 templates × 5 wrong-shape files, 0 accepted (16 refused with a message, 24 imported with every malformed row rejected)' },
  { key: 'bomb', line: 'zip bomb: 3.8 MB inflating to 1.1 GB refused in 0.004 s, RSS +0 MB' },
  { key: 'worker', line: 'xlsx worker, lying directory: 1.1 GB declared as 98 KB, refused while inflating in 0.8 s, main heap +0 MB' },
  { key: 'worker', line: 'xlsx worker, heap: 0.4 MB workbook of 10,000,000 rich-text runs refused at the 256 MB heap cap in 3.7 s, main heap +0 MB, next file imported' },
  { key: 'million', line: '1M-row XLSX: imported, 1000000 imported, 0 rejected in 33.4 s (CLI start-up included)' },
  { key: 'encodings', line: 'encodings: 6/6 identical, 0 replacement characters' },
  { key: 'nip', line: 'NIP: 10 kept identical, 8 rejected, 0 altered' },
  { key: 'accounting', line: 'accounting: 23 files (2 refused whole, nothing stored), every row counted (1000 imported + 20 rejected + 3 skipped = 1023 read), 0 short, peak RSS 412 MiB (long-line-200mb.csv, the largest of 23 CLI imports)' },
  { key: 'bounded', line: 'bounded answers: 1000000 rejected rows answered in 32 KB (100 listed), 1000000/1000000 paged' },
  { key: 'bounded-cli', line: 'bounded CLI: import --json of 1000000 rejected rows, 1000000/1000000 in one valid document (254 MB), exit 0' },
  { key: 'hostile', line: 'hostile text in exports: 11/11 formula-like cells quote-prefixed in 5 sheets, 0 formulas, 0 ill-formed sheets (read back by exceljs and openpyxl)' },
  { key: 'canary', line: '12' },
  { key: 'canary', line: '5' },
  { key: 'crash', line: 'crash: 20 kills (1 once the import was writing), 20 clean reopens, 0 partial batches, 0 duplicates, retry imported once: yes (seed 20154)' },
  { key: 'leftovers', line: "leftovers: 4 kills (import, check, export, browser session) left 5 folders, 0 left behind after a start, live server's 2/2 kept" },
  { key: 'lock', line: 'lock: second writer (CLI while the server holds the workspace) refused with a message 1/1, 0 corruptions' },
  { key: 'http', line: 'http: 17/17 bad requests refused with 4xx, 17/17 good requests after them answered' },
  { key: 'escape', line: 'escapes, HTTP: 10/10 attempts to name a server file refused, 0 escaped' },
  { key: 'escape', line: 'escapes, Electron bridge: 10/10 attempts to name a file the page was not given refused, 0 escaped' },
  { key: 'load', line: 'http load: 2000 requests at concurrency 20 on complianceGrid, 0 errors, p50 381.6 ms, p99 458.0 ms, 52 req/s' },
  { key: 'faults', line: FAULTS },
  { key: 'refusals', line: 'refusals: 18/18 odd inputs refused with a message a person can act on, 0 internal errors, 0 with raw DuckDB text' },
];

function replaced(key: string, line: string): FigureLine[] {
  return CLEAN.map((l) => (l.key === key ? { key, line } : l));
}

describe('the robustness gate', () => {
  it('passes a clean, complete run', () => {
    expect(robustnessProblems(CLEAN, 0)).toEqual([]);
  });

  it('prints every figure in order, the canary counts summed into one line', () => {
    const block = figureBlock([...CLEAN].reverse());
    // One line per figure line, the canary's summed into one.
    expect(block).toHaveLength(CLEAN.filter((l) => l.key !== 'canary').length + 1);
    expect(block[0]).toBe('sql sandbox: 5/5 refused');
    const canary = FIGURE_ORDER.indexOf('canary') + 1;
    expect(block[canary - 1]).toBe(CLEAN.filter((l) => l.key !== 'canary').map((l) => l.line)[canary - 1]);
    expect(block[canary]).toBe('prototype canary: Object.prototype unchanged after each of 17 tests (a change fails that test)');
    expect(block.at(-1)).toMatch(/^refusals:/);
  });

  it('fails when vitest failed, even with clean figures', () => {
    expect(robustnessProblems(CLEAN, 1)).toEqual(['vitest exited with 1']);
    expect(robustnessProblems(CLEAN, null)).toEqual(['vitest exited with null']);
  });

  it('fails when a figure is missing (a skipped test), the canary included', () => {
    expect(robustnessProblems(CLEAN.filter((l) => l.key !== 'load'), 0)).toEqual(['figure missing: load']);
    expect(robustnessProblems(CLEAN.filter((l) => l.key !== 'canary'), 0)).toEqual(['figure missing: canary']);
    expect(robustnessProblems([], 0)).toHaveLength(FIGURE_ORDER.length);
  });

  it('fails when the XLSX worker did not refuse a workbook', () => {
    const line = 'xlsx worker, heap: 0.4 MB workbook of 10,000,000 rich-text runs imported in 3.7 s, main heap +0 MB';
    const lines = CLEAN.map((l) => (l.line.startsWith('xlsx worker, heap') ? { key: 'worker', line } : l));
    expect(robustnessProblems(lines, 0)).toEqual([`worker: ${line}`]);
  });

  it('fails on a crash, a timeout or a lost row in the bad-input corpus', () => {
    expect(robustnessProblems(replaced('bad-input', 'bad-input: 111 files, 8 imported, 101 refused with a message, 1 crashes, 1 timeouts, 3 rows lost'), 0))
      .toEqual(['bad-input: 1 crashes', 'bad-input: 1 timeouts', 'bad-input: 3 rows lost']);
  });

  it('fails when a template accepted a wrong-shape file, or the sniffer figure states no accepted count', () => {
    expect(robustnessProblems(replaced('sniffer', 'sniffer guard: 8 templates × 5 wrong-shape files, 2 accepted (16 refused with a message, 22 imported with every malformed row rejected)'), 0))
      .toEqual(['sniffer: 2 accepted']);
    expect(robustnessProblems(replaced('sniffer', 'sniffer guard: 8 templates × 5 wrong-shape files'), 0))
      .toEqual(['sniffer: no accepted count in "sniffer guard: 8 templates × 5 wrong-shape files"']);
    expect(robustnessProblems(CLEAN.filter((l) => l.key !== 'sniffer'), 0)).toEqual(['figure missing: sniffer']);
  });

  it('fails on a file escaped, a folder left behind, a formula in an export or a hung export', () => {
    expect(robustnessProblems(replaced('leftovers', 'leftovers: 4 kills left 5 folders, 2 left behind after a start'), 0)).toEqual(['leftovers: 2 left behind']);
    expect(robustnessProblems(CLEAN.map((l) => (l.line.startsWith('escapes, HTTP') ? { ...l, line: 'escapes, HTTP: 10/10 refused, 1 escaped' } : l)), 0)).toEqual(['escape: 1 escaped']);
    expect(robustnessProblems(replaced('hostile', 'hostile text: 11/11 quote-prefixed, 2 formulas'), 0)).toEqual(['hostile: 2 formulas']);
  });

  it('fails on a sandbox escape (a statement not refused) and on any other n/m short of m', () => {
    expect(robustnessProblems(replaced('sandbox', 'sql sandbox: 4/5 refused'), 0)).toEqual(['sandbox: 4/5']);
    expect(robustnessProblems(replaced('http', 'http: 17/17 bad requests refused with 4xx, 16/17 good requests after them answered'), 0))
      .toEqual(['http: 16/17']);
  });

  it('fails on a partial batch, a duplicate, a kill without a clean reopen or a retry that did not import once', () => {
    const crash = (line: string) => robustnessProblems(replaced('crash', line), 0);
    expect(crash('crash: 20 kills (1 once the import was writing), 20 clean reopens, 1 partial batches, 2 duplicates, retry imported once: yes (seed 1)'))
      .toEqual(['crash: 1 partial batches', 'crash: 2 duplicates']);
    expect(crash('crash: 20 kills (1 once the import was writing), 19 clean reopens, 0 partial batches, 0 duplicates, retry imported once: yes (seed 1)'))
      .toEqual(['crash: 20 kills, 19 clean reopens']);
    expect(crash('crash: 20 kills (1 once the import was writing), 20 clean reopens, 0 partial batches, 0 duplicates, retry imported once: no (seed 1)'))
      .toEqual(['crash: the retry did not import the file exactly once']);
  });

  it('fails when the million-row workbook was not imported, or the load saw errors', () => {
    expect(robustnessProblems(replaced('million', '1M-row XLSX: timeout, 0 imported, 0 rejected in 600.0 s (CLI start-up included)'), 0))
      .toEqual(['million: 1M-row XLSX: timeout, 0 imported, 0 rejected in 600.0 s (CLI start-up included)']);
    expect(robustnessProblems(replaced('load', 'http load: 2000 requests at concurrency 20 on complianceGrid, 3 errors, p50 1 ms, p99 2 ms, 5 req/s'), 0))
      .toEqual(['load: 3 errors']);
  });

  it('fails on a file whose rows were not all counted, on counts that do not add up, and on a peak RSS missing or not under 1 GiB', () => {
    const accounting = (line: string) => robustnessProblems(replaced('accounting', line), 0);
    const files = 'accounting: 23 files (2 refused whole, nothing stored)';
    expect(accounting(`${files}, NOT every row counted (1000 imported + 20 rejected + 3 skipped = 1023 read), 1 short, peak RSS 412 MiB (x.csv, the largest of 23 CLI imports)`))
      .toEqual(['accounting: 1 short']);
    expect(accounting(`${files}, every row counted (1000 imported + 20 rejected + 3 skipped = 1024 read), 0 short, peak RSS 412 MiB (x.csv, the largest of 23 CLI imports)`))
      .toEqual(['accounting: (1000 imported + 20 rejected + 3 skipped = 1024 read) does not add up']);
    expect(accounting(`${files}, every row counted (1000 imported + 20 rejected + 3 skipped = 1023 read), 0 short, peak RSS 1024 MiB (x.csv, the largest of 23 CLI imports)`))
      .toEqual(['accounting: peak RSS 1024 MiB, not under 1 GiB']);
    expect(accounting(`${files}, every row counted (1000 imported + 20 rejected + 3 skipped = 1023 read), 0 short, peak RSS not measured (npm run robustness measures it)`))
      .toEqual(['accounting: peak RSS not measured']);
    expect(accounting('accounting: 23 files')).toEqual([
      'accounting: no row count in "accounting: 23 files"', 'accounting: no short count in "accounting: 23 files"', 'accounting: peak RSS not measured',
    ]);
  });

  it('fails when an export on a full disk hung, left the workspace locked or a file behind, or a fault was not met with a message', () => {
    const faults = (line: string) => robustnessProblems(replaced('faults', line), 0);
    expect(faults(FAULTS.replace('8/8 ended with a message, 0 hung, 0 left locked, 0 files left behind', '5/8 ended with a message, 3 hung, 3 left locked, 1 files left behind')))
      .toEqual(['faults: 3 hung', 'faults: 3 left locked', 'faults: 1 files left behind', 'faults: 5/8']);
    expect(faults(FAULTS.replace('second signal 1/1', 'second signal 0/1'))).toEqual(['faults: 0/1']);
    expect(robustnessProblems(CLEAN.filter((l) => l.key !== 'faults'), 0)).toEqual(['figure missing: faults']);
  });

  it('fails when an odd input answered with an internal error or raw DuckDB text', () => {
    expect(robustnessProblems(replaced('refusals', 'refusals: 16/18 odd inputs refused with a message a person can act on, 2 internal errors, 1 with raw DuckDB text'), 0))
      .toEqual(['refusals: 2 internal errors', 'refusals: 1 with raw DuckDB text', 'refusals: 16/18']);
  });

  it('runs test files that exist (a moved file would otherwise drop out of the run)', () => {
    expect(ROBUSTNESS_TESTS.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });
});
