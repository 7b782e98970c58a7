import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PreviewImportResult } from '../../src-main/contract/import-types.ts';
import { VALIDATORS } from '../../src-main/contract/validate.ts';
import { csv, freshCore, importOne, nip, rows, writeText, writeXlsx, type TestCore } from '../helpers/workspace.ts';

// The import wizard's preview (docs/import.md, The preview): every file has a way forward, and the
// rows the import would reject or skip are shown, with the import's own reasons, before anything is stored.

const AG = 'DINAS-P';
const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1));

/** Nothing of a preview is left behind: no batch, no temp table, no staged file. */
async function nothingStored(core: TestCore): Promise<void> {
  expect((await core.listImports({})).batches.map((b) => b.batch)).toEqual(['b-000001']);
  const temp = await rows<{ name: string }>(core, `SELECT table_name AS name FROM duckdb_tables() WHERE temporary`);
  expect(temp).toEqual([]);
  const sandbox = readdirSync(core.dir).find((n) => n.startsWith('pantau-staging-'))!;
  expect(readdirSync(join(core.dir, sandbox))).toEqual([]);
}

const issues = (p: PreviewImportResult, skipped: boolean) => p.rowIssues.filter((x) => x.skipped === skipped).map((x) => [x.row, x.reason]);

describe('a file whose header row is not found', () => {
  const TEXT = `REKAP KEHADIRAN DINAS P\nBulan September 2025\n${csv([
    ['ID Pegawai', 'Hari Kerja', 'Datang', 'Keluar', 'Status'],
    [nip(1), '01/09/2025', '07:20', '16:05', 'H'],
    [nip(2), '01/09/2025', '07:25', '16:10', 'S'],
  ])}`;

  it('is previewed with its first rows and a problem in plain words, not refused', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'odd.csv', TEXT);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.headerFound).toBe(false);
    expect(p.raw.slice(0, 3)).toEqual([
      { row: 1, cells: ['REKAP KEHADIRAN DINAS P'] },
      { row: 2, cells: ['Bulan September 2025'] },
      { row: 3, cells: ['ID Pegawai', 'Hari Kerja', 'Datang', 'Keluar', 'Status'] },
    ]);
    expect(p.raw).toHaveLength(5);
    expect([p.headers, p.rows, p.rowNumbers, p.fields.filter((f) => f.column !== null)]).toEqual([[], [], [], []]);
    expect(p.problem).toBe('Baris judul kolom untuk Presensi tidak ditemukan di 30 baris pertama berkas. '
      + 'Pilih baris judul kolomnya dari baris-baris pertama berkas, lalu pilih kolomnya pada pemetaan.');
    expect(p.problem).not.toMatch(/attendance|nip\b/);
    await nothingStored(core);
  });

  it('with the header row picked and the columns chosen by hand, shows the rows and where each column came from', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'odd.csv', TEXT);
    const mapping = { headerRow: 3, columns: { nip: 'ID Pegawai', date: 'Hari Kerja', checkIn: 3, checkOut: 'Keluar' } };
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG, mapping });
    expect([p.headerFound, p.headerRow, p.headerRows, p.sheet, p.problem]).toEqual([true, 3, 1, null, null]);
    expect(p.rows).toEqual([[nip(1), '01/09/2025', '07:20', '16:05', 'H'], [nip(2), '01/09/2025', '07:25', '16:10', 'S']]);
    expect(p.rowNumbers).toEqual([4, 5]);
    const field = (name: string) => p.fields.find((f) => f.field === name);
    expect(field('nip')).toEqual({ field: 'nip', required: true, column: 0, from: 'recipe' });
    expect(field('checkIn')).toMatchObject({ column: 2, from: 'recipe' });
    expect(field('status')).toMatchObject({ column: 4, from: 'guess' });
    expect(field('mode')).toMatchObject({ column: null, from: null });
    expect([p.rowIssues, p.checked]).toEqual([[], { rows: 2, wholeFile: true }]);
    await nothingStored(core);
  });

  it('in a workbook, shows the first sheet\'s rows with their sheet row numbers', async () => {
    const core = await freshCore();
    const path = await writeXlsx(core.dir, 'odd.xlsx', [['ID Pegawai', 'Hari Kerja', 'Datang'], [nip(1), '01/09/2025', '07:20']], ['REKAP', '']);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect([p.headerFound, p.sheet, p.format]).toEqual([false, 'Data', 'xlsx']);
    expect(p.raw.filter((r) => r.cells.some((c) => c !== ''))).toEqual([
      { row: 1, cells: ['REKAP'] }, { row: 3, cells: ['ID Pegawai', 'Hari Kerja', 'Datang'] }, { row: 4, cells: [nip(1), '01/09/2025', '07:20'] },
    ]);
    const q = await core.previewImport({ path, kind: 'attendance', agency: AG, mapping: { headerRow: 3, columns: { nip: 1, date: 2, checkIn: 3 } } });
    expect([q.headerFound, q.headerRow, q.rows, q.rowNumbers, q.checked]).toEqual([true, 3, [[nip(1), '01/09/2025', '07:20']], [4], { rows: 1, wholeFile: true }]);
    await nothingStored(core);
  });

  it('says the problem in English for an English workspace', async () => {
    const core = await freshCore(undefined, { lang: 'en' });
    const p = await core.previewImport({ path: writeText(core.dir, 'odd.csv', TEXT), kind: 'attendance' });
    expect(p.problem).toBe('No column header row for Attendance was found in the first 30 rows of the file. '
      + 'Pick the header row among the file\'s first rows, then choose the columns in the mapping.');
  });
});

