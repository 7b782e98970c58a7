import type { ProgressEvent } from './progress.ts';

/**
 * What the Electron preload gives the renderer (types only; src-main/electron implements it).
 *
 * The renderer sees exactly one function, `window.pantau.invoke(method, body)`, and only in the
 * desktop app (in a browser `window.pantau` is undefined and the HTTP transport is used).
 *
 * - `body` is either the JSON text of the request (what `createClient` produces), or the request
 *   object itself. A file is never named by its path: wherever a request names a file it holds
 *   either the `token` of a `DesktopFile` (from a native dialog: the menu's commands,
 *   `desktop.chooseExportFile`), or a web `File` (from a drop or an `<input type=file>`) at any
 *   depth, e.g. `invoke('importFiles', { files: [{ path: droppedFile, kind: 'attendance', agency }] })`.
 *   The preload hands each `File`'s path to the main process beside the request, never to the
 *   page; a `File` made in script (not from disk) is answered with a BAD_REQUEST envelope, and so is
 *   a path or an unknown token. A dropped file can be read, not written: a workbook is written
 *   only to a file chosen in the save dialog. Pass arrays (`Array.from(fileList)`), not a `FileList`.
 * - The answer is always the JSON text of an `Envelope` (see wire.ts). It holds no path either:
 *   a workbook's `out` is the token it was written to, and a message that quoted a path quotes
 *   the file's name.
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

/**
 * A file the user chose in a native dialog. The page names it in requests by `token` (an opaque
 * "file:…" the main process made) and shows `name` (the file's name, no folder); the path stays in
 * the main process. A token chosen to open is read only; one chosen to save is written only.
 */
export interface DesktopFile {
  token: string;
  name: string;
}

/** A native-menu command the renderer should carry out (the files were chosen in a native dialog). */
export type MenuEvent =
  /** Berkas › Impor berkas…: open the import screen with these files. */
  | { action: 'import'; files: DesktopFile[] }
  /** Berkas › Ekspor workbook…: export the workbook to this file. */
  | { action: 'export'; file: DesktopFile };

/** Methods answered by the desktop shell itself: request and result of each. */
export interface DesktopMethods {
  /** A native save dialog for a workbook (`out` of exportWorkbook, exportRejects); null when the user cancels. */
  'desktop.chooseExportFile': { request: { suggestedName?: string }; result: { file: DesktopFile | null } };
  /** Shows a written workbook in the system's file manager: the token of a file chosen to save. */
  'desktop.showInFolder': { request: { file: string }; result: { shown: true } };
  /** Cancels the running call that was invoked with this id (no error when it has ended). */
  'desktop.cancel': { request: { callId: string }; result: { cancelled: boolean } };
  /** The name of the workspace file that is open (its folder stays in the main process). */
  'desktop.workspace': { request: Record<string, never>; result: { name: string } };
}
export type DesktopMethodName = keyof DesktopMethods;
