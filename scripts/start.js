// npm start: the desktop window where an Electron binary exists; otherwise one line
// saying so, and the same app served to a browser on this machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Looks for an installed binary without requiring 'electron', which would try to download one. */
function electronBinary() {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

if (electronBinary()) {
  spawn('npx', ['electron-vite', 'preview'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron tidak tersedia di mesin ini; Pantau dibuka di peramban (pantau serve).');
  const db = process.env.PANTAU_DB ?? 'pantau.duckdb';
  const child = spawn(process.execPath, ['bin/pantau.js', 'serve', '--db', db], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
