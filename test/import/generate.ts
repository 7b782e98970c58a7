import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { encodedExport, VARIANTS } from './encoding-matrix.ts';
import { ZipWriter } from './zip-writer.ts';

export interface Generated {
  path: string;
  /** Data rows in the file, known by construction; null when the file is not meant to import. */
  rows: number | null;
}

const HEADER = ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];
const xml = (s: string) => Buffer.from(s, 'utf8');

/** A plain workbook of text cells (exceljs writes every string to the shared-strings part). */
async function writeXlsx(dir: string, name: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const row of rows) ws.addRow(row);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A zip with a one-sheet workbook's parts except the sheet and shared strings, for the caller to add. */
async function workbookSkeleton(path: string): Promise<ZipWriter> {
  const zip = new ZipWriter(path);
  await zip.add('[Content_Types].xml', () => [xml(CONTENT_TYPES)]);
  await zip.add('_rels/.rels', () => [xml(RELS)]);
  await zip.add('xl/workbook.xml', () => [xml(WORKBOOK)]);
  await zip.add('xl/_rels/workbook.xml.rels', () => [xml(WORKBOOK_RELS)]);
  return zip;
}

/**
 * A valid-looking XLSX of a few MB whose sheet inflates to `inflated` bytes (default 1.1 GB).
 * With `claimed`, its headers and central directory state that size for the sheet instead.
 */
export async function writeZipBomb(path: string, inflated = 1.1 * 1024 ** 3, claimed?: number): Promise<void> {
  const zip = await workbookSkeleton(path);
  const row = '<row><c t="inlineStr"><is><t>198609262015051001</t></is></c></row>';
  const chunk = xml(row.repeat(Math.floor((1 << 20) / row.length)));
  await zip.addRepeated('xl/worksheets/sheet1.xml', {
    head: xml('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
    chunk,
    times: Math.ceil(inflated / chunk.length),
    tail: xml('</sheetData></worksheet>'),
  }, claimed);
  await zip.close();
}

/**
 * A workbook of about half a MB whose one shared string is `runs` empty rich-text runs (`<r/>`):
 * the sizes it declares are true and its ratio stays under 100 (a random letter every 50 runs), so
 * only the worker's heap cap stops it; exceljs keeps an object of some 50 bytes per 4 bytes of XML.
 */
export async function writeHeapBomb(path: string, runs = 10_000_000): Promise<void> {
  const zip = await workbookSkeleton(path);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let seed = 2463534242;
  await zip.add('xl/sharedStrings.xml', function* () {
    yield xml('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>');
    const fifty = '<r/>'.repeat(50);
    for (let n = 0; n < runs; n += 50 * 20_000) {
      let part = '';
      for (let i = 0; i < 20_000; i++) {
        seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
        part += fifty + letters[(seed >>> 0) % 64];
      }
      yield xml(part);
    }
    yield xml('</si></sst>');
  });
  await zip.add('xl/worksheets/sheet1.xml', () => [xml('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>')]);
  await zip.close();
}

/** Shared strings that name Object.prototype's own keys, in data cells and as a header. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString'];

export async function writeProtoXlsx(dir: string, name = 'proto.xlsx'): Promise<Generated> {
  const rows = PROTO_NAMES.map((n, i) => [`19860926201505100${i + 1}`, n, '01/09/2025', '07:30', '16:00', 'H', 'WFO', '{"polluted":"yes"}', n]);
  const path = await writeXlsx(dir, name, [[...HEADER, '__proto__', 'constructor'], ...rows]);
  return { path, rows: rows.length };
}

export async function writeTruncatedXlsx(dir: string): Promise<Generated> {
  const body = Array.from({ length: 300 }, (_, i) => [`19860926201505${i % 2 ? 2 : 1}${String(i % 999 + 1).padStart(3, '0')}`, `Pegawai ${i}`, '01/09/2025', '07:30', '16:00', 'H', 'WFO']);
  const path = await writeXlsx(dir, 'terpotong.xlsx', [HEADER, ...body]);
  truncateSync(path, Math.floor(statSync(path).size * 0.6));
  return { path, rows: null };
}

/** A legitimate attendance workbook of `rows` data rows, written by exceljs's streaming writer. */
export async function writeBigXlsx(path: string, rows: number): Promise<Generated> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Presensi');
  ws.addRow(HEADER).commit();
  const employees = Math.ceil(rows / 40);
  for (let i = 0; i < rows; i++) {
    const e = i % employees;
    const day = Math.floor(i / employees);
    const date = new Date(Date.UTC(2025, 0, 6 + day + 2 * Math.floor(day / 5))).toISOString().slice(0, 10);
    // Birth dates spread over 1960–1999, appointed at 25, so every NIP is valid and distinct.
    const born = new Date(Date.UTC(1960, 0, 1 + (e % 14_600)));
    const nip = `${born.toISOString().slice(0, 10).replaceAll('-', '')}${born.getUTCFullYear() + 25}05${e % 2 ? 2 : 1}${String(1 + Math.floor(e / 14_600)).padStart(3, '0')}`;
    ws.addRow([nip, `Pegawai ${e}`, date, '07:30', '16:00', 'H', e % 7 ? 'WFO' : 'WFH']).commit();
  }
  ws.commit();
  await wb.commit();
  return { path, rows };
}

/** The encoding matrix files: good data that must import whole. */
export function writeEncodingFiles(dir: string): Generated[] {
  return VARIANTS.map((v, i) => {
    const path = join(dir, `enc-${i}-${v.label.replaceAll(' ', '_')}.csv`);
    writeFileSync(path, encodedExport(v));
    return { path, rows: 20 };
  });
}
