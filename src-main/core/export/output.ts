import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { AppError } from '../../contract/errors.ts';
import type { Book } from './sheet-kit.ts';

const WRITE_ERRORS: Record<string, [string, string]> = {
  ENOENT: ['foldernya tidak ada', 'the folder does not exist'], EACCES: ['tidak ada izin menulis', 'no permission to write'],
  EPERM: ['tidak ada izin menulis', 'no permission to write'], ENOSPC: ['disk penuh', 'the disk is full'],
  EROFS: ['disk hanya-baca', 'the disk is read-only'], EISDIR: ['itu sebuah folder', 'it is a folder'],
};

/** A workbook being written beside `out`, renamed to it at the end: a half-written file never bears its name. */
export interface Output {
  out: string;
  stream: WriteStream;
  tmp: string;
  /** Rejects when the file cannot be written (disk full, drive gone), so that nothing waits forever. */
  broken: Promise<never>;
}

/** Opens the file at once, so that an unwritable path fails before any work, with its reason. */
export async function openOutput(out: string): Promise<Output> {
  const tmp = `${out}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp);
  const failed = (err: NodeJS.ErrnoException) => {
    const [id, en] = WRITE_ERRORS[err.code ?? ''] ?? [err.message, err.message];
    return new AppError('BAD_REQUEST', `Berkas ${out} tidak dapat ditulis (${id}).`, `Cannot write ${out} (${en}).`, { out });
  };
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err) => reject(failed(err)));
  });
  const broken = new Promise<never>((_resolve, reject) => stream.on('error', (err) => reject(failed(err))));
  broken.catch(() => undefined);
  return { out, stream, tmp, broken };
}

export function newBook(output: Output, now: Date): Book {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output.stream, useStyles: true, useSharedStrings: false });
  book.creator = 'Pantau';
  book.lastModifiedBy = 'Pantau';
  // From the core's clock, so that the same data and key give the same workbook.
  book.created = now;
  book.modified = now;
  return book;
}

/** Finishes the zip and gives the file its name. */
export async function commitOutput(output: Output, book: Book): Promise<void> {
  await Promise.race([book.commit(), output.broken]);
  await rename(output.tmp, output.out);
}

/** After a cancel or a failure: nothing is left behind. */
export async function discardOutput(output: Output): Promise<void> {
  output.stream.destroy();
  await rm(output.tmp, { force: true });
}
