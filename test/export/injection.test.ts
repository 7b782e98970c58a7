import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { VALIDATORS } from '../../src-main/contract/validate.ts';
import { createPseudonymizer, pseudonymCode } from '../../src-main/core/export/pseudonym.ts';
import { TableWriter } from '../../src-main/core/export/sheet-kit.ts';
import { freshCore, importOne, nip, tempDir, workspaceTemplate, writeText, type WorkspaceTemplate } from '../helpers/workspace.ts';
import { formulaCells, headerRow, readWithExcelJs, readWithOpenpyxl, sheet, table } from './xlsx.ts';

// Pseudonymisation and formula injection (OWASP CSV injection) in the workbook, as docs/workbook.md describes them.

const HYPERLINK = '=HYPERLINK("http://x","y")';
const PLUS = '+SUM(1,2)';
const AT = '@SUM(A1)';
const MINUS = '-1+2';
const SHORT_NIP = '19860926201505100';

const q = (v: string) => `"${v.replaceAll('"', '""')}"`;

/**
 * Attendance from "someone else's file": formula-like names and units, an employee missing from
 * the roster, a present day without a check-out, a 17-digit NIP and a row with a field too many.
 */
function attendanceCsv(): string {
  const days = ['2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12'];
  const modes = ['WFH', 'WFH', 'WFH', 'WFO', 'WFO'];
  const lines = ['NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja'];
  days.forEach((d, i) => lines.push([nip(1), q(HYPERLINK), q(PLUS), d, '07:30', i === 4 ? '16:30' : '16:00', 'H', modes[i]].join(',')));
  lines.push([nip(2), q(AT), q(MINUS), '2025-09-08', '07:30', '', 'H', 'WFO'].join(','));
  lines.push([SHORT_NIP, 'Rahasia Tertolak', 'Bagian Umum', '2025-09-08', '07:30', '16:00', 'H', 'WFO'].join(','));
  // The field too many is kept as the rejected value: here it names a colleague.
  lines.push([nip(3), 'Citra', 'Bagian Umum', '2025-09-08', '07:30', '16:00', 'H', 'WFO', `Budi Rahasia ${nip(4)}`].join(','));
  return `${lines.join('\n')}\n`;
}

let imported: WorkspaceTemplate;
beforeAll(async () => {
  imported = await workspaceTemplate(async (core) => {
    const file = writeText(core.dir, 'presensi.csv', attendanceCsv());
    const result = await importOne(core, { path: file, kind: 'attendance', agency: 'PEMKOT-X' });
    expect(result.rowsRejected).toBe(2);
    const names = await core.db.all<{ name: string; unit_name: string }>('SELECT DISTINCT name, unit_name FROM attendance ORDER BY name');
    // The payloads must survive the import, or the checks below would prove nothing.
    expect(names).toEqual([{ name: HYPERLINK, unit_name: PLUS }, { name: AT, unit_name: MINUS }]);
  });
});

/** The test's own copy of a workspace with attendanceCsv() imported (once for the file). */
const workspace = () => imported.open();

