/**
 * The words and values real agency exports use (rules.md §1, "More words seen in real exports",
 * "Placeholders", the leading apostrophe, implausible dates), imported through the public core
 * API as a user would. The value vocabularies themselves are tested macro by macro in
 * normalise.test.ts; here, what only a whole import shows: which column a header maps to, and
 * how a row's fields combine into a record.
 */
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, ImportKind } from '../../src-main/contract/import-types.ts';
import { csv, freshCore, importOne, nip, rows, writeText, type TestCore } from '../helpers/workspace.ts';

const AG = 'PEMKOT-X';

async function importCsv(core: TestCore, kind: ImportKind, table: string[][], name = `${kind}.csv`): Promise<ImportFileResult> {
  const result = await importOne(core, { path: writeText(core.dir, name, csv(table)), kind, agency: AG });
  expect(result.error).toBeNull();
  expect(result.rowsRead).toBe(result.rowsImported + result.rowsRejected + result.rowsSkipped);
  return result;
}

/** The batch's mapping: canonical field -> the file's header. */
async function mappingOf(core: TestCore, batch: string | null): Promise<Record<string, string>> {
  const { batches } = await core.listImports({});
  return batches.find((b) => b.batch === batch)?.mapping ?? {};
}

/** A cell value the header's field can take; only the mapping is looked at. */
function sample(header: string): string {
  const h = header.toLowerCase();
  if (h.includes('nip')) return nip(1);
  if (h === 'tanggal') return '01/10/2025';
  if (h === 'tahun') return '2025';
  if (h === 'periode') return 'Januari';
  return 'x';
}

describe('header synonyms of BKN systems and real exports (rules.md §1)', () => {
  // [kind, the file's headers, field, the header it must map to]
  const table: ReadonlyArray<readonly [ImportKind, string[], string, string]> = [
    // SIASN
    ['roster', ['NIP Baru', 'Nama', 'Unor Nama'], 'nip', 'NIP Baru'],
    ['roster', ['NIP Baru', 'Nama', 'Unor Nama'], 'name', 'Nama'],
    ['roster', ['NIP', 'UNOR_NAMA'], 'unitName', 'UNOR_NAMA'],
    ['roster', ['NIP', 'Nama Unor'], 'unitName', 'Nama Unor'],
    ['roster', ['NIP', 'Unor'], 'unitName', 'Unor'],
    ['roster', ['NIP', 'SKPD'], 'unitName', 'SKPD'],
    ['roster', ['NIP', 'OPD'], 'unitName', 'OPD'],
    ['roster', ['NIP', 'SKPD', 'UNOR_NAMA'], 'unitName', 'UNOR_NAMA'],
    ['roster', ['NIP', 'UNOR_NAMA', 'SKPD'], 'unitName', 'UNOR_NAMA'],
    ['roster', ['NIP', 'OPD', 'Unor Nama'], 'unitName', 'Unor Nama'],
    ['roster', ['NIP', 'OPD', 'Unit Organisasi'], 'unitName', 'Unit Organisasi'],
    ['roster', ['NIP', 'Unit Kerja', 'Unor'], 'unitName', 'Unit Kerja'],
    ['roster', ['NIP', 'JABATAN_NAMA'], 'position', 'JABATAN_NAMA'],
    ['roster', ['NIP', 'Nama Jabatan'], 'position', 'Nama Jabatan'],
    ['attendance', ['NIP', 'Tanggal', 'SKPD', 'Unor Nama'], 'unitName', 'Unor Nama'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Unor'], 'unitName', 'Unor'],
    // e-Kinerja
    ['performance', ['NIP', 'Tahun', 'Periode', 'Hasil Akhir'], 'rating', 'Hasil Akhir'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'hasil_akhir'], 'rating', 'hasil_akhir'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Penilaian Kinerja'], 'rating', 'Penilaian Kinerja'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Hasil Akhir', 'Predikat Kinerja'], 'rating', 'Predikat Kinerja'],
    // An exception column is a status column, the last choice after the usual ones.
    ['attendance', ['NIP', 'Tanggal', 'Pengecualian'], 'status', 'Pengecualian'],
    ['attendance', ['NIP', 'Tanggal', 'Pengecualian', 'Status Kehadiran'], 'status', 'Status Kehadiran'],
  ];

  it('maps each header to its field', async () => {
    const core = await freshCore();
    const wrong: unknown[] = [];
    for (const [i, [kind, headers, field, want]] of table.entries()) {
      const r = await importCsv(core, kind, [headers, headers.map(sample)], `synonyms-${i}.csv`);
      const mapping = await mappingOf(core, r.batch);
      if (mapping[field] !== want) wrong.push({ kind, headers, field, want, got: mapping[field] ?? null });
    }
    expect(wrong).toEqual([]);
  });
});
