// Issue 18, item 6: the packaged app's Electron fuses, as electron-builder.json sets them (electron-
// builder flips them in the binary when `npm run dist` packages the app). There was no packaging
// configuration before, so every test here fails on that code. The fuses are checked in the file,
// not in a built binary: this machine and CI have no Electron binary (docs/desktop.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as Record<string, unknown>;

describe('the packaging configuration (electron-builder.json)', () => {
  const config = () => read('electron-builder.json');

  it('sets the fuses: no ELECTRON_RUN_AS_NODE, cookies encrypted, no NODE_OPTIONS, no --inspect, ASAR integrity checked, the app only from its ASAR', () => {
    expect(config().electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs the app into an ASAR archive, which the integrity and only-from-ASAR fuses need', () => {
    expect(config().asar).toBe(true);
  });

  it('packs the built app and the files main reads from the app folder (calendar, samples)', () => {
    expect(config().files).toEqual(expect.arrayContaining(['out/**/*', 'src-main/core/import/kalender-nasional-2025-2026.csv', 'samples/**/*']));
  });

  it('is the configuration `npm run dist` packages with, after the build', () => {
    const scripts = read('package.json').scripts as Record<string, string>;
    expect(scripts.dist).toMatch(/^electron-vite build && npx --yes electron-builder@\d+\.\d+\.\d+ --config electron-builder\.json$/);
  });
});