const xmlEscaped = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('formula injection: text from agency files stays text', () => {
  it('names and units that look like formulas arrive as the literal text, and no cell is a formula', async () => {
    const core = await workspace();
    const out = join(core.dir, 'plain.xlsx');
    await core.exportWorkbook({ out });
    const wb = await readWithExcelJs(out);
    const finding = table(sheet(wb, 'Temuan'), 'Aturan')[1]!;
    expect([finding[0], finding[2], finding[4]]).toEqual(['LOK-01', HYPERLINK, PLUS]);
    const cell = sheet(wb, 'Temuan').getCell(headerRow(sheet(wb, 'Temuan'), 'Aturan') + 1, 3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    const units = table(sheet(wb, 'Kepatuhan per unit'), 'Instansi').slice(1, -1).map((r) => r[1]);
    expect(units).toEqual([PLUS, MINUS]);
    const notes = table(sheet(wb, 'Kualitas data'), 'Jenis').slice(1).map((r) => r[8]).filter(Boolean);
    expect(notes.sort()).toEqual([AT, HYPERLINK].sort());

    const py = readWithOpenpyxl(out);
    const texts = py.sheets.flatMap((s) => s.rows.flat()).filter((c) => [HYPERLINK, PLUS, AT, MINUS].includes(String(c[0])));
    expect(texts.length).toBeGreaterThanOrEqual(6);
    expect(texts.every((c) => c[1] === 's')).toBe(true);
    expect(py.sheets.flatMap((s) => s.rows.flat()).filter((c) => c[1] === 'f')).toEqual([]);
    expect(formulaCells(py)).toEqual([]);
  });

  it('a streamed table writes tab-, CR-, =, +, - and @-led strings as strings and keeps numbers numeric', async () => {
    const dir = tempDir();
    const out = join(dir, 'kit.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true });
    const payloads = ['\tcmd', '\rcmd', '=1+2', '+1', '-1', '@x', '=cmd|\' /C calc\'!A0'];
    const table = new TableWriter(book, 'T', [{ header: 'Teks', width: 20 }, { header: 'Angka', width: 10, fmt: 'int' }]);
    for (const p of payloads) table.add([p, -5]);
    table.finish();
    await book.commit();
    const py = readWithOpenpyxl(out);
    const rows = py.sheets[0]!.rows.slice(1);
    // XML turns a raw carriage return into a line feed on reading; the cell is text all the same.
    expect(rows.map((r) => [r[0]![0], r[0]![1]])).toEqual(payloads.map((p) => [p.replace('\r', '\n'), 's']));
    expect(rows.every((r) => r[1]![0] === -5 && r[1]![1] === 'n')).toBe(true);
    expect(formulaCells(py)).toEqual([]);
  });
});

describe('pseudonymisation', () => {
  it('codes are keyed, stable and short: P- and 12 base32 characters', () => {
    const a = pseudonymCode('kunci-satu-rahasia', nip(1));
    expect(a).toMatch(/^P-[A-Z2-7]{12}$/);
    expect(pseudonymCode('kunci-satu-rahasia', nip(1))).toBe(a);
    expect(pseudonymCode('kunci-satu-rahasia', nip(2))).not.toBe(a);
    expect(pseudonymCode('kunci-dua-rahasia', nip(1))).not.toBe(a);
    // The same NIP printed with spaces, as some agencies export it, is the same person.
    expect(pseudonymCode('kunci-satu-rahasia', '19860926 201505 1 001')).toBe(a);
    const p = createPseudonymizer('kunci-satu-rahasia', 'id');
    expect([p.nip(nip(1)), p.name(nip(1), 'Ani')]).toEqual([a, `Pegawai ${a}`]);
  });

  it('hides NIPs and names in the data-quality notes and rejected rows too (raw CSV lines included)', async () => {
    const core = await workspace();
    const plain = join(core.dir, 'plain.xlsx');
    const masked = join(core.dir, 'masked.xlsx');
    await core.exportWorkbook({ out: plain });
    await core.exportWorkbook({ out: masked, pseudonymize: { key: 'rahasia-instansi-2025' } });
    const secrets = [nip(1), nip(2), nip(4), SHORT_NIP, 'Budi Rahasia', HYPERLINK, AT];
    const text = (path: string) => Object.values(readWithOpenpyxl(path).xml).join('\n');
    const found = (t: string) => secrets.filter((s) => t.includes(s) || t.includes(xmlEscaped(s)));
    expect(found(text(plain))).toEqual(secrets);
    expect(found(text(masked))).toEqual([]);
    const rows = table(sheet(await readWithExcelJs(masked), 'Kualitas data'), 'Jenis').slice(1);
    expect(rows.find((r) => r[0] === 'Jam masuk/pulang kosong')![7]).toBe(pseudonymCode('rahasia-instansi-2025', nip(2)));
    expect(rows.filter((r) => r[0] === 'Baris ditolak').map((r) => r[6])).toEqual([
      pseudonymCode('rahasia-instansi-2025', SHORT_NIP), '(disamarkan)',
    ]);
  });

  it('lists people in an order that does not give their NIPs away (NIP order would rank them by age)', async () => {
    const core = await freshCore();
    const people = [11, 12, 13, 14, 15, 16].map((n) => nip(n));
    const days = ['2025-09-08', '2025-09-09', '2025-09-10'];
    const rows = people.flatMap((n) => days.map((d) => [n, 'Pegawai Uji', 'Bagian Uji', d, '07:30', '16:00', 'H', 'WFH'].join(',')));
    const file = writeText(core.dir, 'p.csv', `NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja\n${rows.join('\n')}\n`);
    await importOne(core, { path: file, kind: 'attendance', agency: 'PEMKOT-X' });
    const key = 'kunci-urutan-uji';
    const order = async (out: string) => {
      await core.exportWorkbook({ out: join(core.dir, out), pseudonymize: { key } });
      const codes = table(sheet(await readWithExcelJs(join(core.dir, out)), 'Temuan'), 'Aturan').slice(1).map((r) => r[1]);
      return codes.map((c) => people.find((n) => pseudonymCode(key, n) === c));
    };
    const first = await order('a.xlsx');
    expect([...first].sort()).toEqual(people);
    expect(first).not.toEqual(people);
    expect(await order('b.xlsx')).toEqual(first);
  });

  it('refuses a key shorter than 8 characters and an output that is not .xlsx', () => {
    expect(() => VALIDATORS.exportWorkbook({ out: '/tmp/x.xlsx', pseudonymize: { key: 'pendek' } })).toThrow(/minimal 8 karakter/);
    expect(() => VALIDATORS.exportWorkbook({ out: '/tmp/x.csv' })).toThrow(AppError);
    expect(() => VALIDATORS.exportWorkbook({ out: '/tmp/x.xlsx', pseudonymize: { key: 'cukup-panjang' } })).not.toThrow();
  });
});

describe('export as long work', () => {
  it('an output that cannot be written fails at once with the reason, and an empty workspace still exports', async () => {
    const core = await freshCore();
    await expect(core.exportWorkbook({ out: join(core.dir, 'tidak-ada', 'x.xlsx') }))
      .rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('foldernya tidak ada') });
    const empty = await core.exportWorkbook({ out: join(core.dir, 'kosong.xlsx') });
    expect([empty.findings, empty.from, empty.sheets.length]).toEqual([0, null, 8]);
    // The findings sheet: its letterhead and header, no row under them.
    const h = headerRow(sheet(await readWithExcelJs(join(core.dir, 'kosong.xlsx')), 'Temuan'), 'Aturan');
    expect(readWithOpenpyxl(join(core.dir, 'kosong.xlsx')).sheets[2]!.rows).toHaveLength(h);
  });

  it('reports progress, and a cancel mid-way leaves neither the workbook nor a temporary file', async () => {
    const core = await workspace();
    const out = join(core.dir, 'batal.xlsx');
    const controller = new AbortController();
    const phases: string[] = [];
    const run = core.exportWorkbook({ out }, {
      signal: controller.signal,
      onProgress: (e) => {
        phases.push(e.phase);
        if (e.phase === 'store') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(phases).toEqual(['check', 'store']);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(core.dir).filter((f) => f.includes('.xlsx'))).toEqual([]);
    const done: string[] = [];
    await core.exportWorkbook({ out }, { onProgress: (e) => done.push(e.phase) });
    expect(done[0]).toBe('check');
    expect(done.at(-1)).toBe('done');
    expect(existsSync(out)).toBe(true);
  });
});
