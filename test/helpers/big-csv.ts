import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A large, valid attendance CSV: about rows/40 employees over consecutive working days. */
export async function writeBigAttendance(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja\n');
  const employees = Math.max(1, Math.ceil(rows / 40));
  const days: string[] = [];
  for (let d = new Date(Date.UTC(2025, 0, 6)); days.length < Math.ceil(rows / employees); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  let written = 0;
  let chunk = '';
  for (let e = 0; e < employees && written < rows; e++) {
    // Birth dates spread over 1960–1999, appointed at 25, so every NIP is valid.
    const born = new Date(Date.UTC(1960, 0, 1 + (e % 14_600)));
    const birth = born.toISOString().slice(0, 10).replaceAll('-', '');
    const nip = `${birth}${born.getUTCFullYear() + 25}05${e % 2 ? 2 : 1}${String(1 + Math.floor(e / 14_600)).padStart(3, '0')}`;
    for (const day of days) {
      if (written++ >= rows) break;
      chunk += `${nip},Pegawai ${e},Unit ${e % 50},${day},07:2${e % 10},16:0${e % 10},H,${e % 7 === 0 ? 'WFH' : 'WFO'}\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
