import { appendFileSync } from 'node:fs';

/** Prints a measured figure and, under `npm run robustness`, hands it to the script's block. */
export function figure(key: string, line: string, quiet = false): void {
  if (!quiet) console.log(line);
  const file = process.env.PANTAU_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify({ key, line })}\n`);
}

/** One line of the figures file: which figure, and the line the test printed. */
export interface FigureLine {
  key: string;
  line: string;
}

/**
 * The hardening tests `npm run robustness` runs at full size (test/support/sizes.ts), by feature:
 * the ones that print the figures below, and the prototype-pollution and gate tests that ran with
 * them. npm test runs them too, small.
 */
export const ROBUSTNESS_TESTS = [
  'test/db/sql-sandbox.test.ts',
  'test/package/dependencies.test.ts',
  'test/import/csv-spectrum.test.ts',
  'test/import/bad-input-corpus.test.ts',
  'test/import/sniffer-guard.test.ts',
  'test/import/xlsx-worker.test.ts',
  'test/import/encoding-matrix.test.ts',
  'test/import/nip-integrity.test.ts',
  'test/import/accounting.test.ts',
  'test/import/bounded-results.test.ts',
  'test/export/clean-exports.test.ts',
  'test/import/prototype.test.ts',
  'test/db/crash.test.ts',
  'test/db/one-writer.test.ts',
  'test/db/leftovers.test.ts',
  'test/electron/main.test.ts',
  'test/server/hardening.test.ts',
  'test/cli/faults.test.ts',
  'test/cli/signals.test.ts',
  'test/refusals.test.ts',
  'test/scripts/robustness-gate.test.ts',
] as const;

/** Every figure `npm run robustness` must print, in the order it prints them. */
export const FIGURE_ORDER = [
  'sandbox', 'deps', 'csv-spectrum', 'bad-input', 'sniffer', 'bomb', 'worker', 'million', 'encodings', 'nip', 'accounting', 'bounded', 'bounded-cli', 'hostile', 'canary', 'crash', 'leftovers', 'lock', 'http', 'escape', 'load',
  // A full disk and signals during import, check and export (test/cli/faults.test.ts).
  'faults',
  // Odd inputs that answered with an internal error or DuckDB's raw text (test/refusals.test.ts).
  'refusals',
] as const;

/** The block of figures, one line each, in FIGURE_ORDER; the canary's lines are counts, summed into one line. */
export function figureBlock(lines: FigureLine[]): string[] {
  const canary = lines.filter((l) => l.key === 'canary').reduce((s, l) => s + Number(l.line), 0);
  return FIGURE_ORDER.flatMap((key) => {
    if (key === 'canary') return canary ? [`prototype canary: Object.prototype unchanged after each of ${canary} tests (a change fails that test)`] : [];
    return lines.filter((l) => l.key === key).map((l) => l.line);
  });
}

/** Counts that must be zero wherever a figure states them. */
const MUST_BE_ZERO = /\b(\d+) (crashes|timeouts|rows lost|partial batches|duplicates|corruptions|errors|known-bad versions|replacement characters|altered|accepted|short|escaped|left behind|formulas|hung|left locked|files left behind|internal errors|with raw DuckDB text)\b/g;

/**
 * The accounting figure (test/import/accounting.test.ts): its short files are counted by
 * MUST_BE_ZERO; here, that its rows add up, and that the real CLI's peak RSS was measured and stayed
 * under 1 GiB.
 */
function accountingProblems(line: string): string[] {
  const problems: string[] = [];
  const sum = /\((\d+) imported \+ (\d+) rejected \+ (\d+) skipped = (\d+) read\)/.exec(line);
  if (!sum) problems.push(`accounting: no row count in "${line}"`);
  else if (Number(sum[1]) + Number(sum[2]) + Number(sum[3]) !== Number(sum[4])) problems.push(`accounting: ${sum[0]} does not add up`);
  if (!/\b\d+ short\b/.test(line)) problems.push(`accounting: no short count in "${line}"`);
  const rss = /peak RSS (\d+) MiB/.exec(line);
  if (!rss) problems.push('accounting: peak RSS not measured');
  else if (Number(rss[1]) >= 1024) problems.push(`accounting: peak RSS ${rss[1]} MiB, not under 1 GiB`);
  return problems;
}

/**
 * What is wrong with a robustness run, or nothing: the tests failed, a figure is missing, or a
 * figure shows a crash, a timeout, a lost row, a partial batch, a wrong-shape file accepted by a
 * template, an escape from the sandbox (any
 * "n/m" below m: refused, matched, identical, answered), a kill without a clean reopen, or a
 * failed retry. The tests assert all of this themselves; this is the script's own check that the
 * block it prints is complete and clean, so CI cannot pass on a skipped or silently weakened test.
 */
export function robustnessProblems(lines: FigureLine[], vitestStatus: number | null): string[] {
  const problems: string[] = [];
  if (vitestStatus !== 0) problems.push(`vitest exited with ${vitestStatus}`);
  for (const key of FIGURE_ORDER) {
    const present = key === 'canary' ? lines.some((l) => l.key === key && Number(l.line) > 0) : lines.some((l) => l.key === key);
    if (!present) problems.push(`figure missing: ${key}`);
  }
  for (const { key, line } of lines) {
    if (key === 'canary') continue;
    for (const [, count, what] of line.matchAll(MUST_BE_ZERO)) {
      if (Number(count) !== 0) problems.push(`${key}: ${count} ${what}`);
    }
    for (const [ratio, done, of] of line.matchAll(/\b(\d+)\/(\d+)\b/g)) {
      if (done !== of) problems.push(`${key}: ${ratio}`);
    }
    if (key === 'crash') {
      const kills = /(\d+) kills/.exec(line)?.[1];
      const reopens = /(\d+) clean reopens/.exec(line)?.[1];
      if (kills === undefined || kills !== reopens) problems.push(`crash: ${kills ?? '?'} kills, ${reopens ?? '?'} clean reopens`);
      if (!line.includes('retry imported once: yes')) problems.push('crash: the retry did not import the file exactly once');
    }
    if (key === 'sniffer' && !/\b\d+ accepted\b/.test(line)) problems.push(`sniffer: no accepted count in "${line}"`);
    if (key === 'million' && !line.startsWith('1M-row XLSX: imported,')) problems.push(`million: ${line}`);
    if (key === 'worker' && !line.includes(' refused ')) problems.push(`worker: ${line}`);
    if (key === 'accounting') problems.push(...accountingProblems(line));
  }
  return problems;
}
