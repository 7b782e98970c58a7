import { join } from 'node:path';
import { AppError } from '../../contract/errors.ts';

/** Files a browser sent to `POST /upload` are named in requests by a handle, never by a server path. */
export const UPLOAD_PREFIX = 'upload:';
const HANDLE = /^[A-Za-z0-9_-]{16,64}$/;

export function resolveUpload(path: string, uploadDir: string | undefined): string {
  if (!path.startsWith(UPLOAD_PREFIX)) return path;
  const id = path.slice(UPLOAD_PREFIX.length);
  if (!uploadDir || !HANDLE.test(id)) throw new AppError('BAD_REQUEST', 'Berkas unggahan tidak dikenal.');
  return join(uploadDir, id);
}
