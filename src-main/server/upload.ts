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

/** The uploads held at once would pass the quota: `files` too many, or `bytes` too much. */
export class UploadQuotaFull extends Error {
  constructor(readonly by: 'files' | 'bytes', readonly limit: number) {
    super(`upload quota: ${by}`);
  }
}

export interface UploadLimits {
  /** Largest single file in bytes. */
  maxBytes: number;
  /** Files held at once (uploaded, not yet imported). */
  maxFiles: number;
  /** Bytes held at once. */
  maxTotalBytes: number;
}

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
 * The files held at once are capped in number and bytes (an upload is held from its first byte
 * until it is imported), so a page cannot fill the disk with personal data that nothing reads.
 */
export class UploadStore {
  /** Upload id → bytes received so far. */
  private readonly held = new Map<string, number>();

  constructor(readonly dir: string, readonly limits: UploadLimits) {}

  /** Files and bytes held now. */
  usage(): { files: number; bytes: number } {
    let bytes = 0;
    for (const n of this.held.values()) bytes += n;
    return { files: this.held.size, bytes };
  }

  async receive(req: IncomingMessage): Promise<UploadResult> {
    const { maxBytes, maxFiles, maxTotalBytes } = this.limits;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) throw new UploadTooLarge();
    const before = this.usage();
    if (before.files >= maxFiles) throw new UploadQuotaFull('files', maxFiles);
    if (Number.isFinite(declared) && before.bytes + declared > maxTotalBytes) throw new UploadQuotaFull('bytes', maxTotalBytes);
    const raw = String(req.headers['x-pantau-filename'] ?? 'berkas');
    let fileName: string;
    try {
      fileName = decodeURIComponent(raw).replace(/[\\/\0]/g, '_').slice(0, 255) || 'berkas';
    } catch {
      fileName = 'berkas';
    }
    const id = randomBytes(18).toString('base64url');
    const target = join(this.dir, id);
    let size = 0;
    this.held.set(id, 0);
    const counter = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        size += chunk.length;
        this.held.set(id, size);
        if (size > maxBytes) return done(new UploadTooLarge());
        if (this.usage().bytes > maxTotalBytes) return done(new UploadQuotaFull('bytes', maxTotalBytes));
        done(null, chunk);
      },
    });
    try {
      await pipeline(req, counter, createWriteStream(target, { flags: 'wx' }));
    } catch (err) {
      this.held.delete(id);
      await rm(target, { force: true });
      throw err;
    }
    return { path: `upload:${id}`, fileName, size };
  }

  /** Removes uploads once they were used (imported): named by their handles; others are ignored. */
  async release(handles: readonly string[]): Promise<void> {
    for (const handle of handles) {
      const id = handle.startsWith('upload:') ? handle.slice(7) : '';
      if (!this.held.has(id)) continue;
      this.held.delete(id);
      await rm(join(this.dir, id), { force: true });
    }
  }
}
