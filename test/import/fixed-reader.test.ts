import { describe, expect, it } from 'vitest';
import type { MappingRecipe } from '../../src-main/contract/import-types.ts';
import { chooseLayout } from '../../src-main/core/import/csv-reader.ts';
import {
  cutLine, decodeLine, encodeLine, expandTabs, findFixedHeader, FixedToCsv, fixedLayout, headerLabels, isNoRow, type FixedHeader,
} from '../../src-main/core/import/fixed-reader.ts';
import { KINDS } from '../../src-main/core/import/kinds.ts';

// The fixed-width reader's parts, case by case: the header's labels, where a data line is cut, which
// files are fixed-width at all, and the line-for-line rewriting into CSV records the scanner reads.

const ATT = KINDS.attendance;

/** The header of the brief's example: labels at 0, 5, 25, 43, 55, 66, 78. */
const HEADER = 'No.  NIP                 Nama              Tanggal     Jam Masuk  Jam Pulang  Keterangan';
const LABELS = headerLabels(HEADER);

/** A line with each text placed at its column: `place([0, 'a'], [5, 'b'])` is `a    b`. */
function place(...cells: [number, string][]): string {
  let line = '';
  for (const [col, text] of cells) line = line.padEnd(col) + text;
  return line;
}

describe('the labels of a header line', () => {
  it.each([
    ['runs of two or more spaces separate, one space joins', HEADER,
      [['No.', 0, 3], ['NIP', 5, 8], ['Nama', 25, 29], ['Tanggal', 43, 50], ['Jam Masuk', 55, 64], ['Jam Pulang', 66, 76], ['Keterangan', 78, 88]]],
    ['an indented header, trailing blanks', '   NIP   Nama Pegawai   Tgl   ', [['NIP', 3, 6], ['Nama Pegawai', 9, 21], ['Tgl', 24, 27]]],
    ['a tab always separates and moves to the next stop of 8', 'No.\tNIP\t\t\tNama Pegawai\tTgl',
      [['No.', 0, 3], ['NIP', 8, 11], ['Nama Pegawai', 32, 44], ['Tgl', 48, 51]]],
    ['a tab between two words of one label', 'Jam\tMasuk  Pulang', [['Jam', 0, 3], ['Masuk', 8, 13], ['Pulang', 15, 21]]],
    ['a blank line has none', '  \t ', []],
  ])('%s', (_, line, want) => {
    expect(headerLabels(line).map((l) => [l.text, l.start, l.end])).toEqual(want);
  });

  it('expands tabs to the next multiple of 8, the tab kept as the first blank', () => {
    expect(expandTabs('ab\tc\t\td')).toBe('ab\t     c\t      \t       d');
    expect(expandTabs('abcdefg\th')).toBe('abcdefg\th');
  });
});

