import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DesktopFile, MenuEvent } from '../../src-main/contract/desktop.ts';
import { AppError } from '../../src-main/contract/errors.ts';
import type { Envelope } from '../../src-main/contract/wire.ts';
import type { Core } from '../../src-main/core/index.ts';
import { createHost, type Dialogs, type HostOptions } from '../../src-main/electron/host.ts';
import { readSettings, writeSettings } from '../../src-main/electron/settings.ts';

/**
 * A stand-in core: answers listRules with the workspace it belongs to; listImports waits when told.
 * The methods that take files echo what they were given (detectImport fails as the core does for a
 * missing file, quoting the path), so a test sees what reached the core and what the page got back.
 */
function fakeCore(path: string, gate?: Promise<void>) {
  return {
    path,
    importFiles: vi.fn(async (req: { files: { path: string }[] }) => ({ files: req.files.map((f) => ({ file: basename(f.path), read: f.path })) })),
    previewImport: vi.fn(async (req: { path: string }) => ({ read: req.path })),
    detectImport: vi.fn(async (req: { path: string }): Promise<never> => {
      throw new AppError('IMPORT_FAILED', `Berkas tidak ditemukan atau tidak dapat dibaca: ${req.path}`, `File not found or not readable: ${req.path}`);
    }),
    exportWorkbook: vi.fn(async (req: { out: string }) => ({ out: req.out, kind: 'full' })),
    exportRejects: vi.fn(async (req: { out: string }) => ({ out: req.out, rows: 0, skipped: 0 })),
    exportTable: vi.fn(async (req: { out: string }) => ({ out: req.out, total: 0, rows: 0 })),
    listRules: vi.fn(async () => ({ rules: [], workspace: path })),
    listImports: vi.fn(async (_req?: unknown, _opts?: unknown) => {
      await gate;
      return { batches: [], workspace: path };
    }),
    close: vi.fn(),
  };
}
type FakeCore = ReturnType<typeof fakeCore>;

function setup(overrides: Partial<HostOptions> & { failing?: string[]; gate?: Promise<void> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-host-'));
  const cores: FakeCore[] = [];
  const sent: MenuEvent[] = [];
  const dialogs = {
    open: vi.fn<Dialogs['open']>(async () => ({ canceled: true, filePaths: [] })),
    save: vi.fn<Dialogs['save']>(async () => ({ canceled: true, filePath: '' })),
    message: vi.fn<Dialogs['message']>(async () => ({ response: 0 })),
    error: vi.fn<Dialogs['error']>(),
  };
  const window = { send: vi.fn((e: MenuEvent) => sent.push(e)), setTitle: vi.fn(), reload: vi.fn() };
  const showInFolder = vi.fn();
  const options: HostOptions = {
    dialogs,
    window,
    showInFolder,
    openCore: async (path) => {
      if (overrides.failing?.includes(path)) throw new AppError('WORKSPACE_LOCKED', `terkunci: ${path}`);
      const core = fakeCore(path, overrides.gate);
      cores.push(core);
      return core as unknown as Core;
    },
    settingsFile: join(dir, 'settings.json'),
    defaultWorkspace: join(dir, 'pantau.duckdb'),
    documentsDir: join(dir, 'Dokumen'),
    version: '0.1.0',
    ...overrides,
  };
  return { host: createHost(options), dir, cores, sent, dialogs, window, showInFolder, options };
}

async function value(text: Promise<string>): Promise<unknown> {
  const envelope = JSON.parse(await text) as Envelope;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function error(text: Promise<string>): Promise<{ code: string; message: string; messageEn?: string }> {
  const envelope = JSON.parse(await text) as Envelope;
  if (envelope.ok) throw new Error('expected an error envelope');
  return envelope.error;
}

type Setup = ReturnType<typeof setup>;

/** Berkas › Impor berkas… with these files chosen in the open dialog: the files the page was sent. */
async function chosenToImport(ctx: Setup, paths: string[]): Promise<DesktopFile[]> {
  ctx.dialogs.open.mockResolvedValueOnce({ canceled: false, filePaths: paths });
  const before = ctx.sent.length;
  ctx.host.actions.importFiles();
  await vi.waitFor(() => expect(ctx.sent).toHaveLength(before + 1));
  const event = ctx.sent.at(-1)!;
  if (event.action !== 'import') throw new Error('expected an import command');
  return event.files;
}

/** desktop.chooseExportFile with this file chosen in the save dialog: the file the page was answered. */
async function chosenToSave(ctx: Setup, path: string): Promise<DesktopFile> {
  ctx.dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: path });
  const { file } = (await value(ctx.host.dispatch('desktop.chooseExportFile', '{}'))) as { file: DesktopFile };
  return file;
}

