import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for generated test workbooks: entries deflated, sizes and CRC in the
 * central directory. Enough for a zip bomb (one entry fed from a repeated chunk) and tiny parts.
 */
export class ZipWriter {
  private out: WriteStream;
  private offset = 0;
  private central: Buffer[] = [];

  constructor(path: string) {
    this.out = createWriteStream(path);
  }

  private async write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  /**
   * Adds an entry whose content is `chunks()` concatenated (generated lazily, never held whole).
   * `claimed` is the uncompressed size the headers state, when they are to lie about it.
   */
  async add(name: string, chunks: () => Iterable<Buffer>, claimed?: number): Promise<void> {
    let crc = 0;
    let size = 0;
    const compressed: Buffer[] = [];
    let compressedSize = 0;
    const deflate = createDeflateRaw({ level: 9 });
    deflate.on('data', (c: Buffer) => { compressed.push(c); compressedSize += c.length; });
    for (const chunk of chunks()) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (!deflate.write(chunk)) await once(deflate, 'drain');
    }
    deflate.end();
    await once(deflate, 'end');
    const at = await this.writeLocalHeader(name, crc, compressedSize, claimed ?? size);
    for (const c of compressed) await this.write(c);
    this.addCentral(name, crc, compressedSize, claimed ?? size, at);
  }

  /** Writes an entry's local header (deflated); returns its offset, for the central directory. */
  private async writeLocalHeader(name: string, crc: number, compressedSize: number, size: number): Promise<number> {
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const at = this.offset;
    await this.write(Buffer.concat([local, nameBuf]));
    return at;
  }

  private addCentral(name: string, crc: number, compressedSize: number, size: number, at: number): void {
    const nameBuf = Buffer.from(name, 'utf8');
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(compressedSize, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(at, 42);
    this.central.push(cd, nameBuf);
  }

  /**
   * Adds an entry whose content is `head`, then `chunk` repeated `times`, then `tail`, without
   * deflating the repeats: each part is deflated on its own up to a full flush (no reference back
   * into another part), so the chunk's deflated bytes can be written `times` over and the parts
   * joined are one valid deflate stream. A gigabyte entry takes a CRC pass, not a deflate pass.
   */
  async addRepeated(name: string, parts: { head: Buffer; chunk: Buffer; times: number; tail: Buffer }, claimed?: number): Promise<void> {
    const flushed = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
    const head = flushed(parts.head);
    const chunk = flushed(parts.chunk);
    const tail = deflateRawSync(parts.tail, { level: 9 });
    let crc = crc32(parts.head);
    for (let n = 0; n < parts.times; n++) crc = crc32(parts.chunk, crc);
    crc = crc32(parts.tail, crc);
    const size = parts.head.length + parts.chunk.length * parts.times + parts.tail.length;
    const compressedSize = head.length + chunk.length * parts.times + tail.length;
    const at = await this.writeLocalHeader(name, crc, compressedSize, claimed ?? size);
    await this.write(head);
    for (let n = 0; n < parts.times; n++) await this.write(chunk);
    await this.write(tail);
    this.addCentral(name, crc, compressedSize, claimed ?? size, at);
  }

  async close(): Promise<void> {
    const cd = Buffer.concat(this.central);
    const start = this.offset;
    await this.write(cd);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length / 2, 8);
    end.writeUInt16LE(this.central.length / 2, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    this.out.end();
    await once(this.out, 'finish');
  }
}
