import { basename, dirname, join, resolve, sep } from 'node:path';
import { AppError } from '../contract/errors.ts';

/**
 * Disk failures (full, no permission, read-only, a read or write that failed), from Node's errno
 * codes or DuckDB's error text, as one AppError code (IO_FAILED) whose message names the file or
 * folder and says what to do. Without this a full disk reached the user as "Internal error: IO
 * Error: … No space left on device" or as a bare "Kesalahan internal".
 */
export type IoKind = 'full' | 'denied' | 'readonly' | 'failed';

const ERRNO: Record<string, IoKind> = {
  ENOSPC: 'full', EDQUOT: 'full', EFBIG: 'full',
  EACCES: 'denied', EPERM: 'denied',
  EROFS: 'readonly',
  EIO: 'failed', ENXIO: 'failed', ENODEV: 'failed',
};

/** DuckDB names no errno: its text carries the operating system's words. Most specific first. */
const TEXT: [RegExp, IoKind][] = [
  [/No space left on device|ENOSPC|disk is full|Disk quota exceeded|File too large|max_temp_directory_size|temp(orary)? directory .*full/i, 'full'],
  [/Read-only file system|EROFS/i, 'readonly'],
  [/Permission denied|EACCES|Operation not permitted/i, 'denied'],
  // Only failures to write: DuckDB says "IO Error" of files it cannot parse too, which the import
  // code tells apart and reports itself.
  [/Input\/output error|\bEIO\b|Could not (write|fsync|sync|truncate)\b/i, 'failed'],
];

function textOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** What kind of disk failure err is, or null when it is none. */
export function ioKind(err: unknown): IoKind | null {
  if (err instanceof AppError) return null;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && ERRNO[code]) return ERRNO[code]!;
  const text = textOf(err);
  return TEXT.find(([re]) => re.test(text))?.[1] ?? null;
}

