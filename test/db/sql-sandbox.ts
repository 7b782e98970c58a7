import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../src-main/core/index.ts';

export interface Attempt {
  name: string;
  sql: string;
  refused: boolean;
  error: string;
}

/**
 * The five escapes of reliability.md §3.7, tried through the core's own connection as if an
 * injected string had reached it. `outside` is a folder outside the workspace's sandbox.
 */
export async function trySandboxEscapes(core: Core, outside: string): Promise<Attempt[]> {
  const secret = join(outside, 'rahasia.csv');
  writeFileSync(secret, 'nip,nama\n199001012015011001,Budi\n');
  const lit = (p: string) => `'${p.replaceAll("'", "''")}'`;
  const attempts: [string, string][] = [
    ['read a file outside', `SELECT * FROM read_csv(${lit(secret)})`],
    ['write a file outside', `COPY (SELECT 1 AS x) TO ${lit(join(outside, 'bocor.csv'))}`],
    ['install an extension', 'INSTALL httpfs'],
    ['re-enable external access', 'SET enable_external_access = true'],
    ['attach a new database', `ATTACH ${lit(join(outside, 'lain.duckdb'))} AS lain`],
  ];
  const out: Attempt[] = [];
  for (const [name, sql] of attempts) {
    try {
      await core.db.run(sql);
      out.push({ name, sql, refused: false, error: '' });
    } catch (err) {
      out.push({ name, sql, refused: true, error: String(err instanceof Error ? err.message : err) });
    }
  }
  // A refused write must also have left nothing behind.
  for (const f of ['bocor.csv', 'lain.duckdb']) {
    if (existsSync(join(outside, f))) out.find((a) => a.sql.includes(f))!.refused = false;
  }
  return out;
}