describe('columns passed over', () => {
  it('names the schedule beside the scans, the field it would have been and the column used instead', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'jadwal.csv', csv([
      ['NIP', 'Tanggal', 'Jadwal Masuk', 'Jadwal Pulang', 'Scan Masuk', 'Scan Pulang'],
      [nip(1), '01/09/2025', '07:30', '16:00', '07:21', '16:02'],
    ]));
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.ignored).toEqual([
      { column: 'Jadwal Masuk', reason: 'jadwal, bukan jam pindaian; yang dipakai "Scan Masuk"', field: 'checkIn' },
      { column: 'Jadwal Pulang', reason: 'jadwal, bukan jam pindaian; yang dipakai "Scan Pulang"', field: 'checkOut' },
    ]);
    expect(p.fields.find((f) => f.field === 'checkIn')).toMatchObject({ column: 4, from: 'guess' });
    const en = await freshCore(undefined, { lang: 'en' });
    const q = await en.previewImport({ path, kind: 'attendance', agency: AG });
    expect(q.ignored[0]!.reason).toBe('a schedule, not a scanned time; "Scan Masuk" is used');
  });
});

describe('values the file holds in no column', () => {
  const WIDE = [['NIP', 'Nama', ...DAYS], [nip(1), 'Ani', 'H', 'WFH', 'S', ...DAYS.slice(3).map(() => '')]];

  it('a wide sheet\'s month from its title', async () => {
    const core = await freshCore();
    const path = await writeXlsx(core.dir, 'rekap.xlsx', WIDE, ['REKAP ABSENSI BULAN OKTOBER 2025', 'DINAS P']);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect([p.layout, p.sheet, p.headerRow, p.rowNumbers, p.needs]).toEqual(['wide', 'Data', 3, [4], []]);
    expect(p.constants).toEqual({ period: { value: '2025-10', from: 'title' } });
    expect(p.warnings).toContain('Bulan 2025-10 diambil dari judul di atas tabel.');
    expect(p.raw.slice(0, 2)).toEqual([{ row: 1, cells: ['REKAP ABSENSI BULAN OKTOBER 2025'] }, { row: 2, cells: ['DINAS P'] }]);
    // Three filled day cells: the rows the import counts for a wide sheet.
    expect([p.rowIssues, p.checked]).toEqual([[], { rows: 3, wholeFile: true }]);
    await nothingStored(core);
    const r = await importOne(core, { path, kind: 'attendance', agency: AG });
    expect([r.layout, r.rowsRead, r.constants]).toEqual(['wide', 3, p.constants]);
  });

  it('a wide sheet without its month needs one; given, it comes from the option', async () => {
    const core = await freshCore();
    const path = await writeXlsx(core.dir, 'rekap.xlsx', WIDE);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect([p.needs, p.constants, p.problem, p.checked]).toEqual([['period'], {}, null, { rows: 0, wholeFile: false }]);
    expect(p.warnings.join(' ')).toMatch(/^Bulan data tidak ada di berkas/);
    const given = await core.previewImport({ path, kind: 'attendance', agency: AG, period: '2025-10' });
    expect([given.needs, given.constants]).toEqual([[], { period: { value: '2025-10', from: 'option' } }]);
    expect(given.checked).toEqual({ rows: 3, wholeFile: true });
    const recipe = await core.previewImport({ path, kind: 'attendance', agency: AG, mapping: { columns: {}, constants: { period: '2025-11' } } });
    expect(recipe.constants).toEqual({ period: { value: '2025-11', from: 'recipe' } });
    await nothingStored(core);
  });

  it('a daily file without its date needs one', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'harian.csv', csv([['NIP', 'Nama', 'Jam Masuk', 'Jam Pulang'], [nip(1), 'Ani', '07:30', '16:00']]));
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.needs).toEqual(['date']);
    expect(p.fields.find((f) => f.field === 'date')).toMatchObject({ required: false, column: null });
    const given = await core.previewImport({ path, kind: 'attendance', agency: AG, date: '2025-10-14' });
    expect([given.needs, given.constants, given.checked]).toEqual([[], { date: { value: '2025-10-14', from: 'option' } }, { rows: 1, wholeFile: true }]);
  });
});