/** Lets the async work a menu click started run to its end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

describe('the first workspace', () => {
  it('is pantau.duckdb in the user data folder when nothing was remembered', async () => {
    const { host, options, window } = setup();
    expect(await host.start()).toBe(true);
    expect(host.workspace).toBe(options.defaultWorkspace);
    expect(window.setTitle).toHaveBeenCalledWith('pantau.duckdb — Pantau');
  });

  it('is the remembered one when there is one', async () => {
    const { host, options, dir } = setup();
    await writeSettings(options.settingsFile, { lastWorkspace: join(dir, 'bogor.duckdb') });
    await host.start();
    expect(host.workspace).toBe(join(dir, 'bogor.duckdb'));
  });

  it('is PANTAU_DB when given, over the remembered one', async () => {
    const { host, options, dir } = setup();
    await writeSettings(options.settingsFile, { lastWorkspace: join(dir, 'bogor.duckdb') });
    await host.start(join(dir, 'uji.duckdb'));
    expect(host.workspace).toBe(join(dir, 'uji.duckdb'));
  });

  it('falls back to the default, saying why, when the remembered one cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-host-'));
    const locked = join(dir, 'terkunci.duckdb');
    const { host, options, dialogs } = setup({ failing: [locked] });
    await writeSettings(options.settingsFile, { lastWorkspace: locked });
    expect(await host.start()).toBe(true);
    expect(host.workspace).toBe(options.defaultWorkspace);
    expect(dialogs.error).toHaveBeenCalledWith('Workspace tidak dapat dibuka', expect.stringContaining(`terkunci: ${locked}`));
  });

  it('reports failure when not even the default opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-host-'));
    const { host, dialogs } = setup({ defaultWorkspace: join(dir, 'pantau.duckdb'), failing: [join(dir, 'pantau.duckdb')] });
    expect(await host.start()).toBe(false);
    expect(dialogs.error).toHaveBeenCalledTimes(1);
    expect(await error(host.dispatch('listRules', '{}'))).toMatchObject({ code: 'WORKSPACE_INVALID' });
  });
});

describe('calls', () => {
  it('reach the core of the open workspace through the dispatcher (validation included)', async () => {
    const { host, options } = setup();
    await host.start();
    expect(await value(host.dispatch('listRules', '{}'))).toEqual({ rules: [], workspace: options.defaultWorkspace });
    expect(await error(host.dispatch('listRules', '[]'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await error(host.dispatch('dropEverything', '{}'))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('made while the workspace is still opening wait for it', async () => {
    const { host, options } = setup();
    const started = host.start();
    const answer = host.dispatch('listRules', '{}');
    await started;
    expect(await value(answer)).toEqual({ rules: [], workspace: options.defaultWorkspace });
  });

  it('carry the call\'s language to the core', async () => {
    const { host, cores } = setup();
    await host.start();
    await host.dispatch('listImports', '{}', undefined, 'en');
    expect(cores[0]!.listImports.mock.calls[0]![1]).toMatchObject({ lang: 'en' });
  });

  it('named with a call id get a cancel signal that desktop.cancel aborts, and their progress port', async () => {
    let release = () => undefined as void;
    const { host, cores } = setup({ gate: new Promise<void>((r) => (release = r)) });
    await host.start();
    const onProgress = vi.fn();
    const answer = host.dispatch('listImports', '{}', { id: 'c1', onProgress });
    await settle();
    const opts = cores[0]!.listImports.mock.calls[0]![1] as { signal: AbortSignal; onProgress: unknown };
    expect(opts.onProgress).toBe(onProgress);
    expect(opts.signal.aborted).toBe(false);
    expect(await value(host.dispatch('desktop.cancel', '{"callId":"c1"}'))).toEqual({ cancelled: true });
    expect(opts.signal.aborted).toBe(true);
    release();
    await answer;
    expect(await value(host.dispatch('desktop.cancel', '{"callId":"c1"}'))).toEqual({ cancelled: false });
  });
});

describe('switching workspace', () => {
  it('opens the new one, closes the old one, remembers it and reloads the screens', async () => {
    const { host, cores, dir, options, window } = setup();
    await host.start();
    const next = join(dir, 'jateng.duckdb');
    expect(await host.switchWorkspace(next)).toBe(true);
    expect(cores[0]!.close).toHaveBeenCalledTimes(1);
    expect(cores[1]!.close).not.toHaveBeenCalled();
    expect(host.workspace).toBe(next);
    expect(await value(host.dispatch('listRules', '{}'))).toEqual({ rules: [], workspace: next });
    expect(await readSettings(options.settingsFile)).toEqual({ lastWorkspace: next });
    expect(window.reload).toHaveBeenCalledTimes(1);
    expect(window.setTitle).toHaveBeenLastCalledWith('jateng.duckdb — Pantau');
  });

  it('keeps the open workspace when the new one cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-host-'));
    const locked = join(dir, 'terkunci.duckdb');
    const { host, cores, options, dialogs } = setup({ failing: [locked] });
    await host.start();
    expect(await host.switchWorkspace(locked)).toBe(false);
    expect(cores[0]!.close).not.toHaveBeenCalled();
    expect(host.workspace).toBe(options.defaultWorkspace);
    expect(dialogs.error).toHaveBeenCalled();
    expect(await readSettings(options.settingsFile)).toEqual({});
  });

  it('lets a running call finish on the old workspace before closing it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { host, cores, dir, options } = setup({ gate });
    await host.start();
    const running = host.dispatch('listImports', '{}');
    await settle();
    const switching = host.switchWorkspace(join(dir, 'baru.duckdb'));
    await vi.waitFor(() => expect(host.workspace).toBe(join(dir, 'baru.duckdb')));
    await settle();
    expect(cores[0]!.close).not.toHaveBeenCalled();
    release();
    await switching;
    expect(await value(running)).toEqual({ batches: [], workspace: options.defaultWorkspace });
    expect(cores[0]!.close).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the open workspace is chosen again', async () => {
    const { host, cores, options } = setup();
    await host.start();
    expect(await host.switchWorkspace(options.defaultWorkspace)).toBe(true);
    expect(cores).toHaveLength(1);
    expect(cores[0]!.close).not.toHaveBeenCalled();
  });
});

describe('menu commands', () => {
  it('Buka workspace… opens the .duckdb chosen in the open dialog', async () => {
    const { host, dialogs, dir } = setup();
    await host.start();
    dialogs.open.mockResolvedValueOnce({ canceled: false, filePaths: [join(dir, 'bogor.duckdb')] });
    host.actions.openWorkspace();
    await vi.waitFor(() => expect(host.workspace).toBe(join(dir, 'bogor.duckdb')));
    expect(dialogs.open.mock.calls[0]![0]).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['duckdb'] }] });
  });

  it('Buka workspace… changes nothing when cancelled', async () => {
    const { host, cores, options } = setup();
    await host.start();
    host.actions.openWorkspace();
    await settle();
    expect(host.workspace).toBe(options.defaultWorkspace);
    expect(cores).toHaveLength(1);
  });

  it('Workspace baru… creates the file chosen in the save dialog, adding .duckdb', async () => {
    const { host, dialogs, dir, window } = setup();
    await host.start();
    dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'kota') });
    host.actions.newWorkspace();
    await vi.waitFor(() => expect(window.reload).toHaveBeenCalled());
    expect(host.workspace).toBe(join(dir, 'kota.duckdb'));
    await settle();
    expect(dialogs.message).not.toHaveBeenCalled();
  });

  it('Workspace baru… on an existing file opens it untouched and says so', async () => {
    const { host, dialogs, dir } = setup();
    await host.start();
    writeFileSync(join(dir, 'ada.duckdb'), 'isi');
    dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'ada.duckdb') });
    host.actions.newWorkspace();
    await vi.waitFor(() =>
      expect(dialogs.message).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('tanpa menghapus') })),
    );
    expect(host.workspace).toBe(join(dir, 'ada.duckdb'));
  });

  it('Impor berkas… sends the chosen files to the renderer, as tokens and names', async () => {
    const { host, dialogs, sent } = setup();
    await host.start();
    dialogs.open.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/a.csv', '/data/b.xlsx'] });
    host.actions.importFiles();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent).toEqual([{
      action: 'import',
      files: [{ token: expect.stringMatching(/^file:[\w-]{24}\.csv$/), name: 'a.csv' }, { token: expect.stringMatching(/^file:[\w-]{24}\.xlsx$/), name: 'b.xlsx' }],
    }]);
    expect(JSON.stringify(sent)).not.toContain('/data');
    expect(dialogs.open.mock.calls[0]![0].properties).toEqual(['openFile', 'multiSelections']);
  });

  it('Impor berkas… sends nothing when cancelled', async () => {
    const { host, sent } = setup();
    await host.start();
    host.actions.importFiles();
    await settle();
    expect(sent).toEqual([]);
  });

  it('Ekspor workbook… sends the chosen file, ending in .xlsx, as a token and a name', async () => {
    const { host, dialogs, sent } = setup();
    await host.start();
    dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: '/data/laporan' });
    host.actions.exportWorkbook();
    await vi.waitFor(() => expect(sent).toEqual([{ action: 'export', file: { token: expect.stringMatching(/^file:[\w-]{24}\.xlsx$/), name: 'laporan.xlsx' } }]));
  });

  it('Tentang Pantau shows the version and the open workspace', async () => {
    const { host, dialogs, options } = setup();
    await host.start();
    host.actions.about();
    await vi.waitFor(() =>
      expect(dialogs.message).toHaveBeenCalledWith(
        expect.objectContaining({ message: 'Pantau 0.1.0', detail: expect.stringContaining(options.defaultWorkspace) }),
      ),
    );
  });

  it('a failing command is shown in a dialog, not lost', async () => {
    const { host, dialogs } = setup();
    await host.start();
    dialogs.open.mockRejectedValueOnce(new Error('dialog rusak'));
    host.actions.importFiles();
    await vi.waitFor(() => expect(dialogs.error).toHaveBeenCalledWith('Terjadi kesalahan', 'dialog rusak'));
  });
});

describe('desktop.* methods', () => {
  it('chooseExportFile answers the file chosen in the save dialog as a token and a name, or null when cancelled', async () => {
    const { host, dialogs } = setup();
    await host.start();
    dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: '/data/ringkasan.xlsx' });
    expect(await value(host.dispatch('desktop.chooseExportFile', '{"suggestedName":"ringkasan.xlsx"}'))).toEqual({
      file: { token: expect.stringMatching(/^file:[\w-]{24}\.xlsx$/), name: 'ringkasan.xlsx' },
    });
    expect(dialogs.save.mock.calls[0]![0].defaultPath).toMatch(/ringkasan\.xlsx$/);
    expect(await value(host.dispatch('desktop.chooseExportFile', '{}'))).toEqual({ file: null });
  });

  it('showInFolder reveals only a file chosen in the save dialog, named by its token', async () => {
    const ctx = setup();
    const { host, showInFolder } = ctx;
    await host.start();
    expect(await error(host.dispatch('desktop.showInFolder', '{"file":"/etc/passwd"}'))).toMatchObject({ code: 'BAD_REQUEST' });
    const [opened] = await chosenToImport(ctx, ['/data/a.csv']);
    expect(await error(host.dispatch('desktop.showInFolder', JSON.stringify({ file: opened!.token })))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(showInFolder).not.toHaveBeenCalled();
    const file = await chosenToSave(ctx, '/data/ringkasan.xlsx');
    expect(await value(host.dispatch('desktop.showInFolder', JSON.stringify({ file: file.token })))).toEqual({ shown: true });
    expect(showInFolder).toHaveBeenCalledWith('/data/ringkasan.xlsx');
  });

  it('workspace names the open workspace by its file name only', async () => {
    const { host } = setup();
    await host.start();
    expect(await value(host.dispatch('desktop.workspace', '{}'))).toEqual({ name: 'pantau.duckdb' });
  });

  it('are never forwarded to the core, and unknown ones are refused', async () => {
    const { host, cores } = setup();
    await host.start();
    expect(await error(host.dispatch('desktop.runShell', '{}'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await error(host.dispatch('desktop.workspace', 'not json'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(cores[0]!.listRules).not.toHaveBeenCalled();
  });
});

// Issue 18, item 1 (Electron): a page names a file only as main obtained it — a token from a
// dialog, or a File it dropped (which the preload turns into "dropped:<n>" with the path beside the
// request). Before, main passed whatever path the page wrote to the core: a compromised renderer
// could read any file (importFiles, previewImport, detectImport of /etc/passwd) or overwrite any
// .xlsx (exportWorkbook, exportRejects). The refusal tests below fail on that code (the core is
// called with the page's path); the others fail on it too (no tokens, paths in the answers).
describe('files the page names (issue 18: only what main obtained)', () => {
  const FORGED = [
    ['importFiles', { files: [{ path: '/etc/passwd', kind: 'units' }] }],
    ['previewImport', { path: '/etc/passwd', kind: 'units' }],
    ['detectImport', { path: '/etc/passwd' }],
    ['importFiles', { files: [{ path: 'C:\\Windows\\win.ini', kind: 'units' }] }],
    ['previewImport', { path: 'upload:AAAAAAAAAAAAAAAAAAAA', kind: 'units' }],
    ['detectImport', { path: '../../etc/shadow' }],
  ] as const;

  it('a path the page writes into importFiles, previewImport or detectImport is refused, and the core never reads it (fails on the old code)', async () => {
    const { host, cores } = setup();
    await host.start();
    for (const [method, req] of FORGED) {
      const refused = await error(host.dispatch(method, JSON.stringify(req)));
      expect(refused, method).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('bukan dengan jalurnya'), messageEn: expect.stringContaining('not by its path') });
    }
    expect(cores[0]!.importFiles).not.toHaveBeenCalled();
    expect(cores[0]!.previewImport).not.toHaveBeenCalled();
    expect(cores[0]!.detectImport).not.toHaveBeenCalled();
  });

  it('a workbook to a path the page writes is refused, and the core never writes it (fails on the old code)', async () => {
    const { host, cores } = setup();
    await host.start();
    for (const out of ['/home/pegawai/Dokumen/penting.xlsx', '/etc/cron.d/x.xlsx', 'download:laporan.xlsx', 'C:\\Users\\a\\laporan.xlsx']) {
      expect(await error(host.dispatch('exportWorkbook', JSON.stringify({ out }))), out).toMatchObject({ code: 'BAD_REQUEST' });
      expect(await error(host.dispatch('exportRejects', JSON.stringify({ batches: ['b1'], out }))), out).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(cores[0]!.exportWorkbook).not.toHaveBeenCalled();
    expect(cores[0]!.exportRejects).not.toHaveBeenCalled();
  });

  it('a token main never made, or a dropped file the call did not bring, is refused (fails on the old code)', async () => {
    const { host, cores } = setup();
    await host.start();
    const forged = [
      host.dispatch('previewImport', JSON.stringify({ path: 'file:AAAAAAAAAAAAAAAAAAAAAAAA.csv', kind: 'units' })),
      host.dispatch('previewImport', JSON.stringify({ path: 'dropped:0', kind: 'units' })),
      host.dispatch('previewImport', JSON.stringify({ path: 'dropped:1', kind: 'units' }), undefined, undefined, ['/data/a.csv']),
      host.dispatch('exportWorkbook', JSON.stringify({ out: 'file:AAAAAAAAAAAAAAAAAAAAAAAA.xlsx' })),
    ];
    for (const answer of forged) expect(await error(answer)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('tidak dikenal') });
    expect(cores[0]!.previewImport).not.toHaveBeenCalled();
    expect(cores[0]!.exportWorkbook).not.toHaveBeenCalled();
  });

  it('files chosen in the open dialog reach the core as their paths, and the answer names them by name only', async () => {
    const ctx = setup();
    await ctx.host.start();
    const [a, b] = await chosenToImport(ctx, ['/data/a.csv', '/data/b.xlsx']);
    const req = { files: [{ path: a!.token, fileName: a!.name, kind: 'units' }, { path: b!.token, kind: 'roster' }] };
    const answer = await ctx.host.dispatch('importFiles', JSON.stringify(req));
    expect(ctx.cores[0]!.importFiles.mock.calls[0]![0]).toEqual({
      files: [{ path: '/data/a.csv', fileName: 'a.csv', kind: 'units' }, { path: '/data/b.xlsx', kind: 'roster' }],
    });
    expect(JSON.parse(answer)).toEqual({ ok: true, value: { files: [{ file: 'a.csv', read: 'a.csv' }, { file: 'b.xlsx', read: 'b.xlsx' }] } });
    await ctx.host.dispatch('previewImport', JSON.stringify({ path: a!.token, kind: 'units' }));
    expect(ctx.cores[0]!.previewImport.mock.calls[0]![0]).toEqual({ path: '/data/a.csv', kind: 'units' });
  });

  it('a path the core quotes in an error reaches the page as the file\'s name (fails on the old code)', async () => {
    const ctx = setup();
    await ctx.host.start();
    const [a] = await chosenToImport(ctx, ['/home/pegawai/Data Rahasia/presensi.csv']);
    const failed = await error(ctx.host.dispatch('detectImport', JSON.stringify({ path: a!.token })));
    expect(ctx.cores[0]!.detectImport.mock.calls[0]![0]).toEqual({ path: '/home/pegawai/Data Rahasia/presensi.csv' });
    expect(failed).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringContaining(': presensi.csv'), messageEn: expect.stringContaining(': presensi.csv') });
    expect(JSON.stringify(failed)).not.toContain('Rahasia');
  });

  it('a file the preload found in the request (dropped:<n>) reaches the core as its path, to be read only (fails on the old code)', async () => {
    const { host, cores } = setup();
    await host.start();
    const dropped = ['/data/unit.csv', '/data/Pegawai.xlsx'];
    const answer = await value(host.dispatch('previewImport', JSON.stringify({ path: 'dropped:1', kind: 'roster' }), undefined, undefined, dropped));
    expect(cores[0]!.previewImport.mock.calls[0]![0]).toEqual({ path: '/data/Pegawai.xlsx', kind: 'roster' });
    expect(answer).toEqual({ read: 'Pegawai.xlsx' });
    await host.dispatch('importFiles', JSON.stringify({ files: [{ path: 'dropped:0', kind: 'units' }, { path: 'dropped:1', kind: 'roster' }] }), undefined, undefined, dropped);
    expect(cores[0]!.importFiles.mock.calls[0]![0]).toEqual({ files: [{ path: '/data/unit.csv', kind: 'units' }, { path: '/data/Pegawai.xlsx', kind: 'roster' }] });
    // A dropped file is the user's data: never the target of a workbook.
    const overwrite = await error(host.dispatch('exportRejects', JSON.stringify({ batches: ['b1'], out: 'dropped:1' }), undefined, undefined, dropped));
    expect(overwrite).toMatchObject({ code: 'BAD_REQUEST' });
    expect(cores[0]!.exportRejects).not.toHaveBeenCalled();
  });

  it('a screen\'s table is downloaded only to a file chosen in the save dialog, never to a path the page writes (issue 19)', async () => {
    const ctx = setup();
    const { host, cores } = ctx;
    await host.start();
    const table = { table: 'findings', filter: { rule: 'LOK-01' } };
    for (const out of ['/home/pegawai/Dokumen/penting.xlsx', 'download:temuan.xlsx', 'file:AAAAAAAAAAAAAAAAAAAAAAAA.xlsx']) {
      expect(await error(host.dispatch('exportTable', JSON.stringify({ ...table, out }))), out).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(cores[0]!.exportTable).not.toHaveBeenCalled();
    const target = await chosenToSave(ctx, '/data/temuan.xlsx');
    expect(await value(host.dispatch('exportTable', JSON.stringify({ ...table, out: target.token })))).toEqual({ out: target.token, total: 0, rows: 0 });
    expect(cores[0]!.exportTable.mock.calls[0]![0]).toEqual({ ...table, out: '/data/temuan.xlsx' });
  });

  it('a workbook is written only to a file chosen in the save dialog, and its answer names it by that token (fails on the old code)', async () => {
    const ctx = setup();
    const { host, cores } = ctx;
    await host.start();
    const target = await chosenToSave(ctx, '/data/ringkasan.xlsx');
    expect(await value(host.dispatch('exportWorkbook', JSON.stringify({ out: target.token })))).toEqual({ out: target.token, kind: 'full' });
    expect(cores[0]!.exportWorkbook.mock.calls[0]![0]).toEqual({ out: '/data/ringkasan.xlsx' });
    expect(await value(host.dispatch('exportRejects', JSON.stringify({ batches: ['b1'], out: target.token })))).toEqual({ out: target.token, rows: 0, skipped: 0 });
    expect(cores[0]!.exportRejects.mock.calls[0]![0]).toEqual({ batches: ['b1'], out: '/data/ringkasan.xlsx' });
    // A file chosen to import is not overwritten, nor is a file chosen to save read as data.
    const [source] = await chosenToImport(ctx, ['/data/pegawai.xlsx']);
    expect(await error(host.dispatch('exportWorkbook', JSON.stringify({ out: source!.token })))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await error(host.dispatch('previewImport', JSON.stringify({ path: target.token, kind: 'roster' })))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(cores[0]!.exportWorkbook).toHaveBeenCalledTimes(1);
    expect(cores[0]!.previewImport).not.toHaveBeenCalled();
  });

  it('tokens outlive a workspace switch: they name files, not workspaces', async () => {
    const ctx = setup();
    await ctx.host.start();
    const [a] = await chosenToImport(ctx, ['/data/a.csv']);
    await ctx.host.switchWorkspace(join(ctx.dir, 'lain.duckdb'));
    await ctx.host.dispatch('previewImport', JSON.stringify({ path: a!.token, kind: 'units' }));
    expect(ctx.cores[1]!.previewImport.mock.calls[0]![0]).toEqual({ path: '/data/a.csv', kind: 'units' });
  });

  it('a request whose shape is wrong is refused as the dispatcher would, before any file is named', async () => {
    const { host, cores } = setup();
    await host.start();
    expect(await error(host.dispatch('importFiles', '{"files":"/etc/passwd"}'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await error(host.dispatch('importFiles', 'bukan json'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(cores[0]!.importFiles).not.toHaveBeenCalled();
  });
});

describe('closing', () => {
  it('closes the open workspace once', async () => {
    const { host, cores } = setup();
    await host.start();
    await host.close();
    await host.close();
    expect(cores[0]!.close).toHaveBeenCalledTimes(1);
    expect(await error(host.dispatch('listRules', '{}'))).toMatchObject({ code: 'WORKSPACE_INVALID' });
  });
});
