import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Global setup of the integration project: the two workspaces tests start from, made once per run
 * by the product's own code and copied per test (test/helpers/workspace.ts: freshCore, samplesCore).
 * Creating a workspace takes a few hundred milliseconds and importing the samples several seconds;
 * copying the file takes a few. They are made in a process of their own (build-templates.ts), as
 * the CLI runs (the samples' workbooks are parsed in a worker that cannot start inside Vitest's own
 * process), in the background: tests start at once and the first that needs one waits for its file.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-templates-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/build-templates.ts'), dir], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = once(child, 'exit');
  // A process that ended without making a template says so in its place, or tests would wait for it.
  child.on('exit', (code, signal) => {
    for (const name of ['empty', 'samples']) {
      if (!existsSync(join(dir, `${name}.duckdb`)) && !existsSync(join(dir, `${name}.error`))) {
        writeFileSync(join(dir, `${name}.error`), `build-templates.ts ended (${signal ?? `exit code ${code}`}) without making it`);
      }
    }
  });
  project.provide('emptyWorkspace', join(dir, 'empty.duckdb'));
  project.provide('samplesWorkspace', join(dir, 'samples.duckdb'));
  return async () => {
    if (child.exitCode === null && child.signalCode === null) await exited;
    rmSync(dir, { recursive: true, force: true });
  };
}
