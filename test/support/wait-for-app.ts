import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/**
 * Setup file of the e2e project: waits for the build its global setup started
 * (test/support/app-build.setup.ts) before the file's tests run, and fails them if it failed.
 */
const status = inject('appBuildStatus');
if (!status) throw new Error('the e2e project builds the app in its global setup (test/support/app-build.setup.ts), which did not run');
const deadline = Date.now() + 10 * 60_000;
while (!existsSync(status)) {
  if (Date.now() > deadline) throw new Error('the app build did not finish within 10 minutes');
  await sleep(100);
}
const text = readFileSync(status, 'utf8');
if (text !== 'ok') throw new Error(`the app could not be built, so the e2e tests cannot run: ${text}`);