/** The canonical statuses a value map may name (contract/labels.ts, CODE_LABELS). */
const STATUSES = ['HADIR', 'TERLAMBAT', 'PULANG_CEPAT', 'IZIN', 'SAKIT', 'CUTI', 'DINAS_LUAR', 'TUGAS_BELAJAR', 'TANPA_KETERANGAN', 'LIBUR'];

describe('codes no vocabulary knows', () => {
  const TEXT = csv([
    ['NIP', 'Tanggal', 'Jam Masuk', 'Kode Kehadiran'],
    [nip(1), '01/09/2025', '07:20', 'H'],
    [nip(2), '01/09/2025', '', 'TA'],
    [nip(3), '01/09/2025', '', 'TA'],
    [nip(4), '01/09/2025', '', 'Tidak Absen'],
    // A bad NIP first: the row is rejected for its NIP, and its code is still counted.
    ['12345', '01/09/2025', '', 'TA'],
  ]);

  it('are listed per field and column with how many rows hold each; a value map makes them known', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'kode.csv', TEXT);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.unknownValues).toEqual([
      { field: 'status', column: 'Kode Kehadiran', values: [{ value: 'TA', rows: 3 }, { value: 'Tidak Absen', rows: 1 }], choices: STATUSES },
    ]);
    expect(issues(p, false)).toEqual([
      [3, 'baris 3: Kode Kehadiran "TA" bukan kode kehadiran yang dikenal'],
      [4, 'baris 4: Kode Kehadiran "TA" bukan kode kehadiran yang dikenal'],
      [5, 'baris 5: Kode Kehadiran "Tidak Absen" bukan kode kehadiran yang dikenal'],
      [6, 'baris 6: NIP "12345" tidak 18 digit'],
    ]);
    const values = { status: { TA: 'TANPA_KETERANGAN', 'tidak absen': 'TANPA_KETERANGAN' } };
    const mapped = await core.previewImport({ path, kind: 'attendance', agency: AG, mapping: { columns: {}, values } });
    expect(mapped.unknownValues).toEqual([]);
    expect(issues(mapped, false)).toEqual([[6, 'baris 6: NIP "12345" tidak 18 digit']]);
    await nothingStored(core);
  });
});

