// The real entry point (src-main/electron/main.ts) started against a mocked electron module and a
// stand-in core: what it sets up is what the desktop app runs with.
import type { MenuItemConstructorOptions } from 'electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreConfig } from '../../src-main/core/index.ts';
import { buildCsp } from '../../src-main/electron/security.ts';
import { figure } from '../support/figures.ts';

type Listener = (...args: unknown[]) => unknown;

const fx = vi.hoisted(() => {
  const appHandlers = new Map<string, Listener>();
  const userData = { dir: '' };
  class BrowserWindow {
    static instances: BrowserWindow[] = [];
    webContents = { id: 3, send: vi.fn(), reload: vi.fn() };
    loadFile = vi.fn(async () => undefined);
    loadURL = vi.fn(async () => undefined);
    setTitle = vi.fn();
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      BrowserWindow.instances.push(this);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
  }
  return {
    appHandlers,
    userData,
    app: {
      isPackaged: false,
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: vi.fn(async () => undefined),
      getPath: vi.fn((name: string) => `${userData.dir}/${name}`),
      getAppPath: () => '/opt/pantau',
      getVersion: () => '0.1.0',
      on: vi.fn((name: string, fn: Listener) => appHandlers.set(name, fn)),
      quit: vi.fn(),
    },
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(), showErrorBox: vi.fn() },
    shell: { showItemInFolder: vi.fn() },
    createCore: vi.fn(async (config: CoreConfig) => ({
      listRules: async () => ({ rules: [], db: config.dbPath }),
      // The methods that take files echo what reached the core.
      importFiles: vi.fn(async (req: { files: { path: string }[] }) => ({ files: req.files.map((f) => ({ read: f.path })) })),
      previewImport: vi.fn(async (req: { path: string }) => ({ read: req.path })),
      detectImport: vi.fn(async (req: { path: string }) => ({ read: req.path })),
      exportWorkbook: vi.fn(async (req: { out: string }) => ({ wrote: req.out, out: req.out })),
      exportRejects: vi.fn(async (req: { out: string }) => ({ wrote: req.out, out: req.out })),
      close: vi.fn(),
    })),
  };
});
vi.mock('electron', () => ({
  app: fx.app, BrowserWindow: fx.BrowserWindow, session: fx.session, ipcMain: fx.ipcMain, Menu: fx.Menu, dialog: fx.dialog,
  shell: fx.shell,
}));
vi.mock('../../src-main/core/index.ts', () => ({ createCore: fx.createCore }));

const RENDERER = resolve(import.meta.dirname, '../../src-main/renderer/index.html');
const ENV = ['ELECTRON_RENDERER_URL', 'PANTAU_DB'] as const;
const savedEnv = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

async function boot(env: Partial<Record<(typeof ENV)[number], string>> = {}) {
  for (const k of ENV) delete process.env[k];
  Object.assign(process.env, env);
  vi.resetModules();
  const { started } = await import('../../src-main/electron/main.ts');
  await started;
  const win = fx.BrowserWindow.instances.at(-1);
  const handle = fx.ipcMain.handle.mock.calls.at(-1)?.[1] as Listener | undefined;
  const template = fx.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[] | undefined;
  return { win, handle, template };
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  fx.appHandlers.clear();
  fx.BrowserWindow.instances = [];
  fx.userData.dir = mkdtempSync(join(tmpdir(), 'pantau-main-'));
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const k of ENV) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

