import { open } from 'node:fs/promises';
import { AppError } from '../../contract/errors.ts';

/**
 * Limits checked against an XLSX's central directory before exceljs inflates anything, so a zip
 * bomb (a few MB that inflate to gigabytes) is refused at once with bounded memory. The directory
 * is the file's own claim: xlsx-worker.ts holds the bytes it actually inflates to the same limits.
 * A legitimate 1,000,000-row attendance sheet inflates to about 200 MB at a ratio below 40.
 */
export const ZIP_LIMITS = {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: 1024 ** 3,
  maxEntries: 10_000,
  /** Inflated ÷ compressed, judged only for entries above minRatioBytes (tiny entries vary wildly). */
  maxRatio: 200,
  minRatioBytes: 1024 ** 2,
};

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

function damaged(): never {
  throw new AppError('IMPORT_FAILED', 'Berkas XLSX rusak atau tidak lengkap dan tidak dapat dibaca. Simpan ulang dari Excel lalu impor lagi.', 'The XLSX file is damaged or incomplete and cannot be read. Save it again from Excel, then import it again.');
}

/** The entries listed in a zip's central directory (ZIP64 sizes included). */
export async function zipEntries(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) damaged();
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    const locator = eocd - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR) {
      const rec = Buffer.alloc(56);
      await handle.read(rec, 0, 56, Number(tail.readBigUInt64LE(locator + 8)));
      if (rec.readUInt32LE(0) !== ZIP64_EOCD) damaged();
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (count > ZIP_LIMITS.maxEntries) throw bombRefusal(`${count} entri`, `${count} entries`);
    if (cdOffset + cdSize > size || cdSize > 64 * 1024 ** 2) damaged();
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    return parseCentral(cd, count);
  } finally {
    await handle.close();
  }
}

function parseCentral(cd: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) damaged();
    let compressed = cd.readUInt32LE(p + 20);
    let uncompressed = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    // ZIP64: sizes of 0xFFFFFFFF are in the extra field 0x0001, uncompressed first.
    let x = p + 46 + nameLength;
    const end = x + extraLength;
    while (x + 4 <= end) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 1) {
        let q = x + 4;
        if (uncompressed === 0xffffffff) { uncompressed = Number(cd.readBigUInt64LE(q)); q += 8; }
        if (compressed === 0xffffffff) compressed = Number(cd.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    entries.push({ name, compressed, uncompressed });
    p = end + commentLength;
  }
  return entries;
}

/** The refusal of a workbook that inflates past ZIP_LIMITS, by its directory or while inflating. */
export function bombRefusal(what: string, whatEn = what): AppError {
  return new AppError('IMPORT_FAILED',
    `Berkas XLSX ini ditolak: isinya mengembang terlalu besar saat dibuka (${what}). Berkas seperti ini biasanya rusak atau sengaja dibuat untuk melumpuhkan aplikasi; ekspor ulang data dari sistem asalnya.`, `This XLSX file is refused: its contents grow too large when unpacked (${whatEn}). Files like this are usually damaged or made on purpose to cripple the application; export the data again from its source system.`);
}

/** Refuses a workbook whose declared contents exceed ZIP_LIMITS, naming the entry. */
export async function guardZip(path: string): Promise<void> {
  const entries = await zipEntries(path);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    const mb = (e.uncompressed / 1024 ** 2).toFixed(0);
    if (e.uncompressed >= ZIP_LIMITS.minRatioBytes && e.uncompressed > ZIP_LIMITS.maxRatio * Math.max(1, e.compressed)) {
      throw bombRefusal(`${e.name}: ${mb} MB dari ${(e.compressed / 1024).toFixed(0)} KB`, `${e.name}: ${mb} MB from ${(e.compressed / 1024).toFixed(0)} KB`);
    }
  }
  if (total > ZIP_LIMITS.maxTotalBytes) throw bombRefusal(`${(total / 1024 ** 3).toFixed(1)} GB`);
}
