import { describe, expect, it } from 'vitest';
import { CsvScanner, type ScanLayout } from '../../src-main/core/import/csv-scan.ts';

// The app's own count of a CSV body: what it writes for DuckDB and what it rejects, case by case.

const HEADERS = ['NIP', 'Nama', 'Tanggal'];

function scan(text: string | Uint8Array, layout: Partial<ScanLayout> = {}, chunk = 1 << 16) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const s = new CsvScanner({ delimiter: ',', headerEndLine: 1, headers: HEADERS, maxRecordBytes: 1000, validateUtf8: true, ...layout });
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(s.write(bytes.subarray(i, i + chunk)));
  parts.push(s.end());
  // Each written record with the line it starts on, worked out from its index and the shifts.
  const lines = new TextDecoder().decode(Buffer.concat(parts));
  const first = (layout.headerEndLine ?? 1) + 1;
  const records = splitWritten(lines);
  const out = records.map((r, i) => `${first + i + (s.shifts.filter((x) => x.index <= i).at(-1)?.shift ?? 0)},${r}\n`).join('');
  return { out, records: s.records, written: s.written, rejects: s.rejects, multibyte: s.utf8.multibyte, malformed: s.utf8.malformed };
}

/** The written records (a quoted cell may hold a line break). */
function splitWritten(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  return out;
}

describe('the CSV scanner', () => {
  it.each([
    ['LF', 'NIP,Nama,Tanggal\n1,Ani,2025-09-01\n2,Budi,2025-09-02\n'],
    ['CRLF', 'NIP,Nama,Tanggal\r\n1,Ani,2025-09-01\r\n2,Budi,2025-09-02\r\n'],
    ['CR only', 'NIP,Nama,Tanggal\r1,Ani,2025-09-01\r2,Budi,2025-09-02\r'],
    ['a CRLF header over LF data, no final line break', 'NIP,Nama,Tanggal\r\n1,Ani,2025-09-01\n2,Budi,2025-09-02'],
  ])('writes each record with its line number, whatever the line endings (%s)', (_, text) => {
    expect(scan(text)).toMatchObject({ out: '2,1,Ani,2025-09-01\n3,2,Budi,2025-09-02\n', records: 2, written: 2, rejects: [] });
  });

  it('skips a title block above the header and counts lines across mixed endings', () => {
    const r = scan('REKAP PRESENSI\nBulan September\r\nNIP,Nama,Tanggal\r\n1,Ani,2025-09-01\n', { headerEndLine: 3 });
    expect(r).toMatchObject({ out: '4,1,Ani,2025-09-01\n', records: 1 });
  });

  it('does not count blank lines', () => {
    expect(scan('NIP,Nama,Tanggal\n\n1,Ani,x\n   \n\r\n2,Budi,y\n')).toMatchObject({ out: '3,1,Ani,x\n6,2,Budi,y\n', records: 2 });
  });

  it('numbers a record by the line it starts on when a quoted cell spans lines, and keeps the cell whole', () => {
    const r = scan('NIP,Nama,Tanggal\n1,"Ani\r\nSusanti",x\n2,"Budi, S.Kom.","y ""z"""\n');
    expect(r.out).toBe('2,1,"Ani\r\nSusanti",x\n4,2,"Budi, S.Kom.","y ""z"""\n');
    expect(r.records).toBe(2);
  });

  it('rejects a row with more non-empty fields than the header once, and ignores empty ones', () => {
    const r = scan('NIP,Nama,Tanggal\n1,Ani,x,extra,more\n2,Budi,y,,\n');
    expect(r.rejects).toEqual([{ row: 2, column: '_row', value: 'extra,more', code: 'CSV_TOO_MANY_FIELDS', detail: null }]);
    expect(r).toMatchObject({ out: '3,2,Budi,y\n', records: 2, written: 1 });
  });

  it('rejects a row that ends before the last named column', () => {
    const r = scan('NIP,Nama,Tanggal\n1,Ani\n');
    expect(r.rejects).toEqual([{ row: 2, column: '_row', value: '2 dari 3', code: 'CSV_TOO_FEW_FIELDS', detail: null }]);
  });

  it('rejects a row with bytes that are not UTF-8, naming the column and the bytes, and keeps the others', () => {
    const bytes = Buffer.concat([Buffer.from('NIP,Nama,Tanggal\n1,Ma’ruf,x\n2,R'), Buffer.from([0xe9]), Buffer.from('naldi,y\n')]);
    const r = scan(bytes);
    expect(r.rejects).toEqual([{ row: 3, column: 'Nama', value: 'R\\xE9naldi', code: 'CSV_ENCODING', detail: null }]);
    expect(r).toMatchObject({ out: '2,1,Ma’ruf,x\n', multibyte: 1, malformed: 1 });
  });

  it('rejects a record longer than the limit with its row, and goes on', () => {
    const r = scan(`NIP,Nama,Tanggal\n1,${'a'.repeat(2000)},x\n2,Budi,y\n`);
    expect(r.rejects).toEqual([{ row: 2, column: '_row', value: null, code: 'CSV_LINE_TOO_LONG', detail: '2.005' }]);
    expect(r.out).toBe('3,2,Budi,y\n');
  });

  it('rejects the row where a quote opens and never closes, and reads the lines after it', () => {
    const r = scan('NIP,Nama,Tanggal\n1,"Ani,x\n2,Budi,y\n3,Citra,z\n');
    expect(r.rejects).toEqual([{ row: 2, column: '_row', value: null, code: 'CSV_QUOTE', detail: '2' }]);
    expect(r).toMatchObject({ out: '3,2,Budi,y\n4,3,Citra,z\n', records: 3, written: 2 });
  });

  it('refuses a file with a zero byte as binary, naming the line', () => {
    expect(() => scan(Buffer.concat([Buffer.from('NIP,Nama,Tanggal\n1,Ani,x\n'), Buffer.from([0]), Buffer.from('\n')])))
      .toThrow(/byte 0 di baris 3/);
  });

  it('gives the same output whatever the chunk size (line endings, quotes and UTF-8 split across chunks)', () => {
    const text = Buffer.concat([
      Buffer.from('T\r\nNIP,Nama,Tanggal\r\n1,"A\r\nB ""q""",x\r\n2,Ma’ruf,y\r3,'), Buffer.from([0xe9]), Buffer.from(',z\n4,"open\n5,e,f'),
    ]);
    const whole = scan(text, { headerEndLine: 2 });
    for (const size of [1, 2, 3, 7]) expect(scan(text, { headerEndLine: 2 }, size)).toEqual(whole);
    expect(whole.records).toBe(5);
  });
});
