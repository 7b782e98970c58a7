// Prints the plain closing line CI reads: "N passed, N failed[, N skipped]".
// Optional second argument: the exit status of `npm run robustness`, counted as one more check
// (passed when 0), so that the line never reads "0 failed" while CI fails on robustness.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
const robustness = process.argv[3];
const extra = robustness === undefined ? { passed: 0, failed: 0 } : robustness === '0' ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
if (!existsSync(file)) {
  console.log(`${extra.passed} passed, ${1 + extra.failed} failed`);
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests + extra.passed} passed, ${r.numFailedTests + extra.failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
