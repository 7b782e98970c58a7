// Shared by the preload and the main process. No runtime imports: a sandboxed preload can only
// require 'electron', so everything here is bundled into preload.cjs as plain code.
import type { DesktopFile, MenuEvent, MenuEventName, ProgressEventName, ProgressMessage } from '../contract/desktop.ts';
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
 * A file the page passed as a `File`, as the request names it on its way to main: "dropped:<n>",
 * the n-th path of the call's `dropped` list. The page itself never learns the path.
 */
export const DROPPED_PREFIX = 'dropped:';

/** A request on its way to main: its JSON text, and the paths of the Files it held. */
export interface EncodedBody {
  text: string;
  dropped: string[];
}

/**
 * The request as JSON text. A string is taken as JSON text already; in an object every `File` is
 * replaced by "dropped:<n>", and its path on disk (a sandboxed renderer has none, the core needs
 * one) goes to the n-th place of `dropped`, which the preload sends beside the text. Main takes a
 * "dropped:<n>" only from that list, so a page cannot name a path by writing one. JSON.stringify's
 * replacer reaches Files at any depth in one pass.
 */
export function encodeBody(
  body: unknown,
  pathOf: (file: File) => string,
  isFile: (value: unknown) => value is File = (value): value is File => typeof File !== 'undefined' && value instanceof File,
): EncodedBody {
  if (typeof body === 'string') return { text: body, dropped: [] };
  if (body === undefined || body === null) return { text: '{}', dropped: [] };
  const dropped: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (!isFile(value)) return value;
    const path = pathOf(value);
    if (!path) throw new BodyError(`Berkas "${value.name}" tidak ada di disk; pilih atau seret berkas dari sebuah folder.`);
    dropped.push(path);
    return `${DROPPED_PREFIX}${dropped.length - 1}`;
  });
  if (text === undefined) throw new BodyError('Isi permintaan tidak dapat dikirim.');
  return { text, dropped };
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
  if (v.action === 'import') return Array.isArray(v.files) && v.files.every(isDesktopFile);
  if (v.action === 'export') return isDesktopFile(v.file);
  return false;
}

function isDesktopFile(value: unknown): value is DesktopFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === 'string' && typeof v.name === 'string';
}

export function isProgressMessage(value: unknown): value is ProgressMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.callId === 'string' && typeof v.progress === 'object' && v.progress !== null;
}
