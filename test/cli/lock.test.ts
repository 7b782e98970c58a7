import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pantau } from '../helpers/cli.ts';
import { pantauInProcess } from '../helpers/cli-in-process.ts';
import { freshCore } from '../helpers/workspace.ts';

describe('one writer', () => {
  // A child process: DuckDB's lock is between processes, and this test's core holds it.
  it('the CLI against a workspace another process holds says so clearly, and the workspace is untouched', async () => {
    const core = await freshCore();
    const r = pantau(['imports', '--db', core.dbPath, '--json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.code).toBe('WORKSPACE_LOCKED');
    expect(doc.error).toMatch(/sedang dibuka oleh proses lain \(PID \d+\)\. Tutup aplikasi atau perintah Pantau yang lain/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
    expect((await core.listImports({})).batches.map((b) => b.batch)).toEqual(['b-000001']);
  });

  it('a folder that is not a workspace is refused with a message', async () => {
    const r = await pantauInProcess(['imports', '--db', join(import.meta.dirname), '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).code).toBe('WORKSPACE_INVALID');
  });
});
