import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { AppError } from '../../contract/errors.ts';
import { utf8Census } from './csv-scan.ts';

export const SAMPLE_BYTES = 256 * 1024;

export interface Sniffed {
  format: 'csv' | 'xlsx';
  /** Source encoding of a CSV file (utf-8, utf-16le, utf-16be, windows-1252). */
  encoding: string | null;
  bom: number;
  sample: Buffer;
}

async function readSample(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Size of a regular file; anything else (missing, a folder) is refused with a message. */
export async function fileSize(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new AppError('IMPORT_FAILED', `Berkas tidak ditemukan atau tidak dapat dibaca: ${path}`, `File not found or not readable: ${path}`);
  if (!info.isFile()) throw new AppError('IMPORT_FAILED', `${path} bukan berkas (mungkin folder); pilih berkas CSV atau XLSX.`, `${path} is not a file (perhaps a folder); choose a CSV or XLSX file.`);
  return info.size;
}

function refuse(message: string, messageEn?: string): never {
  throw new AppError('IMPORT_FAILED', message, messageEn);
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/**
 * UTF-16 without a byte order mark: text in Latin script puts a zero in every other byte, on the
 * odd positions for little-endian and the even ones for big-endian.
 */
function utf16Order(sample: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(sample.length >> 1, 4096);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZeros++;
    if (sample[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * The encoding of a text file from its first bytes. A byte order mark decides; else UTF-16 by its
 * pattern of zeros; else UTF-8 unless the sample holds more malformed UTF-8 than well-formed
 * multi-byte characters, which is what Windows-1252 text looks like (é alone is a malformed
 * sequence). A UTF-8 file with a stray byte stays UTF-8: the row holding it is rejected, and the
 * scan of the whole file (csv-reader.ts) reads it again as Windows-1252 if most of it is not UTF-8.
 */
function detectEncoding(sample: Buffer): { encoding: string; bom: number } {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: 3 };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: 2 };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = utf16Order(sample);
  if (utf16) return { encoding: utf16, bom: 0 };
  const census = utf8Census(sample);
  // ISO-8859-1 and Windows-1252 agree on every printable character except 0x80–0x9F, where only
  // Windows-1252 has characters (’ “ ” –): reading as 1252 loses nothing.
  return { encoding: census.malformed > census.multibyte ? 'windows-1252' : 'utf-8', bom: 0 };
}

/** Decides what kind of file this is from its bytes, never from its name. */
export async function sniffFile(path: string, size: number): Promise<Sniffed> {
  if (size === 0) refuse('Berkas kosong (0 byte).', 'The file is empty (0 bytes).');
  const sample = await readSample(path);
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return { format: 'xlsx', encoding: null, bom: 0, sample };
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0])) {
    refuse('Berkas ini berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai .xlsx atau CSV.', 'This file is in the old Excel format (.xls). Open it in Excel and save it as .xlsx or CSV.');
  }
  if (startsWith(sample, [0x1f, 0x8b])) refuse('Berkas ini terkompresi (gzip). Ekstrak dulu, lalu impor berkas CSV/XLSX-nya.', 'This file is compressed (gzip). Extract it first, then import the CSV/XLSX file inside.');
  if (startsWith(sample, [0x25, 0x50, 0x44, 0x46])) refuse('Berkas ini PDF, bukan CSV atau XLSX.', 'This file is a PDF, not CSV or XLSX.');
  const { encoding, bom } = detectEncoding(sample);
  if (!encoding.startsWith('utf-16') && sample.includes(0)) {
    refuse('Berkas ini berisi data biner, bukan teks CSV maupun XLSX.', 'This file contains binary data, neither CSV text nor XLSX.');
  }
  return { format: 'csv', encoding, bom, sample };
}

export function decodeSample(sniffed: Sniffed): string {
  const body = sniffed.sample.subarray(sniffed.bom);
  return iconv.decode(body, sniffed.encoding ?? 'utf-8');
}
