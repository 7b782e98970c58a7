import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../contract/errors.ts';
import type { PreviewImportRequest, PreviewImportResult } from '../../contract/import-types.ts';
import type { Db } from '../db/database.ts';
import { chooseLayout } from './csv-reader.ts';
import { splitRecords } from './csv-records.ts';
import { mapColumns } from './header.ts';
import { KINDS, type KindSpec } from './kinds.ts';
import { loadRecipe } from './recipes.ts';
import { decodeSample, fileSize, sniffFile } from './sniff.ts';
import { refuseNoHeader, stripMark } from './staging.ts';
import { stageXlsx } from './xlsx-reader.ts';
import type { MappingRecipe } from '../../contract/import-types.ts';

function fieldsOf(spec: KindSpec, columns: Record<string, number>) {
  return spec.fields.map((f) => ({ field: f.name, required: Boolean(f.required), column: columns[f.name] ?? null }));
}

function previewCsv(text: string, spec: KindSpec, recipe: MappingRecipe | undefined) {
  const layout = chooseLayout(text, spec, recipe);
  if (!layout) return undefined;
  const header = layout.records[layout.headerIndex]!;
  return {
    delimiter: layout.delimiter,
    headerRow: header.endLine,
    headers: header.cells,
    rows: layout.records.slice(layout.headerIndex + 1, layout.headerIndex + 21).map((r) => r.cells),
  };
}

/** What the import dialog shows before anything is stored: layout, guessed mapping, first rows. */
export async function previewImport(db: Db, req: PreviewImportRequest, tmpDir: string): Promise<PreviewImportResult> {
  const spool = join(tmpDir, `pantau-preview-${process.pid}-${Date.now()}.csv`);
  const spec = KINDS[req.kind];
  const size = await fileSize(req.path);
  const stored = req.agency ? await loadRecipe(db, req.agency, spec.kind) : undefined;
  const recipe = req.mapping ?? stored;
  const sniffed = await sniffFile(req.path, size);
  let layout: { delimiter: string | null; headerRow: number; headers: string[]; rows: string[][] };
  if (sniffed.format === 'xlsx') {
    try {
      const { staged, preview } = await stageXlsx(db, req.path, spec, recipe, { maxDataRows: 20, spoolPath: spool });
      layout = { delimiter: null, headerRow: staged.headerRow, headers: staged.headers, rows: preview };
    } finally {
      await db.run('DROP TABLE IF EXISTS stg');
      await rm(spool, { force: true });
    }
  } else {
    const found = previewCsv(decodeSample(sniffed), spec, recipe);
    if (!found) refuseNoHeader(spec, splitRecords(decodeSample(sniffed), ',', 5).map((r) => r.cells));
    layout = found;
  }
  const mapping = mapColumns(layout.headers, spec, recipe);
  const warnings = mapping.missing.length ? [`Kolom wajib belum dipetakan: ${mapping.missing.join(', ')}.`] : [];
  return {
    format: sniffed.format,
    encoding: sniffed.encoding,
    delimiter: layout.delimiter,
    headerRow: layout.headerRow,
    headers: layout.headers.map((h) => stripMark(h).trim()),
    fields: fieldsOf(spec, mapping.columns),
    rows: layout.rows.map((r) => r.map(stripMark)),
    recipeUsed: recipe !== undefined,
    warnings,
  };
}
