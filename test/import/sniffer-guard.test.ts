// The sniffer guard (docs/robustness.md): DuckDB's CSV sniffer can "succeed" on a broken file, so for every import
// template, files whose delimiter or column count cannot be the template's are fed to the real
// import (core API, as the app and the CLI call it), and none may be accepted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, ImportKind } from '../../src-main/contract/import-types.ts';
import { quoteIdent } from '../../src-main/core/db/database.ts';
import { KINDS } from '../../src-main/core/import/kinds.ts';
import { ROOT } from '../helpers/cli.ts';
import { freshCore, importOne, nip, rows, writeText } from '../helpers/workspace.ts';
import { clearMessage } from './corpus-run.ts';
import { figure } from '../support/figures.ts';

/** Per template: a header the template maps in full and one row it imports as it is. */
const TEMPLATES: Record<ImportKind, { header: string[]; good: string[] }> = {
  attendance: {
    header: ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
    good: [nip(1), 'Budi Santoso', 'Biro Umum', '2025-01-06', '07:30', '16:00', 'H', 'WFO'],
  },
  roster: {
    header: ['NIP', 'Nama', 'Unit Kerja', 'Jabatan', 'Tugas Luar Kantor', 'Keadaan Khusus'],
    good: [nip(1), 'Budi Santoso', 'Biro Umum', 'Analis Kebijakan', 'Tidak', 'Tidak'],
  },
  units: {
    header: ['Nama Unit Kerja', 'Kode Unit', 'Unit Atasan', 'Tanggal Mulai FWA'],
    good: ['Biro Umum', 'U-01', 'Sekretariat Jenderal', '2025-01-06'],
  },
  performance: {
    header: ['NIP', 'Nama', 'Unit Kerja', 'Tahun', 'Periode', 'Capaian', 'Predikat'],
    good: [nip(1), 'Budi Santoso', 'Biro Umum', '2025', 'Januari', '100', 'Baik'],
  },
  approvals: {
    header: ['NIP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk', 'Status', 'Disetujui Oleh'],
    good: [nip(1), '2025-01-06', '2025-01-07', 'WFH', 'Disetujui', 'Kepala Biro'],
  },
  reports: {
    header: ['NIP', 'Tanggal', 'Uraian Kegiatan', 'Keluaran', 'Status Verifikasi'],
    good: [nip(1), '2025-01-06', 'Rapat koordinasi', 'Notulen', 'Disetujui'],
  },
  survey: {
    header: ['ID Responden', 'Instansi', 'Unit Kerja', 'Pernah Menjalankan FWA', 'Kepuasan'],
    good: ['R-001', 'KEMENDAGRI', 'Biro Umum', 'Ya', '4'],
  },
  calendar: {
    header: ['Tanggal', 'Jenis Hari', 'Keterangan'],
    good: ['2027-01-01', 'Libur Nasional', 'Tahun Baru 2027 Masehi'],
  },
};

/** A wrong-shape file: its text, and which 1-based lines hold data rows that are well formed. */
interface WrongShape {
  name: string;
  text: string;
  /** Lines whose row has exactly the template's columns; every other data line is malformed. */
  goodLines: number[];
}

const lines = (rows: string[]) => `${rows.join('\n')}\n`;
/** Another row: the good row with the last character of its first (key) cell changed, so keys differ. */
const second = (good: string[]) => good.map((c, i) => (i === 0 ? `${c.slice(0, -1)}2` : c));

/**
 * The K wrong-shape files for one template. Data lines are numbered as the importer numbers
 * them (the header is line 1). A file counts only once per template however many rows it has.
 */
function wrongShapes(kind: ImportKind): WrongShape[] {
  const { header, good } = TEMPLATES[kind];
  const bad = readFileSync(join(ROOT, 'test/corpora/csvkit-examples/bad.csv'), 'utf8');
  // A name with a comma, as Indonesian degrees are written ("Budi Santoso, S.Kom."), in the second column.
  const withComma = good.map((c, i) => (i === 1 ? `${c}, S.Kom.` : c));
  return [
    // csvkit's own ragged file: a row too long, a row too short, a header no template knows.
    { name: 'bad.csv', text: bad, goodLines: [] },
    // The template's header; one good row, then a row one field short, one and two fields too long.
    {
      name: 'ragged.csv',
      text: lines([header.join(','), good.join(','), second(good).slice(0, -1).join(','),
        [...second(good), 'lebih'].join(','), [...second(good), 'lebih', 'lagi'].join(',')]),
      goodLines: [2],
    },
    // Every line joined with a character the sniffer never splits on: the file is one column.
    { name: 'caret.csv', text: lines([header.join('^'), good.join('^'), second(good).join('^')]), goodLines: [] },
    // A tab-separated header above `;` rows: each data row is one cell under the tab header.
    { name: 'tab-header.csv', text: lines([header.join('\t'), good.join(';'), second(good).join(';')]), goodLines: [] },
    // A `;` file whose header was written with `,`, and names that hold a comma: data rows split
    // on `,` into two shifted cells.
    { name: 'comma-header.csv', text: lines([header.join(','), withComma.join(';'), second(withComma).join(';')]), goodLines: [] },
  ];
}

