import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../src-main/cli/build-app.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Global setup of the e2e project: builds the app into out/ with the build step `npm start` and
 * `pantau serve` share (electron-vite, errors only, on stderr), in the background, so the other
 * projects' tests run meanwhile; each e2e test file waits for it (wait-for-app.ts). Only the e2e
 * project reads out/.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-build-'));
  const status = join(dir, 'status');
  const done = buildApp({ root: ROOT }).then((code) => {
    // Written whole, then renamed: a waiting file never reads half of it.
    writeFileSync(`${status}.part`, code === 0 ? 'ok' : `electron-vite build exited with ${code} (its errors are printed above)`);
    renameSync(`${status}.part`, status);
  });
  project.provide('appBuildStatus', status);
  return async () => {
    await done;
    rmSync(dir, { recursive: true, force: true });
  };
}
