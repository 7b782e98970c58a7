import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { freshCore, importOne, nip, rows, type TestCore } from '../helpers/workspace.ts';

// Fixed-width text exports (the `fixed` layout: Solution and ZKTeco TXT), imported as a user does:
// the files are written here column by column, as those programs print them, and every count and
// stored value is worked out from what this file wrote, not from what the product says.

const AGENCY = 'PEMKOT-BOGOR';

interface Col {
  label: string;
  /** Columns from this label's start to the next one's. */
  width: number;
  /** Values end where the label ends (numbers). */
  right?: boolean;
}

const COLS: Col[] = [
  { label: 'No.', width: 5, right: true },
  { label: 'NIP', width: 20 },
  { label: 'Nama', width: 18 },
  { label: 'Unit Kerja', width: 20 },
  { label: 'Tanggal', width: 12 },
  { label: 'Jam Masuk', width: 11 },
  { label: 'Jam Pulang', width: 12 },
  { label: 'Status', width: 8 },
  { label: 'Keterangan', width: 12 },
];

/**
 * One line as a printf-style writer prints it: each value padded to its column (right-aligned ones
 * end under their label's end), a value too long for its column followed by two spaces and pushing
 * the rest of the line right; trailing blanks dropped, as most exporters do.
 */
function printLine(cells: string[], cols = COLS): string {
  let out = '';
  cells.forEach((cell, i) => {
    const col = cols[i]!;
    const value = col.right ? cell.padStart(col.label.length) : cell;
    out += value.length + 2 > col.width ? `${value}  ` : value.padEnd(col.width);
  });
  return out.trimEnd();
}

interface Row {
  no: number;
  nip: string;
  name: string;
  unit: string;
  date: string;
  checkIn: string;
  checkOut: string;
  status: string;
  note: string;
}

const cells = (r: Row) => [String(r.no), r.nip, r.name, r.unit, r.date, r.checkIn, r.checkOut, r.status, r.note];

interface Written {
  text: string;
  /** Line of each data row written, by its `no`. */
  lineOf: Map<number, number>;
  dataLines: number;
  headerLine: number;
}

/** A report: title block, header, a rule under it, the rows (null: a blank line), a rule at the end. */
function report(items: (Row | null)[], eol = '\r\n'): Written {
  const lines = ['LAPORAN KEHADIRAN PEGAWAI', 'Periode : 01/10/2025 - 31/10/2025', '', printLine(COLS.map((c) => c.label))];
  const headerLine = lines.length;
  lines.push(printLine(COLS.map((c) => '-'.repeat(c.width - 2))));
  const lineOf = new Map<number, number>();
  for (const item of items) {
    if (item === null) lines.push('');
    else {
      lines.push(printLine(cells(item)));
      lineOf.set(item.no, lines.length);
    }
  }
  lines.push(printLine(COLS.map((c) => '='.repeat(c.width - 2))));
  return { text: lines.join(eol) + eol, lineOf, dataLines: lineOf.size, headerLine };
}

const row = (no: number, over: Partial<Row> = {}): Row => ({
  no, nip: nip(no), name: 'Budi Santoso', unit: 'Bagian Umum', date: '01/10/2025', checkIn: '07:31', checkOut: '16:05', status: 'H', note: '', ...over,
});

type Stored = { row_no: number; nip: string; name: string | null; unit_name: string | null; date: string; check_in: string | null; check_out: string | null; status: string; mode: string | null };

async function stored(core: TestCore): Promise<Stored[]> {
  return rows<Stored>(core, `SELECT row_no, nip, name, unit_name, strftime(date, '%d/%m/%Y') AS date,
      left(CAST(check_in AS VARCHAR), 5) AS check_in, left(CAST(check_out AS VARCHAR), 5) AS check_out, status, mode
    FROM attendance ORDER BY row_no`);
}

const STATUS: Record<string, string> = { H: 'HADIR', TL: 'TERLAMBAT', S: 'SAKIT', '': 'HADIR' };

/** What a good row must be stored as. */
function expected(w: Written, r: Row): Stored {
  return {
    row_no: w.lineOf.get(r.no)!, nip: r.nip, name: r.name, unit_name: r.unit, date: r.date,
    check_in: r.checkIn || null, check_out: r.checkOut || null, status: STATUS[r.status]!,
    // No mode column: a present day is WFO, an absent one has no mode.
    mode: ['HADIR', 'TERLAMBAT'].includes(STATUS[r.status]!) ? 'WFO' : null,
  };
}

function write(core: TestCore, name: string, text: string, encoding = 'utf-8', bom = false): string {
  const path = join(core.dir, name);
  writeFileSync(path, iconv.encode(text, encoding, { addBOM: bom }));
  return path;
}

