// npm start: the desktop window where an Electron binary exists; otherwise one line
// saying so, and the same app served to a browser on this machine.
import { spawn, spawnSync } from 'node:child_process';
import { electronPackageDir, findElectronBinary } from './electron-binary.ts';

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

/** False too when the electron package itself is missing (installed without dev dependencies). */
function electronFound(): boolean {
  try {
    return findElectronBinary(electronPackageDir()).found;
  } catch {
    return false;
  }
}

if (electronFound()) {
  spawn('npx', ['electron-vite', 'preview'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron tidak tersedia di mesin ini; Pantau dibuka di peramban (pantau serve).');
  const db = process.env.PANTAU_DB ?? 'pantau.duckdb';
  const child = spawn(process.execPath, ['bin/pantau.js', 'serve', '--db', db], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}
