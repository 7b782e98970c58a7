/**
 * npm run robustness: the hardening tests of test/robustness at full size (20 SIGKILLs, the
 * 1,000,000-row workbook, the server load), then every figure they measured in one block. Exits
 * non-zero when a test failed, a figure is missing, or a figure shows a crash, timeout, lost row,
 * partial batch or sandbox escape (CI runs it after npm test).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { figureBlock, robustnessProblems, type FigureLine } from '../test/robustness/figures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pantau-robustness-'));
const figures = join(dir, 'figures.ndjson');

// The one-writer test starts `pantau serve`, which serves the built renderer.
if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
  spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
}

const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/robustness'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PANTAU_ROBUSTNESS: '1', PANTAU_FIGURES: figures },
});

const lines = existsSync(figures)
  ? readFileSync(figures, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as FigureLine)
  : [];
console.log(`\n=== Pantau robustness (${new Date().toISOString().slice(0, 10)}, Node ${process.version}) ===`);
for (const line of figureBlock(lines)) console.log(line);
const problems = robustnessProblems(lines, run.status);
if (problems.length > 0) console.log(`\nROBUSTNESS FAILED:\n${problems.map((p) => `- ${p}`).join('\n')}`);
rmSync(dir, { recursive: true, force: true });
process.exit(problems.length > 0 ? 1 : 0);
