import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Three projects (docs/testing.md): `npx vitest run --project unit` and so on.

/** After every test of every project: Object.prototype unchanged (the prototype-pollution canary). */
const CANARY = 'test/support/canary-setup.ts';

/** Pure functions: no workspace file (DuckDB in memory at most), no child process, no build. */
const UNIT = [
  'test/architecture.test.ts',
  'test/errors-lang.test.ts',
  'test/compare/intervals.test.ts',
  'test/contract/format.test.ts',
  'test/electron/csp-meta.test.ts',
  'test/electron/electron-binary.test.ts',
  'test/electron/files.test.ts',
  'test/electron/host.test.ts',
  'test/electron/main.test.ts',
  'test/electron/menu.test.ts',
  'test/electron/packaging.test.ts',
  'test/electron/preload.test.ts',
  'test/electron/security.test.ts',
  'test/electron/settings.test.ts',
  'test/export/streaming.test.ts',
  'test/import/csv-scan.test.ts',
  'test/import/normalise.test.ts',
  'test/package/dependencies.test.ts',
  'test/renderer/parse.test.ts',
  'test/renderer/compare-format.test.ts',
  'test/rules/db-json.test.ts',
  'test/rules/finding-sentences.test.ts',
  'test/rules/jam-dis.test.ts',
  'test/rules/param-refusals.test.ts',
  'test/scripts/robustness-gate.test.ts',
];

/** Against the built app (out/): Chromium through playwright-core, the HTTP contract suite, the Electron runtime. */
const E2E = [
  'test/e2e/**/*.test.ts',
  'test/electron/csp-meta-built.test.ts',
  'test/electron/runtime.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default, one worker fewer than the cores, is one worker on a 2-core machine; many
    // tests spend their time waiting on a child process, the build or Chromium, so two share well.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, setupFiles: [CANARY] } },
      {
        extends: true,
        test: {
          // Every other test file: real DuckDB workspaces, the core, the CLI in-process (and a few real processes).
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT, ...E2E],
          // The files of a worker share one module context: the core, DuckDB, exceljs and Arrow load
          // once per worker (nearly a second per file otherwise). Each file is still evaluated anew,
          // and the helpers' clean-up runs per test and per file (cleanup-setup.ts).
          isolate: false,
          setupFiles: [CANARY, 'test/support/cleanup-setup.ts'],
          globalSetup: ['test/support/workspaces.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          setupFiles: [CANARY, 'test/support/wait-for-app.ts'],
          globalSetup: ['test/support/app-build.setup.ts'],
        },
      },
    ],
  },
});
