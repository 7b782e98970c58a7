// npm start: the desktop window where an Electron binary exists; otherwise one line
// saying so, and the same app served to a browser on this machine.
import { spawn } from 'node:child_process';
import { buildApp } from '../src-main/cli/build-app.ts';
import { electronPackageDir, findElectronBinary } from './electron-binary.ts';

const built = await buildApp({ root: process.cwd() });
if (built !== 0) process.exit(built);

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
