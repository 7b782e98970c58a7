import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { CoreApi } from '../src-main/contract/api.ts';
import { AppError } from '../src-main/contract/errors.ts';
import { createClient, createDispatcher, METHODS, type Dispatcher, type Transport } from '../src-main/contract/wire.ts';
import { freshCore, nip, writeText } from './helpers/workspace.ts';

/** How a suite reaches a dispatcher: in-process, or over HTTP through the renderer's own transport. */
export type Connect = (dispatcher: Dispatcher) => Promise<Transport>;

function api(transport: Transport): CoreApi {
  return createClient(transport);
}

/** The wire contract, the same for every transport. */
export function describeContract(label: string, connect: Connect): void {
  describe(`the wire contract (${label})`, () => {
    async function connected(core: CoreApi, log: (e: unknown) => void = () => undefined) {
      const transport = await connect(createDispatcher(core, log));
      return { transport, api: api(transport) };
    }

    it('a call through the codec returns what the core returns', async () => {
      const core = await freshCore();
      const { api } = await connected(core);
      expect(await api.listImports({})).toEqual(await core.listImports({}));
    });

    it('an unknown method is refused with BAD_REQUEST', async () => {
      const { transport } = await connected(await freshCore());
      expect(JSON.parse(await transport('dropEverything', '{}'))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    });

    it('malformed JSON and invalid requests are refused before reaching the core', async () => {
      const { transport } = await connected(await freshCore());
      expect(JSON.parse(await transport('listImports', '{nope'))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      const bad = JSON.parse(await transport('importFiles', JSON.stringify({ files: [{ path: 'x.csv', kind: 'payroll' }] })));
      expect(bad.error.message).toMatch(/"kind" harus salah satu/);
      expect(JSON.parse(await transport('undoImport', '{}')).error.code).toBe('BAD_REQUEST');
      expect(JSON.parse(await transport('findings', JSON.stringify({ limit: 100_000 }))).error.code).toBe('BAD_REQUEST');
      expect(JSON.parse(await transport('unitEmployees', JSON.stringify({ agency: 'A', unit: 'B', limit: 5001 }))).error.code).toBe('BAD_REQUEST');
      expect(JSON.parse(await transport('overview', JSON.stringify({ from: '2025-02-31' }))).error.code).toBe('BAD_REQUEST');
    });

    it('AppError codes survive the trip; other errors become INTERNAL and are logged', async () => {
      const logged: unknown[] = [];
      const failing = new Proxy({} as CoreApi, {
        get: (_t, name) => async () => {
          if (name === 'undoImport') throw new AppError('NOT_FOUND', 'tidak ada', { batch: 'b-1' });
          throw new TypeError('boom');
        },
      });
      const { api } = await connected(failing, (e) => logged.push(e));
      await expect(api.undoImport({ batch: 'b-1' })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { batch: 'b-1' } });
      await expect(api.listImports({})).rejects.toMatchObject({ code: 'INTERNAL' });
      expect(logged).toHaveLength(1);
    });

    it('Arrow bytes cross as bytes: an empty findings page decodes with its columns', async () => {
      const { api } = await connected(await freshCore());
      const page = await api.findings({ limit: 10 });
      expect(page.rows).toBeInstanceOf(Uint8Array);
      expect(tableFromIPC(page.rows).schema.fields.map((f) => f.name)).toContain('detail');
    });

    it('progress events reach the caller while a file imports', async () => {
      const core = await freshCore();
      const { api } = await connected(core);
      const phases: string[] = [];
      const { files } = await api.importFiles({ files: [{ path: 'samples/pemkot-bogor/unit-kerja.csv', kind: 'units', agency: 'PEMKOT-BOGOR' }] },
        { onProgress: (e) => phases.push(e.phase) });
      expect(files[0]?.status).toBe('imported');
      expect(phases).toContain('done');
    });

    it('listRecords pages a kind\'s records; an unknown agency is NOT_FOUND with the known ones in its details', async () => {
      const core = await freshCore();
      const { api, transport } = await connected(core);
      await api.importFiles({ files: [{ path: 'samples/pemkot-bogor/unit-kerja.csv', kind: 'units', agency: 'PEMKOT-BOGOR' }] });
      const all = await api.listRecords({ kind: 'units' });
      expect(all).toEqual(await core.listRecords({ kind: 'units' }));
      expect(all.fields).toEqual(['agency', 'unitName', 'unitCode', 'parentUnit', 'serviceType', 'fwaStart', 'batch', 'row']);
      const page = await api.listRecords({ kind: 'units', offset: 2, limit: 3 });
      expect([page.total, page.offset, page.records]).toEqual([all.total, 2, all.records.slice(2, 5)]);
      await expect(api.listRecords({ kind: 'units', agency: 'PEMKOT-BOGOT' })).rejects.toMatchObject({
        code: 'NOT_FOUND', details: { agency: 'PEMKOT-BOGOT', known: ['PEMKOT-BOGOR'] },
      });
      await expect(api.runChecks({ agency: 'PEMKOT-BOGOT' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(JSON.parse(await transport('listRecords', JSON.stringify({ kind: 'units', limit: 10_001 }))).error.code).toBe('BAD_REQUEST');
      expect(JSON.parse(await transport('listRecords', JSON.stringify({ kind: 'gaji' }))).error.code).toBe('BAD_REQUEST');
      expect(JSON.parse(await transport('listRecords', JSON.stringify({ kind: 'units', nip: '1' }))).error.code).toBe('BAD_REQUEST');
    });

    it('exportRejects writes a batch\'s rejected and skipped rows; refusals keep their codes', async () => {
      const core = await freshCore();
      const { api, transport } = await connected(core);
      const csv = writeText(core.dir, 'presensi.csv', ['NIP,Nama,Tanggal,Jam Masuk,Jam Pulang', `${nip(1)},Ani,2025-09-08,07:30,16:00`,
        `${nip(2)},Budi,2025-09-31,07:30,16:00`, 'JUMLAH,,,,', ''].join('\n'));
      const { files } = await api.importFiles({ files: [{ path: csv, kind: 'attendance', agency: 'PEMKOT-X' }] });
      const batch = files[0]!.batch!;
      const out = join(core.dir, 'ditolak.xlsx');
      expect(await api.exportRejects({ batches: [batch], out })).toEqual({ out, rows: 1, skipped: 1 });
      expect(existsSync(out)).toBe(true);
      await expect(api.exportRejects({ batches: ['b-999999'], out })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // This core has no download folder: a download name is refused, not written anywhere.
      await expect(api.exportRejects({ batches: [batch], out: 'download:ditolak.xlsx' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      for (const bad of [{ batches: [], out }, { batches: [batch, batch], out }, { batches: [batch], out: join(core.dir, 'x.csv') }, { batches: [batch] }, { batches: batch, out }]) {
        expect(JSON.parse(await transport('exportRejects', JSON.stringify(bad))).error.code).toBe('BAD_REQUEST');
      }
    });

    it('exportTable writes a screen\'s table as filtered; refusals keep their codes (issue 19)', async () => {
      const core = await freshCore();
      const { api, transport } = await connected(core);
      const csv = writeText(core.dir, 'presensi.csv', ['NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja',
        ...['2025-09-08', '2025-09-09', '2025-09-10'].map((d) => `${nip(1)},Ani,Bagian Umum,${d},07:30,16:00,H,WFH`), ''].join('\n'));
      await api.importFiles({ files: [{ path: csv, kind: 'attendance', agency: 'PEMKOT-X' }] });
      await api.runChecks({});
      const { total } = await api.findings({ agency: 'PEMKOT-X' });
      expect(total).toBeGreaterThan(0);
      const out = join(core.dir, 'temuan.xlsx');
      expect(await api.exportTable({ table: 'findings', filter: { agency: 'PEMKOT-X', sort: 'name' }, out })).toEqual({ out, total, rows: total });
      expect(existsSync(out)).toBe(true);
      const unit = { table: 'unitEmployees' as const, filter: { agency: 'PEMKOT-X', unit: 'Bagian Umum' }, out };
      expect(await api.exportTable(unit)).toEqual({ out, total: 1, rows: 1 });
      // This core has no download folder: a download name is refused, not written anywhere.
      await expect(api.exportTable({ ...unit, out: 'download:pegawai.xlsx' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      for (const bad of [{ table: 'records', filter: {}, out }, { table: 'findings', out }, { table: 'findings', filter: { limit: 10 }, out },
        { table: 'findings', filter: { rule: 'semua' }, out }, { table: 'unitEmployees', filter: { agency: 'PEMKOT-X' }, out },
        { table: 'findings', filter: {}, out: join(core.dir, 'x.csv') }]) {
        expect(JSON.parse(await transport('exportTable', JSON.stringify(bad))).error.code).toBe('BAD_REQUEST');
      }
    });

    it('runChecks answers with the first findings and their counts; runFindings pages through all of them, in the call\'s language (issue 20)', async () => {
      const core = await freshCore(undefined, { lang: 'id' });
      const { api, transport } = await connected(core);
      // Five employees, each with three days of WFH in one week: five LOK-01 findings.
      const rows = [1, 2, 3, 4, 5].flatMap((n) => ['2025-09-15', '2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19']
        .map((d, i) => `${nip(n)},Pegawai ${n},Bagian Umum,${d},07:30,${i === 4 ? '16:30' : '16:00'},H,${i < 3 ? 'WFH' : 'WFO'}`));
      const csv = writeText(core.dir, 'presensi.csv', ['NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja', ...rows, ''].join('\n'));
      await api.importFiles({ files: [{ path: csv, kind: 'attendance', agency: 'PEMKOT-X' }] });
      const result = await api.runChecks({});
      expect([result.findingsTotal, result.newFindings, result.resolvedTotal]).toEqual([5, 5, 0]);
      expect(result.findings.map((f) => f.rule)).toEqual(Array(5).fill('LOK-01'));
      const pages = [];
      for (const offset of [0, 2, 4]) pages.push(...(await api.runFindings({ run: result.run, offset, limit: 2 })).findings);
      expect(pages).toEqual(result.findings);
      expect(await api.runFindings({ run: result.run })).toEqual({ findings: result.findings });
      expect(await api.runFindings({ run: result.run, offset: 5 })).toEqual({ findings: [] });
      expect(await api.runFindings({ run: result.run, resolved: true })).toEqual({ findings: [] });
      const english = (await api.runFindings({ run: result.run, limit: 1 }, { lang: 'en' })).findings[0]!;
      expect([english.detail, result.findings[0]!.detail]).toEqual([
        '3 flexible-location days in Week 38 (15–21 Sep 2025), limit 2', '3 hari fleksibel lokasi dalam Minggu 38 (15–21 Sep 2025), batas 2',
      ]);
      await expect(api.runFindings({ run: 'r-999999' })).rejects.toMatchObject({
        code: 'NOT_FOUND', message: 'Pemeriksaan r-999999 tidak ditemukan.', messageEn: 'Check run r-999999 not found.', details: { run: 'r-999999' },
      });
      for (const bad of [{}, { run: '' }, { run: 5 }, { run: result.run, limit: 10_001 }, { run: result.run, limit: 0 }, { run: result.run, offset: -1 },
        { run: result.run, resolved: 'ja' }]) {
        expect(JSON.parse(await transport('runFindings', JSON.stringify(bad))).error.code).toBe('BAD_REQUEST');
      }
    });

    it('runChecks answers with the first data-quality notes and their counts; runNotes pages through them (issue 20)', async () => {
      const core = await freshCore(undefined, { lang: 'id' });
      const { api, transport } = await connected(core);
      // Three employees without a roster entry, two of them present on a day without a check-out.
      const rows = [3, 1, 2].flatMap((n) => ['2025-09-15', '2025-09-16'].map((d) => `${nip(n)},Pegawai ${n},Bagian Umum,${d},07:30,${n > 1 && d === '2025-09-16' ? '' : '16:00'},H,WFO`));
      const csv = writeText(core.dir, 'presensi.csv', ['NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja', ...rows, ''].join('\n'));
      const { files } = await api.importFiles({ files: [{ path: csv, kind: 'attendance', agency: 'PEMKOT-X' }] });
      const { run, dataQuality } = await api.runChecks({});
      expect(dataQuality.notInRoster.map((n) => [n.nip, n.records])).toEqual([[nip(1), 2], [nip(2), 2], [nip(3), 2]]);
      expect(dataQuality.missingTimes).toEqual([
        { nip: nip(2), date: '2025-09-16', agency: 'PEMKOT-X', source: { batch: files[0]!.batch, row: 7 } },
        { nip: nip(3), date: '2025-09-16', agency: 'PEMKOT-X', source: { batch: files[0]!.batch, row: 3 } },
      ]);
      expect([dataQuality.notInRosterTotal, dataQuality.missingTimesTotal]).toEqual([3, 2]);
      const pages = [];
      for (const offset of [0, 2]) pages.push(...(await api.runNotes({ run, note: 'notInRoster', offset, limit: 2 })).notInRoster!);
      expect(pages).toEqual(dataQuality.notInRoster);
      expect(await api.runNotes({ run, note: 'missingTimes' })).toEqual({ missingTimes: dataQuality.missingTimes });
      expect(await api.runNotes({ run, note: 'missingTimes', offset: 2 })).toEqual({ missingTimes: [] });
      await expect(api.runNotes({ run: 'r-999999', note: 'notInRoster' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      for (const bad of [{}, { run }, { run, note: 'semua' }, { note: 'notInRoster' }, { run, note: 'notInRoster', limit: 10_001 },
        { run, note: 'notInRoster', offset: -1 }]) {
        expect(JSON.parse(await transport('runNotes', JSON.stringify(bad))).error.code).toBe('BAD_REQUEST');
      }
    });

    it('a call in a language gets its reasons in that language, whatever the core was created with', async () => {
      const core = await freshCore(undefined, { lang: 'id' });
      const { api } = await connected(core);
      const lines = ['NIP,Nama,Tanggal,Jam Masuk,Jam Pulang', `${nip(1)},Ani,2025-09-08,07:30,16:00`, `${nip(2)},Budi,2025-09-31,07:30,16:00`, ''];
      const file = (name: string) => ({ path: writeText(core.dir, name, lines.join('\n')), kind: 'attendance' as const, agency: 'PEMKOT-X' });
      const imported = async (name: string, lang: 'id' | 'en') => (await api.importFiles({ files: [file(name)] }, { lang })).files[0]!.rejects[0]!.reason;
      expect(await imported('en.csv', 'en')).toMatch(/is not a valid date/);
      expect(await imported('id.csv', 'id')).toMatch(/bukan tanggal yang valid/);
      const previewed = async (lang: 'id' | 'en') => (await api.previewImport(file('preview.csv'), { lang })).rowIssues[0]!.reason;
      expect(await previewed('en')).toMatch(/is not a valid date/);
      expect(await previewed('id')).toMatch(/bukan tanggal yang valid/);
    });

    it('every CoreApi method is allow-listed', () => {
      expect([...METHODS].sort()).toEqual([
        'batchRejects', 'compare', 'complianceGrid', 'detectImport', 'employeeDays', 'exportProfiles', 'exportRejects', 'exportTable', 'exportWorkbook', 'findings', 'getProfile',
        'importFiles', 'importProfiles', 'listImports', 'listRecipes', 'listRecords', 'listRules', 'loadSamples', 'overview', 'previewImport',
        'runChecks', 'runFindings', 'runNotes', 'saveRecipe', 'setProfile', 'undoImport', 'unitEmployees',
      ]);
    });
  });
}
