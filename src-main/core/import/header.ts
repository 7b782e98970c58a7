import type { MappingRecipe } from '../../contract/import-types.ts';
import { headerKey, type KindSpec } from './kinds.ts';

/** How many title-block rows we look through for the header row. */
export const HEADER_SEARCH_ROWS = 30;

export interface ColumnMapping {
  /** field name -> 0-based column index */
  columns: Record<string, number>;
  /** required fields (and needOneOf groups, joined by "/") that no column holds */
  missing: string[];
}

function guessColumn(keys: string[], synonyms: string[], used: Set<number>): number | undefined {
  for (const synonym of synonyms) {
    const index = keys.findIndex((k, i) => k === synonym && !used.has(i));
    if (index >= 0) return index;
  }
  return undefined;
}

function recipeColumn(keys: string[], ref: string | number): number | undefined {
  if (typeof ref === 'number') return ref >= 1 && ref <= keys.length ? ref - 1 : undefined;
  const index = keys.indexOf(headerKey(ref));
  return index >= 0 ? index : undefined;
}

export function mapColumns(headers: string[], spec: KindSpec, recipe?: MappingRecipe): ColumnMapping {
  const keys = headers.map(headerKey);
  const columns: Record<string, number> = {};
  const used = new Set<number>();
  for (const [field, ref] of Object.entries(recipe?.columns ?? {})) {
    const index = recipeColumn(keys, ref);
    if (index !== undefined && spec.fields.some((f) => f.name === field)) {
      columns[field] = index;
      used.add(index);
    }
  }
  for (const field of spec.fields) {
    if (columns[field.name] !== undefined) continue;
    const index = guessColumn(keys, field.synonyms, used);
    if (index !== undefined) {
      columns[field.name] = index;
      used.add(index);
    }
  }
  const missing = spec.fields.filter((f) => f.required && columns[f.name] === undefined).map((f) => f.name);
  for (const group of spec.needOneOf ?? []) {
    if (!group.some((g) => columns[g] !== undefined)) missing.push(group.join('/'));
  }
  return { columns, missing };
}

/**
 * The header row is the first of the first rows whose cells match at least three
 * canonical headers (fewer when the kind has fewer fields); a recipe may fix it.
 */
export function findHeaderRow(rows: string[][], spec: KindSpec, recipe?: MappingRecipe): number | undefined {
  if (recipe?.headerRow !== undefined) {
    return recipe.headerRow - 1 < rows.length ? recipe.headerRow - 1 : undefined;
  }
  const needed = Math.min(3, spec.fields.length);
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const mapped = Object.keys(mapColumns(rows[i] ?? [], spec, recipe).columns).length;
    if (mapped >= needed) return i;
  }
  return undefined;
}
