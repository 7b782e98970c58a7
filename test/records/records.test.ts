import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { csvCell, csvLine } from '../../src-main/cli/csv.ts';
import { fieldName, recordFields } from '../../src-main/core/records/records-sql.ts';
import { freshCore, nip, type TestCore } from '../helpers/workspace.ts';

/** `n` attendance rows written straight into the table: a workspace's worth of rows, quickly (no filter reads the batch). */
async function attendanceRows(core: TestCore, n: number): Promise<void> {
  await core.db.run(`INSERT INTO attendance (nip, date, agency, status, mode, check_in, batch_id, row_no)
SELECT '${nip(1).slice(0, 15)}' || lpad(CAST(i % 500 AS VARCHAR), 3, '0'), DATE '2025-01-01' + CAST(i // 500 AS INTEGER), 'A',
  'HADIR', 'WFO', TIME '07:30:00', 'b-000002', i + 2
FROM range(${n}) t(i)`);
}

describe('records, streamed and paged', () => {
  it('streamRecords hands the records over chunk by chunk, never all at once, in the order of a page', async () => {
    const core = await freshCore();
    await attendanceRows(core, 5000);
    const chunks: string[][] = [];
    let fields: string[] = [];
    const { count } = await core.streamRecords({ kind: 'attendance' }, {
      begin: (f) => (fields = f),
      records: (json) => chunks.push(json),
    });
    expect(count).toBe(5000);
    expect(fields).toEqual(recordFields('attendance'));
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(2048);
    const streamed = chunks.flat();
    const page = await core.listRecords({ kind: 'attendance', offset: 4990, limit: 10 });
    expect(page.total).toBe(5000);
    expect(streamed.slice(4990).map((j) => JSON.parse(j))).toEqual(page.records);
    expect(JSON.parse(streamed[0]!)).toMatchObject({ nip: `${nip(1).slice(0, 15)}000`, date: '2025-01-01', checkIn: '07:30', row: 2 });
  });

  it('a cancelled stream stops with CANCELLED', async () => {
    const core = await freshCore();
    await attendanceRows(core, 5000);
    const controller = new AbortController();
    let chunks = 0;
    const stream = core.streamRecords({ kind: 'attendance' }, {
      begin: () => undefined,
      records: () => {
        chunks += 1;
        controller.abort();
      },
    }, { signal: controller.signal });
    await expect(stream).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(chunks).toBe(1);
    // The connection is free again afterwards.
    expect((await core.listRecords({ kind: 'attendance', limit: 1 })).total).toBe(5000);
  });

  it('a refused stream writes nothing: the request check and the agency check come first', async () => {
    const core = await freshCore();
    const begun: string[][] = [];
    const sink = { begin: (f: string[]) => begun.push(f), records: () => undefined };
    await expect(core.streamRecords({ kind: 'attendance', from: '2025-02-31' }, sink)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.streamRecords({ kind: 'attendance', agency: 'A' }, sink)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.streamRecords({ kind: 'survey', nip: nip(1) }, sink)).rejects.toBeInstanceOf(AppError);
    expect(begun).toEqual([]);
  });
});

describe('field names and CSV cells', () => {
  it('a canonical column becomes its camelCase field name; the bookkeeping columns are batch and row', () => {
    expect(['unit_name', 'check_in', 'achievement_pct', 'period_start', 'date_from', 'respondent_id', 'met_target', 'day_type', 'nip', 'batch_id', 'row_no']
      .map(fieldName)).toEqual(['unitName', 'checkIn', 'achievementPct', 'periodStart', 'dateFrom', 'respondentId', 'metTarget', 'dayType', 'nip', 'batch', 'row']);
    expect(recordFields('attendance')).toEqual(['agency', 'nip', 'date', 'name', 'unitName', 'status', 'mode', 'checkIn', 'checkOut', 'batch', 'row']);
  });

  it('text that Excel would run as a formula gets an apostrophe; numbers, also negative, stay numbers', () => {
    expect(['=1+1', '+62 812', '-', '@SUM(A1)', '\t=1', '\r=1', 'a=b', ' =1'].map(csvCell))
      .toEqual(["'=1+1", "'+62 812", "'-", "'@SUM(A1)", "'\t=1", "\"'\r=1\"", 'a=b', ' =1']);
    expect(csvLine([-5, 90.22, true, false, null, 'a,b', 'say "hi"', 'two\nlines'])).toBe('-5,90.22,true,false,,"a,b","say ""hi""","two\nlines"');
  });
});
