/**
 * npm run robustness: the hardening tests of test/robustness at full size (20 SIGKILLs, the
 * 1,000,000-row workbook, the server load), then every figure they measured in one block.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pantau-robustness-'));
const figures = join(dir, 'figures.ndjson');
const ORDER = ['sandbox', 'deps', 'csv-spectrum', 'bad-input', 'bomb', 'worker', 'million', 'encodings', 'nip', 'canary', 'crash', 'lock', 'http', 'load'];

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
  ? readFileSync(figures, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { key: string; line: string })
  : [];
const canary = lines.filter((l) => l.key === 'canary').reduce((s, l) => s + Number(l.line), 0);
const block = ORDER.flatMap((key) => {
  if (key === 'canary') return canary ? [`prototype canary: Object.prototype unchanged after each of ${canary} tests (a change fails that test)`] : [];
  return lines.filter((l) => l.key === key).map((l) => l.line);
});
console.log(`\n=== Pantau robustness (${new Date().toISOString().slice(0, 10)}, Node ${process.version}) ===`);
for (const line of block) console.log(line);
if (run.status !== 0) console.log(`\nSOME ROBUSTNESS TESTS FAILED (vitest exit ${run.status}): the figures above are incomplete.`);
rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
