// Writes a large synthetic attendance export for benchmarks:
//   npm run samples:big -- --rows N [--out DIR] [--format csv|xlsx|both] [--employees E --start YYYY-MM-DD]
// About N/40 employees over consecutive working days from Monday 2025-01-06. With --employees and
// --start, the same E employees as the file of E × 40 rows, from that date on: the month that
// follows such a file (issue 20's monthly import: 10,000,000 rows, then 5,000,000 from 2025-03-03). Both writers
// stream row by row (CSV through a write stream with back-pressure, XLSX through exceljs'
// WorkbookWriter committing each row), so memory stays flat for millions of rows.
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { EventEmitter } from 'node:events';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { Rng, addDays, dmy, hm, isWorkingDay, makeNip, toDate, weekday } from './sample-lib.js';

const USAGE = 'usage: npm run samples:big -- --rows N [--out DIR] [--format csv|xlsx|both] [--employees E --start YYYY-MM-DD]';
const HEADER = ['No', 'NIP', 'Nama Pegawai', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];
const UNITS = ['Biro Umum', 'Biro Hukum', 'Biro Perencanaan', 'Biro Keuangan', 'Inspektorat', 'Pusat Data dan Informasi',
  'Direktorat Pelayanan Administrasi Kependudukan', 'Badan Kepegawaian Daerah', 'Dinas Komunikasi dan Informatika', 'Bappeda'];
const FIRST = [['Andi', 'Budi', 'Agus', 'Eko', 'Asep', 'Dede', 'Rizky', 'Hendra', 'Made', 'Yohanes', 'Teguh', 'Joko'],
  ['Siti', 'Sri', 'Dewi', 'Fitri', 'Euis', 'Rina', 'Ratna', 'Maria', 'Nurul', 'Dyah', 'Lilis', 'Indah']];
const LAST = ['Pratama', 'Santoso', 'Hidayat', 'Nugroho', 'Siregar', 'Wibowo', 'Kurniawan', 'Lestari', 'Rahayu', 'Permana',
  'Saputra', 'Handayani', 'Simanjuntak', 'Wijaya', 'Susilo', 'Nasution'];

interface Emp { nip: string; name: string; unit: string }
type Sink = EventEmitter & { _writableState?: { length: number } };
interface Row { no: number; emp: Emp; date: string; code: string; mode: string; checkIn: string; checkOut: string }

interface Options { rows: number; out: string; format: string; employees: number | null; start: string }

function parse(): Options {
  try {
    const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, out: { type: 'string', default: 'bench-data' },
      format: { type: 'string', default: 'both' }, employees: { type: 'string' }, start: { type: 'string' } } });
    const rows = Number(values.rows);
    const employees = values.employees === undefined ? null : Number(values.employees);
    const start = values.start ?? '2025-01-06';
    if (!Number.isSafeInteger(rows) || rows < 1 || !['csv', 'xlsx', 'both'].includes(values.format)) throw new Error('bad value');
    if (employees !== null && (!Number.isSafeInteger(employees) || employees < 1)) throw new Error('bad value');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || (employees === null) !== (values.start === undefined)) throw new Error('bad value');
    return { rows, out: values.out, format: values.format, employees, start };
  } catch {
    console.error(USAGE);
    return process.exit(2);
  }
}

/** Same N, same file: the seed is the row count (E × 40 for E employees, the file whose employees they are). */
function employees(seed: number, count: number): Emp[] {
  const rng = new Rng(seed), used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const sex = rng.chance(0.5) ? 1 : 2;
    return { nip: makeNip(rng, sex, i % 13 === 12, used), name: `${rng.pick(FIRST[sex - 1] ?? [])} ${rng.pick(LAST)}`, unit: UNITS[i % UNITS.length] ?? '' };
  });
}

