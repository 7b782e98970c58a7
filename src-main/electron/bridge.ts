// Shared by the preload and the main process. No runtime imports: a sandboxed preload can only
// require 'electron', so everything here is bundled into preload.cjs as plain code.
import type { MenuEvent, MenuEventName, ProgressEventName, ProgressMessage } from '../contract/desktop.ts';
import type { Envelope } from '../contract/wire.ts';

/** Renderer → main: one call of the API (method, JSON body) → JSON envelope. */
export const INVOKE_CHANNEL = 'pantau:invoke';
/** Main → preload: a native-menu command. */
export const MENU_CHANNEL = 'pantau:menu';
/** Preload → renderer: the DOM event on `window` carrying the command. */
export const MENU_EVENT: MenuEventName = 'pantau:menu';
/** Main → preload: progress of a call invoked with a call id. */
export const PROGRESS_CHANNEL = 'pantau:progress';
/** Preload → renderer: the DOM event on `window` carrying the progress. */
export const PROGRESS_EVENT: ProgressEventName = 'pantau:progress';

/** A request the preload refuses before sending it (answered as BAD_REQUEST). */
export class BodyError extends Error {}

/**
 * The request as JSON text. A string is taken as JSON text already; an object is serialised with
 * every `File` in it replaced by its path on disk (a sandboxed renderer has no paths, the core
 * needs them). JSON.stringify's replacer reaches Files at any depth in one pass.
 */
export function encodeBody(
  body: unknown,
  pathOf: (file: File) => string,
  isFile: (value: unknown) => value is File = (value): value is File => typeof File !== 'undefined' && value instanceof File,
): string {
  if (typeof body === 'string') return body;
  if (body === undefined || body === null) return '{}';
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (!isFile(value)) return value;
    const path = pathOf(value);
    if (!path) throw new BodyError(`Berkas "${value.name}" tidak ada di disk; pilih atau seret berkas dari sebuah folder.`);
    return path;
  });
  if (text === undefined) throw new BodyError('Isi permintaan tidak dapat dikirim.');
  return text;
}

/** The envelope the preload answers with when it refuses a request itself. */
export function badRequest(err: unknown): string {
  const message = err instanceof BodyError ? err.message : 'Isi permintaan tidak dapat dikirim.';
  const envelope: Envelope = { ok: false, error: { code: 'BAD_REQUEST', message, details: null } };
  return JSON.stringify(envelope);
}

export function isMenuEvent(value: unknown): value is MenuEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.action === 'import') return Array.isArray(v.paths) && v.paths.every((p) => typeof p === 'string');
  if (v.action === 'export') return typeof v.path === 'string';
  return false;
}

export function isProgressMessage(value: unknown): value is ProgressMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.callId === 'string' && typeof v.progress === 'object' && v.progress !== null;
}
