// The desktop entry point: reads the environment and paths, builds one CoreConfig per workspace,
// and wires Electron to the host (host.ts) and the security settings (security.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { createCore } from '../core/index.ts';
import { INVOKE_CHANNEL, MENU_CHANNEL } from './bridge.ts';
import { createHost } from './host.ts';
import { buildMenuTemplate } from './menu.ts';
import {
  buildCsp, createInvokeHandler, denyPermissions, devServerUrl, hardenWebContents, installCspHeader, windowPreferences,
  type RendererTarget,
} from './security.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_FILE = join(HERE, '../renderer/index.html');
const QUIT_GRACE_MS = 10_000;

async function start(): Promise<void> {
  // A second instance would find the workspace locked; it hands over to the first instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const dev = devServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  const target: RendererTarget = dev ? { kind: 'dev', url: dev } : { kind: 'file', path: RENDERER_FILE };
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  await app.whenReady();

  denyPermissions(session.defaultSession);
  installCspHeader(session.defaultSession, buildCsp({ devServerUrl: dev }));
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Pantau',
    webPreferences: windowPreferences(join(HERE, '../preload/preload.cjs')),
  });

  const userData = app.getPath('userData');
  const host = createHost({
    dialogs: {
      open: (options) => dialog.showOpenDialog(win, options),
      save: (options) => dialog.showSaveDialog(win, options),
      message: (options) => dialog.showMessageBox(win, options),
      error: (title, content) => dialog.showErrorBox(title, content),
    },
    window: {
      send: (event) => win.webContents.send(MENU_CHANNEL, event),
      setTitle: (title) => win.setTitle(title),
      reload: () => win.webContents.reload(),
    },
    showInFolder: (path) => shell.showItemInFolder(path),
    openCore: (dbPath) =>
      createCore({
        dbPath,
        tmpDir: app.getPath('temp'),
        // The bundled main cannot find the calendar beside core's sources; the app folder can.
        calendarPath: join(app.getAppPath(), 'src-main/core/import/kalender-nasional-2025-2026.csv'),
        // "Muat data contoh" on an empty workspace imports these.
        samplesDir: join(app.getAppPath(), 'samples'),
      }),
    settingsFile: join(userData, 'settings.json'),
    defaultWorkspace: join(userData, 'pantau.duckdb'),
    documentsDir: app.getPath('documents'),
    version: app.getVersion(),
  });

  ipcMain.handle(
    INVOKE_CHANNEL,
    createInvokeHandler({ target, contentsId: () => (win.isDestroyed() ? undefined : win.webContents.id), dispatch: host.dispatch }),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(host.actions, { dev: dev !== undefined })));
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting (window closed, Keluar, Cmd+Q) closes the workspace first. A running import is given
  // a while to finish; past that the process ends anyway, and its batch is rolled back whole.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    const grace = new Promise<void>((done) => setTimeout(done, QUIT_GRACE_MS).unref());
    void Promise.race([host.close(), grace]).finally(() => {
      closed = true;
      app.quit();
    });
  });

  const opened = host.start(process.env.PANTAU_DB);
  await (dev ? win.loadURL(dev) : win.loadFile(RENDERER_FILE));
  if (!(await opened)) app.quit();
}

/** Settled once the window is up (tests await it); a failure is shown, then the app quits. */
export const started = start().catch((err: unknown) => {
  dialog.showErrorBox('Pantau tidak dapat dimulai', err instanceof Error ? err.message : String(err));
  app.quit();
});
