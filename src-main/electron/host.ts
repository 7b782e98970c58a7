// The desktop app around the core: which workspace is open, the native dialogs, the menu's
// commands, and the few methods the shell answers itself. Electron comes in through small ports
// (Dialogs, WindowPort) so that all of this runs in tests without Electron.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { MessageBoxOptions, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { MethodName } from '../contract/api.ts';
import type { DesktopFile, DesktopMethods, MenuEvent } from '../contract/desktop.ts';
import { AppError, type ErrorCode } from '../contract/errors.ts';
import { fileFieldsOf } from '../contract/files.ts';
import type { CallOptions } from '../contract/progress.ts';
import { VALIDATORS } from '../contract/validate.ts';
import { createDispatcher, type Dispatcher, type Envelope } from '../contract/wire.ts';
import type { Core } from '../core/index.ts';
import { createFileTokens, type NamedFile } from './files.ts';
import type { MenuActions } from './menu.ts';
import type { CallPort } from './security.ts';
import { readSettings, rememberWorkspace } from './settings.ts';

export interface Dialogs {
  open(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  save(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  message(options: MessageBoxOptions): Promise<unknown>;
  error(title: string, content: string): void;
}

export interface WindowPort {
  send(event: MenuEvent): void;
  setTitle(title: string): void;
  /** After a workspace switch, so every screen reads the new workspace. */
  reload(): void;
}

export interface HostOptions {
  dialogs: Dialogs;
  window: WindowPort;
  showInFolder(path: string): void;
  openCore(path: string): Promise<Core>;
  settingsFile: string;
  /** pantau.duckdb in the user's data folder. */
  defaultWorkspace: string;
  documentsDir: string;
  version: string;
}

export interface Host {
  /** Opens the first workspace: `preferred` (PANTAU_DB), else the remembered one, else the default. */
  start(preferred?: string): Promise<boolean>;
  /**
   * One API call: the shell's own desktop.* methods, or the core's through its dispatcher. Files are
   * named by the tokens this shell handed out, or as "dropped:<n>" for the n-th of `dropped` (the
   * paths of the Files the preload found in the request); a path is refused before the core.
   */
  dispatch(method: string, body: string, call?: CallPort, lang?: CallOptions['lang'], dropped?: readonly string[]): Promise<string>;
  /** Closes the open workspace, switches to `path`, remembers it. False (and a dialog) on failure. */
  switchWorkspace(path: string): Promise<boolean>;
  readonly actions: MenuActions;
  readonly workspace: string | null;
  close(): Promise<void>;
}

interface Workspace {
  path: string;
  core: Core;
  dispatcher: Dispatcher;
  inflight: Set<Promise<string>>;
  /** Set when another workspace took over: new calls go there, running ones finish here. */
  retiring: boolean;
}

const WORKSPACE_FILTER = [{ name: 'Workspace Pantau', extensions: ['duckdb'] }];
const DATA_FILTERS = [
  { name: 'Data (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] },
  { name: 'Semua berkas', extensions: ['*'] },
];

function ok(value: unknown): string {
  return JSON.stringify({ ok: true, value } satisfies Envelope);
}

function fail(code: ErrorCode, message: string, messageEn?: string): string {
  return JSON.stringify({ ok: false, error: { code, message, ...(messageEn ? { messageEn } : {}), details: null } } satisfies Envelope);
}

/**
 * The core's answer as the page may see it: a written workbook's `out` is its token again, and a
 * path anywhere else (a message quoting one) becomes the file's name.
 */
function disclose(answer: string, named: readonly NamedFile[]): string {
  const envelope = JSON.parse(answer) as Envelope;
  if (envelope.ok && typeof envelope.value === 'object' && envelope.value !== null) {
    const value = envelope.value as Record<string, unknown>;
    const out = named.find((f) => f.role === 'write' && f.path === value.out);
    if (out) value.out = out.token;
  }
  let text = JSON.stringify(envelope);
  const inJson = (s: string) => JSON.stringify(s).slice(1, -1);
  for (const f of [...named].sort((a, b) => b.path.length - a.path.length)) text = text.replaceAll(inJson(f.path), inJson(f.name));
  return text;
}

function withExtension(path: string, ext: string): string {
  return extname(path).toLowerCase() === ext ? path : `${path}${ext}`;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createHost(options: HostOptions): Host {
  const { dialogs, window } = options;
  let current: Promise<Workspace | null> = Promise.resolve(null);
  let openPath: string | null = null;
  /** The files the user chose in this shell's dialogs, as the tokens the page names them by. */
  const tokens = createFileTokens();
  /** Calls invoked with a call id, so `desktop.cancel` can stop them. */
  const running = new Map<string, AbortController>();

  async function openWorkspace(path: string): Promise<Workspace> {
    const core = await options.openCore(path);
    return { path, core, dispatcher: createDispatcher(core), inflight: new Set(), retiring: false };
  }

  function adopt(ws: Workspace): void {
    openPath = ws.path;
    window.setTitle(`${basename(ws.path)} — Pantau`);
  }

  async function retire(ws: Workspace): Promise<void> {
    ws.retiring = true;
    await Promise.allSettled([...ws.inflight]);
    ws.core.close();
  }

  async function tryOpen(path: string): Promise<Workspace | null> {
    try {
      return await openWorkspace(path);
    } catch (err) {
      dialogs.error('Workspace tidak dapat dibuka', `${path}\n\n${messageOf(err)}`);
      return null;
    }
  }

  async function start(preferred?: string): Promise<boolean> {
    // `current` is set before the first await, so calls made meanwhile wait for this workspace.
    const opening = (async () => {
      const settings = await readSettings(options.settingsFile);
      const fallback = resolve(options.defaultWorkspace);
      const first = resolve(preferred ?? settings.lastWorkspace ?? fallback);
      const ws = (await tryOpen(first)) ?? (first === fallback ? null : await tryOpen(fallback));
      if (ws) adopt(ws);
      return ws;
    })();
    current = opening;
    return (await opening) !== null;
  }

  async function switchWorkspace(path: string): Promise<boolean> {
    const target = resolve(path);
    const old = await current;
    if (old?.path === target) return true;
    const next = await tryOpen(target);
    if (!next) return false;
    current = Promise.resolve(next);
    adopt(next);
    if (old) await retire(old);
    await rememberWorkspace(options.settingsFile, target).catch((err: unknown) => console.error(err));
    window.reload();
    return true;
  }

  async function chooseExportFile(suggestedName?: string): Promise<DesktopFile | null> {
    const today = new Date().toISOString().slice(0, 10);
    const name = basename(suggestedName ?? `Pantau-${today}.xlsx`);
    const result = await dialogs.save({
      title: 'Ekspor workbook',
      defaultPath: join(options.documentsDir, name),
      filters: [{ name: 'Workbook Excel', extensions: ['xlsx'] }],
    });
    if (result.canceled || !result.filePath) return null;
    return tokens.issue(withExtension(result.filePath, '.xlsx'), 'write');
  }

  async function desktopCall(method: string, body: string): Promise<string> {
    let req: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(body);
      req = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return fail('BAD_REQUEST', 'Isi permintaan bukan JSON yang valid');
    }
    switch (method) {
      case 'desktop.chooseExportFile': {
        const suggested = typeof req.suggestedName === 'string' ? req.suggestedName : undefined;
        return ok({ file: await chooseExportFile(suggested) } satisfies DesktopMethods['desktop.chooseExportFile']['result']);
      }
      case 'desktop.showInFolder': {
        let path: string;
        try {
          if (typeof req.file !== 'string') throw new Error('no token');
          path = tokens.resolve(req.file, 'write', []).path;
        } catch {
          return fail('BAD_REQUEST', 'Hanya berkas hasil ekspor yang dapat ditampilkan di folder.', 'Only an exported file can be shown in its folder.');
        }
        options.showInFolder(path);
        return ok({ shown: true } satisfies DesktopMethods['desktop.showInFolder']['result']);
      }
      case 'desktop.cancel': {
        const controller = typeof req.callId === 'string' ? running.get(req.callId) : undefined;
        controller?.abort();
        return ok({ cancelled: controller !== undefined } satisfies DesktopMethods['desktop.cancel']['result']);
      }
      case 'desktop.workspace':
        if (openPath === null) return fail('WORKSPACE_INVALID', 'Tidak ada workspace yang terbuka.');
        return ok({ name: basename(openPath) } satisfies DesktopMethods['desktop.workspace']['result']);
      default:
        return fail('BAD_REQUEST', `Metode tidak dikenal: ${method}`);
    }
  }

  /**
   * The request with every file it names (FILE_FIELDS) turned into its path, or the refusal: a
   * file is named by a token of this shell or as one of the call's dropped files, never by a path.
   */
  function nameFiles(method: string, body: string, dropped: readonly string[]): { body: string; named: NamedFile[] } | { refused: string } {
    const fields = fileFieldsOf(method);
    if (!fields) return { body, named: [] };
    const named: NamedFile[] = [];
    try {
      let req: unknown;
      try {
        req = JSON.parse(body);
      } catch {
        throw new AppError('BAD_REQUEST', 'Isi permintaan bukan JSON yang valid', 'The request body is not valid JSON');
      }
      // The same check the dispatcher makes, first: the fields are then where the contract says.
      VALIDATORS[method as MethodName](req);
      const resolved = fields(req, (value, role) => {
        const file = tokens.resolve(value, role, dropped);
        named.push(file);
        return file.path;
      });
      return { body: JSON.stringify(resolved), named };
    } catch (err) {
      if (err instanceof AppError) return { refused: fail(err.code, err.message, err.messageEn) };
      throw err;
    }
  }

  async function dispatch(method: string, body: string, port?: CallPort, lang?: CallOptions['lang'], dropped: readonly string[] = []): Promise<string> {
    if (method.startsWith('desktop.')) return desktopCall(method, body);
    const request = nameFiles(method, body, dropped);
    if ('refused' in request) return request.refused;
    const controller = port ? new AbortController() : undefined;
    if (port && controller) running.set(port.id, controller);
    try {
      const answer = await dispatchToCore(method, request.body, { ...(port && controller ? { onProgress: port.onProgress, signal: controller.signal } : {}), lang });
      return request.named.length > 0 ? disclose(answer, request.named) : answer;
    } finally {
      if (port && running.get(port.id) === controller) running.delete(port.id);
    }
  }

  async function dispatchToCore(method: string, body: string, opts?: CallOptions): Promise<string> {
    for (;;) {
      const ws = await current;
      if (!ws) return fail('WORKSPACE_INVALID', 'Tidak ada workspace yang terbuka.');
      if (ws.retiring) continue;
      const call = ws.dispatcher.dispatch(method, body, opts);
      ws.inflight.add(call);
      try {
        return await call;
      } finally {
        ws.inflight.delete(call);
      }
    }
  }

  function report(work: Promise<unknown>): void {
    work.catch((err: unknown) => dialogs.error('Terjadi kesalahan', messageOf(err)));
  }

  const actions: MenuActions = {
    openWorkspace: () =>
      report(
        (async () => {
          const result = await dialogs.open({
            title: 'Buka workspace',
            defaultPath: openPath ? dirname(openPath) : undefined,
            filters: WORKSPACE_FILTER,
            properties: ['openFile'],
          });
          const path = result.filePaths[0];
          if (!result.canceled && path) await switchWorkspace(path);
        })(),
      ),
    newWorkspace: () =>
      report(
        (async () => {
          const result = await dialogs.save({
            title: 'Workspace baru',
            defaultPath: join(openPath ? dirname(openPath) : options.documentsDir, 'workspace-baru.duckdb'),
            filters: WORKSPACE_FILTER,
          });
          if (result.canceled || !result.filePath) return;
          const path = withExtension(result.filePath, '.duckdb');
          // A save dialog may have asked "replace?"; a workspace holds the user's data, so it is
          // opened as it is, never emptied, and the user is told.
          const existed = existsSync(path);
          if ((await switchWorkspace(path)) && existed) {
            await dialogs.message({
              type: 'info',
              title: 'Workspace baru',
              message: 'Berkas ini sudah ada, jadi Pantau membukanya tanpa menghapus isinya.',
              detail: path,
            });
          }
        })(),
      ),
    importFiles: () =>
      report(
        (async () => {
          const result = await dialogs.open({
            title: 'Impor berkas',
            defaultPath: options.documentsDir,
            filters: DATA_FILTERS,
            properties: ['openFile', 'multiSelections'],
          });
          if (!result.canceled && result.filePaths.length > 0) {
            window.send({ action: 'import', files: result.filePaths.map((path) => tokens.issue(path, 'read')) });
          }
        })(),
      ),
    exportWorkbook: () =>
      report(
        (async () => {
          const file = await chooseExportFile();
          if (file) window.send({ action: 'export', file });
        })(),
      ),
    about: () =>
      report(
        dialogs.message({
          type: 'info',
          title: 'Tentang Pantau',
          message: `Pantau ${options.version}`,
          detail:
            'Pemantauan dan evaluasi fleksibilitas kerja ASN (PermenPANRB 4/2025).\n' +
            'Semua data tetap di komputer ini; Pantau tidak melakukan panggilan jaringan.\n\n' +
            `Workspace: ${openPath ?? '-'}`,
        }),
      ),
  };

  return {
    start,
    dispatch,
    switchWorkspace,
    actions,
    get workspace() {
      return openPath;
    },
    async close() {
      const ws = await current;
      current = Promise.resolve(null);
      openPath = null;
      if (ws && !ws.retiring) await retire(ws);
    },
  };
}
