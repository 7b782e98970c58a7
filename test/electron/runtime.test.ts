// The built desktop app (out/, from `electron-vite build`, which the e2e project's global setup runs) started in
// a real Electron through Playwright: the security settings that test/electron checks with the
// electron module mocked, asserted here on the running window. Needs an Electron binary; where
// there is none (`npm ci` with ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI) the suite is skipped and
// says so once. PANTAU_REQUIRE_ELECTRON=1 turns a missing binary into a failure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-main/contract/wire.ts';
import { buildCsp } from '../../src-main/electron/security.ts';
import { electronPackageDir, findElectronBinary, SKIP_MESSAGE } from '../../scripts/electron-binary.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'out/main/main.js');
const PRELOAD = join(ROOT, 'out/preload/preload.cjs');
const RENDERER = join(ROOT, 'out/renderer/index.html');
const STEP = 120_000;

const binary = findElectronBinary(electronPackageDir());
if (!binary.found) {
  const message = `${SKIP_MESSAGE} (${binary.reason}).`;
  if (process.env.PANTAU_REQUIRE_ELECTRON === '1') throw new Error(message);
  console.warn(message);
}

/** The environment of the app: this one, minus what would change what it loads, plus a fresh workspace and user-data folder. */
function appEnv(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE' && name !== 'ELECTRON_RENDERER_URL') env[name] = value;
  }
  env.PANTAU_DB = join(dir, 'runtime.duckdb');
  // Linux: the user-data folder (settings.json, the single-instance lock) is $XDG_CONFIG_HOME/pantau.
  env.XDG_CONFIG_HOME = join(dir, 'config');
  return env;
}

/** Without a display (a CI container) Chromium's Ozone headless backend, built into Electron for Linux, stands in. */
function appArgs(): string[] {
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  return [...(headless ? ['--ozone-platform=headless', '--disable-gpu'] : []), ROOT];
}

describe.skipIf(!binary.found)('the desktop app at runtime (Electron through Playwright)', () => {
  let dir: string;
  let env: Record<string, string>;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    expect(existsSync(MAIN), `${MAIN} is missing: the e2e project builds it (electron-vite build) in its global setup`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'pantau-electron-'));
    env = appEnv(dir);
    // No executablePath: Playwright then starts node_modules/electron's binary with its loader,
    // which holds the app's 'ready' until Playwright is attached.
    app = await _electron.launch({ args: appArgs(), cwd: ROOT, env, timeout: STEP });
    page = await app.firstWindow({ timeout: STEP });
    await page.waitForLoadState('domcontentloaded');
  }, STEP);

  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, STEP);

  it('the window runs with contextIsolation, sandbox, no Node integration and no <webview>', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // Undocumented but long-standing: the preferences the window's renderer was started with.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        | { getLastWebPreferences(): Record<string, unknown> | null }
        | undefined;
      return contents?.getLastWebPreferences() ?? null;
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
    const globals = await page.evaluate(() => [typeof globalThis.require, typeof globalThis.process, typeof globalThis.module]);
    expect(globals).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('the page carries the strict Content-Security-Policy and refuses inline script', async () => {
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content');
    expect(meta).toBe(buildCsp({ forMeta: true }));
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.inlineRan = "yes";';
      document.head.append(script);
      script.remove();
      return document.documentElement.dataset.inlineRan ?? 'no';
    });
    expect(inlineRan).toBe('no');
  });

  it('window.open opens no window and navigation to an external URL stays on our renderer', async () => {
    await page.evaluate(() => {
      window.open('https://example.com/', '_blank');
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    }).catch(() => undefined);
    await page.waitForTimeout(1_500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);
    const url = new URL(page.url());
    expect(url.protocol).toBe('file:');
    expect(fileURLToPath(url)).toBe(RENDERER);
  });

  it('permission requests are refused', async () => {
    const answers = await page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    }));
    expect(answers.notifications).toBe('denied');
    expect(answers.geolocation).not.toBe('granted');
  });

  it('window.pantau has invoke and nothing else', async () => {
    const surface = await page.evaluate(() => {
      const bridge = (window as unknown as { pantau?: Record<string, unknown> }).pantau;
      return bridge ? { keys: Object.getOwnPropertyNames(bridge), invoke: typeof bridge.invoke } : null;
    });
    expect(surface).toEqual({ keys: ['invoke'], invoke: 'function' });
  });

  it('invoke reaches the core: the workspace named by PANTAU_DB (by its name only), empty, answers the overview', async () => {
    const [workspace, overview] = await page.evaluate(async () => {
      const bridge = window.pantau;
      if (!bridge) return [null, null];
      return [await bridge.invoke('desktop.workspace', '{}'), await bridge.invoke('overview', '{}')];
    });
    expect(JSON.parse(workspace ?? 'null') as Envelope).toEqual({ ok: true, value: { name: 'runtime.duckdb' } });
    expect(JSON.parse(overview ?? 'null') as Envelope).toMatchObject({ ok: true, value: { data: { batches: 0, attendanceRows: 0 } } });
  }, STEP);

  // Issue 18: the page names no path; the real bridge refuses one before the core reads or writes it.
  it('invoke refuses a path the page writes, to read or to write', async () => {
    const answers = await page.evaluate(async () => {
      const bridge = window.pantau;
      if (!bridge) return [];
      return [
        await bridge.invoke('previewImport', '{"path":"/etc/passwd","kind":"units"}'),
        await bridge.invoke('exportWorkbook', { out: '/tmp/pantau-runtime-escape.xlsx' }),
      ];
    });
    expect(answers.map((a) => JSON.parse(a) as Envelope)).toEqual([
      { ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST' }) },
      { ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST' }) },
    ]);
    expect(existsSync('/tmp/pantau-runtime-escape.xlsx')).toBe(false);
  }, STEP);

  it('another window showing our renderer with our preload is refused by the IPC sender check', async () => {
    const [other, id] = await Promise.all([
      app.waitForEvent('window', { timeout: STEP }),
      app.evaluate(({ BrowserWindow }, paths) => {
        const win = new BrowserWindow({ show: false, webPreferences: { preload: paths.preload, sandbox: true, contextIsolation: true } });
        void win.loadFile(paths.renderer);
        return win.id;
      }, { preload: PRELOAD, renderer: RENDERER }),
    ]);
    try {
      await other.waitForLoadState('domcontentloaded');
      const answer = await other.evaluate(async () => {
        try {
          return `answered: ${await (window.pantau?.invoke('desktop.workspace', '{}') ?? Promise.resolve('no bridge'))}`;
        } catch (err) {
          return `refused: ${String(err)}`;
        }
      });
      expect(answer).toMatch(/^refused: .*Pengirim tidak diizinkan/);
    } finally {
      await app.evaluate(({ BrowserWindow }, winId) => BrowserWindow.fromId(winId)?.destroy(), id);
    }
  }, STEP);
});
