import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/database.ts';
import { migrate } from '../../src-main/core/db/migrations.ts';
import { MIGRATIONS, type Migration } from '../../src-main/core/db/migrations/index.ts';
import { RUN_WEEK_ROWS } from '../../src-main/core/rules/compliance-sql.ts';
import { findingsOf } from '../../src-main/core/rules/findings-sql.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src-main', 'core', 'db', 'migrations');

/**
 * SHA-256 of each migration's version, name and SQL. Workspaces already hold what a released
 * migration made, so its hash never changes here; a new migration adds its line.
 */
const RECORDED: Record<number, string> = {
  1: '1932682b20a47e6cfc54cb645e75a8f28cd59ddceb3e29da379659f28b3e6e8c',
  2: '3f3fcf20797016f2000f0f02919c7f7fe8ef3aedeaa839590ee0a3227aa439be',
  3: 'ecffb26bcd8cea404b835c687b66e0fcd8e04aedb21c6267489b3d36b5f60211',
  4: 'db6fa17a416140c146870b9f9785df382bc22835c396b4c109d937ed052dc729',
  5: 'a324d38e2404d7498398e241353c1306034132a37b4ac965ce9b8f3a2164cb5c',
  6: '4b9115e74d990924b7b0f621211850bacaafba4e6a4d2e2d921f2618eaf0d9a0',
  7: 'ed84894f2cda26f48adbd3095f54ec931b19d9e7255b62668f1b3e25b0e4e2d2',
  8: '07e79433a2112f403da7ce9ec20cf15e52be77cf12d919d3593803b3ace797e6',
  9: '4f0414938cd4833e1ad46f86b89897fa844a1250be04ffc8366c1e5f4c6ab305',
  10: '7666c51316256f34cd4875ccab32fcf80737523b8d0249fa93ed15661c8f8ca6',
  11: 'bd1e87e07eedae94d2c7a64b7591c911ed1731d5ac272f151df7b5581abf69b9',
  12: 'a6fa2e34d3728f951b41da90d7bd04d3b87450ef0ee2b039e4502b50becb84c8',
  13: '98f862218fc00842251d48efe68d91d4d686aaa39e56bcb646c044fc3d92c255',
  14: 'a149a301a16de6b708721f8e5d8f4f5971e80447f4aa67e3832f41e03186fcd6',
  15: '73977990b46db0a52bc5e5e63697d77581528fadef8c1c3d35b92fd85f33663f',
};

function sha256(m: Migration): string {
  return createHash('sha256').update(JSON.stringify([m.version, m.name, m.sql])).digest('hex');
}

const files = readdirSync(DIR).filter((f) => /^\d{3}-.+\.ts$/.test(f)).sort();

/** A workspace as the release before `version` left it: every migration below it applied. */
async function migrateBelow(db: Db, version: number): Promise<void> {
  await db.run('CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)');
  for (const m of MIGRATIONS.filter((x) => x.version < version)) {
    await db.transaction(async () => {
      await db.run(m.sql);
      await db.run('INSERT INTO schema_version VALUES ($1, now())', [m.version]);
    });
  }
}

