import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { makeOwnedDir, UPLOAD_DIR_PREFIX } from '../core/temp-folders.ts';

export interface UploadResult {
  path: string;
  fileName: string;
  size: number;
}

export class UploadTooLarge extends Error {}

/**
 * The browser server's private folder (temp-folders.ts: named after this process, swept by the next
 * start should this one be killed), with its `downloads` subfolder for workbooks written for the page.
 */
export async function makeUploadDirs(parent: string): Promise<{ uploadDir: string; downloadDir: string }> {
  const uploadDir = await makeOwnedDir(parent, UPLOAD_DIR_PREFIX);
  const downloadDir = join(uploadDir, 'downloads');
  await mkdir(downloadDir);
  return { uploadDir, downloadDir };
}

/**
 * A browser has no path for a dropped file: its bytes are streamed to the upload folder under a
 * random name and named in later requests by the handle "upload:<id>" (resolved by the core).
 */
export async function receiveUpload(req: IncomingMessage, dir: string, maxBytes: number): Promise<UploadResult> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new UploadTooLarge();
  const raw = String(req.headers['x-pantau-filename'] ?? 'berkas');
  let fileName: string;
  try {
    fileName = decodeURIComponent(raw).replace(/[\\/\0]/g, '_').slice(0, 255) || 'berkas';
  } catch {
    fileName = 'berkas';
  }
  const id = randomBytes(18).toString('base64url');
  const target = join(dir, id);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > maxBytes ? new UploadTooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(target, { flags: 'wx' }));
  } catch (err) {
    await rm(target, { force: true });
    throw err;
  }
  return { path: `upload:${id}`, fileName, size };
}
