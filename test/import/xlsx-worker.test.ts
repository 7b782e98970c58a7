import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../../src-main/contract/import-types.ts';
import { guardZip } from '../../src-main/core/import/zip-guard.ts';
import type { Core } from '../../src-main/core/index.ts';
import { freshCore, importOne, rows } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';
import { writeBigXlsx, writeHeapBomb, writeZipBomb } from './generate.ts';

/** Nothing from the refused file: only the national calendar batch, no attendance, no rejects. */
async function expectNothingStored(core: Core): Promise<void> {
  const [state] = await rows(core, `SELECT (SELECT count(*) FROM batches) AS batches,
    (SELECT count(*) FROM attendance) AS attendance, (SELECT count(*) FROM rejects) AS rejects`);
  expect(state).toEqual({ batches: 1, attendance: 0, rejects: 0 });
}

/** Imports `path` as attendance, timing it and the growth of the main thread's heap. */
async function timedImport(core: Core, path: string): Promise<{ r: ImportFileResult; seconds: number; heapMb: number }> {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const r = await importOne(core, { path, kind: 'attendance', agency: 'UJI' });
  return { r, seconds: (performance.now() - started) / 1000, heapMb: (process.memoryUsage().heapUsed - heap) / 1024 ** 2 };
}

describe('XLSX parsing runs in a worker with capped inflation and a capped heap', () => {
  it('a workbook whose directory understates its sheet passes the directory check and is refused while inflating', async () => {
    const core = await freshCore();
    const path = join(core.dir, 'bohong.xlsx');
    await writeZipBomb(path, 1.1 * 1024 ** 3, 100_000);
    await expect(guardZip(path)).resolves.toBeUndefined();
    const { r, seconds, heapMb } = await timedImport(core, path);
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/ditolak: isinya mengembang terlalu besar saat dibuka \(sebuah bagian lebih dari 200× ukuran terkompresinya/);
    expect(seconds).toBeLessThan(10);
    expect(heapMb).toBeLessThan(50);
    await expectNothingStored(core);
    figure('worker', `xlsx worker, lying directory: 1.1 GB declared as 98 KB, refused while inflating in ${seconds.toFixed(1)} s, main heap +${Math.max(0, heapMb).toFixed(0)} MB`);
  }, 120_000);

  it('a workbook that exhausts the worker heap is refused with a message naming it, and the next file imports', async () => {
    const core = await freshCore();
    const path = join(core.dir, 'boros.xlsx');
    await writeHeapBomb(path);
    await expect(guardZip(path)).resolves.toBeUndefined();
    const { r, seconds, heapMb } = await timedImport(core, path);
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/^Berkas boros\.xlsx ditolak: membaca lembar kerjanya melampaui batas memori \(256 MB\)/);
    expect(heapMb).toBeLessThan(50);
    await expectNothingStored(core);
    const next = join(core.dir, 'presensi.xlsx');
    await writeBigXlsx(next, 100);
    expect(await importOne(core, { path: next, kind: 'attendance', agency: 'UJI' })).toMatchObject({ status: 'imported', rowsImported: 100 });
    figure('worker', `xlsx worker, heap: ${(statSync(path).size / 1024 ** 2).toFixed(1)} MB workbook of 10,000,000 rich-text runs refused at the 256 MB heap cap in ${seconds.toFixed(1)} s, main heap +${Math.max(0, heapMb).toFixed(0)} MB, next file imported`);
  }, 300_000);

  // The worker is a thread of this process: /proc lists it while it runs.
  it.runIf(process.platform === 'linux')('cancelling an XLSX import terminates its worker and stores nothing', async () => {
    const core = await freshCore();
    const path = join(core.dir, 'besar.xlsx');
    await writeBigXlsx(path, 100_000);
    const threads = () => readdirSync('/proc/self/task').length;
    const before = threads();
    let during = 0;
    const controller = new AbortController();
    const result = await core.importFiles({ files: [{ path, kind: 'attendance', agency: 'UJI' }] }, {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.phase === 'read' && (e.fraction ?? 0) > 0 && !controller.signal.aborted) {
          during = threads();
          controller.abort();
        }
      },
    });
    expect(result.files[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Impor dibatalkan/) });
    expect(during).toBeGreaterThan(before);
    expect(threads()).toBe(before);
    await expectNothingStored(core);
  }, 120_000);
});
