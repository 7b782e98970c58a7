import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardZip } from '../../src-main/core/import/zip-guard.ts';
import { ROOT } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';
import { SIZES } from '../support/sizes.ts';
import { countRows, runCorpus, summary } from './corpus-run.ts';
import { writeBigXlsx, writeEncodingFiles, writeProtoXlsx, writeTruncatedXlsx, writeZipBomb } from './generate.ts';

const CSVKIT = join(ROOT, 'test/corpora/csvkit-examples');
/** The 1,000,000-row workbook takes minutes to write and import: `npm run robustness` always runs it. */
const BIG = SIZES.millionRowXlsx;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

describe('bad-input corpus through the real CLI, one child process per group, with a timeout', () => {
  // The bomb takes seconds to deflate: made once for both tests, removed after them.
  let shared = '';
  let bomb = '';
  beforeAll(async () => {
    shared = mkdtempSync(join(tmpdir(), 'pantau-bomb-'));
    bomb = join(shared, 'bom.xlsx');
    await writeZipBomb(bomb);
  }, 120_000);
  afterAll(() => rmSync(shared, { recursive: true, force: true }));

  it('bad-input: every file imported or refused with a message, 0 crashes, 0 timeouts, 0 rows lost', async () => {
    const dir = tempDir();
    const generated = [
      { path: bomb, rows: null },
      await writeTruncatedXlsx(dir),
      await writeProtoXlsx(dir),
      ...writeEncodingFiles(dir),
    ];
    const big = BIG ? await writeBigXlsx(join(dir, 'sejuta.xlsx'), 1_000_000) : undefined;
    const files = [...filesUnder(CSVKIT), ...generated.map((g) => g.path)];
    const known = new Map([...generated, ...(big ? [big] : [])].filter((g) => g.rows !== null).map((g) => [g.path, g.rows!]));
    const db = join(dir, 'ws.duckdb');
    const outcomes = await runCorpus(db, files, { chunk: SIZES.corpusChunk, timeoutMs: 60_000 });
    // In a process of its own, so its time is its own.
    if (big) outcomes.push(...(await runCorpus(db, [big.path], { chunk: 1, timeoutMs: 600_000 })));
    await countRows(db, outcomes, known);
    figure('bad-input', summary(outcomes));
    const million = outcomes.find((o) => o.file.endsWith('sejuta.xlsx'));
    if (million) figure('million', `1M-row XLSX: ${million.verdict}, ${million.imported} imported, ${million.rejected} rejected in ${million.seconds.toFixed(1)} s (CLI start-up included)`);

    expect(outcomes).toHaveLength(files.length + (big ? 1 : 0));
    expect(outcomes.filter((o) => o.verdict === 'crash' || o.verdict === 'timeout')).toEqual([]);
    for (const o of outcomes.filter((x) => x.verdict === 'imported')) {
      expect(o.rowsInFile, o.file).not.toBeNull();
      expect(o.lost, o.file).toBe(0);
    }
    // Every generated file that should import did, whole.
    for (const [path, rows] of known) {
      expect(outcomes.find((o) => o.file === path), path).toMatchObject({ verdict: 'imported', rowsInFile: rows, lost: 0 });
    }
    const find = (name: string) => outcomes.find((o) => o.file.endsWith(name))!;
    expect(find('bom.xlsx')).toMatchObject({ verdict: 'refused', message: expect.stringMatching(/mengembang terlalu besar/) });
    expect(find('terpotong.xlsx').message).toMatch(/rusak atau tidak lengkap/);
    expect(find('dummy.xls').message).toMatch(/Excel lama \(\.xls\)/);
    expect(find('dummy.csv.gz').message).toMatch(/gzip/);
  }, 900_000);

  it('a zip bomb is refused from its central directory in well under a second, inflating nothing', async () => {
    expect(statSync(bomb).size).toBeLessThan(5 * 1024 ** 2);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    await expect(guardZip(bomb)).rejects.toThrow(/mengembang terlalu besar/);
    const seconds = (performance.now() - started) / 1000;
    const grew = (process.memoryUsage().rss - rss) / 1024 ** 2;
    expect(seconds).toBeLessThan(1);
    expect(grew).toBeLessThan(50);
    figure('bomb', `zip bomb: ${(statSync(bomb).size / 1024 ** 2).toFixed(1)} MB inflating to 1.1 GB refused in ${seconds.toFixed(3)} s, RSS +${grew.toFixed(0)} MB`);
  }, 120_000);
});
