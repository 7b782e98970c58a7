/**
 * npm run robustness: the hardening tests (ROBUSTNESS_TESTS in test/support/figures.ts, in the
 * folders of the features they guard) at full size (test/support/sizes.ts: 20 SIGKILLs, the
 * 1,000,000-row workbook, the server load), then every figure they measured in one block. Exits
 * non-zero when a test failed, a figure is missing, or a figure shows a crash, timeout, lost row,
 * partial batch or sandbox escape (CI runs it after npm test, which runs the same tests small).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { figureBlock, ROBUSTNESS_TESTS, robustnessProblems, type FigureLine } from '../test/support/figures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pantau-robustness-'));
const figures = join(dir, 'figures.ndjson');

// A test file moved without this list following would otherwise just not run.
const missing = ROBUSTNESS_TESTS.filter((file) => !existsSync(join(ROOT, file)));
// None of them needs the built app: `pantau serve` serves a stand-in there (stubBuild).
const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...ROBUSTNESS_TESTS], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PANTAU_ROBUSTNESS: '1', PANTAU_FIGURES: figures },
});

const lines = existsSync(figures)
  ? readFileSync(figures, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as FigureLine)
  : [];
console.log(`\n=== Pantau robustness (${new Date().toISOString().slice(0, 10)}, Node ${process.version}) ===`);
for (const line of figureBlock(lines)) console.log(line);
const problems = [...missing.map((file) => `test file missing: ${file}`), ...robustnessProblems(lines, run.status)];
if (problems.length > 0) console.log(`\nROBUSTNESS FAILED:\n${problems.map((p) => `- ${p}`).join('\n')}`);
rmSync(dir, { recursive: true, force: true });
process.exit(problems.length > 0 ? 1 : 0);
