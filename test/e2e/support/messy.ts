import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.ts';

/**
 * A messy export as agencies send them: a title block above the header, and the NIP column
 * under a header Pantau does not know ("nomor_pegawai"), so the user must map it by hand.
 * The rows are Pemkot Bogor's own (their re-import replaces rows by key), plus one bad date.
 */
export function writeMessyAttendance(dir: string, rows = 120): string {
  const lines = readFileSync(join(ROOT, 'samples/pemkot-bogor/presensi-2025-09-10.csv'), 'utf8').trimEnd().split('\n');
  const header = lines[0]!.replace('nip_baru', 'nomor_pegawai');
  const body = lines.slice(1, rows + 1);
  const bad = body[0]!.replace('"Senin, 1 September 2025"', '"Rabu, 31 September 2025"');
  const text = [
    'REKAP PRESENSI PEGAWAI',
    'PEMERINTAH KOTA BOGOR — SEPTEMBER 2025',
    '',
    header,
    ...body,
    bad,
  ].join('\n');
  const path = join(dir, 'rekap-presensi-bogor-september.csv');
  writeFileSync(path, `${text}\n`);
  return path;
}