describe('the choices a value map offers', () => {
  it('are the canonical values the field reads, and each one mapped to makes a code known', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'mode.csv', csv([
      ['NIP', 'Tanggal', 'Jam Masuk', 'Mode Kerja', 'Tidak Hadir'],
      [nip(1), '01/09/2025', '07:20', 'Ngantor', 'Enggak'],
    ]));
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.unknownValues.map((u) => [u.field, u.values, u.choices])).toEqual([
      ['mode', [{ value: 'Ngantor', rows: 1 }], ['WFO', 'WFH', 'WFA', 'KANTOR_LAIN', 'DL']],
      ['absent', [{ value: 'Enggak', rows: 1 }], ['true', 'false']],
    ]);
    for (const [mode, absent] of [['WFO', 'false'], ['DL', 'true']]) {
      const values = { mode: { Ngantor: mode! }, absent: { Enggak: absent! } };
      const mapped = await core.previewImport({ path, kind: 'attendance', agency: AG, mapping: { columns: {}, values } });
      expect([mapped.unknownValues, mapped.rowIssues]).toEqual([[], []]);
    }
  });
});

describe('the rows the import would reject or skip', () => {
  const TEXT = `DAFTAR HADIR\n\n${csv([
    ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Status'],
    [nip(1), 'Ani', '01/09/2025', '07:20', '16:05', 'H'],
    [nip(2), 'Budi', '31/09/2025', '07:25', '16:10', 'H'],
    ['1.98609E+17', 'Citra', '01/09/2025', '07:25', '16:10', 'H'],
    [nip(4), 'Dedi', '01/09/2025', '25:00', '16:10', 'H'],
    [nip(5), 'Eka', '01/09/2025', '07:25', '16:10', 'H', 'lebih'],
    ['JUMLAH', '', '', '', '', '5'],
  ])}`;

  // Guards a fixed bug: before the agency was typed, every row was flagged "tanpa instansi".
  it('are not flagged before the agency is chosen: the import will read them with it', async () => {
    const core = await freshCore();
    const p = await core.previewImport({ path: writeText(core.dir, 'hadir.csv', TEXT), kind: 'attendance' });
    expect([p.rowIssues, p.checked, p.problem]).toEqual([[], { rows: 0, wholeFile: false }, null]);
  });

  it('are those importFiles reports for the same file, row for row and word for word', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'hadir.csv', TEXT);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.rowIssues.map((x) => [x.row, x.column, x.skipped])).toEqual([
      [5, 'Tanggal', false], [6, 'NIP', false], [7, 'Jam Masuk', false], [8, '', false], [9, '', true],
    ]);
    expect(p.checked).toEqual({ rows: 6, wholeFile: true });
    await nothingStored(core);
    const r = await importOne(core, { path, kind: 'attendance', agency: AG });
    // No batch number was taken by the preview.
    expect(r.batch).toBe('b-000002');
    expect(issues(p, false)).toEqual(r.rejects.map((x) => [x.row, x.reason]));
    expect(issues(p, true)).toEqual(r.skipped.map((x) => [x.row, x.reason]));
    expect(p.rowIssues.filter((x) => !x.skipped).map((x) => [x.column, x.value])).toEqual(r.rejects.map((x) => [x.column, x.value]));
  });

  it('in English for an English workspace, as the import says them', async () => {
    const core = await freshCore(undefined, { lang: 'en' });
    const path = writeText(core.dir, 'hadir.csv', TEXT);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    const r = await importOne(core, { path, kind: 'attendance', agency: AG });
    expect(issues(p, false)).toEqual(r.rejects.map((x) => [x.row, x.reason]));
    expect(issues(p, false)[0]).toEqual([5, 'row 5: Tanggal "31/09/2025" is not a valid date']);
  });

  it('are checked over the head of a long file, with the file\'s own row numbers', async () => {
    const core = await freshCore();
    const body = Array.from({ length: 2000 }, (_, i) => [nip(1 + (i % 900)), `${String(1 + Math.floor(i / 900)).padStart(2, '0')}/09/2025`, '07:30', '16:00', 'H']);
    body[9]![2] = '7.30.99';
    body[1500]![2] = '99:99';
    const path = writeText(core.dir, 'panjang.csv', `JUDUL\n${csv([['NIP', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Status'], ...body])}`);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.checked).toEqual({ rows: 500, wholeFile: false });
    expect(p.rowIssues.map((x) => x.row)).toEqual([12]);
    await nothingStored(core);
  });

  it.each([['utf-8', false], ['windows-1252', false], ['utf-16le', true]] as const)(
    'are cut at a record boundary of a %s file, a quoted cell over two lines included', async (encoding, bom) => {
      const core = await freshCore();
      const body = Array.from({ length: 700 }, (_, i) => [nip(1 + i), i === 2 ? '"Ani\nSétiawati, S.E."' : 'Dédi', '01/09/2025', '07:30', 'H']);
      body[6]![2] = '32/09/2025';
      body[498]![2] = '00/09/2025';
      body[600]![2] = 'kemarin';
      const path = writeText(core.dir, 'enc.csv', `JUDUL\n${csv([['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Status'], ...body])}`, encoding, bom);
      const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
      expect([p.encoding, p.checked]).toEqual([encoding, { rows: 500, wholeFile: false }]);
      expect(p.rows[2]![1]).toBe('Ani\nSétiawati, S.E.');
      await nothingStored(core);
      const r = await importOne(core, { path, kind: 'attendance', agency: AG });
      // The file's own line numbers: the quoted cell's second line shifts the rows after it.
      expect(issues(p, false)).toEqual(r.rejects.slice(0, 2).map((x) => [x.row, x.reason]));
      expect(issues(p, false).map(([row]) => row)).toEqual([10, 502]);
    });

  it('a workbook\'s, with the sheet named', async () => {
    const core = await freshCore();
    const path = await writeXlsx(core.dir, 'hadir.xlsx', [
      ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Status'],
      [nip(1), 'Ani', '01/09/2025', '07:20', 'H'],
      ['12345', 'Budi', '01/09/2025', '07:20', 'H'],
      [nip(3), 'Citra', '01/09/2025', '07:20', 'XX'],
    ], ['DAFTAR HADIR']);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.rowIssues.map((x) => [x.row, x.sheet, x.reason])).toEqual([
      [4, 'Data', 'baris 4: NIP "12345" tidak 18 digit'],
      [5, 'Data', 'baris 5: Status "XX" bukan kode kehadiran yang dikenal'],
    ]);
    expect([p.checked, p.rowNumbers]).toEqual([{ rows: 3, wholeFile: true }, [3, 4, 5]]);
    await nothingStored(core);
    const r = await importOne(core, { path, kind: 'attendance', agency: AG });
    expect(issues(p, false)).toEqual(r.rejects.map((x) => [x.row, x.reason]));
  });
});

