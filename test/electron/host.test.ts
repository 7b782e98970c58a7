import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuEvent } from '../../src-main/contract/desktop.ts';
import { AppError } from '../../src-main/contract/errors.ts';
import type { Envelope } from '../../src-main/contract/wire.ts';
import type { Core } from '../../src-main/core/index.ts';
import { createHost, type Dialogs, type HostOptions } from '../../src-main/electron/host.ts';
import { readSettings, writeSettings } from '../../src-main/electron/settings.ts';

/** A stand-in core: answers listRules with the workspace it belongs to; listImports waits when told. */
function fakeCore(path: string, gate?: Promise<void>) {
  return {
    path,
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

async function error(text: Promise<string>): Promise<{ code: string; message: string }> {
  const envelope = JSON.parse(await text) as Envelope;
  if (envelope.ok) throw new Error('expected an error envelope');
  return envelope.error;
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

  it('Impor berkas… sends the chosen files to the renderer', async () => {
    const { host, dialogs, sent } = setup();
    await host.start();
    dialogs.open.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/a.csv', '/data/b.xlsx'] });
    host.actions.importFiles();
    await vi.waitFor(() => expect(sent).toEqual([{ action: 'import', paths: ['/data/a.csv', '/data/b.xlsx'] }]));
    expect(dialogs.open.mock.calls[0]![0].properties).toEqual(['openFile', 'multiSelections']);
  });

  it('Impor berkas… sends nothing when cancelled', async () => {
    const { host, sent } = setup();
    await host.start();
    host.actions.importFiles();
    await settle();
    expect(sent).toEqual([]);
  });

  it('Ekspor workbook… sends the chosen path, ending in .xlsx', async () => {
    const { host, dialogs, sent } = setup();
    await host.start();
    dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: '/data/laporan' });
    host.actions.exportWorkbook();
    await vi.waitFor(() => expect(sent).toEqual([{ action: 'export', path: '/data/laporan.xlsx' }]));
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
  it('chooseExportPath answers the path from the save dialog, or null when cancelled', async () => {
    const { host, dialogs } = setup();
    await host.start();
    dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: '/data/ringkasan.xlsx' });
    expect(await value(host.dispatch('desktop.chooseExportPath', '{"suggestedName":"ringkasan.xlsx"}'))).toEqual({
      path: '/data/ringkasan.xlsx',
    });
    expect(dialogs.save.mock.calls[0]![0].defaultPath).toMatch(/ringkasan\.xlsx$/);
    expect(await value(host.dispatch('desktop.chooseExportPath', '{}'))).toEqual({ path: null });
  });

  it('showInFolder reveals only a path handed out for an export', async () => {
    const { host, dialogs, showInFolder } = setup();
    await host.start();
    expect(await error(host.dispatch('desktop.showInFolder', '{"path":"/etc/passwd"}'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(showInFolder).not.toHaveBeenCalled();
    dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: '/data/ringkasan.xlsx' });
    await host.dispatch('desktop.chooseExportPath', '{}');
    expect(await value(host.dispatch('desktop.showInFolder', '{"path":"/data/ringkasan.xlsx"}'))).toEqual({ shown: true });
    expect(showInFolder).toHaveBeenCalledWith('/data/ringkasan.xlsx');
  });

  it('workspace names the open workspace', async () => {
    const { host, options } = setup();
    await host.start();
    expect(await value(host.dispatch('desktop.workspace', '{}'))).toEqual({ path: options.defaultWorkspace });
  });

  it('are never forwarded to the core, and unknown ones are refused', async () => {
    const { host, cores } = setup();
    await host.start();
    expect(await error(host.dispatch('desktop.runShell', '{}'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await error(host.dispatch('desktop.workspace', 'not json'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(cores[0]!.listRules).not.toHaveBeenCalled();
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