/**
 * How one template × wrong-shape file ended:
 * - refused: the import failed with a clear Bahasa Indonesia message and stored nothing (no batch,
 *   no row in the template's table, no reject);
 * - guarded: the import stored a batch in which every malformed data line is listed as rejected
 *   (with a reason naming its row), no stored row comes from a malformed line, and no data line is
 *   lost (rows read = data lines in the file = imported + rejected);
 * - accepted: anything else, e.g. a one-column file stored as rows, or a short/long row stored
 *   padded or cut instead of rejected. The figure must show 0 accepted.
 */
type Verdict = 'refused' | 'guarded' | 'accepted';

function dataLines(text: string): number[] {
  return text.split('\n').map((l, i) => ({ l, n: i + 1 })).filter((x) => x.n > 1 && x.l.trim() !== '').map((x) => x.n);
}

describe('sniffer guard: no template accepts a file whose columns cannot be its own', () => {
  it('every template × wrong-shape file is refused with a message or has every malformed row rejected', async () => {
    const core = await freshCore();
    const kinds = Object.keys(KINDS) as ImportKind[];
    const refusedGood: string[] = [];
    const outcomes: { kind: ImportKind; file: string; verdict: Verdict; why: string; result: ImportFileResult }[] = [];
    const counts = async (table: string) => (await rows<{ b: number; t: number; r: number }>(core,
      `SELECT (SELECT count(*) FROM batches) AS b, (SELECT count(*) FROM ${quoteIdent(table)}) AS t, (SELECT count(*) FROM rejects) AS r`))[0]!;
    for (const kind of kinds) {
      const table = KINDS[kind].table;
      for (const shape of wrongShapes(kind)) {
        const path = writeText(core.dir, `${kind}-${shape.name}`, shape.text);
        const before = await counts(table);
        const result = await importOne(core, { path, kind, agency: 'KEMENDAGRI' });
        const after = await counts(table);
        let verdict: Verdict = 'accepted';
        let why = '';
        if (result.status === 'failed') {
          const nothing = after.b === before.b && after.t === before.t && after.r === before.r;
          if (clearMessage(result.error ?? '') && nothing) verdict = 'refused';
          else why = `failed but ${nothing ? `unclear message: ${result.error}` : 'stored something'}`;
        } else {
          const data = dataLines(shape.text);
          const malformed = data.filter((n) => !shape.goodLines.includes(n));
          const stored = (await rows<{ row_no: number }>(core,
            `SELECT row_no FROM ${quoteIdent(table)} WHERE batch_id = '${result.batch}' ORDER BY row_no`)).map((r) => Number(r.row_no));
          const rejected = new Set(result.rejects.filter((r) => /^baris \d+: /.test(r.reason)).map((r) => r.row));
          const storedBad = stored.filter((n) => malformed.includes(n));
          const unlisted = malformed.filter((n) => !rejected.has(n));
          const lost = data.length - result.rowsImported - result.rowsRejected;
          if (storedBad.length === 0 && unlisted.length === 0 && lost === 0 && result.rowsRead === data.length) verdict = 'guarded';
          else why = `stored lines [${storedBad}], malformed lines not rejected [${unlisted}], ${lost} lost, ${result.rowsRead} read of ${data.length}`;
          // The guard is not a blanket refusal: the well-formed row of the ragged file is stored.
          if (shape.name === 'ragged.csv' && !shape.goodLines.every((g) => stored.includes(g))) {
            refusedGood.push(`${kind}: good lines [${shape.goodLines}], stored [${stored}]`);
          }
        }
        outcomes.push({ kind, file: shape.name, verdict, why, result });
      }
    }
    const n = (v: Verdict) => outcomes.filter((o) => o.verdict === v).length;
    const k = outcomes.length / kinds.length;
    figure('sniffer', `sniffer guard: ${kinds.length} templates × ${k} wrong-shape files, ${n('accepted')} accepted (${n('refused')} refused with a message, ${n('guarded')} imported with every malformed row rejected)`);
    expect(outcomes.filter((o) => o.verdict === 'accepted').map((o) => `${o.kind} ${o.file}: ${o.why}`)).toEqual([]);
    expect(refusedGood).toEqual([]);
  }, 60_000);

  it('a short row is rejected naming its row and field count; an empty last field or a missing unnamed one is not short', async () => {
    const core = await freshCore();
    const { header, good } = TEMPLATES.attendance;
    const emptyLast = [...second(good).slice(0, -1), ''];
    const path = writeText(core.dir, 'pendek.csv', lines([
      [...header, ''].join(','), // a trailing empty header cell, as spreadsheets leave them
      good.join(','), // no field under the unnamed column: complete
      emptyLast.join(','), // the last named field present but empty: complete
      good.map((c, i) => (i === 0 ? nip(3) : c)).slice(0, 5).join(','),
    ]));
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect(r).toMatchObject({ status: 'imported', rowsRead: 3, rowsImported: 2, rowsRejected: 1 });
    expect(r.rejects).toEqual([{ row: 4, column: '', value: '5 dari 9',
      reason: 'baris 4: "5 dari 9" kolom saja, lebih sedikit daripada judul kolom (periksa pemisah atau tanda kutip)' }]);
    const stored = await rows<{ mode: string | null }>(core, 'SELECT mode FROM attendance ORDER BY row_no');
    expect(stored).toEqual([{ mode: 'WFO' }, { mode: 'WFO' }]);
  });
});
