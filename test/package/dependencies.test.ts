import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';
import { figure } from '../support/figures.ts';
import { ADVISORIES, compareVersions, knownBad } from './known-bad.ts';

describe('known-bad dependencies (the advisory database is out of reach, so the ranges live in known-bad.ts)', () => {
  it('deps: 0 known-bad versions in package-lock.json', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Parameters<typeof knownBad>[0];
    expect(Object.keys(lock.packages ?? {}).length).toBeGreaterThan(100);
    const hits = knownBad(lock).map((h) => `${h.path}@${h.version}: ${h.advisory.id} (${h.advisory.why})`);
    expect(hits).toEqual([]);
    figure('deps', `deps: ${hits.length} known-bad versions (${ADVISORIES.length} advisory ranges checked)`);
  });

  it('the check does flag what it should', () => {
    const lock = { packages: {
      'node_modules/xlsx': { version: '0.18.5' },
      'node_modules/a/node_modules/semver': { version: '7.5.1' },
      'node_modules/semver': { version: '7.5.2' },
      'node_modules/ws': { version: '8.17.0' },
      'node_modules/@duckdb/node-api': { version: '1.5.1-r.1' },
      'node_modules/jszip': { version: '3.10.1' },
    } };
    expect(knownBad(lock).map((h) => `${h.path}@${h.version} ${h.advisory.id}`)).toEqual([
      'node_modules/xlsx@0.18.5 CVE-2023-30533',
      'node_modules/xlsx@0.18.5 CVE-2024-22363',
      'node_modules/a/node_modules/semver@7.5.1 CVE-2022-25883',
      'node_modules/ws@8.17.0 CVE-2024-37890',
      'node_modules/@duckdb/node-api@1.5.1-r.1 duckdb#20569',
    ]);
    expect(compareVersions('1.5.5-r.5', '1.5.1-r.2')).toBeGreaterThan(0);
    expect(compareVersions('0.19.3', '0.19.3')).toBe(0);
  });
});