describe('cutting a data line under the labels', () => {
  const nip = '198609262015051001';
  it.each<[string, string, readonly string[]]>([
    ['left-aligned values, the last cell empty', `1    ${nip}  Budi Santoso      01/10/2025  07:31      16:05       `,
      ['1', nip, 'Budi Santoso', '01/10/2025', '07:31', '16:05', '']],
    ['every column filled', `2    ${nip}  Siti Aminah       01/10/2025  07:45      16:10       Terlambat`,
      ['2', nip, 'Siti Aminah', '01/10/2025', '07:45', '16:10', 'Terlambat']],
    ['an empty cell in the middle', `3    ${nip}  Ani               01/10/2025             16:05       Lupa absen`,
      ['3', nip, 'Ani', '01/10/2025', '', '16:05', 'Lupa absen']],
    ['the trailing columns missing (the line ends after the date)', `4    ${nip}  Ani               01/10/2025`,
      ['4', nip, 'Ani', '01/10/2025', '', '', '']],
    ['the line ends inside the date column', `5    ${nip}  Ani               01/10`, ['5', nip, 'Ani', '01/10', '', '', '']],
    ['right-aligned numbers ending at the end of "No."', `  7  ${nip}  Ani`, ['7', nip, 'Ani', '', '', '', '']],
    ['a name longer than its column pushes the rest of the line right',
      `6    ${nip}  Muhammad Rizky Pratama  01/10/2025  07:31      16:05       Terlambat`,
      ['6', nip, 'Muhammad Rizky Pratama', '01/10/2025', '07:31', '16:05', 'Terlambat']],
    ['a longer name, past the next label\'s end, and an empty cell after it',
      `8    ${nip}  Raden Mas Bagus Wicaksono Hadiningrat  01/10/2025             16:05`,
      ['8', nip, 'Raden Mas Bagus Wicaksono Hadiningrat', '01/10/2025', '', '16:05', '']],
    ['the label\'s start on the space between two words of a name', `9    ${nip}  Tri Wahyu Ningsih Ayu  01/10/2025  07:31`,
      // "Ayu" starts at 43, where Tanggal does; the single space before it keeps it in the name.
      ['9', nip, 'Tri Wahyu Ningsih Ayu', '01/10/2025', '07:31', '', '']],
    ['a date set one column to the left of its label', `10   ${nip}  Ani              01/10/2025  07:31`,
      ['10', nip, 'Ani', '01/10/2025', '07:31', '', '']],
    ['text past the last label stays in the last cell', `11   ${nip}  Ani               01/10/2025  07:31      16:05       Dinas luar ke Bogor, rapat koordinasi    bersama BKN`,
      ['11', nip, 'Ani', '01/10/2025', '07:31', '16:05', 'Dinas luar ke Bogor, rapat koordinasi    bersama BKN']],
    ['blanks only', ' '.repeat(40), ['', '', '', '', '', '', '']],
  ])('%s', (_, line, want) => {
    expect(cutLine(line, LABELS)).toEqual(want);
  });

  it('reads a right-aligned number wider than its label into its own column', () => {
    const labels = headerLabels('NIP                 Nama                Menit   Ket');
    expect(labels.map((l) => l.start)).toEqual([0, 20, 40, 48]);
    // Numbers right-aligned, ending where "Menit" ends (45): one starts two columns before the label.
    expect(cutLine(place([0, nip], [20, 'Ani'], [38, '1234567'], [48, 'x']), labels)).toEqual([nip, 'Ani', '1234567', 'x']);
    expect(cutLine(place([0, nip], [20, 'Ani'], [43, '12'], [48, 'x']), labels)).toEqual([nip, 'Ani', '12', 'x']);
    // A long value of the column before runs past 40 and pushes the rest of its line right: the
    // writer starts the Menit column two blanks after it, at 43, and right-aligns 5 in it (at 47).
    expect(cutLine(place([0, nip], [20, 'Kepala Subbagian Umum'], [47, '5'], [51, 'x']), labels))
      .toEqual([nip, 'Kepala Subbagian Umum', '5', 'x']);
  });

  it('expands tabs in data lines as in the header', () => {
    const labels = headerLabels('No.\tNIP\t\t\tNama\t\tTanggal\t\tMasuk');
    expect(labels.map((l) => l.start)).toEqual([0, 8, 32, 48, 64]);
    expect(cutLine(`1\t${nip}\tBudi Santoso\t01/10/2025\t07:31`, labels)).toEqual(['1', nip, 'Budi Santoso', '01/10/2025', '07:31']);
    expect(cutLine(`2\t${nip}\tAni\t\t01/10/2025\t07:45`, labels)).toEqual(['2', nip, 'Ani', '01/10/2025', '07:45']);
    // A value that fills its column up to the next label: its tab pushes the rest of the line one stop right.
    expect(cutLine(`3\t${nip}\tAni Sulistyowati\t01/10/2025\t07:45`, labels)).toEqual(['3', nip, 'Ani Sulistyowati', '01/10/2025', '07:45']);
  });

  it('takes content left of the first label into the first column', () => {
    const labels = headerLabels('    NIP                 Nama');
    expect(cutLine(`${nip}      Ani`, labels)).toEqual([nip, 'Ani']);
  });
});

