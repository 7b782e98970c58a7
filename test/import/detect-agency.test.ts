/**
 * The import screen's agency suggestion (docs/import.md, Agency suggestion): read from the file
 * itself (an agency column, the NIPs or PINs a roster holds, unit names, the file name), never from
 * headers alone; and why a file of no kind cannot be read. One in-memory workspace holds three
 * agencies whose exports share their headers; each case detects a file written for it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFileRequest } from '../../src-main/contract/import-types.ts';
import type { DetectImportResult } from '../../src-main/contract/views-types.ts';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { SAMPLE_BYTES } from '../../src-main/core/import/sniff.ts';
import { csv, nip, suiteDir, TODAY, writeText, writeXlsx } from '../helpers/workspace.ts';

const A = 'KEMEN-KLH';
const B = 'PEMKAB-WNS';
const C = 'PEMKOT-PALU';

/** Each agency's roster: NIPs and device PINs of its own. */
const ROSTER = {
  [A]: [1, 2, 3, 4, 5].map((i) => ({ nip: nip(i), pin: String(100 + i), unit: 'Biro Umum' })),
  [B]: [101, 102, 103, 104, 105].map((i) => ({ nip: nip(i), pin: String(1000 + i), unit: 'Bagian Umum' })),
};
const UNITS = { [A]: ['Biro Umum', 'Sekretariat'], [C]: ['Dinas Kesehatan', 'Dinas Pendidikan', 'Sekretariat'] };

/** The header both A's and B's attendance exports write. */
const HEADER = ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Masuk', 'Pulang'];
const attendance = (nips: string[]) =>
  csv([HEADER, ...nips.flatMap((n) => ['03/11/2025', '04/11/2025'].map((d) => [n, 'Pegawai', 'Bagian Umum', d, '07:30', '16:00']))]);
const nips = (...seqs: number[]) => seqs.map((i) => nip(i));

let core: Core;
let dir: string;

beforeAll(async () => {
  dir = suiteDir();
  core = await createCore({ dbPath: ':memory:', tmpDir: dir, now: () => TODAY, log: () => undefined });
  const files: ImportFileRequest[] = [];
  const add = (name: string, text: string, kind: ImportFileRequest['kind'], agency: string) =>
    files.push({ path: writeText(dir, name, text), kind, agency });
  for (const [agency, people] of Object.entries(ROSTER)) {
    add(`pegawai-${agency}.csv`, csv([['NIP', 'Nama', 'Unit Kerja', 'PIN'], ...people.map((p) => [p.nip, 'Pegawai', p.unit, p.pin])]), 'roster', agency);
  }
  for (const [agency, names] of Object.entries(UNITS)) add(`unit-${agency}.csv`, csv([['Nama Unit'], ...names.map((n) => [n])]), 'units', agency);
  // The same headers in history for both, A's batch the newest: header similarity alone would say A.
  add('presensi-b.csv', attendance(nips(101, 102)), 'attendance', B);
  add('presensi-a.csv', attendance(nips(1, 2)), 'attendance', A);
  const done = await core.importFiles({ files });
  expect(done.files.map((f) => f.error)).toEqual(files.map(() => null));
});

afterAll(() => core?.close());

type Expected = Pick<DetectImportResult, 'kind' | 'agency' | 'agencyFrom' | 'rosterMatches'>;

/** A scan log larger than the sniffer's sample, cut by it inside a PIN, so a partial PIN would count as one more. */
function cutScanLog(pins: string[]): string {
  const row = (pin: string) => `${pin},2025-11-03 07:30:00,${'x'.repeat(60)}\n`;
  const length = row(pins[0]!).length;
  // Fewer rows than detection reads fit the sample, which ends two characters into a row: the header is padded to place it so.
  const header = `PIN,Waktu,Keterangan${' '.repeat((SAMPLE_BYTES - 2 - 21) % length)}\n`;
  const count = Math.ceil(SAMPLE_BYTES / length) + 10;
  return header + Array.from({ length: count }, (_, i) => row(pins[i % pins.length]!)).join('');
}

