import type { Db } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';

/** Applies every migration newer than the workspace, each in its own transaction. */
export async function migrate(db: Db): Promise<{ from: number; to: number }> {
  await db.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)');
  const row = await db.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  const from = row?.v ?? 0;
  let to = from;
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    await db.transaction(async () => {
      await db.run(m.sql);
      await db.run('INSERT INTO schema_version VALUES ($1, now())', [m.version]);
    });
    to = m.version;
  }
  return { from, to };
}