describe('numbered migrations', () => {
  it('a released migration is never edited', () => {
    for (const [version, hash] of Object.entries(RECORDED)) {
      const m = MIGRATIONS.find((x) => x.version === Number(version));
      expect(m, `migration ${version} was released and workspaces hold its result: it must stay`).toBeDefined();
      expect(sha256(m!), `migration ${version} (${m!.name}) was released and has changed: restore it and add a new migration instead`)
        .toBe(hash);
    }
  });

  it('every migration has its SHA-256 recorded here', () => {
    const missing = MIGRATIONS.filter((m) => RECORDED[m.version] === undefined).map((m) => `${m.version}: '${sha256(m)}'`);
    expect(missing, 'record each new migration in RECORDED above').toEqual([]);
  });

  it('versions run 1..N without gaps, in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('the index lists every numbered file, in order, each file holding the version its name says', async () => {
    expect(files).toHaveLength(MIGRATIONS.length);
    for (const [i, file] of files.entries()) {
      const mod = (await import(join(DIR, file))) as { migration: Migration };
      expect(mod.migration, `${file} is listed at its place in migrations/index.ts`).toBe(MIGRATIONS[i]);
      expect(mod.migration.version, file).toBe(Number(file.slice(0, 3)));
    }
  });

  it('a migration file imports nothing at runtime and pastes nothing into its SQL', () => {
    for (const file of files) {
      const text = readFileSync(join(DIR, file), 'utf8');
      const runtimeImports = [...text.matchAll(/^\s*import\s+(?!type\s)/gm)];
      expect(runtimeImports, `${file} imports only types`).toEqual([]);
      expect(text.includes('${'), `${file} has no interpolation`).toBe(false);
    }
  });

  // A checked workspace holds employee-weeks, and migration 12 must commit with them there: a first
  // draft emptied run_weeks and then altered it, which DuckDB cannot commit once the table held rows.
  it('12 upgrades a workspace whose screens hold a checked run', async () => {
    const db = await openDatabase(':memory:');
    try {
      await migrateBelow(db, 12);
      await db.run(`INSERT INTO run_weeks VALUES ('r-000001', 'A', 'Unit', '199001012015011001', 'Nama', '2025-W36', 1, 5, ['JAM-01'])`);
      await db.run(`INSERT INTO run_summaries VALUES ('r-000001', '{}')`);
      expect(await migrate(db)).toEqual({ from: 11, to: MIGRATIONS.length });
      expect(await db.one('SELECT (SELECT count(*) FROM run_weeks)::INTEGER AS weeks, (SELECT count(*) FROM run_summaries)::INTEGER AS summaries'))
        .toEqual({ weeks: 0, summaries: 0 });
    } finally {
      db.close();
    }
  });

  it("14 keeps the screens' run: its employee-weeks are its own rows", async () => {
    const db = await openDatabase(':memory:');
    try {
      await migrateBelow(db, 14);
      for (const week of ['2025-W36', '2025-W37']) {
        await db.run(`INSERT INTO run_weeks VALUES ('r-000002', 'A', 'Unit', 1, $week, 1, 5, [], false)`, { week });
      }
      expect(await migrate(db)).toEqual({ from: 13, to: MIGRATIONS.length });
      expect(await db.all(`SELECT count(*)::INTEGER AS n FROM run_weeks WHERE ${RUN_WEEK_ROWS('$run')}`, { run: 'r-000002' })).toEqual([{ n: 2 }]);
      expect(await db.all('SELECT * FROM run_week_writers')).toEqual([{ run_id: 'r-000002', writer: 'r-000002' }]);
    } finally {
      db.close();
    }
  });
  it('15 keeps each run\'s findings its own, with the status it stored', async () => {
    const db = await openDatabase(':memory:');
    try {
      await migrateBelow(db, 15);
      // Two runs of one scope, each with its own copy of the finding (the second resolving another).
      for (const [run, seq, status, nip] of [['r-000001', 1, 'new', 'A'], ['r-000002', 2, 'open', 'A'], ['r-000002', 2, 'resolved', 'B']] as const) {
        if (nip === 'A') {
          await db.run(`INSERT INTO runs VALUES ($run, $seq, now(), NULL, NULL, NULL, NULL, NULL, 'v1', 1, 0, 0, 0)`, { run, seq });
        }
        await db.run(`INSERT INTO findings (run_id, rule, nip, period, detail, basis, status) VALUES ($run, 'LOK-01', $nip, '2025-W36', 'x', 'y', $status)`, { run, nip, status });
      }
      expect(await migrate(db)).toEqual({ from: 14, to: MIGRATIONS.length });
      const of = (run: string) => db.all(`SELECT nip, status FROM ${findingsOf('$run')} f ORDER BY nip`, { run });
      expect(await of('r-000001')).toEqual([{ nip: 'A', status: 'new' }]);
      expect(await of('r-000002')).toEqual([{ nip: 'A', status: 'open' }, { nip: 'B', status: 'resolved' }]);
    } finally {
      db.close();
    }
  });
});