describe('the head of a long workbook', () => {
  it('is checked as far as the first 500 data rows of the sheet', async () => {
    const core = await freshCore();
    const body = Array.from({ length: 650 }, (_, i) => [nip(1 + i), 'Ani', '01/09/2025', '07:30', i === 20 || i === 620 ? 'ZZ' : 'H']);
    const path = await writeXlsx(core.dir, 'panjang.xlsx', [['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Status'], ...body]);
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect(p.checked).toEqual({ rows: 500, wholeFile: false });
    expect(p.rowIssues.map((x) => x.row)).toEqual([22]);
    expect(p.unknownValues).toEqual([{ field: 'status', column: 'Status', values: [{ value: 'ZZ', rows: 1 }], choices: STATUSES }]);
    await nothingStored(core);
  });
});

describe('a layout chosen by the user', () => {
  // A scan log (one row per scan): read as rows, its two scans of a day are one key twice.
  const TEXT = csv([
    ['NIP', 'Tanggal', 'Jam'],
    [nip(1), '01/09/2025', '07:21'],
    [nip(1), '01/09/2025', '16:04'],
    [nip(2), '01/09/2025', '07:30'],
  ]);

  it('is read as the import reads it', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'scan.csv', TEXT);
    const guessed = await core.previewImport({ path, kind: 'attendance', agency: AG });
    expect([guessed.layout, guessed.rowIssues]).toEqual(['scans', []]);
    const mapping = { layout: 'rows' as const, columns: { checkIn: 'Jam' } };
    const forced = await core.previewImport({ path, kind: 'attendance', agency: AG, mapping });
    expect(forced.layout).toBe('rows');
    expect(issues(forced, false)).toEqual([[2, 'baris 2: NIP "198609262015051001" punya kunci yang sama dengan baris 3 di berkas ini; baris 3 yang dipakai']]);
    await nothingStored(core);
    const r = await importOne(core, { path, kind: 'attendance', agency: AG, mapping });
    expect([r.layout, r.rejects.map((x) => [x.row, x.reason])]).toEqual(['rows', issues(forced, false)]);
  });

  it('that the file cannot be read in is a problem, the import\'s own words, and leaves nothing behind', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'scan.csv', TEXT);
    const wide = await core.previewImport({ path, kind: 'attendance', agency: AG, mapping: { layout: 'wide', columns: {} } });
    expect([wide.layout, wide.checked]).toEqual(['wide', { rows: 0, wholeFile: false }]);
    expect(wide.problem).toMatch(/^Lembar ini tidak memiliki kolom hari/);
    await nothingStored(core);
    const r = await importOne(core, { path, kind: 'attendance', agency: AG, mapping: { layout: 'wide', columns: {} } });
    expect(r.error).toBe(wide.problem);
  });
});

