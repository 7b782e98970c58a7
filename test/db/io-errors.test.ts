import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { asIoFailure, asStagingFailure, ioKind } from '../../src-main/core/io-errors.ts';

// Disk failures as one code, IO_FAILED, naming the file or folder (src-main/core/io-errors.ts):
// from Node's errno codes and from DuckDB's text, which names no errno. A full disk is made for
// real in test/cli/faults.test.ts; permission and read-only disks cannot be made there (the
// tests run as root), so they are checked here on the errors Node and DuckDB give.
const errno = (code: string, message: string, path?: string) => Object.assign(new Error(message), { code, ...(path ? { path } : {}) });

describe('disk failures', () => {
  it('are told apart by errno or by DuckDB\'s words; anything else is none', () => {
    expect([
      ioKind(errno('ENOSPC', 'ENOSPC: no space left on device, write')),
      ioKind(errno('EDQUOT', 'EDQUOT: disk quota exceeded, write')),
      ioKind(errno('EACCES', "EACCES: permission denied, open '/x/a.xlsx'")),
      ioKind(errno('EROFS', "EROFS: read-only file system, open '/x/a.xlsx'")),
      ioKind(errno('EIO', 'EIO: i/o error, write')),
      ioKind(new Error('TransactionContext Error: Failed to commit: Could not write file "/w/ws.duckdb.wal": No space left on device')),
      ioKind(new Error('IO Error: Cannot open file "/w/ws.duckdb": Permission denied')),
      ioKind(new Error('IO Error: Could not write file "/w/ws.duckdb": Read-only file system')),
      ioKind(new Error('IO Error: Could not fsync file "/w/ws.duckdb": Input/output error')),
      ioKind(new Error('Invalid Input Error: CSV Error on Line: 3 … quoted new lines')),
      ioKind(new Error('Binder Error: column x not found')),
      ioKind(new AppError('BAD_REQUEST', 'x')),
    ]).toEqual(['full', 'full', 'denied', 'readonly', 'failed', 'full', 'denied', 'readonly', 'failed', null, null, null]);
  });

  it('name the workspace (its write-ahead log is the workspace), a temporary file, or the file itself, with its folder', () => {
    const places = { workspace: '/data/ws.duckdb', staging: '/tmp/pantau-staging-ab' };
    const wal = asIoFailure(new Error('Could not write file "/data/ws.duckdb.wal": No space left on device'), places);
    expect(wal).toMatchObject({ code: 'IO_FAILED', message: 'Disk penuh: workspace ws.duckdb tidak dapat ditulis ke /data. Kosongkan ruang lalu coba lagi.',
      messageEn: 'Disk full: the workspace ws.duckdb could not be written to /data. Free some space, then try again.', details: { kind: 'full', folder: '/data' } });
    expect(asIoFailure(new Error('IO Error: Could not write file "/tmp/pantau-staging-ab/spill/x.tmp": No space left on device'), places)?.message)
      .toBe('Disk penuh: berkas sementara tidak dapat ditulis ke /tmp. Kosongkan ruang lalu coba lagi.');
    expect(asIoFailure(errno('EACCES', "EACCES: permission denied, open '/srv/out/a.xlsx.77.tmp'", '/srv/out/a.xlsx.77.tmp'), {},
      { path: '/srv/out/a.xlsx', subject: ['buku kerja a.xlsx', 'the workbook a.xlsx'] })?.message)
      .toBe('Tidak ada izin: buku kerja a.xlsx tidak dapat ditulis ke /srv/out. Pilih folder lain atau minta izin menulis, lalu coba lagi.');
    expect(asIoFailure(errno('EROFS', 'EROFS: read-only file system, write'), places)?.message)
      .toBe('Disk hanya-baca: workspace ws.duckdb tidak dapat ditulis ke /data. Pilih folder di disk lain lalu coba lagi.');
    expect(asStagingFailure(errno('ENOSPC', 'ENOSPC: no space left on device, write'), '/tmp/pantau-staging-ab')?.messageEn)
      .toBe('Disk full: temporary files could not be written to /tmp. Free some space, then try again.');
    expect(asIoFailure(new Error('Binder Error: x'), places)).toBeNull();
  });

  it('after DuckDB gave up on the workspace (a failed checkpoint), say that it must be opened again', () => {
    const places = { workspace: '/data/ws.duckdb' };
    const first = asIoFailure(new Error('FATAL Error: Failed to create checkpoint because of error: Could not write file "/data/ws.duckdb": No space left on device'), places);
    expect(first).toMatchObject({ message: 'Disk penuh: workspace ws.duckdb tidak dapat ditulis ke /data. Kosongkan ruang lalu coba lagi.', details: { reopen: true } });
    const later = asIoFailure(new Error('FATAL Error: Failed: database has been invalidated because of a previous fatal error. The database must be restarted prior to being used again.\nOriginal error: "Failed to create checkpoint because of error: Could not write file "/data/ws.duckdb": No space left on device"'), places);
    expect(later).toMatchObject({
      code: 'IO_FAILED', details: { kind: 'full', folder: '/data', reopen: true },
      message: 'Workspace harus dibuka ulang: workspace ws.duckdb tadi tidak dapat ditulis ke /data (disk penuh). Atasi itu, lalu tutup dan buka lagi workspace ini.',
      messageEn: 'The workspace must be opened again: the workspace ws.duckdb could not be written to /data (the disk was full). Deal with that, then close and open this workspace again.',
    });
  });
});
