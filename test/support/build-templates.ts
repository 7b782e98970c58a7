// Run by the integration project's global setup (workspaces.setup.ts) in a process of its own, as
// bin/pantau.js runs the product (tsx): `node --import tsx test/support/build-templates.ts DIR`.
// Writes DIR/empty.duckdb, then DIR/samples.duckdb, each renamed into place once closed, so a
// test that finds the file finds it whole; a failure is written to DIR/<name>.error instead.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEmptyWorkspace, buildSamplesWorkspace } from '../helpers/templates.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: build-templates.ts DIR');

async function make(name: string, build: (dbPath: string) => Promise<void>): Promise<void> {
  const part = join(dir!, `${name}.part.duckdb`);
  try {
    await build(part);
    if (existsSync(`${part}.wal`)) renameSync(`${part}.wal`, join(dir!, `${name}.duckdb.wal`));
    renameSync(part, join(dir!, `${name}.duckdb`));
  } catch (err) {
    writeFileSync(join(dir!, `${name}.error`), err instanceof Error ? err.stack ?? err.message : String(err));
    process.exitCode = 1;
  }
}

await make('empty', buildEmptyWorkspace);
await make('samples', buildSamplesWorkspace);