/** Day-major like a daily recap; the mix roughly follows a real month (mostly H/WFO, some WFH, TL, S). */
function* attendance(rows: number, emps: Emp[], start: string): Generator<Row> {
  const rng = new Rng(rows + 1);
  let no = 0;
  for (let date = start; ; date = addDays(date, 1)) {
    if (!isWorkingDay(date)) continue;
    const end = weekday(date) === 4 ? 990 : 960;
    for (const emp of emps) {
      if (no >= rows) return;
      const r = rng.next(), inMin = rng.int(420, 449), outMin = end + rng.int(0, 20);
      const [code, mode, i, o] = r < 0.72 ? ['H', 'WFO', inMin, outMin] : r < 0.8 ? ['H', 'WFH', inMin, outMin]
        : r < 0.83 ? ['H', 'WFA', inMin, outMin] : r < 0.88 ? ['TL1', 'WFO', inMin + 31, outMin + 15]
        : r < 0.91 ? ['PSW1', 'WFO', inMin, end - rng.int(5, 29)] : r < 0.94 ? ['S', '', null, null]
        : r < 0.96 ? ['CT', '', null, null] : r < 0.98 ? ['DL', 'DL', null, null] : r < 0.99 ? ['I', '', null, null] : ['TK', '', null, null];
      yield { no: ++no, emp, date, code, mode, checkIn: i === null ? '' : hm(i), checkOut: o === null ? '' : hm(o) };
    }
  }
}

async function writeCsv(path: string, rows: number, emps: Emp[], start: string): Promise<void> {
  const out = createWriteStream(path);
  let buf = `${HEADER.join(',')}\n`;
  for (const r of attendance(rows, emps, start)) {
    buf += `${r.no},${r.emp.nip},${r.emp.name},${r.emp.unit},${dmy(r.date)},${r.checkIn},${r.checkOut},${r.code},${r.mode}\n`;
    // Write in ~64 KB chunks and wait for 'drain' when the stream is full: bounded memory at any N.
    if (buf.length > 65_536) { if (!out.write(buf)) await once(out, 'drain'); buf = ''; }
  }
  out.end(buf);
  await once(out, 'finish');
}

async function writeXlsx(path: string, rows: number, emps: Emp[], start: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Presensi');
  ws.columns = HEADER.map((header, j) => ({ header, width: [7, 21, 26, 40, 12][j] ?? 12,
    style: j === 4 ? { numFmt: 'dd/mm/yyyy' } : j === 1 ? { numFmt: '@' } : {} }));
  for (const r of attendance(rows, emps, start)) {
    ws.addRow([r.no, r.emp.nip, r.emp.name, r.emp.unit, toDate(r.date), r.checkIn || null, r.checkOut || null, r.code, r.mode || null]).commit();
    // commit() is synchronous and exceljs ignores back-pressure, so without a pause the whole
    // sheet XML would queue in memory in front of the deflater. exceljs does not expose that
    // queue; wait on the zip entry's input stream (archiver's readable-stream PassThrough,
    // internal: if a future exceljs renames it we merely stop waiting) whenever it backs up.
    if (r.no % 500 === 0) {
      const sink = (ws as unknown as { _stream?: { pipes?: Sink[] } })._stream?.pipes?.[0];
      if (sink && (sink._writableState?.length ?? 0) > 4 << 20) await once(sink, 'drain');
    }
  }
  ws.commit();
  await wb.commit();
}

const { rows, out, format, employees: count, start } = parse();
mkdirSync(out, { recursive: true });
const emps = count === null ? employees(rows, Math.ceil(rows / 40)) : employees(count * 40, count);
const name = count === null ? `presensi-big-${rows}` : `presensi-big-${rows}-of-${count}-from-${start}`;
for (const ext of format === 'both' ? ['csv', 'xlsx'] : [format]) {
  const path = join(out, `${name}.${ext}`), t0 = process.hrtime.bigint();
  await (ext === 'csv' ? writeCsv(path, rows, emps, start) : writeXlsx(path, rows, emps, start));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${path}: ${rows} rows, ${emps.length} employees, ${secs.toFixed(1)} s, peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}