async function batch(core: TestCore, id: string) {
  const [b] = await rows<{ format: string; delimiter: string | null; encoding: string; header_row: number; mapping: string }>(core,
    `SELECT format, delimiter, encoding, header_row, mapping FROM batches WHERE batch_id = '${id}'`);
  return { ...b!, mapping: JSON.parse(b!.mapping) as Record<string, string> };
}

describe('fixed-width text exports are imported under their header line', () => {
  it('a Solution-style TXT: title block, rule lines, CRLF, blank lines, long names, empty and missing cells', async () => {
    const good = [
      row(1),
      row(2, { name: 'Siti Aminah', unit: 'Sekretariat', checkIn: '07:45', checkOut: '16:10', status: 'TL', note: 'Terlambat' }),
      // Longer than the Nama column (16 characters of value): pushes the rest of its line right.
      row(3, { name: 'Raden Mas Bagus Wicaksono', unit: 'Bidang Perencanaan Daerah' }),
      // No check-in, no status: present (a time) → HADIR.
      row(4, { name: 'Ani', checkIn: '', status: '' }),
      row(6, { name: 'Dewi Lestari', checkIn: '', checkOut: '', status: 'S', note: 'Surat dokter' }),
      // The trailing columns missing altogether: the line ends after the check-out time.
      row(7, { name: 'Eko Prasetyo', status: '', note: '' }),
    ];
    const bad = row(5, { name: 'Wati', date: '31/09/2025' });
    const w = report([good[0]!, good[1]!, null, good[2]!, good[3]!, bad, null, good[4]!, good[5]!]);
    expect(w.text.split('\r\n')[w.lineOf.get(7)! - 1]).toMatch(/16:05$/);
    const core = await freshCore();
    const r = await importOne(core, { path: write(core, 'laporan_kehadiran.txt', w.text), kind: 'attendance', agency: AGENCY });

    expect(r.error).toBeNull();
    expect({ read: r.rowsRead, imported: r.rowsImported, rejected: r.rowsRejected, skipped: r.rowsSkipped })
      .toEqual({ read: w.dataLines, imported: good.length, rejected: 1, skipped: 0 });
    expect(r.rejects.map((x) => x.reason)).toEqual([`baris ${w.lineOf.get(5)}: Tanggal "31/09/2025" bukan tanggal yang valid`]);
    expect(await stored(core)).toEqual(good.map((g) => expected(w, g)));
    expect(await batch(core, r.batch!)).toEqual({
      format: 'csv', delimiter: null, encoding: 'utf-8', header_row: w.headerLine,
      mapping: { nip: 'NIP', name: 'Nama', unitName: 'Unit Kerja', date: 'Tanggal', checkIn: 'Jam Masuk', checkOut: 'Jam Pulang', status: 'Status' },
    });
  });

  it('LF line ends and a file without a final line break read the same', async () => {
    const items = [row(1), row(2, { name: 'Siti Aminah' }), row(3, { name: 'Ani' })];
    const w = report(items, '\n');
    const core = await freshCore();
    const r = await importOne(core, { path: write(core, 'a.txt', w.text.trimEnd()), kind: 'attendance', agency: AGENCY });
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 3, 0]);
    expect(await stored(core)).toEqual(items.map((g) => expected(w, g)));
  });

  it.each([
    ['Windows-1252', 'windows-1252', false],
    ['UTF-16LE with BOM', 'utf-16le', true],
    ['UTF-8 with BOM', 'utf-8', true],
  ])('%s: names with accents and curly quotes arrive as written, in their columns', async (_, encoding, bom) => {
    const items = [
      row(1, { name: 'Andréas Siregar' }),
      row(2, { name: 'Ma’ruf Amin', unit: 'Dinas Pekerjaan Umum' }),
      row(3, { name: 'Siti – Nurhaliza', unit: 'Kecamatan Bogor Barat' }),
    ];
    const w = report(items);
    const core = await freshCore();
    const r = await importOne(core, { path: write(core, 'p.txt', w.text, encoding, bom), kind: 'attendance', agency: AGENCY });
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 3, 0]);
    expect(await stored(core)).toEqual(items.map((g) => expected(w, g)));
    expect((await batch(core, r.batch!)).encoding).toBe(encoding);
  });

  it('a UTF-8 file with a stray byte rejects that line, naming the column and the byte, and keeps the rest', async () => {
    const items = [row(1, { name: 'Ma’ruf Amin' }), row(2, { name: 'R#naldi' }), row(3, { name: 'Citra' })];
    const w = report(items);
    const core = await freshCore();
    const bytes = Buffer.from(w.text, 'utf8');
    bytes[bytes.indexOf('R#naldi') + 1] = 0xe9;
    const path = join(core.dir, 'stray.txt');
    writeFileSync(path, bytes);
    const r = await importOne(core, { path, kind: 'attendance', agency: AGENCY });
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 2, 1]);
    expect(r.rejects.map((x) => x.reason)).toEqual([`baris ${w.lineOf.get(2)}: Nama "R\\xE9naldi" berisi karakter yang tidak dapat dibaca (pengodean teks)`]);
    expect(await stored(core)).toEqual([expected(w, items[0]!), expected(w, items[2]!)]);
  });

  it('a ZKTeco-style TXT lined up with tabs', async () => {
    const text = [
      'No.\tNIP\t\t\tNama\t\tTanggal\t\tJam Masuk\tJam Pulang',
      `1\t${nip(1)}\tBudi Santoso\t01/10/2025\t07:31\t\t16:05`,
      `2\t${nip(2)}\tAni\t\t01/10/2025\t\t\t16:10`,
      `3\t${nip(3)}\tSri Rahayuningsih\t01/10/2025\t07:40\t\t16:00`,
      '',
    ].join('\r\n');
    const core = await freshCore();
    const r = await importOne(core, { path: write(core, 'attlog.txt', text), kind: 'attendance', agency: AGENCY });
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 3, 0]);
    expect((await stored(core)).map((s) => [s.row_no, s.nip, s.name, s.date, s.check_in, s.check_out])).toEqual([
      [2, nip(1), 'Budi Santoso', '01/10/2025', '07:31', '16:05'],
      [3, nip(2), 'Ani', '01/10/2025', null, '16:10'],
      [4, nip(3), 'Sri Rahayuningsih', '01/10/2025', '07:40', '16:00'],
    ]);
    expect((await batch(core, r.batch!)).delimiter).toBeNull();
  });

  it('counts every line of a file larger than one read (many chunks), each once', async () => {
    const items = Array.from({ length: 12_000 }, (_, i) => row(i + 1, {
      nip: nip((i % 900) + 1, '19860926', '2015' + String((i % 12) + 1).padStart(2, '0')),
      date: `${String((i % 28) + 1).padStart(2, '0')}/${String(Math.floor(i / 900) % 12 + 1).padStart(2, '0')}/2025`,
      name: i % 97 === 0 ? 'Raden Mas Bagus Wicaksono Hadiningrat' : `Pegawai ${i + 1}`,
    }));
    const w = report(items);
    const core = await freshCore();
    const r = await importOne(core, { path: write(core, 'big.txt', w.text), kind: 'attendance', agency: AGENCY });
    expect(r.rowsRead).toBe(items.length);
    expect(r.rowsRead).toBe(r.rowsImported + r.rowsRejected + r.rowsSkipped);
    const keys = new Set(items.map((i) => `${i.nip} ${i.date}`));
    // Rows of the same NIP and date: the later one is kept, the earlier rejected as a duplicate.
    expect([r.rowsImported, r.rowsRejected]).toEqual([keys.size, items.length - keys.size]);
    const [last] = await rows<{ row_no: number; name: string }>(core, 'SELECT row_no, name FROM attendance ORDER BY row_no DESC LIMIT 1');
    expect(last).toEqual({ row_no: w.lineOf.get(items.length), name: `Pegawai ${items.length}` });
  });

  it('the import dialog previews the labels and the cut lines', async () => {
    const items = [row(1), row(2, { name: 'Siti Aminah', note: 'Terlambat' })];
    const w = report(items);
    const core = await freshCore();
    const p = await core.previewImport({ path: write(core, 'p.txt', w.text), kind: 'attendance', agency: AGENCY });
    expect(p).toMatchObject({ format: 'csv', delimiter: null, headerRow: w.headerLine, headers: COLS.map((c) => c.label) });
    expect(p.rows).toEqual(items.map(cells));
    expect(p.fields.filter((f) => f.column !== null).map((f) => f.field)).toEqual(['nip', 'name', 'unitName', 'date', 'checkIn', 'checkOut', 'status']);
  });

  it('a text file with no header line is refused, naming what is missing, and nothing is stored', async () => {
    const core = await freshCore();
    const before = await rows<{ n: number }>(core, 'SELECT count(*) AS n FROM batches');
    const r = await importOne(core, { path: write(core, 'x.txt', 'LAPORAN\n1    2    3\n'), kind: 'attendance', agency: AGENCY });
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/Baris judul kolom tidak ditemukan/);
    expect(await rows<{ n: number }>(core, 'SELECT count(*) AS n FROM batches')).toEqual(before);
  });
});
