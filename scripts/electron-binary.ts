// Whether an Electron binary is on this machine, found the way node_modules/electron/index.js finds
// it, but without requiring that file: when the binary is missing, index.js tries to download it
// (here: no network, a slow failure, then "Electron failed to install correctly").
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export const SKIP_MESSAGE = 'Electron-binary tidak tersedia di mesin ini (ELECTRON_SKIP_BINARY_DOWNLOAD); uji runtime dilewati';

/** The folder of the installed `electron` package (its package.json only is resolved, never run). */
export function electronPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/**
 * The executable index.js would return, if it is on disk: `path.txt` names it inside `dist/`, or
 * inside ELECTRON_OVERRIDE_DIST_PATH when that is set. `npm ci` with ELECTRON_SKIP_BINARY_DOWNLOAD=1
 * writes neither `path.txt` nor `dist/`.
 */
export function findElectronBinary(packageDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !executable) return { found: false, reason: `${pathFile} tidak ada` };
  const path = override ? join(override, executable || 'electron') : join(packageDir, 'dist', executable);
  return existsSync(path) ? { found: true, path } : { found: false, reason: `${path} tidak ada` };
}