describe('lines that hold no row', () => {
  it.each([
    ['', true], ['   \t', true], ['\f', true], ['-----  ------------  ----', true], ['====', true], ['+-----+-----+', true],
    ['|  |', true], ['1    x', false], ['- 1 -', false], ['JUMLAH', false],
  ])('%j → %s', (line, want) => {
    expect(isNoRow(line)).toBe(want);
  });
});

describe('finding the fixed-width header', () => {
  const title = 'LAPORAN KEHADIRAN\nPeriode : 01/10/2025 - 31/10/2025\n\n';

  it('is the first line whose labels map three known headers, under a title block', () => {
    const h = findFixedHeader(`${title}${HEADER}\n1    x\n`, ATT);
    expect(h).toMatchObject({ line: 4, mapped: 6 });
    expect(h!.labels.map((l) => l.text)).toEqual(['No.', 'NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Keterangan']);
  });

  it('needs three: a line mapping two is no header', () => {
    expect(findFixedHeader('NIP        Nama\n1  x\n', ATT)).toBeUndefined();
  });

  it('looks through the first 30 non-blank lines only; blank lines do not count', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Judul ${i + 1}`).join('\n\n');
    expect(findFixedHeader(`${lines(29)}\n${HEADER}\n`, ATT)?.line).toBe(58);
    expect(findFixedHeader(`${lines(30)}\n${HEADER}\n`, ATT)).toBeUndefined();
  });

  it('counts lines ended by CR, LF or CRLF, as the scanner does', () => {
    expect(findFixedHeader(`A\r\nB\rC\n${HEADER}\r\n`, ATT)?.line).toBe(4);
  });

  it('takes the line a recipe names, and its column names', () => {
    const recipe: MappingRecipe = { headerRow: 2, columns: { nip: 'ID Pegawai', date: 'Hari Kerja' } };
    const h = findFixedHeader('NIP  Nama  Tanggal\nID Pegawai   Hari Kerja   Datang\n', ATT, recipe);
    expect(h).toMatchObject({ line: 2, mapped: 2 });
  });

  it('with a recipe saying layout fixed, accepts a line that maps one header when none maps three', () => {
    const recipe = { layout: 'fixed', columns: { date: 2 } } as MappingRecipe;
    expect(findFixedHeader('Kode Pegawai   Hari   NIP\n', ATT, recipe, true)).toMatchObject({ line: 1, mapped: 2 });
    expect(findFixedHeader('Kode Pegawai   Hari   NIP\n', ATT, { columns: {} })).toBeUndefined();
  });
});

describe('which files are fixed-width', () => {
  /** The fixed-width header's line, or 'delimited' (read as CSV, or refused as such). */
  const decide = (text: string, recipe?: MappingRecipe) => fixedLayout(text, ATT, recipe, chooseLayout(text, ATT, recipe))?.line ?? 'delimited';

  it.each<[string, string, number | 'delimited']>([
    ['a CSV with commas', 'NIP,Nama,Tanggal,Jam Masuk\n1,Ani,01/10/2025,07:31\n', 'delimited'],
    ['a CSV with semicolons and a title block', 'REKAP\n\nNIP;Nama;Tanggal\n1;Ani;01/10/2025\n', 'delimited'],
    ['a tab-separated file', 'NIP\tNama\tTanggal\tJam Masuk\n1\tAni\t01/10/2025\t07:31\n2\tBudi Santoso\t01/10/2025\t07:40\n', 'delimited'],
    ['columns lined up with spaces, under a title block', `LAPORAN\n\n${HEADER}\n1    x\n`, 3],
    ['columns lined up with tabs (empty header cells between labels)',
      'No.\tNIP\t\t\tNama\t\tTanggal\n1\t198609262015051001\t\tAni\t\t01/10/2025\n', 1],
    ['columns lined up with tabs (data lines of other widths than the header)',
      'NIP\tNama\tTanggal\n198609262015051001\tBudi Santoso\t\t01/10/2025\n198609262015051002\tSiti Nurhaliza\t01/10/2025\n198609262015051003\tA\t\t\t01/10/2025\n', 1],
    ['a file with neither', 'hello\nworld\n', 'delimited'],
  ])('%s', (_, text, want) => {
    expect(decide(text)).toBe(want);
  });

  it('a recipe saying layout fixed reads even a comma-separated header as fixed-width', () => {
    expect(decide('NIP  Nama, Gelar  Tanggal\n', { layout: 'fixed', columns: {} } as MappingRecipe)).toBe(1);
  });
});

describe('rewriting fixed-width lines as CSV records, line for line', () => {
  const header: FixedHeader = { line: 3, labels: headerLabels('NIP        Nama          Tanggal'), mapped: 3 };
  const text = [
    'LAPORAN "HARIAN", OKTOBER',
    '',
    'NIP        Nama          Tanggal',
    '---------  ------------  ----------',
    '111        Ani           01/10/2025',
    '',
    '222        Budi, "Bud"   02/10/2025',
    '   ',
    '333        Citra',
  ].join('\r\n');
  const want = [
    "LAPORAN 'HARIAN'; OKTOBER",
    '',
    'NIP        Nama          Tanggal',
    '',
    '111,Ani,01/10/2025',
    '',
    '222,"Budi, ""Bud""",02/10/2025',
    '',
    '333,Citra,',
    '',
  ].join('\n');

  function run(bytes: Uint8Array, chunk: number, max = 1000, h = header): string {
    const c = new FixedToCsv(h, max);
    const out: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += chunk) out.push(c.write(bytes.subarray(i, i + chunk)));
    out.push(c.end());
    return Buffer.concat(out).toString('latin1');
  }

  it('writes one line for every line in, whatever the chunks (CRLF split between them too)', () => {
    const bytes = Buffer.from(text, 'latin1');
    for (const chunk of [1, 2, 3, 7, 64, 1 << 16]) expect(run(bytes, chunk), `chunks of ${chunk}`).toBe(want);
  });

  it('ends lines at CR alone and at LF alone, as the scanner does', () => {
    expect(run(Buffer.from(text.replaceAll('\r\n', '\r'), 'latin1'), 5)).toBe(want);
    expect(run(Buffer.from(text.replaceAll('\r\n', '\n') + '\n', 'latin1'), 5)).toBe(want);
  });

  it('passes a line longer than the limit as its own length of harmless bytes, without holding it', () => {
    const long = `444        ${'x,"'.repeat(40)}`;
    const out = run(Buffer.from(`a\nb\nc\n${long}\n555        Dewi          03/10/2025\n`, 'latin1'), 7, 100);
    const lines = out.split('\n');
    expect(lines[3]).toBe(long.replaceAll(',', ';').replaceAll('"', "'"));
    expect(lines[4]).toBe('555,Dewi,03/10/2025');
  });

  it('keeps bytes that are not UTF-8 as they were, for the scanner to reject', () => {
    const bytes = Buffer.concat([Buffer.from('a\nb\nc\n111        R'), Buffer.of(0xe9), Buffer.from('naldi       01/10/2025\n222        Ma’ruf        01/10/2025\n')]);
    const out = Buffer.from(run(bytes, 4), 'latin1');
    expect(out.subarray(out.indexOf('111'))).toEqual(Buffer.concat([Buffer.from('111,R'), Buffer.of(0xe9), Buffer.from('naldi,01/10/2025\n222,Ma’ruf,01/10/2025\n')]));
  });

  it('decodes and encodes any bytes back to themselves', () => {
    const samples = [Buffer.from('plain'), Buffer.from('Ma’ruf Andréas 😀'), Buffer.of(0xe9, 0x41, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0xff, 0x80)];
    for (const s of samples) {
      const { text: t, escaped } = decodeLine(s);
      expect(encodeLine(t, escaped)).toEqual(s);
    }
    expect(decodeLine(Buffer.of(0x52, 0xe9)).text).toBe('R\udce9');
  });
});
