import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Runtime imports of a file (type-only imports are erased and do not count). */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (!m[1]) found.push(m[2]!);
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', spec)) : spec;
}

function breaches(dir: string, allowed: (target: string, file: string) => boolean): string[] {
  return files(dir).flatMap((file) =>
    imports(file).map((s) => resolved(file, s)).filter((t) => !allowed(t, file)).map((t) => `${file} -> ${t}`),
  );
}

describe('who may import whom', () => {
  it('contract imports nothing outside itself', () => {
    expect(breaches('src-main/contract', (t) => t.startsWith('src-main/contract/'))).toEqual([]);
  });

  it('core never imports electron, the cli or the server', () => {
    expect(breaches('src-main/core', (t) => t !== 'electron' && !/^src-main\/(cli|server|electron)\//.test(t))).toEqual([]);
  });

  it('only core/db imports @duckdb/node-api', () => {
    const all = ['src-main', 'test', 'scripts'].flatMap((d) => breaches(d, (t, file) => t !== '@duckdb/node-api' || file.startsWith('src-main/core/db/')));
    expect(all.filter((b) => b.endsWith('@duckdb/node-api'))).toEqual([]);
  });

  it('only src-main/electron imports electron', () => {
    const outside = ['src-main/contract', 'src-main/core', 'src-main/cli', 'src-main/server', 'src-renderer/src'];
    expect(outside.flatMap((d) => breaches(d, (t) => t !== 'electron'))).toEqual([]);
  });

  it('the renderer imports only the contract (types), never core, server, cli, electron or node:*', () => {
    const bad = breaches('src-renderer/src', (t) => !/^(node:|src-main\/(core|server|cli|electron)\/|electron$|@duckdb)/.test(t));
    expect(bad).toEqual([]);
  });

  it('core never reads process.env', () => {
    const readers = files('src-main/core').filter((f) => readFileSync(join(ROOT, f), 'utf8').includes('process.env'));
    expect(readers).toEqual([]);
  });
});

describe('what the code may do to stored rows', () => {
  // The findings table and runFindings keep lists of findings by rowid (views/findings.ts,
  // rules/check-run.ts). A rowid names a row only while nothing deletes rows of its table: a
  // checkpoint compacts row groups with deleted rows and gives the moved rows new rowids. So a
  // stored finding is only ever added, and ended (`end_seq`, an integer DuckDB updates in place:
  // rules/findings-sql.ts); a migration runs before any list is kept.
  it('nothing but a migration deletes, updates or rewrites findings; a run only ends them', () => {
    const writes = /\b(DELETE\s+FROM|UPDATE|TRUNCATE|ALTER\s+TABLE|DROP\s+TABLE(\s+IF\s+EXISTS)?|CREATE\s+OR\s+REPLACE\s+TABLE)\s+findings\b(?!\s+SET\s+end_seq\s*=\s*\$seq\s)/i;
    const writers = ['src-main', 'scripts'].flatMap(files)
      .filter((f) => !f.startsWith('src-main/core/db/migrations/') && writes.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(writers).toEqual([]);
  });
});
