// npm test: the typecheck and every Vitest project (unit, integration, e2e) side by side, not one
// after the other: the typecheck is one single-threaded process, and the tests leave a core idle
// for much of their run (child processes starting, the build, Chromium). Arguments go to Vitest
// (`npm test -- --project unit`). Exits non-zero when either failed; the typecheck's verdict is
// also written to test-results/typecheck.json, which scripts/test-summary.js counts as one check.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const exited = (child) => new Promise((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));

const tsc = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], { stdio: ['ignore', 'pipe', 'pipe'] });
let typeErrors = '';
tsc.stdout.on('data', (d) => (typeErrors += d));
tsc.stderr.on('data', (d) => (typeErrors += d));
const vitest = spawn(process.execPath, [
  'node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json',
  ...process.argv.slice(2),
], { stdio: 'inherit' });

const [typecheck, tests] = await Promise.all([exited(tsc), exited(vitest)]);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/typecheck.json', `${JSON.stringify({ passed: typecheck === 0 })}\n`);
if (typecheck === 0) console.log('typecheck (tsc --noEmit): no errors');
else console.log(`typecheck (tsc --noEmit) FAILED:\n${typeErrors}`);
process.exit(typecheck || tests);
