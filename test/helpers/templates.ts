import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCore } from '../../src-main/core/index.ts';
import { importSamples } from './samples.ts';

// No Vitest hooks here: the integration project's global setup (test/support/workspaces.setup.ts)
// builds the templates with these functions before any test runs.

/** Tests run "today" on a fixed date so NIP age checks are stable. */
export const TODAY = new Date('2026-11-22T08:00:00Z');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A workspace as createCore makes it (the national calendar imported), closed. */
    emptyWorkspace?: string;
    /** The same with every file of samples/manifest.json imported (importSamples), closed. */
    samplesWorkspace?: string;
    /** Where the e2e project's global setup reports the electron-vite build: "ok", or why it failed. */
    appBuildStatus?: string;
  }
}

/** A new workspace, exactly as freshCore would create it, closed so it can be copied. */
export async function buildEmptyWorkspace(dbPath: string): Promise<void> {
  const core = await createCore({ dbPath, tmpDir: dirname(dbPath), now: () => TODAY, log: () => undefined });
  core.close();
}

/** A new workspace with every sample file imported in manifest order, closed so it can be copied. */
export async function buildSamplesWorkspace(dbPath: string): Promise<void> {
  const core = await createCore({ dbPath, tmpDir: dirname(dbPath), now: () => TODAY, log: () => undefined });
  try {
    const failed = [...(await importSamples(core))].filter(([, r]) => r.status !== 'imported').map(([file]) => file);
    if (failed.length > 0) throw new Error(`samples not imported: ${failed.join(', ')}`);
  } finally {
    core.close();
  }
}

/**
 * Copies a closed workspace into `dir` (its write-ahead log too, if it has one) and returns the
 * copy's path. DuckDB checkpoints on close, so the file alone is normally the whole workspace.
 */
export function copyWorkspace(from: string, dir: string, name = 'ws.duckdb'): string {
  const to = join(dir, name);
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
  return to;
}
