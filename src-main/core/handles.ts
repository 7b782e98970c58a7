import { join } from 'node:path';
import { AppError } from '../contract/errors.ts';

/** Files a browser sent to `POST /upload` are named in requests by a handle, never by a server path. */
export const UPLOAD_PREFIX = 'upload:';
const HANDLE = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * A core that serves a browser (it has an upload folder) reads only files the browser uploaded:
 * a plain path in a request would let the page read any file the server can.
 */
export function resolveUpload(path: string, uploadDir: string | undefined): string {
  if (!path.startsWith(UPLOAD_PREFIX)) {
    if (uploadDir) throw new AppError('BAD_REQUEST', 'Berkas hanya dapat disebut sebagai unggahan (upload:…): unggah berkasnya lebih dahulu.', 'A file can only be named as an upload (upload:…): upload it first.');
    return path;
  }
  const id = path.slice(UPLOAD_PREFIX.length);
  if (!uploadDir || !HANDLE.test(id)) throw new AppError('BAD_REQUEST', 'Berkas unggahan tidak dikenal.', 'Unknown uploaded file.');
  return join(uploadDir, id);
}

/**
 * A workbook for a browser is written into the download folder and named "download:<name>.xlsx";
 * the server hands it to the page by that name. Only plain file names, never a path.
 */
export const DOWNLOAD_PREFIX = 'download:';
export const DOWNLOAD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.xlsx$/;

/** Likewise a core that serves a browser writes only into its download folder, never to a path the page names. */
export function resolveDownload(out: string, downloadDir: string | undefined): string {
  if (!out.startsWith(DOWNLOAD_PREFIX)) {
    if (downloadDir) throw new AppError('BAD_REQUEST', 'Workbook hanya dapat ditulis sebagai unduhan (download:<nama>.xlsx).', 'A workbook can only be written as a download (download:<name>.xlsx).');
    return out;
  }
  const name = out.slice(DOWNLOAD_PREFIX.length);
  if (!downloadDir || !DOWNLOAD_NAME.test(name)) throw new AppError('BAD_REQUEST', 'Nama berkas unduhan tidak valid.', 'Invalid download file name.');
  return join(downloadDir, name);
}

/**
 * Writes a workbook to `out` as the caller named it (a path, or a download name resolved here);
 * a browser gets back the name it gave, not a path on the server.
 */
export async function writeDownload<R extends { out: string }>(out: string, downloadDir: string | undefined, write: (path: string) => Promise<R>): Promise<R> {
  const path = resolveDownload(out, downloadDir);
  const result = await write(path);
  return path === out ? result : { ...result, out };
}