describe('a header the user picked over two rows', () => {
  // A group label over Masuk/Pulang; the title line above it is not part of the header.
  const TEXT = csv([
    ['REKAP'],
    ['NIP', 'Tanggal', 'PRESENSI', ''],
    ['', '', 'Masuk', 'Pulang'],
    [nip(1), '01/09/2025', '07:20', '16:05'],
    [nip(2), '01/09/2025', '7.61', '16:05'],
  ]);

  it('is read as the import reads it: joined labels, rows after the second', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'dua.csv', TEXT);
    const mapping = { headerRow: 2, headerRows: 2, columns: {} };
    const p = await core.previewImport({ path, kind: 'attendance', agency: AG, mapping });
    expect([p.headerRow, p.headerRows, p.headers, p.rowNumbers]).toEqual([2, 2, ['NIP', 'Tanggal', 'PRESENSI Masuk', 'PRESENSI Pulang'], [4, 5]]);
    expect(p.fields.find((f) => f.field === 'checkIn')).toMatchObject({ column: 2, from: 'guess' });
    const r = await importOne(core, { path, kind: 'attendance', agency: AG, mapping });
    expect(issues(p, false)).toEqual(r.rejects.map((x) => [x.row, x.reason]));
    expect(issues(p, false)).toHaveLength(1);
  });
});

describe('the request', () => {
  it('takes a period and a date as importFiles does, and refuses malformed ones', () => {
    expect(() => VALIDATORS.previewImport({ path: 'a.csv', kind: 'attendance', period: '2025-10', date: '2025-10-14' })).not.toThrow();
    expect(() => VALIDATORS.previewImport({ path: 'a.csv', kind: 'attendance', period: '2025-13' })).toThrow();
    expect(() => VALIDATORS.previewImport({ path: 'a.csv', kind: 'attendance', date: '14/10/2025' })).toThrow();
  });
});
