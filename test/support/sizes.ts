/**
 * How large the hardening tests run. `npm test` runs them small, for the behaviour; `npm run
 * robustness` (PANTAU_ROBUSTNESS=1, as CI runs it after npm test) runs them at full size and
 * prints every figure they measure (scripts/robustness.ts). Only sizes differ: every case and every
 * assertion runs in both.
 */
export const FULL = process.env.PANTAU_ROBUSTNESS === '1';

export const SIZES = FULL
  ? {
    /** SIGKILLs of imports (test/db/crash.test.ts), and the rows of the file being imported. */
    crashKills: 20,
    crashRows: 1_000_000,
    /** The 1,000,000-row workbook imported through the CLI (PANTAU_BIG=1 adds it to npm test). */
    millionRowXlsx: true,
    /** Bad-input files per CLI process: fewer means a crash costs less to pin on its file. */
    corpusChunk: 30,
    /** Requests of the server's load test (test/server/hardening.test.ts), and how many at once. */
    loadRequests: 2000,
    loadConcurrency: 20,
    /** The files of "every byte accounted" (test/import/accounting.test.ts), and the CLI's peak RSS on each. */
    accounting: {
      rows: 20_000, wideCsvRows: 2_000, wideXlsxRows: 500, sheetRows: 10_000,
      longLines: [64 * 2 ** 20, 200 * 2 ** 20], wideRejects: 100, memory: true,
    },
    /** Exports onto a full disk, each followed by another command on the workspace (test/cli/faults.test.ts). */
    fullDiskExports: 8,
  }
  : {
    crashKills: 2,
    crashRows: 200_000,
    millionRowXlsx: process.env.PANTAU_BIG === '1',
    corpusChunk: 200,
    loadRequests: 100,
    loadConcurrency: 5,
    accounting: {
      rows: 200, wideCsvRows: 30, wideXlsxRows: 10, sheetRows: 30,
      longLines: [5 * 2 ** 20], wideRejects: 1, memory: false,
    },
    fullDiskExports: 3,
  };
