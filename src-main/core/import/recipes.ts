import type { ImportKind, MappingRecipe, RecipeEntry } from '../../contract/import-types.ts';
import type { Db } from '../db/database.ts';

export async function loadRecipe(db: Db, agency: string, kind: ImportKind): Promise<MappingRecipe | undefined> {
  const row = await db.one<{ recipe: string }>('SELECT recipe FROM recipes WHERE agency = $agency AND kind = $kind', {
    agency,
    kind,
  });
  return row ? (JSON.parse(row.recipe) as MappingRecipe) : undefined;
}

export async function storeRecipe(db: Db, agency: string, kind: ImportKind, recipe: MappingRecipe, at: Date): Promise<RecipeEntry> {
  // Only the recipe's own fields are kept (a request may carry more); each says how the agency's files are read.
  const clean: MappingRecipe = { columns: { ...recipe.columns } };
  for (const key of ['layout', 'headerRow', 'headerRows', 'header', 'constants', 'values'] as const) {
    if (recipe[key] !== undefined) Object.assign(clean, { [key]: recipe[key] });
  }
  await db.run(
    `INSERT INTO recipes
VALUES ($agency, $kind, $recipe, $at)
ON CONFLICT (agency, kind) DO UPDATE SET recipe = excluded.recipe, saved_at = excluded.saved_at`,
    { agency, kind, recipe: JSON.stringify(clean), at: at.toISOString() },
  );
  return { agency, kind, recipe: clean, savedAt: at.toISOString() };
}

export async function listRecipes(db: Db): Promise<RecipeEntry[]> {
  const rows = await db.all<{ agency: string; kind: ImportKind; recipe: string; saved_at: string }>(
    `SELECT agency, kind, recipe, strftime(saved_at, '%Y-%m-%dT%H:%M:%SZ') AS saved_at
FROM recipes
ORDER BY agency, kind`,
  );
  return rows.map((r) => ({ agency: r.agency, kind: r.kind, recipe: JSON.parse(r.recipe) as MappingRecipe, savedAt: r.saved_at }));
}
