import type { MappingRecipe } from '../../contract/import-types.ts';
import { headerKey, type FieldSpec, type KindSpec } from './kinds.ts';
import { dayColumns, WIDE_MIN_DAYS } from './layouts/title.ts';

/** How many title-block rows we look through for the header row. */
export const HEADER_SEARCH_ROWS = 30;

/** A header spans at most this many rows (group labels over sub-labels). */
const MAX_HEADER_ROWS = 3;

/** A column the mapping passed over, and why: a schedule, a second column for a field already mapped. */
export interface IgnoredColumn {
  column: number;
  reason: 'SCHEDULE' | 'SECOND_COLUMN';
  /** The field the column would have been. */
  field: string;
}

export interface ColumnMapping {
  /** field name -> 0-based column index */
  columns: Record<string, number>;
  /** required fields (and needOneOf groups, joined by "/") that no column holds */
  missing: string[];
  ignored: IgnoredColumn[];
  /** Columns a recipe names that the file does not have: the file is refused (rules.md §1, Recipes). */
  absent: { field: string; column: string | number }[];
}

function guessColumn(keys: string[], synonyms: readonly string[], used: Set<number>): number | undefined {
  for (const synonym of synonyms) {
    const index = keys.findIndex((k, i) => k === synonym && !used.has(i));
    if (index >= 0) return index;
  }
  return undefined;
}

function recipeColumn(keys: string[], headers: string[], ref: string | number): number | undefined {
  if (typeof ref === 'number') return ref >= 1 && ref <= keys.length ? ref - 1 : undefined;
  const wanted = headerKey(ref);
  // A recipe names a column by its whole header (joined labels) or by its last label.
  const index = headers.findIndex((h) => headerKey(h) === wanted);
  if (index >= 0) return index;
  const last = keys.indexOf(wanted);
  return last >= 0 ? last : undefined;
}

/**
 * The synonyms a field takes in this file: its own, and its fallbacks only when the file has no
 * column of its own synonyms (`jam masuk` is the scan only where no `scan masuk` is there: beside
 * one, it is the schedule).
 */
function synonymsIn(field: FieldSpec, keys: string[]): readonly string[] {
  if (!field.fallbackSynonyms) return field.synonyms;
  return field.synonyms.some((s) => keys.includes(s)) ? field.synonyms : [...field.synonyms, ...field.fallbackSynonyms];
}

/**
 * Maps the file's columns to the kind's fields. `headers` are the columns' names (a header over
 * several rows joins its labels); `keys`, when given, the text each column is matched by (its last
 * label), else the headers themselves. A recipe's columns come first; then each field takes the
 * leftmost column of its most specific synonym. Schedules and second columns for a field are
 * passed over and listed.
 */
export function mapColumns(headers: string[], spec: KindSpec, recipe?: MappingRecipe, keyTexts?: string[]): ColumnMapping {
  const keys = (keyTexts ?? headers).map(headerKey);
  const columns: Record<string, number> = {};
  const used = new Set<number>();
  const absent: { field: string; column: string | number }[] = [];
  for (const [field, ref] of Object.entries(recipe?.columns ?? {})) {
    const index = recipeColumn(keys, headers, ref);
    if (!spec.fields.some((f) => f.name === field)) continue;
    if (index === undefined) absent.push({ field, column: ref });
    else {
      columns[field] = index;
      used.add(index);
    }
  }
  for (const field of spec.fields) {
    if (columns[field.name] !== undefined) continue;
    const index = guessColumn(keys, synonymsIn(field, keys), used);
    if (index !== undefined) {
      columns[field.name] = index;
      used.add(index);
    }
  }
  const ignored: IgnoredColumn[] = [];
  keys.forEach((key, column) => {
    if (used.has(column) || key === '') return;
    const schedule = spec.schedules?.find((s) => s.synonyms.includes(key));
    if (schedule) {
      ignored.push({ column, reason: 'SCHEDULE', field: schedule.field });
      return;
    }
    const field = spec.fields.find((f) => columns[f.name] !== undefined && (f.synonyms.includes(key) || f.fallbackSynonyms?.includes(key)));
    // Beside a scan column, `jam masuk` is the schedule; any other fallback beside its field is a second column.
    if (field) ignored.push({ column, reason: field.parser === 'time' && field.fallbackSynonyms?.includes(key) ? 'SCHEDULE' : 'SECOND_COLUMN', field: field.name });
  });
  const missing = spec.fields
    .filter((f) => f.required && columns[f.name] === undefined && (f.orField === undefined || columns[f.orField] === undefined))
    .map((f) => f.name);
  for (const group of spec.needOneOf ?? []) {
    if (!group.some((g) => columns[g] !== undefined)) missing.push(group.join('/'));
  }
  return { columns, missing, ignored, absent };
}

