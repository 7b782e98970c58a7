import { describe, expect, it, vi } from 'vitest';
import {
  buildCsp, createInvokeHandler, denyPermissions, devServerUrl, hardenWebContents, installCspHeader, isAllowedSender,
  windowPreferences, type RendererTarget,
} from '../../src-main/electron/security.ts';

const RENDERER = '/opt/pantau/out/renderer/index.html';
const FILE_TARGET: RendererTarget = { kind: 'file', path: RENDERER };
const DEV_TARGET: RendererTarget = { kind: 'dev', url: 'http://localhost:5173/' };

/** CSP text → directive name → its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('window webPreferences', () => {
  const prefs = windowPreferences('/app/preload.cjs');

  it('isolates, sandboxes and keeps Node and web security as they must be', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('turns spellcheck off, since its dictionaries would be downloaded', () => {
    expect(prefs.spellcheck).toBe(false);
  });

  it('sets no option that would weaken the window', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});

describe('Content-Security-Policy', () => {
  const prod = directives(buildCsp());

  it('allows only our own files by default, with no eval and no inline code', () => {
    expect(prod.get('default-src')).toEqual(["'self'"]);
    expect(prod.get('script-src')).toEqual(["'self'"]);
    expect(prod.get('style-src')).toEqual(["'self'"]);
    expect(buildCsp()).not.toContain('unsafe-eval');
    expect(buildCsp()).not.toContain('unsafe-inline');
  });

  it('limits connections to our own origin and forbids plugins, frames, base and form targets', () => {
    expect(prod.get('connect-src')).toEqual(["'self'"]);
    expect(prod.get('object-src')).toEqual(["'none'"]);
    expect(prod.get('frame-src')).toEqual(["'none'"]);
    expect(prod.get('frame-ancestors')).toEqual(["'none'"]);
    expect(prod.get('base-uri')).toEqual(["'none'"]);
    expect(prod.get('form-action')).toEqual(["'none'"]);
  });

  it('names no remote host anywhere', () => {
    expect(buildCsp()).not.toMatch(/https?:|\*/);
  });

  it('leaves frame-ancestors out of the <meta> form, where browsers ignore it', () => {
    const meta = directives(buildCsp({ forMeta: true }));
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('script-src')).toEqual(["'self'"]);
  });

  it('in dev allows what Vite needs (inline preamble, its HMR socket) and still no eval', () => {
    const dev = directives(buildCsp({ devServerUrl: 'http://localhost:5173/' }));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(buildCsp({ devServerUrl: 'http://localhost:5173/' })).not.toContain('unsafe-eval');
  });

  it('is put on every response, replacing a policy the response brought', () => {
    let listener: ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    const session = { webRequest: { onHeadersReceived: vi.fn((l: typeof listener) => (listener = l)) } };
    installCspHeader(session as never, "default-src 'self'");
    const callback = vi.fn();
    listener!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ["default-src 'self'"] },
    });
  });
});

