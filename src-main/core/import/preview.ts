import { CONSTANT_SOURCE_LABELS, type MappingRecipe, type PreviewImportRequest, type PreviewImportResult } from '../../contract/import-types.ts';
import type { Db } from '../db/database.ts';
import { chooseLayout } from './csv-reader.ts';
import { splitRecords } from './csv-records.ts';
import { fixedLayout, fixedSampleRows } from './fixed-reader.ts';
import { mapColumns } from './header.ts';
import { KINDS, type KindSpec } from './kinds.ts';
import { loadRecipe } from './recipes.ts';
import { decodeSample, fileSize, sniffFile, type Sniffed } from './sniff.ts';
import { refuseNoHeader, stripMark } from './staging.ts';
import { detectLayout, findConstants, layoutFields } from './layouts/layout.ts';
import { basename } from 'node:path';
import { AppError } from '../../contract/errors.ts';
import { previewXlsx } from './xlsx-reader.ts';

/** A field is required unless another stands in for it (a PIN for the NIP) or the layout supplies it (a wide sheet's dates). */
function fieldsOf(spec: KindSpec, columns: Record<string, number>, supplied: string[]) {
  return spec.fields.map((f) => ({
    field: f.name,
    required: Boolean(f.required) && !supplied.includes(f.name) && (f.orField === undefined || columns[f.orField] === undefined),
    column: columns[f.name] ?? null,
  }));
}

function previewCsv(text: string, spec: KindSpec, recipe: MappingRecipe | undefined, rows: number) {
  const layout = chooseLayout(text, spec, recipe);
  const fixed = layout?.headerless ? undefined : fixedLayout(text, spec, recipe, layout);
  if (fixed) {
    const headers = fixed.labels.map((l) => l.text);
    return { delimiter: null, headerRow: fixed.line, headers, keys: headers, rows: fixedSampleRows(text, fixed, rows) };
  }
  if (!layout) return undefined;
  const { header } = layout;
  const first = header.index + header.height;
  // The header search split the first records only; detection asks for more rows than a preview shows.
  const records = first + rows > layout.records.length ? splitRecords(text, layout.delimiter, first + rows) : layout.records;
  return {
    delimiter: layout.delimiter,
    // A headerless file (a device log) has no header row: 0, and its columns are mapped by number.
    headerRow: layout.headerless ? 0 : layout.records[header.index]!.startLine,
    headers: header.headers,
    keys: header.keys,
    rows: records.slice(first, first + rows).map((r) => r.cells),
    title: layout.records.slice(0, header.index).map((r) => r.cells),
    recipe: layout.headerless,
  };
}

interface Layout {
  delimiter: string | null;
  headerRow: number;
  headers: string[];
  keys: string[];
  rows: string[][];
  title?: string[][];
  sheet?: string;
  /** The mapping of a headerless file, by column number (csv-reader.ts, CsvLayout.headerless). */
  recipe?: MappingRecipe;
}

interface Target {
  spec: KindSpec;
  recipe: MappingRecipe | undefined;
}

function previewOf(sniffed: Sniffed, fileName: string, layout: Layout, { spec, recipe }: Target): PreviewImportResult {
  const mapping = mapColumns(layout.headers, spec, layout.recipe ?? recipe, layout.keys);
  const part = { headers: layout.headers, mapping, title: layout.title, sheet: layout.sheet ?? null };
  const found = detectLayout(spec, part, layout.recipe ?? recipe);
  const supplied = layoutFields(found);
  const notes: string[] = [];
  // The date or month the import will take from the title or the names, said before it is taken.
  try {
    const { constants } = findConstants(spec, part, { req: { path: fileName, fileName }, recipe });
    for (const [field, c] of Object.entries(constants)) {
      supplied.push(field === 'period' ? 'year/period' : field);
      notes.push(`${field === 'date' ? 'Tanggal' : 'Bulan'} ${c.value} diambil dari ${CONSTANT_SOURCE_LABELS[c.from][0]}.`);
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    notes.push(err.message);
    supplied.push('date', 'year/period');
  }
  const missing = mapping.missing.filter((m) => !supplied.includes(m));
  const warnings = [...(missing.length ? [`Kolom wajib belum dipetakan: ${missing.join(', ')}.`] : []), ...notes];
  return {
    format: sniffed.format,
    encoding: sniffed.encoding,
    delimiter: layout.delimiter,
    headerRow: layout.headerRow,
    headers: layout.headers.map((h) => stripMark(h).trim()),
    fields: fieldsOf(spec, mapping.columns, supplied),
    layout: found,
    rows: layout.rows.map((r) => r.map(stripMark)),
    recipeUsed: recipe !== undefined,
    warnings,
  };
}

/**
 * What the import dialog shows before anything is stored, for each kind asked (detection asks for
 * every kind, and the file is read once): layout, guessed mapping, first rows; null for a kind
 * whose header row is not found. `firstRows` are the file's first rows, for saying so. `rows`:
 * the data rows each preview holds (detection reads more of them for its agency suggestion).
 */
export async function previewKinds(
  db: Db,
  path: string,
  asks: Omit<PreviewImportRequest, 'path' | 'fileName'>[],
  fileName = basename(path),
  rows = 20,
): Promise<{ previews: (PreviewImportResult | null)[]; firstRows: string[][] }> {
  const targets: Target[] = [];
  for (const ask of asks) {
    const stored = ask.agency ? await loadRecipe(db, ask.agency, ask.kind) : undefined;
    targets.push({ spec: KINDS[ask.kind], recipe: ask.mapping ?? stored });
  }
  const sniffed = await sniffFile(path, await fileSize(path));
  let layouts: (Layout | undefined)[];
  let firstRows: string[][];
  if (sniffed.format === 'xlsx') {
    const read = await previewXlsx(path, targets, rows);
    layouts = read.sheets.map((s) => (s ? { delimiter: null, ...s } : undefined));
    firstRows = read.firstRows;
  } else {
    const text = decodeSample(sniffed);
    layouts = targets.map((t) => previewCsv(text, t.spec, t.recipe, rows));
    firstRows = splitRecords(text, ',', 5).map((r) => r.cells);
  }
  const previews = layouts.map((layout, i) => (layout ? previewOf(sniffed, fileName, layout, targets[i]!) : null));
  return { previews, firstRows };
}

export async function previewImport(db: Db, req: PreviewImportRequest): Promise<PreviewImportResult> {
  const { previews: [preview], firstRows } = await previewKinds(db, req.path, [req], req.fileName);
  return preview ?? refuseNoHeader(KINDS[req.kind], firstRows);
}