/** The file DuckDB or Node names in its message ("…file "/a/b.duckdb.wal": …", "open '/a/b'"), if any. */
export function pathIn(err: unknown): string | undefined {
  const fromNode = (err as NodeJS.ErrnoException | null)?.path;
  if (typeof fromNode === 'string' && fromNode) return fromNode;
  const text = textOf(err);
  for (const [, path] of text.matchAll(/["'“]([^"'”\n]*[\\/][^"'”\n]*)["'”]/g)) return path;
  return undefined;
}

/** The thing that could not be written, as a person knows it: [Indonesian, English]. */
export type Subject = [string, string];

export const workspaceSubject = (path: string): Subject => [`workspace ${basename(path)}`, `the workspace ${basename(path)}`];
export const workbookSubject = (path: string): Subject => [`buku kerja ${basename(path)}`, `the workbook ${basename(path)}`];
export const TEMP_SUBJECT: Subject = ['berkas sementara', 'temporary files'];

/**
 * DuckDB gives up on a workspace after a failed checkpoint ("FATAL"): every later statement of
 * that process fails, naming the first failure, until the workspace is opened again. The CLI opens
 * it anew for each command; an app that keeps it open must reopen it, and its user is told so.
 */
const INVALIDATED = /database has been invalidated/i;

/** One message per kind, naming what failed and the folder it is in, with what to do. */
export function ioFailure(kind: IoKind, subject: Subject, folder: string, cause?: unknown): AppError {
  const [id, en] = subject;
  if (INVALIDATED.test(cause instanceof Error ? cause.message : String(cause ?? ''))) {
    const error = new AppError('IO_FAILED', `Workspace harus dibuka ulang: ${id} tadi tidak dapat ditulis ke ${folder} (${KIND_ID[kind]}). Atasi itu, lalu tutup dan buka lagi workspace ini.`,
      `The workspace must be opened again: ${en} could not be written to ${folder} (${KIND_EN[kind]}). Deal with that, then close and open this workspace again.`,
      { kind, folder, reopen: true });
    Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
    return error;
  }
  const [msg, msgEn] = ({
    full: [`Disk penuh: ${id} tidak dapat ditulis ke ${folder}. Kosongkan ruang lalu coba lagi.`,
      `Disk full: ${en} could not be written to ${folder}. Free some space, then try again.`],
    denied: [`Tidak ada izin: ${id} tidak dapat ditulis ke ${folder}. Pilih folder lain atau minta izin menulis, lalu coba lagi.`,
      `No permission: ${en} could not be written to ${folder}. Choose another folder or get permission to write there, then try again.`],
    readonly: [`Disk hanya-baca: ${id} tidak dapat ditulis ke ${folder}. Pilih folder di disk lain lalu coba lagi.`,
      `Read-only disk: ${en} could not be written to ${folder}. Choose a folder on another disk, then try again.`],
    failed: [`Galat disk: ${id} di ${folder} tidak dapat dibaca atau ditulis. Periksa disknya (atau drive yang terlepas) lalu coba lagi.`,
      `Disk error: ${en} in ${folder} could not be read or written. Check the disk (or a drive that was removed), then try again.`],
  } satisfies Record<IoKind, [string, string]>)[kind];
  // After DuckDB's FATAL the workspace must be reopened: an app that keeps it open can act on `reopen`.
  const fatal = /FATAL Error/.test(cause instanceof Error ? cause.message : String(cause ?? ''));
  const error = new AppError('IO_FAILED', msg, msgEn, { kind, folder, ...(fatal ? { reopen: true } : {}) });
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

const KIND_ID: Record<IoKind, string> = { full: 'disk penuh', denied: 'tidak ada izin', readonly: 'disk hanya-baca', failed: 'galat disk' };
const KIND_EN: Record<IoKind, string> = { full: 'the disk was full', denied: 'no permission', readonly: 'a read-only disk', failed: 'a disk error' };

export interface Places {
  /** The workspace file: its write-ahead log is the workspace too. */
  workspace?: string;
  /** The core's staging folder: whatever fails in it is a temporary file, in the folder that holds it. */
  staging?: string;
}

function inside(path: string, dir: string): boolean {
  const d = resolve(dir);
  const p = resolve(path);
  return p === d || p.startsWith(d.endsWith(sep) ? d : d + sep);
}

/**
 * err as an IO_FAILED AppError naming the file or folder, when it is a disk failure; null
 * otherwise. The place is the one the error names, else `fallback` (the file the caller was
 * writing), else the workspace.
 */
export function asIoFailure(err: unknown, places: Places, fallback?: { path: string; subject: Subject }): AppError | null {
  const kind = ioKind(err);
  if (kind === null) return null;
  const named = pathIn(err);
  const path = named ?? fallback?.path ?? places.workspace;
  if (path === undefined) return ioFailure(kind, TEMP_SUBJECT, '?', err);
  if (places.staging && inside(path, places.staging)) return ioFailure(kind, TEMP_SUBJECT, dirname(resolve(places.staging)), err);
  if (places.workspace && (path === places.workspace || path === `${places.workspace}.wal`)) {
    return ioFailure(kind, workspaceSubject(places.workspace), dirname(resolve(places.workspace)), err);
  }
  if (fallback && (named === undefined || named === fallback.path || named.startsWith(`${fallback.path}.`))) return ioFailure(kind, fallback.subject, dirname(resolve(fallback.path)), err);
  return ioFailure(kind, [`berkas ${basename(path)}`, `the file ${basename(path)}`], dirname(resolve(path)), err);
}

/**
 * An import's own writes are its staged copies and spools, in the staging folder: a disk failure
 * that names no file was one of them (Node's "ENOSPC: no space left on device, write" names none).
 */
export function asStagingFailure(err: unknown, staging: string, workspace?: string): AppError | null {
  return asIoFailure(err, { staging, workspace }, { path: join(staging, 'staged'), subject: TEMP_SUBJECT });
}
