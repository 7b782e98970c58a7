/**
 * Package versions with a public advisory that matters for an app that reads untrusted
 * spreadsheets offline. npm audit cannot reach the advisory database from our machines, so the
 * ranges are kept here, each with its source. A range is [from, to): from inclusive, to exclusive.
 */
export interface Advisory {
  pkg: string;
  from: string;
  to: string;
  id: string;
  why: string;
}

export const ADVISORIES: Advisory[] = [
  // Fixed builds of SheetJS are published only on cdn.sheetjs.com, never on npm.
  { pkg: 'xlsx', from: '0.0.0', to: '0.19.3', id: 'CVE-2023-30533', why: 'prototype pollution when reading a crafted workbook' },
  { pkg: 'xlsx', from: '0.0.0', to: '0.20.2', id: 'CVE-2024-22363', why: 'ReDoS when reading a crafted workbook' },
  { pkg: 'jszip', from: '0.0.0', to: '3.7.0', id: 'CVE-2021-23413', why: 'prototype pollution in loadAsync (exceljs reads XLSX through it)' },
  { pkg: 'jszip', from: '0.0.0', to: '3.8.0', id: 'CVE-2022-48285', why: 'path traversal in loadAsync' },
  { pkg: 'unzipper', from: '0.0.0', to: '0.8.13', id: 'CVE-2018-1002203', why: 'zip slip (exceljs streams XLSX through it)' },
  { pkg: 'semver', from: '0.0.0', to: '5.7.2', id: 'CVE-2022-25883', why: 'ReDoS in range parsing' },
  { pkg: 'semver', from: '6.0.0', to: '6.3.1', id: 'CVE-2022-25883', why: 'ReDoS in range parsing' },
  { pkg: 'semver', from: '7.0.0', to: '7.5.2', id: 'CVE-2022-25883', why: 'ReDoS in range parsing' },
  { pkg: 'ws', from: '2.1.0', to: '5.2.4', id: 'CVE-2024-37890', why: 'DoS with many HTTP headers' },
  { pkg: 'ws', from: '6.0.0', to: '6.2.3', id: 'CVE-2024-37890', why: 'DoS with many HTTP headers' },
  { pkg: 'ws', from: '7.0.0', to: '7.5.10', id: 'CVE-2024-37890', why: 'DoS with many HTTP headers' },
  { pkg: 'ws', from: '8.0.0', to: '8.17.1', id: 'CVE-2024-37890', why: 'DoS with many HTTP headers' },
  { pkg: 'tough-cookie', from: '0.0.0', to: '4.1.3', id: 'CVE-2023-26136', why: 'prototype pollution' },
  { pkg: 'json5', from: '0.0.0', to: '1.0.2', id: 'CVE-2022-46175', why: 'prototype pollution in parse' },
  { pkg: 'json5', from: '2.0.0', to: '2.2.2', id: 'CVE-2022-46175', why: 'prototype pollution in parse' },
  { pkg: 'minimist', from: '0.0.0', to: '0.2.4', id: 'CVE-2021-44906', why: 'prototype pollution' },
  { pkg: 'minimist', from: '1.0.0', to: '1.2.6', id: 'CVE-2021-44906', why: 'prototype pollution' },
  { pkg: '@babel/traverse', from: '0.0.0', to: '7.23.2', id: 'CVE-2023-45133', why: 'arbitrary code execution when compiling crafted code' },
  { pkg: 'braces', from: '0.0.0', to: '3.0.3', id: 'CVE-2024-4068', why: 'memory exhaustion' },
  { pkg: 'micromatch', from: '0.0.0', to: '4.0.8', id: 'CVE-2024-4067', why: 'ReDoS' },
  { pkg: 'cross-spawn', from: '0.0.0', to: '6.0.6', id: 'CVE-2024-21538', why: 'ReDoS' },
  { pkg: 'cross-spawn', from: '7.0.0', to: '7.0.5', id: 'CVE-2024-21538', why: 'ReDoS' },
  // reliability.md §3.5: earlier node-api builds leak memory on every query (duckdb #20569).
  { pkg: '@duckdb/node-api', from: '0.0.0', to: '1.5.1-r.2', id: 'duckdb#20569', why: 'memory grows on every query' },
];

/** Numeric parts: "1.5.5-r.5" → [1, 5, 5, 5]; "1.5.5" → [1, 5, 5, 0]. */
function parts(version: string): number[] {
  const [core = '', build = ''] = version.split('-');
  const nums = core.split('.').map((n) => Number.parseInt(n, 10) || 0);
  while (nums.length < 3) nums.push(0);
  // DuckDB's "-r.N" are successive releases of the same engine version; any other prerelease tag sorts first.
  const r = /^r\.(\d+)$/.exec(build);
  nums.push(build === '' ? 0 : r ? Number(r[1]) : -1);
  return nums;
}

export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface Hit {
  path: string;
  version: string;
  advisory: Advisory;
}

/** Every installed package in a package-lock (v2/v3 "packages" map) that falls in an advisory's range. */
export function knownBad(lock: { packages?: Record<string, { version?: string }> }): Hit[] {
  const hits: Hit[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.includes('node_modules/') || !entry.version) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    for (const advisory of ADVISORIES) {
      if (advisory.pkg !== name) continue;
      if (compareVersions(entry.version, advisory.from) >= 0 && compareVersions(entry.version, advisory.to) < 0) {
        hits.push({ path, version: entry.version, advisory });
      }
    }
  }
  return hits;
}
