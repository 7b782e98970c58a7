// The window's security settings as plain functions over the Electron pieces they touch, so that
// tests can check each one with the electron module mocked. Only types come from 'electron' here.
import { fileURLToPath } from 'node:url';
import type { IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';
import type { ProgressMessage } from '../contract/desktop.ts';
import type { CallOptions, ProgressEvent } from '../contract/progress.ts';
import { PROGRESS_CHANNEL } from './bridge.ts';

/** Where our renderer is loaded from: the built files, or the electron-vite dev server. */
export type RendererTarget = { kind: 'file'; path: string } | { kind: 'dev'; url: string };

/**
 * The renderer has no Node, runs in Chromium's sandbox, is isolated from the preload's world, and
 * cannot turn web security off. Spellcheck is off because Chromium would download dictionaries,
 * and Pantau makes no network calls.
 */
export function windowPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

export interface CspOptions {
  /** The electron-vite dev server (dev only): Vite needs inline scripts/styles and its HMR socket. */
  devServerUrl?: string;
  /** For a <meta> tag: browsers ignore frame-ancestors there and warn about it. */
  forMeta?: boolean;
}

/**
 * The Content-Security-Policy of the renderer. Production allows nothing but our own files:
 * no inline script, no eval, no inline <style> (React and recharts set styles through the CSSOM,
 * which CSP does not govern), no plugins, frames, base-URI changes or form posts.
 */
export function buildCsp(options: CspOptions = {}): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : null;
  const devSocket = dev ? ` ${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}` : '';
  const directives = [
    "default-src 'self'",
    `script-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${devSocket}`,
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (!options.forMeta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/**
 * The dev server URL from ELECTRON_RENDERER_URL, accepted only in an unpackaged app and only on
 * this machine, so a stray environment variable cannot make the window load remote code.
 */
export function devServerUrl(value: string | undefined, packaged: boolean): string | undefined {
  if (!value || packaged) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return loopback && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : undefined;
}

/**
 * Whether a frame URL is our renderer: the built index.html itself (any #route or ?query), or a
 * page of the dev server's origin. Anything else — another file, another origin, about:blank,
 * a data: URL — is refused.
 */
export function isAllowedSender(frameUrl: string, target: RendererTarget, platform: NodeJS.Platform = process.platform): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (target.kind === 'dev') return url.origin === new URL(target.url).origin;
  if (url.protocol !== 'file:' || url.host !== '') return false;
  let path: string;
  try {
    path = fileURLToPath(url, { windows: platform === 'win32' });
  } catch {
    return false;
  }
  return platform === 'win32' ? path.toLowerCase() === target.path.toLowerCase() : path === target.path;
}

/** Navigation, new windows and <webview> are refused for every web contents of the app. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Camera, microphone, notifications, geolocation, devices…: Pantau needs none, so all are refused. */
export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Puts our policy on every response, replacing any policy a response brought. */
export function installCspHeader(session: Pick<Session, 'webRequest'>, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

export interface InvokeHandlerOptions {
  target: RendererTarget;
  /** The id of our window's web contents; calls from any other contents are refused. */
  contentsId: () => number | undefined;
  dispatch: (method: string, body: string, call?: CallPort, lang?: CallOptions['lang'], dropped?: readonly string[]) => Promise<string>;
  log?: (message: string) => void;
}

/** A long call named by the renderer: its progress goes back to the window that asked. */
export interface CallPort {
  id: string;
  onProgress(progress: ProgressEvent): void;
}

/** At most this many dropped files in one call (an import of a folder's worth is far fewer). */
const MAX_DROPPED = 1000;

/** The paths of the Files the preload found in a request, or null when `value` is not such a list. */
function droppedPaths(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_DROPPED) return null;
  return value.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 32_768) ? (value as string[]) : null;
}

/**
 * The ipcMain.handle listener: dispatches only calls from our window's top frame showing our
 * renderer. A refused call rejects (the page learns nothing more); it never reaches the core.
 * Its arguments are the preload's (preload.ts): method, body, call id, language, dropped paths.
 */
export function createInvokeHandler(options: InvokeHandlerOptions) {
  const log = options.log ?? ((message: string) => console.warn(message));
  return async (
    event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, method: unknown, body: unknown, callId?: unknown, lang?: unknown,
    dropped?: unknown,
  ): Promise<string> => {
    const frame = event.senderFrame;
    const url = frame?.url ?? '';
    const ours =
      frame !== null && frame.parent === null && event.sender.id === options.contentsId() && isAllowedSender(url, options.target);
    if (!ours) {
      log(`Panggilan IPC dari pengirim tak dikenal ditolak: ${url || '(tanpa frame)'}`);
      throw new Error('Pengirim tidak diizinkan.');
    }
    const files = droppedPaths(dropped);
    if (typeof method !== 'string' || typeof body !== 'string' || files === null) throw new Error('Panggilan tidak valid.');
    // Any language but id or en is ignored: the core then answers in its own.
    const language = lang === 'id' || lang === 'en' ? lang : undefined;
    if (typeof callId !== 'string' || callId.length === 0 || callId.length > 100) return options.dispatch(method, body, undefined, language, files);
    const sender = event.sender;
    return options.dispatch(method, body, {
      id: callId,
      onProgress: (progress) => {
        if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { callId, progress } satisfies ProgressMessage);
      },
    }, language, files);
  };
}
