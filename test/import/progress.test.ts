import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src-main/contract/progress.ts';
import { csv, freshCore, nip, writeText } from '../helpers/workspace.ts';

describe('progress events', () => {
  it('each file reports read, check, store and done, in that order, with its position', async () => {
    const core = await freshCore();
    const lines = [['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '01/09/2025', 'H']];
    const a = writeText(core.dir, 'a.csv', csv(lines));
    const b = writeText(core.dir, 'b.csv', csv(lines));
    const events: ProgressEvent[] = [];
    await core.importFiles(
      { files: [{ path: a, kind: 'attendance', agency: 'A' }, { path: b, kind: 'attendance', agency: 'A' }] },
      { onProgress: (e) => events.push(e) },
    );
    const phases = (file: string) =>
      events.filter((e) => e.file === file).map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases('a.csv')).toEqual(['read', 'check', 'store', 'done']);
    expect(phases('b.csv')).toEqual(['read', 'check', 'store', 'done']);
    expect(events.filter((e) => e.file === 'b.csv').every((e) => e.fileIndex === 1 && e.fileCount === 2)).toBe(true);
  });
});
