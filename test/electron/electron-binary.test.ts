// How runtime.test.ts decides between running and skipping: the Electron binary is looked up the way
// node_modules/electron/index.js looks it up, without running that file (it would try a download).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronPackageDir, findElectronBinary } from '../../scripts/electron-binary.ts';

function fakePackage(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-electron-pkg-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('finding the Electron binary', () => {
  it('is missing after an install that skipped the download (no path.txt), with the reason', () => {
    const dir = fakePackage({ 'index.js': '' });
    expect(findElectronBinary(dir, {})).toEqual({ found: false, reason: `${join(dir, 'path.txt')} tidak ada` });
  });

  it('is missing when path.txt names an executable that is not in dist/', () => {
    const dir = fakePackage({ 'path.txt': 'electron' });
    expect(findElectronBinary(dir, {})).toEqual({ found: false, reason: `${join(dir, 'dist/electron')} tidak ada` });
  });

  it('is found in dist/ under the name path.txt gives', () => {
    const dir = fakePackage({ 'path.txt': 'electron', 'dist/electron': '' });
    expect(findElectronBinary(dir, {})).toEqual({ found: true, path: join(dir, 'dist/electron') });
  });

  it('is found in ELECTRON_OVERRIDE_DIST_PATH, even without path.txt', () => {
    const dir = fakePackage({});
    const dist = fakePackage({ electron: '' });
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ found: true, path: join(dist, 'electron') });
  });

  it('resolves the installed electron package without running its index.js', () => {
    expect(join(electronPackageDir(), 'package.json')).toMatch(/node_modules[/\\]electron[/\\]package\.json$/);
  });
});
