import { createWriteStream, existsSync, rmSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../contract/errors.ts';
import { asIoFailure, workbookSubject } from '../io-errors.ts';
import type { Book } from './sheet-kit.ts';

/** Why a workbook's path is no place to write one: the request named a wrong place, not a failing disk. */
const BAD_PLACE: Record<string, [string, string]> = {
  ENOENT: ['foldernya tidak ada', 'the folder does not exist'], EISDIR: ['itu sebuah folder', 'it is a folder'],
  ENOTDIR: ['foldernya tidak ada', 'the folder does not exist'],
};

/**
 * Why the workbook cannot be written: a wrong place (BAD_REQUEST), or the disk (IO_FAILED: full,
 * no permission, read-only, failing), naming the file and its folder.
 */
export function writeFailure(out: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const place = code === 'ENOENT' && existsSync(dirname(resolve(out)))
    ? ['folder itu tidak menerima berkas baru', 'that folder takes no new files'] as [string, string]
    : BAD_PLACE[code];
  if (place) return new AppError('BAD_REQUEST', `Berkas ${out} tidak dapat ditulis (${place[0]}).`, `Cannot write ${out} (${place[1]}).`, { out });
  const subject = workbookSubject(out);
  const io = asIoFailure(err, {}, { path: out, subject });
  if (io) return io;
  const reason = err instanceof Error ? err.message : String(err);
  return new AppError('IO_FAILED', `Galat disk: buku kerja ${out} tidak dapat ditulis ke ${dirname(resolve(out))} (${reason}). Periksa disknya lalu coba lagi.`,
    `Disk error: the workbook ${out} could not be written to ${dirname(resolve(out))} (${reason}). Check the disk, then try again.`, { out });
}

/** A workbook being written beside `out`, renamed to it at the end: a half-written file never bears its name. */
export interface Output {
  out: string;
  stream: WriteStream;
  tmp: string;
  /** Rejects when the file cannot be written (disk full, drive gone), so that nothing waits forever. */
  broken: Promise<never>;
  /**
   * Aborted, with the translated error as its reason, when the file cannot be written: the sheet
   * producer stops at its next chunk instead of streaming the rest of the findings into nothing.
   */
  signal: AbortSignal;
  /** The book writing into the stream, once newBook made it. */
  book?: Book;
}

/**
 * Workbooks being written: removed when the process exits before they are done (the CLI's second
 * Ctrl+C exits at once), so not even the temporary file outlives it.
 */
const unfinished = new Set<string>();
let exitHook = false;
function track(tmp: string): void {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const file of unfinished) rmSync(file, { force: true });
    });
  }
  unfinished.add(tmp);
}

/** Opens the file at once, so that an unwritable path fails before any work, with its reason. */
export async function openOutput(out: string): Promise<Output> {
  const tmp = `${out}.${process.pid}.tmp`;
  track(tmp);
  const stream = createWriteStream(tmp);
  await new Promise<void>((done, fail) => {
    stream.once('open', () => done());
    stream.once('error', (err) => {
      unfinished.delete(tmp);
      fail(writeFailure(out, err));
    });
  });
  const stop = new AbortController();
  const output: Output = { out, stream, tmp, broken: undefined as unknown as Promise<never>, signal: stop.signal };
  output.broken = new Promise<never>((_resolve, reject) => stream.on('error', (err) => {
    const failure = writeFailure(out, err);
    if (!stop.signal.aborted) stop.abort(failure);
    if (output.book) flowToNowhere(output.book, stream);
    reject(failure);
  }));
  output.broken.catch(() => undefined);
  return output;
}

/**
 * Once the file is gone, the zip must still take what the sheets write, or a sheet waiting for the
 * zip to drain (sheet-kit.ts, drained) would wait forever: the producer could then never be
 * awaited. The zip is cut from the dead file and read into nothing.
 */
function flowToNowhere(book: Book, stream: WriteStream): void {
  const zip = (book as unknown as { zip?: Readable }).zip;
  if (!zip || typeof zip.resume !== 'function') return;
  zip.unpipe?.(stream);
  zip.on('error', () => undefined);
  zip.resume();
}

export function newBook(output: Output, now: Date): Book {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output.stream, useStyles: true, useSharedStrings: false });
  book.creator = 'Pantau';
  book.lastModifiedBy = 'Pantau';
  // From the core's clock, so that the same data and key give the same workbook.
  book.created = now;
  book.modified = now;
  output.book = book;
  if (output.signal.aborted) flowToNowhere(book, output.stream);
  return book;
}

/** Finishes the zip and gives the file its name. */
export async function commitOutput(output: Output, book: Book): Promise<void> {
  if (output.signal.aborted) throw output.signal.reason;
  await Promise.race([book.commit(), output.broken]);
  try {
    await rename(output.tmp, output.out);
  } catch (err) {
    throw writeFailure(output.out, err);
  }
  unfinished.delete(output.tmp);
}

/** After a cancel or a failure: nothing is left behind. */
export async function discardOutput(output: Output): Promise<void> {
  if (output.book) flowToNowhere(output.book, output.stream);
  output.stream.destroy();
  await rm(output.tmp, { force: true });
  unfinished.delete(output.tmp);
}
