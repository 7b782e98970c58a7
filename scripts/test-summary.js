// Prints the failed tests, one line each, then the plain closing line CI reads: "N passed, N failed[, N skipped]".
// Optional second argument: the exit status of `npm run robustness`, counted as one more check
// (passed when 0), so that the line never reads "0 failed" while CI fails on robustness. The
// typecheck, which npm test runs beside Vitest (scripts/test.js), counts as one check too.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const file = process.argv[2] ?? 'test-results/vitest.json';
const robustness = process.argv[3];
const typecheckFile = join(dirname(file), 'typecheck.json');
const checks = [
  ...(robustness === undefined ? [] : [robustness === '0']),
  ...(existsSync(typecheckFile) ? [JSON.parse(readFileSync(typecheckFile, 'utf8')).passed === true] : []),
];
const extra = { passed: checks.filter(Boolean).length, failed: checks.filter((ok) => !ok).length };
if (!existsSync(file)) {
  console.log(`${extra.passed} passed, ${1 + extra.failed} failed`);
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
// CI keeps only the tail of its output: name each failed test here, just above the closing line.
let failedSuites = 0;
for (const suite of r.testResults ?? []) {
  const file = suite.name.replace(`${process.cwd()}/`, '');
  // A suite can fail with every test passed (a hook timed out): Vitest counts no failed test then.
  if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((t) => t.status === 'failed')) {
    failedSuites++;
    const why = String(suite.message ?? '').split('\n').find((line) => line.trim()) || 'every test passed, a hook or the file failed (see its FAIL block above)';
    console.log(`FAILED ${file}: ${why}`);
  }
  for (const t of suite.assertionResults ?? []) {
    if (t.status !== 'failed') continue;
    const why = String(t.failureMessages?.[0] ?? '').split('\n').find((line) => line.trim()) ?? '';
    console.log(`FAILED ${file} > ${t.fullName}: ${why.slice(0, 300)}`);
  }
}
if (robustness !== undefined && robustness !== '0') console.log(`FAILED npm run robustness (exit ${robustness})`);
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests + extra.passed} passed, ${r.numFailedTests + failedSuites + extra.failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