describe('the agency suggested for a file comes from the file itself', () => {
  const cases: { name: string; file: string; text: string | (() => Promise<string>); expected: Expected }[] = [
    {
      // The reported bug: PEMKAB-WNS's files were suggested as KEMEN-KLH, whose batch had the same headers.
      name: "a file of B's NIPs, with headers last imported for A",
      file: 'presensi-2025-11.csv', text: attendance(nips(101, 102, 103)),
      expected: { kind: 'attendance', agency: B, agencyFrom: 'roster', rosterMatches: [{ agency: B, matched: 3, of: 3 }] },
    },
    {
      name: "a workbook of B's NIPs",
      file: 'presensi-2025-11.xlsx',
      text: () => writeXlsx(dir, 'presensi-2025-11.xlsx', [HEADER, ...nips(101, 104).map((n) => [n, 'Pegawai', 'Bagian Umum', '03/11/2025', '07:30', '16:00'])]),
      expected: { kind: 'attendance', agency: B, agencyFrom: 'roster', rosterMatches: [{ agency: B, matched: 2, of: 2 }] },
    },
    {
      // The screen blocks an import to B here: A's roster holds more of the file's NIPs.
      name: "a conflict: NIPs split between two rosters, one in none, each over several rows",
      file: 'presensi.csv', text: attendance(nips(1, 2, 3, 101, 102, 900)),
      expected: { kind: 'attendance', agency: A, agencyFrom: 'roster', rosterMatches: [{ agency: A, matched: 3, of: 6 }, { agency: B, matched: 2, of: 6 }] },
    },
    {
      name: 'a tie between two rosters suggests no agency from them',
      file: 'presensi.csv', text: attendance(nips(1, 101)),
      expected: { kind: 'attendance', agency: null, agencyFrom: null, rosterMatches: [{ agency: A, matched: 1, of: 2 }, { agency: B, matched: 1, of: 2 }] },
    },
    {
      name: "a scan log of B's device PINs",
      file: 'scanlog.csv', text: csv([['PIN', 'Waktu'], ['1101', '2025-11-03 07:30:00'], ['1102', '2025-11-03 07:31:00'], ['1101', '2025-11-03 16:00:00']]),
      expected: { kind: 'attendance', agency: B, agencyFrom: 'roster', rosterMatches: [{ agency: B, matched: 2, of: 2 }] },
    },
    {
      name: 'a scan log larger than the sample read counts only whole PINs',
      file: 'scanlog.csv', text: cutScanLog(['1101', '1102', '1103']),
      expected: { kind: 'attendance', agency: B, agencyFrom: 'roster', rosterMatches: [{ agency: B, matched: 3, of: 3 }] },
    },
    {
      name: 'an Instansi column naming one known agency',
      file: 'survei.csv', text: csv([['ID Responden', 'Instansi', 'Unit Kerja', 'Kepuasan'], ['R1', B, 'Dinas Kesehatan', '4'], ['R2', 'pemkab-wns', 'Sekretariat', '5']]),
      expected: { kind: 'survey', agency: B, agencyFrom: 'column', rosterMatches: [] },
    },
    {
      // Each row names its own agency: no unit or file name may override that.
      name: 'an Instansi column naming several agencies',
      file: `survei-${C}.csv`, text: csv([['ID Responden', 'Instansi', 'Unit Kerja', 'Kepuasan'], ['R1', A, 'Dinas Kesehatan', '4'], ['R2', C, 'Dinas Pendidikan', '5']]),
      expected: { kind: 'survey', agency: null, agencyFrom: null, rosterMatches: [] },
    },
    {
      name: "unit names most of which are C's",
      file: 'unit-kerja.csv', text: csv([['Nama Unit'], ['Dinas Kesehatan'], ['Dinas Pendidikan'], ['Sekretariat']]),
      expected: { kind: 'units', agency: C, agencyFrom: 'units', rosterMatches: [] },
    },
    {
      // Guards a fixed bug: Bogor's roster was suggested Sleman's agency for two unit names every pemda has.
      name: "unit names only a few of which are C's (names every pemda has)",
      file: 'unit-kerja.csv', text: csv([['Nama Unit'], ['Dinas Kesehatan'], ['Dinas Sosial'], ['Dinas Perhubungan']]),
      expected: { kind: 'units', agency: null, agencyFrom: null, rosterMatches: [] },
    },
    {
      name: 'NIPs no roster holds, an agency in the file name',
      file: 'presensi-wns-2025-11.csv', text: attendance(nips(900, 901)),
      expected: { kind: 'attendance', agency: B, agencyFrom: 'file name', rosterMatches: [] },
    },
    {
      name: 'nothing in the file or its name',
      file: 'presensi-2025-11.csv', text: attendance(nips(900, 901)),
      expected: { kind: 'attendance', agency: null, agencyFrom: null, rosterMatches: [] },
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const path = typeof c.text === 'string' ? writeText(dir, `upload-${cases.indexOf(c)}`, c.text) : await c.text();
      expect(await core.detectImport({ path, fileName: c.file })).toMatchObject({ ...c.expected, problem: null });
    });
  }

  it('a file of millions of rows is detected from its first rows, at once', async () => {
    const row = `${nip(101)},Pegawai,Bagian Umum,03/11/2025,07:30,16:00\n`;
    const path = join(dir, 'besar.csv');
    writeFileSync(path, `${HEADER.join(',')}\n${row.repeat(2_000_000)}`);
    const started = performance.now();
    const found = await core.detectImport({ path, fileName: 'presensi.csv' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(found).toMatchObject({ kind: 'attendance', agency: B, agencyFrom: 'roster', rosterMatches: [{ agency: B, matched: 1, of: 1 }] });
  });
});

describe('a file no kind can be read from says why', () => {
  const cases: { name: string; bytes: Buffer; id: string; en: string }[] = [
    { name: 'empty', bytes: Buffer.alloc(0), id: 'Berkas kosong (0 byte).', en: 'The file is empty (0 bytes).' },
    { name: 'binary', bytes: Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x00]), id: 'Berkas ini berisi data biner, bukan teks CSV maupun XLSX.', en: 'This file contains binary data, neither CSV text nor XLSX.' },
    { name: 'blank lines only', bytes: Buffer.from('\n  \n\r\n'), id: 'Berkas ini tidak berisi data: tidak ada baris yang terisi.', en: 'The file holds no data: no row is filled in.' },
  ];
  let english: Core;
  beforeAll(async () => {
    english = await createCore({ dbPath: ':memory:', tmpDir: dir, now: () => TODAY, log: () => undefined, lang: 'en' });
  });
  afterAll(() => english?.close());

  for (const c of cases) {
    it(c.name, async () => {
      const path = join(dir, `problem-${c.name}`);
      writeFileSync(path, c.bytes);
      const none = { kind: null, agency: null, agencyFrom: null, rosterMatches: [], candidates: [] };
      expect(await core.detectImport({ path })).toEqual({ ...none, problem: c.id });
      expect(await english.detectImport({ path })).toEqual({ ...none, problem: c.en });
    });
  }

  it('a file some kind reads has no problem, even when no kind fits it', async () => {
    const path = writeText(dir, 'lain.csv', csv([['Barang', 'Harga'], ['Kertas', '50000']]));
    expect(await core.detectImport({ path })).toMatchObject({ kind: null, problem: null });
  });
});
