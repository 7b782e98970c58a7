import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { createDispatcher } from '../contract/wire.ts';
import { createCore } from '../core/index.ts';

const CHANNEL = 'pantau:invoke';
const HERE = fileURLToPath(new URL('.', import.meta.url));
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

/** Only our own renderer, loaded from our files (or the dev server), may call the core. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  const dev = process.env.ELECTRON_RENDERER_URL;
  return url.startsWith('file://') || (dev !== undefined && url.startsWith(dev));
}

async function start(): Promise<void> {
  await app.whenReady();
  const core = await createCore({
    dbPath: join(app.getPath('userData'), 'pantau.duckdb'),
    tmpDir: app.getPath('temp'),
    calendarPath: join(app.getAppPath(), 'src-main/core/import/kalender-nasional-2025-2026.csv'),
  });
  const dispatcher = createDispatcher(core);
  ipcMain.handle(CHANNEL, (event, method: unknown, body: unknown) => {
    if (!trustedSender(event)) throw new Error('untrusted sender');
    return dispatcher.dispatch(String(method), String(body));
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    title: 'Pantau',
    webPreferences: {
      preload: join(HERE, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev) await win.loadURL(dev);
  else await win.loadFile(join(HERE, '../renderer/index.html'));
  app.on('window-all-closed', () => {
    core.close();
    app.quit();
  });
}

void start();
