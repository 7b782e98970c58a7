import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge, MenuEvent } from '../../src-main/contract/desktop.ts';
import type { Envelope } from '../../src-main/contract/wire.ts';

// The preload runs its wiring on import; the mocked electron records what it did.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (_channel: string, _method: string, _body: string, _callId?: string, _lang?: string, _dropped?: string[]) => '{"ok":true,"value":null}'),
    on: vi.fn(),
  },
  webUtils: { getPathForFile: vi.fn((file: File) => (file.name === 'tanpa-disk.csv' ? '' : `/data/${file.name}`)) },
}));
vi.mock('electron', () => electron);

let bridge: DesktopBridge;
let onMenu: (event: unknown, payload: unknown) => void;
const page = new EventTarget();

beforeAll(async () => {
  vi.stubGlobal('window', page);
  await import('../../src-main/electron/preload.ts');
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as DesktopBridge;
  onMenu = electron.ipcRenderer.on.mock.calls[0]![1] as typeof onMenu;
});

beforeEach(() => electron.ipcRenderer.invoke.mockClear());

describe('what the preload exposes', () => {
  it('exposes exactly one object, window.pantau, with exactly one function, invoke', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('pantau');
    expect(Object.keys(api as object)).toEqual(['invoke']);
    expect(typeof (api as DesktopBridge).invoke).toBe('function');
  });

  it('listens on the menu and progress channels only', () => {
    expect(electron.ipcRenderer.on.mock.calls.map((c) => c[0])).toEqual(['pantau:menu', 'pantau:progress']);
  });
});

describe('invoke', () => {
  it('sends JSON text as it is over the one invoke channel', async () => {
    await bridge.invoke('listRules', '{}');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('pantau:invoke', 'listRules', '{}', undefined, undefined, []);
  });

  it('answers with the main process envelope', async () => {
    await expect(bridge.invoke('listRules', '{}')).resolves.toBe('{"ok":true,"value":null}');
  });

  // Issue 18: the paths go beside the request, which names them "dropped:<n>", so that main can
  // tell a file the preload found from a path the page wrote (before, the path was put into the
  // request itself, where main could not tell the two apart: this test fails on that code).
  it('sends dropped File objects\' paths beside the request, which names them dropped:<n>, in arrays of objects', async () => {
    const a = new File(['x'], 'presensi.csv');
    const b = new File(['y'], 'pegawai.xlsx');
    await bridge.invoke('importFiles', { files: [{ path: a, kind: 'attendance', agency: 'KEMENDAGRI' }, { path: b, kind: 'roster' }] });
    const [, method, body, , , dropped] = electron.ipcRenderer.invoke.mock.calls[0]!;
    expect(method).toBe('importFiles');
    expect(JSON.parse(body)).toEqual({
      files: [
        { path: 'dropped:0', kind: 'attendance', agency: 'KEMENDAGRI' },
        { path: 'dropped:1', kind: 'roster' },
      ],
    });
    expect(dropped).toEqual(['/data/presensi.csv', '/data/pegawai.xlsx']);
    expect(body).not.toContain('/data');
  });

  it('does the same for a top-level File field', async () => {
    await bridge.invoke('previewImport', { path: new File(['x'], 'unit.csv'), kind: 'units' });
    const [, , body, , , dropped] = electron.ipcRenderer.invoke.mock.calls[0]!;
    expect(JSON.parse(body)).toEqual({ path: 'dropped:0', kind: 'units' });
    expect(dropped).toEqual(['/data/unit.csv']);
  });

  it('sends no dropped paths for JSON text, whatever it says', async () => {
    await bridge.invoke('previewImport', '{"path":"/etc/passwd","kind":"units"}');
    expect(electron.ipcRenderer.invoke.mock.calls[0]![5]).toEqual([]);
  });

  it('answers BAD_REQUEST, without sending, for a File that is not on disk', async () => {
    const text = await bridge.invoke('importFiles', { files: [{ path: new File(['x'], 'tanpa-disk.csv'), kind: 'units' }] });
    const envelope = JSON.parse(text) as Envelope;
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('BAD_REQUEST');
      expect(envelope.error.message).toContain('tanpa-disk.csv');
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends {} for a missing body', async () => {
    await bridge.invoke('listRules', undefined as unknown as string);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('pantau:invoke', 'listRules', '{}', undefined, undefined, []);
  });
});

describe('menu commands', () => {
  function received(payload: unknown): MenuEvent[] {
    const seen: MenuEvent[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent<MenuEvent>).detail);
    page.addEventListener('pantau:menu', listener);
    onMenu({}, payload);
    page.removeEventListener('pantau:menu', listener);
    return seen;
  }

  it('are delivered to the page as a pantau:menu DOM event', () => {
    const a = { token: 'file:abc.csv', name: 'a.csv' };
    const out = { token: 'file:def.xlsx', name: 'out.xlsx' };
    expect(received({ action: 'import', files: [a] })).toEqual([{ action: 'import', files: [a] }]);
    expect(received({ action: 'export', file: out })).toEqual([{ action: 'export', file: out }]);
  });

  it('are dropped when malformed', () => {
    expect(received({ action: 'import', files: [1] })).toEqual([]);
    expect(received({ action: 'import', paths: ['/data/a.csv'] })).toEqual([]);
    expect(received({ action: 'export', file: { token: 1, name: 'x' } })).toEqual([]);
    expect(received({ action: 'delete-everything' })).toEqual([]);
    expect(received(null)).toEqual([]);
  });
});

describe('progress of a named call', () => {
  let onProgress: (event: unknown, payload: unknown) => void;
  beforeAll(() => {
    onProgress = electron.ipcRenderer.on.mock.calls.find((c) => c[0] === 'pantau:progress')![1] as typeof onProgress;
  });

  function received(payload: unknown): unknown[] {
    const seen: unknown[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent).detail);
    page.addEventListener('pantau:progress', listener);
    onProgress({}, payload);
    page.removeEventListener('pantau:progress', listener);
    return seen;
  }

  it('sends the call id and the language with the call', async () => {
    await bridge.invoke('importFiles', '{"files":[]}', 'c1');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('pantau:invoke', 'importFiles', '{"files":[]}', 'c1', undefined, []);
    await bridge.invoke('importFiles', '{"files":[]}', 'c2', 'en');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('pantau:invoke', 'importFiles', '{"files":[]}', 'c2', 'en', []);
  });

  it('delivers progress as a pantau:progress DOM event and drops malformed messages', () => {
    const message = { callId: 'c1', progress: { phase: 'read', file: 'a.csv', fileIndex: 0, fileCount: 1, fraction: 0.5, rows: 10 } };
    expect(received(message)).toEqual([message]);
    expect(received({ callId: 1, progress: {} })).toEqual([]);
    expect(received({ callId: 'c1' })).toEqual([]);
  });
});
