import type { ProgressEvent } from './progress.ts';

/**
 * What the Electron preload gives the renderer (types only; src-main/electron implements it).
 *
 * The renderer sees exactly one function, `window.pantau.invoke(method, body)`, and only in the
 * desktop app (in a browser `window.pantau` is undefined and the HTTP transport is used).
 *
 * - `body` is either the JSON text of the request (what `createClient` produces), or the request
 *   object itself. An object may hold web `File` objects (from a drop or an `<input type=file>`)
 *   wherever the request wants a path, at any depth, e.g.
 *   `invoke('importFiles', { files: [{ path: droppedFile, kind: 'attendance', agency }] })`:
 *   the preload replaces each `File` with its path on disk before sending, because a sandboxed
 *   renderer cannot see paths. A `File` made in script (not from disk) is answered with a
 *   BAD_REQUEST envelope. Pass arrays (`Array.from(fileList)`), not a `FileList`.
 * - The answer is always the JSON text of an `Envelope` (see wire.ts).
 *
 * Native-menu commands reach the renderer as a DOM event on `window`, so that `invoke` stays the
 * only exposed function: `window.addEventListener('pantau:menu', (e) => (e as CustomEvent<MenuEvent>).detail)`.
 *
 * The desktop shell also answers a few methods of its own through `invoke` (never forwarded to the
 * core; the HTTP transport answers them as unknown): see `DesktopMethods`.
 */
export interface DesktopBridge {
  /**
   * `callId` (optional) names a long call (import, check, export): its progress then arrives as
   * 'pantau:progress' DOM events carrying a `ProgressMessage`, and `desktop.cancel` with the same id
   * cancels it. `lang` (optional) is the language of the texts the core builds for this call.
   */
  invoke(method: string, body: string | object, callId?: string, lang?: 'id' | 'en'): Promise<string>;
}

/** The DOM event name on `window` that carries a `ProgressMessage` as its `detail`. */
export type ProgressEventName = 'pantau:progress';

export interface ProgressMessage {
  callId: string;
  progress: ProgressEvent;
}

/** The DOM event name on `window` that carries a `MenuEvent` as its `detail`. */
export type MenuEventName = 'pantau:menu';

/** A native-menu command the renderer should carry out (the paths were chosen in a native dialog). */
export type MenuEvent =
  /** Berkas › Impor berkas…: open the import screen with these files. */
  | { action: 'import'; paths: string[] }
  /** Berkas › Ekspor workbook…: export the workbook to this path. */
  | { action: 'export'; path: string };

/** Methods answered by the desktop shell itself: request and result of each. */
export interface DesktopMethods {
  /** A native save dialog for the workbook; `path` is null when the user cancels. */
  'desktop.chooseExportPath': { request: { suggestedName?: string }; result: { path: string | null } };
  /** Shows a file in the system's file manager; only paths this shell handed out for export. */
  'desktop.showInFolder': { request: { path: string }; result: { shown: true } };
  /** Cancels the running call that was invoked with this id (no error when it has ended). */
  'desktop.cancel': { request: { callId: string }; result: { cancelled: boolean } };
  /** The workspace file that is open. */
  'desktop.workspace': { request: Record<string, never>; result: { path: string } };
}
export type DesktopMethodName = keyof DesktopMethods;