/**
 * How many fields a header maps; the day columns of a wide attendance sheet (`1`…`31`) count as its
 * date, so that `NIP`, `Nama`, `1`, `2`, … is a header.
 */
export function mappedCount(headers: string[], spec: KindSpec, recipe?: MappingRecipe, keys?: string[]): number {
  const mapping = mapColumns(headers, spec, recipe, keys);
  // Counted as two, so that `TANGGAL` over `1`…`31` beats the row above it alone, where `TANGGAL` maps to the date.
  const days = spec.kind === 'attendance' && mapping.columns.date === undefined && dayColumns(headers).length >= WIDE_MIN_DAYS;
  return Object.keys(mapping.columns).length + (days ? 2 : 0);
}

/** A header found in a file's first rows: where it starts, how many rows it takes, its columns. */
export interface HeaderFound {
  /** 0-based index of its first row in the rows searched. */
  index: number;
  /** Rows it spans (1 to 3). */
  height: number;
  /** Each column's name: its labels from top to bottom, joined by a space. */
  headers: string[];
  /** Each column's last label, by which it is matched to a field. */
  keys: string[];
}

/**
 * The columns of a header spanning `rows` (top first). A merged cell of a group label leaves the
 * cells it covers empty: an empty cell of an upper row takes the label to its left when both it and
 * its left neighbour have a label below (they are sub-columns of one group).
 */
export function joinHeaderRows(rows: string[][]): { headers: string[]; keys: string[] } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()));
  for (let level = 0; level < grid.length - 1; level++) {
    const row = grid[level]!;
    const below = grid[level + 1]!;
    for (let i = 1; i < width; i++) {
      if (row[i] === '' && below[i] !== '' && below[i - 1] !== '' && row[i - 1] !== '') row[i] = row[i - 1]!;
    }
  }
  const headers: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < width; i++) {
    const labels = grid.map((r) => r[i]!).filter((l) => l !== '');
    // A label merged down over the rows below it appears once.
    const distinct = labels.filter((l, k) => labels.indexOf(l) === k);
    headers.push(distinct.join(' '));
    keys.push(distinct.at(-1) ?? '');
  }
  return { headers, keys };
}

/**
 * The header among the first rows: the first row that, alone or with the one or two rows under
 * it, matches at least three of the kind's headers (fewer when the kind has fewer fields); of the
 * heights that do, the one that maps the most fields, the lowest on a tie. A recipe may fix the
 * first row and the height.
 */
export function findHeader(rows: string[][], spec: KindSpec, recipe?: MappingRecipe): HeaderFound | undefined {
  const needed = Math.min(3, spec.fields.length);
  const at = (index: number, height: number): (HeaderFound & { mapped: number }) | undefined => {
    const slice = rows.slice(index, index + height);
    if (slice.length < height) return undefined;
    const { headers, keys } = joinHeaderRows(slice);
    const mapped = mappedCount(headers, spec, recipe, keys);
    return { index, height, headers, keys, mapped };
  };
  if (recipe?.headerRow !== undefined) {
    const found = at(recipe.headerRow - 1, recipe.headerRows ?? 1);
    return found && { index: found.index, height: found.height, headers: found.headers, keys: found.keys };
  }
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    let best: (HeaderFound & { mapped: number }) | undefined;
    for (let h = 1; h <= MAX_HEADER_ROWS; h++) {
      const found = at(i, h);
      if (!found || found.mapped < needed || (best && found.mapped <= best.mapped)) continue;
      // A row above the header (a title) adds nothing: the header starts where its top row counts.
      if (h > 1 && found.mapped <= (at(i + 1, h - 1)?.mapped ?? 0)) continue;
      best = found;
    }
    if (best) return { index: best.index, height: best.height, headers: best.headers, keys: best.keys };
  }
  return undefined;
}
