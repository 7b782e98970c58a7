import { describe, expect, it } from 'vitest';
import { csv, freshCore, importOne, nip, rows, writeText } from '../helpers/workspace.ts';

const HEADER = ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];

function attendance(dir: string, name: string, lines: (string | number)[][]): string {
  return writeText(dir, name, csv([HEADER, ...lines]));
}

async function stored(core: Awaited<ReturnType<typeof freshCore>>) {
  return rows<{ nip: string; d: string; mode: string; batch_id: string }>(
    core,
    `SELECT nip, strftime(date, '%Y-%m-%d') AS d, mode, batch_id FROM attendance ORDER BY nip, date`,
  );
}

describe('natural-key upsert and undo', () => {
  it('re-importing the same file replaces rows and never double-counts', async () => {
    const core = await freshCore();
    const file = attendance(core.dir, 'a.csv', [
      [nip(1), 'Ani', '01/09/2025', '07:20', '16:05', 'H', 'WFO'],
      [nip(2), 'Budi', '01/09/2025', '07:21', '16:06', 'H', 'WFH'],
    ]);
    const first = await importOne(core, { path: file, kind: 'attendance', agency: 'PEMKOT-X' });
    const second = await importOne(core, { path: file, kind: 'attendance', agency: 'PEMKOT-X' });
    expect([first.rowsImported, second.rowsImported]).toEqual([2, 2]);
    const data = await stored(core);
    expect(data).toHaveLength(2);
    expect(new Set(data.map((r) => r.batch_id))).toEqual(new Set([second.batch]));
    expect(second.warnings.join(' ')).toContain(`sama persis dengan impor ${first.batch}`);
    const [batch] = await rows<{ rows_replaced: number }>(core, `SELECT rows_replaced FROM batches WHERE batch_id = '${second.batch}'`);
    expect(batch!.rows_replaced).toBe(2);
  });

  it('the newest import wins for a key and keeps rows it does not mention', async () => {
    const core = await freshCore();
    await importOne(core, { path: attendance(core.dir, 'sept.csv', [
      [nip(1), 'Ani', '01/09/2025', '07:20', '16:05', 'H', 'WFO'],
      [nip(1), 'Ani', '02/09/2025', '07:20', '16:05', 'H', 'WFO'],
    ]), kind: 'attendance', agency: 'A' });
    const fix = await importOne(core, { path: attendance(core.dir, 'fix.csv', [
      [nip(1), 'Ani', '02/09/2025', '07:20', '16:05', 'H', 'WFH'],
    ]), kind: 'attendance', agency: 'A' });
    expect((await stored(core)).map((r) => [r.d, r.mode, r.batch_id])).toEqual([
      ['2025-09-01', 'WFO', 'b-000002'],
      ['2025-09-02', 'WFH', fix.batch],
    ]);
  });

  it('a batch replaces the keys on the first and last of its dates, and reads nothing outside them', async () => {
    // The merge reads only the batch's own dates (issue 20); its ends are inclusive.
    const core = await freshCore();
    const days = ['01', '02', '03', '04', '05'].map((d) => [nip(1), 'Ani', `${d}/09/2025`, '07:20', '16:05', 'H', 'WFO']);
    await importOne(core, { path: attendance(core.dir, 'sept.csv', days), kind: 'attendance', agency: 'A' });
    const fix = await importOne(core, { path: attendance(core.dir, 'fix.csv', [
      [nip(1), 'Ani', '02/09/2025', '07:20', '16:05', 'H', 'WFH'],
      [nip(1), 'Ani', '04/09/2025', '07:20', '16:05', 'H', 'WFA'],
    ]), kind: 'attendance', agency: 'A' });
    expect((await stored(core)).map((r) => [r.d, r.mode])).toEqual([
      ['2025-09-01', 'WFO'], ['2025-09-02', 'WFH'], ['2025-09-03', 'WFO'], ['2025-09-04', 'WFA'], ['2025-09-05', 'WFO'],
    ]);
    const [batch] = await rows<{ rows_replaced: number }>(core, `SELECT rows_replaced FROM batches WHERE batch_id = '${fix.batch}'`);
    expect(batch!.rows_replaced).toBe(2);
    // A batch whose every row is rejected has no dates: it replaces nothing.
    const bad = await importOne(core, { path: attendance(core.dir, 'bad.csv', [
      [nip(1), 'Ani', '31/02/2025', '07:20', '16:05', 'H', 'WFO'],
    ]), kind: 'attendance', agency: 'A' });
    expect([bad.rowsImported, bad.rowsRejected]).toEqual([0, 1]);
    expect(await stored(core)).toHaveLength(5);
  });

  it('undo removes the batch and restores exactly what it replaced', async () => {
    const core = await freshCore();
    await importOne(core, { path: attendance(core.dir, 'a.csv', [
      [nip(1), 'Ani', '01/09/2025', '07:20', '16:05', 'H', 'WFO'],
      [nip(2), 'Budi', '01/09/2025', '07:20', '16:05', 'H', 'WFO'],
    ]), kind: 'attendance', agency: 'A' });
    const b = await importOne(core, { path: attendance(core.dir, 'b.csv', [
      [nip(1), 'Ani', '01/09/2025', '07:20', '16:05', 'H', 'WFA'],
      [nip(3), 'Citra', '01/09/2025', '07:20', '16:05', 'H', 'WFO'],
    ]), kind: 'attendance', agency: 'A' });
    const undo = await core.undoImport({ batch: b.batch! });
    expect(undo).toEqual({ batch: b.batch, rowsRemoved: 2, rowsRestored: 1 });
    expect((await stored(core)).map((r) => [r.nip, r.mode, r.batch_id])).toEqual([
      [nip(1), 'WFO', 'b-000002'],
      [nip(2), 'WFO', 'b-000002'],
    ]);
    const history = await core.listImports({ includeUndone: true });
    expect(history.batches.find((x) => x.batch === b.batch)?.status).toBe('undone');
    expect((await core.listImports({})).batches.map((x) => x.batch)).toEqual(['b-000001', 'b-000002']);
    await expect(core.undoImport({ batch: b.batch! })).rejects.toThrow(/sudah dibatalkan/);
  });

  it('undoing a middle batch hands its replaced rows to the later batch that holds the key', async () => {
    const core = await freshCore();
    const row = (mode: string) => [[nip(1), 'Ani', '01/09/2025', '07:20', '16:05', 'H', mode]];
    await importOne(core, { path: attendance(core.dir, '1.csv', row('WFO')), kind: 'attendance', agency: 'A' });
    const middle = await importOne(core, { path: attendance(core.dir, '2.csv', row('WFH')), kind: 'attendance', agency: 'A' });
    const last = await importOne(core, { path: attendance(core.dir, '3.csv', row('WFA')), kind: 'attendance', agency: 'A' });
    await core.undoImport({ batch: middle.batch! });
    expect((await stored(core)).map((r) => [r.mode, r.batch_id])).toEqual([['WFA', last.batch]]);
    await core.undoImport({ batch: last.batch! });
    expect((await stored(core)).map((r) => [r.mode, r.batch_id])).toEqual([['WFO', 'b-000002']]);
    const [{ n }] = (await rows<{ n: number }>(core, 'SELECT count(*) AS n FROM attendance_replaced')) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('undo of an unknown batch is NOT_FOUND', async () => {
    const core = await freshCore();
    await expect(core.undoImport({ batch: 'b-999999' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
