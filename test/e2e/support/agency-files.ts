import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.ts';

/** Pemkot Bogor's NIPs, from its sample roster. */
export function bogorNips(): string[] {
  return readFileSync(join(ROOT, 'samples/pemkot-bogor/pegawai.csv'), 'utf8').split('\n').slice(1)
    .map((l) => l.split(',')[0]!.trim()).filter((n) => /^\d{18}$/.test(n));
}

function weekdays(year: number, month: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, month - 1, 1)); d.getUTCMonth() === month - 1; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/**
 * A monthly recap as one agency's own system writes it: two title lines above a header no
 * synonym knows ("ID Pegawai", "Hari Kerja", "Datang", "Keluar", "Kode"), dates as DD/MM/YYYY and
 * one code of its own, "CT-B" (cuti bersama leave), on the first working day. The expected
 * stored records are returned with it, worked out from what was written.
 */
export function writeTitledRecap(dir: string, year: number, month: number): { path: string; name: string; rows: number; leave: number } {
  const nips = bogorNips().slice(0, 6);
  const days = weekdays(year, month).slice(0, 5);
  const lines = ['REKAP KEHADIRAN PEGAWAI', `PEMERINTAH KOTA BOGOR — ${String(month).padStart(2, '0')}/${year}`, 'ID Pegawai,Hari Kerja,Datang,Keluar,Kode'];
  let leave = 0;
  for (const [i, day] of days.entries()) {
    const [y, m, d] = day.split('-');
    for (const n of nips) {
      const code = i === 0 && n === nips[0] ? 'CT-B' : 'H';
      if (code === 'CT-B') leave++;
      lines.push(`${n},${d}/${m}/${y},${code === 'H' ? '07:15' : ''},${code === 'H' ? '16:05' : ''},${code}`);
    }
  }
  const name = `rekap-kehadiran-${year}-${String(month).padStart(2, '0')}.csv`;
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, name, rows: days.length * nips.length, leave };
}

/** An attendance file big enough that its import can be cancelled midway (NIPs of an agency with no roster). */
export function writeLargeAttendance(dir: string, employees = 2000, days = 200): string {
  const header = 'NIP,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran\n';
  const dates = [...weekdays(2024, 1), ...weekdays(2024, 2), ...weekdays(2024, 3), ...weekdays(2024, 4), ...weekdays(2024, 5),
    ...weekdays(2024, 6), ...weekdays(2024, 7), ...weekdays(2024, 8), ...weekdays(2024, 9), ...weekdays(2024, 10)].slice(0, days);
  const parts: string[] = [header];
  for (let e = 0; e < employees; e++) {
    const nip = `1986${String(1 + (e % 12)).padStart(2, '0')}${String(1 + Math.floor(e / 12) % 28).padStart(2, '0')}2015051${String(e % 1000).padStart(3, '0')}`;
    parts.push(dates.map((d) => `${nip},${d},07:30,16:00,H\n`).join(''));
  }
  const path = join(dir, 'presensi-besar.csv');
  writeFileSync(path, parts.join(''));
  return path;
}