describe('the desktop entry point', () => {
  it('opens one window with the secure webPreferences and our preload', async () => {
    const { win } = await boot();
    expect(fx.BrowserWindow.instances).toHaveLength(1);
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: expect.stringMatching(/preload[\\/]preload\.cjs$/),
    });
  });

  it('loads the built renderer from its file', async () => {
    const { win } = await boot();
    expect(win!.loadFile).toHaveBeenCalledWith(RENDERER);
    expect(win!.loadURL).not.toHaveBeenCalled();
  });

  it('denies permissions and puts the production CSP on responses', async () => {
    await boot();
    const ses = fx.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    const listener = ses.webRequest.onHeadersReceived.mock.calls[0]![0] as Listener;
    const callback = vi.fn();
    listener({ responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [buildCsp()] } });
  });

  it('hardens every web contents the app creates', async () => {
    await boot();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fx.appHandlers.get('web-contents-created')!({}, contents);
    expect(contents.on.mock.calls.map((c) => c[0])).toContain('will-navigate');
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('answers IPC from our renderer and refuses any other sender', async () => {
    const { handle } = await boot({ PANTAU_DB: '/data/uji.duckdb' });
    expect(fx.ipcMain.handle.mock.calls[0]![0]).toBe('pantau:invoke');
    const ours = { sender: { id: 3 }, senderFrame: { url: pathToFileURL(RENDERER).href, parent: null } };
    const foreign = { sender: { id: 3 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(JSON.parse((await handle!(ours, 'listRules', '{}')) as string)).toEqual({
      ok: true,
      value: { rules: [], db: '/data/uji.duckdb' },
    });
    await expect(handle!(foreign, 'listRules', '{}')).rejects.toThrow('tidak diizinkan');
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
  });

  it('opens PANTAU_DB when given, else pantau.duckdb in the user data folder, with the bundled calendar and samples', async () => {
    await boot({ PANTAU_DB: '/data/uji.duckdb' });
    expect(fx.createCore).toHaveBeenLastCalledWith(
      expect.objectContaining({
        dbPath: '/data/uji.duckdb', calendarPath: '/opt/pantau/src-main/core/import/kalender-nasional-2025-2026.csv',
        samplesDir: '/opt/pantau/samples',
      }),
    );
    await boot();
    expect(fx.createCore).toHaveBeenLastCalledWith(expect.objectContaining({ dbPath: `${fx.userData.dir}/userData/pantau.duckdb` }));
  });

  it('sets the Indonesian menu, without developer tools', async () => {
    const { template } = await boot();
    expect(fx.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(template!.map((m) => m.label)).toEqual(['Berkas', 'Tampilan', 'Bantuan']);
    expect(JSON.stringify(template)).not.toContain('toggleDevTools');
  });

  it('sends menu commands to the renderer on the menu channel, naming files by token', async () => {
    const { win, template } = await boot();
    fx.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/a.csv'] });
    const berkas = template![0]!.submenu as MenuItemConstructorOptions[];
    (berkas.find((i) => i.id === 'import')!.click as () => void)();
    await vi.waitFor(() => expect(win!.webContents.send).toHaveBeenCalledWith('pantau:menu', {
      action: 'import', files: [{ token: expect.stringMatching(/^file:[\w-]+\.csv$/), name: 'a.csv' }],
    }));
    expect(fx.dialog.showOpenDialog.mock.calls[0]![0]).toBe(win);
  });

  it('quits when the window is closed', async () => {
    await boot();
    fx.appHandlers.get('window-all-closed')!();
    expect(fx.app.quit).toHaveBeenCalledTimes(1);
  });

  it('closes the workspace before quitting, however the quit began', async () => {
    await boot();
    const core = (await fx.createCore.mock.results[0]!.value) as { close: ReturnType<typeof vi.fn> };
    const willQuit = fx.appHandlers.get('will-quit')!;
    const first = { preventDefault: vi.fn() };
    willQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fx.app.quit).toHaveBeenCalledTimes(1));
    expect(core.close).toHaveBeenCalledTimes(1);
    const second = { preventDefault: vi.fn() };
    willQuit(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('in dev loads the dev server, allows only its origin and offers developer tools', async () => {
    const { win, handle, template } = await boot({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(win!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    const frame = (url: string) => ({ sender: { id: 3 }, senderFrame: { url, parent: null } });
    await expect(handle!(frame('http://localhost:5173/'), 'listRules', '{}')).resolves.toContain('"ok":true');
    await expect(handle!(frame(pathToFileURL(RENDERER).href), 'listRules', '{}')).rejects.toThrow();
    expect(JSON.stringify(template)).toContain('toggleDevTools');
  });

  it('ignores a dev server URL that is not on this machine', async () => {
    const { win } = await boot({ ELECTRON_RENDERER_URL: 'https://evil.example/' });
    expect(win!.loadURL).not.toHaveBeenCalled();
    expect(win!.loadFile).toHaveBeenCalledWith(RENDERER);
  });

  it('hands over to the running instance instead of opening a second window', async () => {
    fx.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await boot();
    expect(fx.app.quit).toHaveBeenCalled();
    expect(fx.BrowserWindow.instances).toHaveLength(0);
    expect(fx.createCore).not.toHaveBeenCalled();
  });
});

// Issue 18, item 1 (Electron): the escape attempts through the bridge's handler, as main.ts wires
// it, with electron mocked. Before, main passed the page's paths to the core as they came: each
// refusal below fails on that code (the core was called with /etc/passwd, or wrote the page's .xlsx).
describe('files named through the bridge (issue 18)', () => {
  const ours = () => ({ sender: { id: 3 }, senderFrame: { url: pathToFileURL(RENDERER).href, parent: null } });
  type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };
  async function call(handle: Listener, method: string, req: unknown, dropped?: string[]): Promise<Answer> {
    return JSON.parse((await handle(ours(), method, JSON.stringify(req), undefined, undefined, dropped)) as string) as Answer;
  }
  type FakeCore = Record<'importFiles' | 'previewImport' | 'detectImport' | 'exportWorkbook' | 'exportRejects', ReturnType<typeof vi.fn>>;
  const coreOf = async () => (await fx.createCore.mock.results[0]!.value) as unknown as FakeCore;

  it('refuses a path the renderer writes into importFiles, previewImport or detectImport; the core never sees it (fails on the old code)', async () => {
    const { handle } = await boot();
    for (const [method, req] of [
      ['importFiles', { files: [{ path: '/etc/passwd', kind: 'units' }] }],
      ['previewImport', { path: '/etc/passwd', kind: 'units' }],
      ['detectImport', { path: '/etc/passwd' }],
    ] as const) {
      expect(await call(handle!, method, req), method).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const core = await coreOf();
    for (const m of ['importFiles', 'previewImport', 'detectImport'] as const) expect(core[m]).not.toHaveBeenCalled();
  });

  it('refuses an output path the renderer writes into exportWorkbook or exportRejects; nothing is written (fails on the old code)', async () => {
    const { handle } = await boot();
    expect(await call(handle!, 'exportWorkbook', { out: '/home/pegawai/penting.xlsx' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call(handle!, 'exportRejects', { batches: ['b1'], out: '/home/pegawai/penting.xlsx' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const core = await coreOf();
    expect(core.exportWorkbook).not.toHaveBeenCalled();
    expect(core.exportRejects).not.toHaveBeenCalled();
  });

  it('every escape attempt through the handler is refused and reaches no core method (the robustness figure)', async () => {
    const { handle } = await boot();
    const attempts: [string, unknown, string[]?][] = [
      ['importFiles', { files: [{ path: '/etc/passwd', kind: 'units' }] }],
      ['importFiles', { files: [{ path: 'file:AAAAAAAAAAAAAAAAAAAAAAAA.csv', kind: 'units' }] }],
      ['previewImport', { path: '../../../../etc/shadow', kind: 'units' }],
      ['previewImport', { path: 'dropped:1', kind: 'units' }, ['/data/unit.csv']],
      ['detectImport', { path: 'C:\\Windows\\win.ini' }],
      ['detectImport', { path: 'upload:AAAAAAAAAAAAAAAAAAAA' }],
      ['exportWorkbook', { out: '/home/pegawai/penting.xlsx' }],
      ['exportWorkbook', { out: 'download:laporan.xlsx' }],
      ['exportWorkbook', { out: 'dropped:0' }, ['/data/unit.xlsx']],
      ['exportRejects', { batches: ['b1'], out: '/tmp/../home/pegawai/penting.xlsx' }],
    ];
    let refused = 0;
    for (const [method, req, dropped] of attempts) {
      const answer = await call(handle!, method, req, dropped);
      if (!answer.ok && answer.error.code === 'BAD_REQUEST') refused++;
    }
    const core = await coreOf();
    const escaped = (['importFiles', 'previewImport', 'detectImport', 'exportWorkbook', 'exportRejects'] as const).reduce((n, m) => n + core[m].mock.calls.length, 0);
    expect(refused).toBe(attempts.length);
    expect(escaped).toBe(0);
    figure('escape', `escapes, Electron bridge: ${refused}/${attempts.length} attempts to name a file the page was not given refused, ${escaped} escaped`);
  });

  it('reads a file the preload found in the request, and writes to the file chosen in the save dialog (fails on the old code)', async () => {
    const { handle, win } = await boot();
    const read = await call(handle!, 'previewImport', { path: 'dropped:0', kind: 'units' }, ['/data/unit.csv']);
    expect(read).toEqual({ ok: true, value: { read: 'unit.csv' } });
    const core = await coreOf();
    expect(core.previewImport.mock.calls[0]![0]).toEqual({ path: '/data/unit.csv', kind: 'units' });

    fx.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/data/laporan.xlsx' });
    const chosen = await call(handle!, 'desktop.chooseExportFile', {});
    expect(fx.dialog.showSaveDialog.mock.calls[0]![0]).toBe(win);
    const file = (chosen as unknown as { value: { file: { token: string; name: string } } }).value.file;
    expect(file).toEqual({ token: expect.stringMatching(/^file:[\w-]+\.xlsx$/), name: 'laporan.xlsx' });
    expect(await call(handle!, 'exportWorkbook', { out: file.token })).toEqual({ ok: true, value: { wrote: 'laporan.xlsx', out: file.token } });
    expect(core.exportWorkbook.mock.calls[0]![0]).toEqual({ out: '/data/laporan.xlsx' });
  });
});