describe('dev server URL', () => {
  it('is used only unpackaged and only on loopback over http(s)', () => {
    expect(devServerUrl('http://localhost:5173/', false)).toBe('http://localhost:5173/');
    expect(devServerUrl('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl('http://localhost:5173/', true)).toBeUndefined();
    expect(devServerUrl('https://evil.example/', false)).toBeUndefined();
    expect(devServerUrl('file:///etc/passwd', false)).toBeUndefined();
    expect(devServerUrl('not a url', false)).toBeUndefined();
    expect(devServerUrl(undefined, false)).toBeUndefined();
  });
});

describe('IPC sender check', () => {
  it('accepts our built index.html, with or without a route', () => {
    expect(isAllowedSender('file:///opt/pantau/out/renderer/index.html', FILE_TARGET, 'linux')).toBe(true);
    expect(isAllowedSender('file:///opt/pantau/out/renderer/index.html#/kepatuhan', FILE_TARGET, 'linux')).toBe(true);
  });

  it('refuses other files, other origins and pseudo-URLs', () => {
    for (const url of [
      'file:///opt/pantau/out/renderer/other.html',
      'file:///home/user/Downloads/evil.html',
      'file://server/opt/pantau/out/renderer/index.html',
      'https://evil.example/',
      'http://localhost:5173/',
      'about:blank',
      'data:text/html,<script>1</script>',
      '',
    ]) {
      expect(isAllowedSender(url, FILE_TARGET, 'linux'), url).toBe(false);
    }
  });

  it('in dev accepts only the dev server origin', () => {
    expect(isAllowedSender('http://localhost:5173/#/impor', DEV_TARGET)).toBe(true);
    expect(isAllowedSender('http://localhost:5174/', DEV_TARGET)).toBe(false);
    expect(isAllowedSender('http://127.0.0.1:5173/', DEV_TARGET)).toBe(false);
    expect(isAllowedSender('file:///opt/pantau/out/renderer/index.html', DEV_TARGET)).toBe(false);
  });

  it('compares Windows paths without regard to case', () => {
    const target: RendererTarget = { kind: 'file', path: 'C:\\Pantau\\out\\renderer\\index.html' };
    expect(isAllowedSender('file:///c:/Pantau/out/renderer/index.html', target, 'win32')).toBe(true);
    expect(isAllowedSender('file:///c:/Pantau/out/renderer/evil.html', target, 'win32')).toBe(false);
  });
});

describe('the IPC handler', () => {
  const OUR_ID = 7;
  function event(url: string | null, options: { id?: number; parent?: object | null } = {}) {
    return {
      sender: { id: options.id ?? OUR_ID },
      senderFrame: url === null ? null : { url, parent: options.parent ?? null },
    } as never;
  }
  function handler() {
    const dispatch = vi.fn(async (method: string, body: string, _call?: unknown, _lang?: string, _dropped?: readonly string[]) => `${method}:${body}`);
    const log = vi.fn();
    return { dispatch, log, handle: createInvokeHandler({ target: FILE_TARGET, contentsId: () => OUR_ID, dispatch, log }) };
  }
  const OURS = 'file:///opt/pantau/out/renderer/index.html';

  it('passes a named call’s progress back to the window that asked, on the progress channel', async () => {
    const dispatch = vi.fn(async (_method: string, _body: string, call?: { id: string; onProgress(p: unknown): void }) => {
      call?.onProgress({ phase: 'read', fraction: 0.5 });
      return 'ok';
    });
    const handle = createInvokeHandler({ target: FILE_TARGET, contentsId: () => OUR_ID, dispatch, log: vi.fn() });
    const send = vi.fn();
    const ev = { sender: { id: OUR_ID, send, isDestroyed: () => false }, senderFrame: { url: OURS, parent: null } } as never;
    await expect(handle(ev, 'importFiles', '{}', 'c9')).resolves.toBe('ok');
    expect(dispatch.mock.calls[0]![2]).toMatchObject({ id: 'c9' });
    expect(send).toHaveBeenCalledWith('pantau:progress', { callId: 'c9', progress: { phase: 'read', fraction: 0.5 } });
    await handle(ev, 'importFiles', '{}', 42);
    expect(dispatch.mock.calls[1]![2]).toBeUndefined(); // not a call id: no progress port
  });

  it('dispatches a call from our renderer', async () => {
    const { handle, dispatch } = handler();
    await expect(handle(event(OURS), 'listRules', '{}')).resolves.toBe('listRules:{}');
    expect(dispatch).toHaveBeenCalledWith('listRules', '{}', undefined, undefined, []);
  });

  it('passes the call\'s language on, and only id or en', async () => {
    const { handle, dispatch } = handler();
    await handle(event(OURS), 'listRules', '{}', undefined, 'en');
    expect(dispatch).toHaveBeenLastCalledWith('listRules', '{}', undefined, 'en', []);
    await handle(event(OURS), 'importFiles', '{}', 'c1', 'id');
    expect(dispatch.mock.lastCall![3]).toBe('id');
    for (const bad of ['fr', 'EN', 1, {}]) {
      await handle(event(OURS), 'listRules', '{}', undefined, bad);
      expect(dispatch.mock.lastCall![3]).toBeUndefined();
    }
  });

  it('refuses a foreign origin without dispatching', async () => {
    const { handle, dispatch, log } = handler();
    await expect(handle(event('https://evil.example/'), 'listRules', '{}')).rejects.toThrow('tidak diizinkan');
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
  });

  it('refuses a subframe, another web contents and a vanished frame even at our URL', async () => {
    const { handle, dispatch } = handler();
    await expect(handle(event(OURS, { parent: {} }), 'listRules', '{}')).rejects.toThrow();
    await expect(handle(event(OURS, { id: 8 }), 'listRules', '{}')).rejects.toThrow();
    await expect(handle(event(null), 'listRules', '{}')).rejects.toThrow();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses arguments that are not text', async () => {
    const { handle, dispatch } = handler();
    await expect(handle(event(OURS), 'listRules', { files: [] }), 'object body').rejects.toThrow('tidak valid');
    await expect(handle(event(OURS), 42, '{}'), 'number method').rejects.toThrow('tidak valid');
    expect(dispatch).not.toHaveBeenCalled();
  });

  // Issue 18: fails on the old code, which passed no dropped list on.
  it('passes the dropped files\' paths the preload sent beside the request, and refuses any other list', async () => {
    const { handle, dispatch } = handler();
    await handle(event(OURS), 'previewImport', '{"path":"dropped:0"}', undefined, undefined, ['/data/a.csv']);
    expect(dispatch).toHaveBeenLastCalledWith('previewImport', '{"path":"dropped:0"}', undefined, undefined, ['/data/a.csv']);
    await handle(event(OURS), 'importFiles', '{}', 'c1', 'id', ['/data/a.csv', '/data/b.xlsx']);
    expect(dispatch.mock.lastCall![4]).toEqual(['/data/a.csv', '/data/b.xlsx']);
    const calls = dispatch.mock.calls.length;
    for (const bad of ['/etc/passwd', [1], [''], {}, null, Array(1001).fill('/data/a.csv')]) {
      await expect(handle(event(OURS), 'importFiles', '{}', undefined, undefined, bad)).rejects.toThrow('tidak valid');
    }
    expect(dispatch).toHaveBeenCalledTimes(calls);
  });
});

describe('navigation, new windows and webviews', () => {
  function contents() {
    const handlers = new Map<string, (event: { preventDefault: () => void }) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const fake = {
      on: vi.fn((name: string, fn: (event: { preventDefault: () => void }) => void) => handlers.set(name, fn)),
      setWindowOpenHandler: vi.fn((fn: typeof openHandler) => (openHandler = fn)),
    };
    hardenWebContents(fake as never);
    return { handlers, open: (url: string) => openHandler!({ url }) };
  }

  it('denies every navigation away from the page', () => {
    const { handlers } = contents();
    for (const url of ['https://evil.example/', 'file:///etc/passwd']) {
      const event = { preventDefault: vi.fn(), url };
      handlers.get('will-navigate')!(event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('denies window.open and target=_blank', () => {
    expect(contents().open('https://example.org/')).toEqual({ action: 'deny' });
  });

  it('denies attaching a <webview>', () => {
    const event = { preventDefault: vi.fn() };
    contents().handlers.get('will-attach-webview')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  function session() {
    const s = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyPermissions(s as never);
    return s;
  }

  it('refuses every permission request', () => {
    const request = session().setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown, permission: string, cb: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('answers every permission check and device request with no', () => {
    const s = session();
    const check = s.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    const device = s.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'file://', {})).toBe(false);
    expect(check({}, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
