import { AppError, messageIn } from '../../contract/errors.ts';
import { IMPORT_KINDS, type PreviewImportResult } from '../../contract/import-types.ts';
import type { DetectImportRequest, DetectImportResult } from '../../contract/views-types.ts';
import type { Db } from '../db/database.ts';
import { knownAgencies } from '../records/known-agencies.ts';
import { AGENCIES } from '../views/views-sql.ts';
import { previewKinds } from './preview.ts';
import { listRecipes } from './recipes.ts';
import type { Lang } from './reasons.ts';
import { fileSize, SAMPLE_BYTES } from './sniff.ts';

type Candidate = DetectImportResult['candidates'][number];

/** Tries the file's header against every kind: the kind that maps all its required fields and the most columns wins. */
function candidates(previews: (PreviewImportResult | null)[]): Candidate[] {
  const found: Candidate[] = [];
  for (const [i, p] of previews.entries()) {
    // Null: this kind's headers are not in the file.
    if (!p) continue;
    // A wide sheet's day columns and a scan log's clock column stand for the fields they supply.
    const mapped = p.fields.filter((f) => f.column !== null).length + (p.layout === 'wide' || p.layout === 'scans' ? 2 : 0);
    // A missing group (year or period) is named only in the warning; notes (a date read from the title) are not missing.
    const group = p.warnings.some((w) => w.startsWith('Kolom wajib')) && !missingRequired(p);
    const missing = p.fields.filter((f) => f.required && f.column === null).length + (group ? 1 : 0);
    found.push({ kind: IMPORT_KINDS[i]!, mapped, fields: p.fields.length, missing });
  }
  return found.sort((a, b) => a.missing - b.missing || b.mapped - a.mapped || b.mapped / b.fields - a.mapped / a.fields);
}

function missingRequired(p: { fields: { required: boolean; column: number | null }[] }): boolean {
  return p.fields.some((f) => f.required && f.column === null);
}

/**
 * Data rows read for the agency suggestion: enough for a fair count of the file's NIPs, few enough
 * that a file of millions of rows is still detected at once (a text file is read no further than
 * the 256 KB the sniffer reads, a workbook no further than these rows or PEEK_CELLS). The kinds are
 * previewed with them in the one reading of the file: a workbook's is the dear part.
 */
const SAMPLE_ROWS = 5000;

/** The columns that say whose file it is, read from the file's first data rows. */
interface Cells {
  agency: string[];
  nip: string[];
  pin: string[];
  unitName: string[];
}

async function readCells(path: string, p: PreviewImportResult): Promise<Cells> {
  // A text file longer than the sample ends inside its last row: a cut PIN would count as one more.
  const rows = p.format === 'csv' && (await fileSize(path)) > SAMPLE_BYTES ? p.rows.slice(0, -1) : p.rows;
  const column = (field: keyof Cells) => {
    const at = p.fields.find((f) => f.field === field)?.column ?? null;
    return at === null ? [] : rows.map((r) => r[at] ?? '');
  };
  return { agency: column('agency'), nip: column('nip'), pin: column('pin'), unitName: column('unitName') };
}

/** The cells handed to DuckDB as one JSON list. */
const CELLS = `(SELECT unnest(from_json($cells, '["VARCHAR"]')) AS v)`;

/** A cell as the roster column it is matched to; NULL `today` in the NIP check is the database's date. */
const IDENTIFIERS = {
  nip: { column: 'nip', id: 'pt_nip(v)', valid: 'pt_nip_problem(v, NULL) IS NULL' },
  pin: { column: 'pin', id: 'pt_text(v)', valid: 'true' },
};

/**
 * Per agency, how many of the file's distinct identifiers its roster holds, of how many the file
 * has. An identifier is what the import would store: a NIP the import accepts (pt_nip_problem),
 * or, in a file with no NIP column, a device PIN, as the import resolves it (import-sql.ts).
 */
async function rosterMatches(db: Db, cells: Cells): Promise<DetectImportResult['rosterMatches']> {
  const by = cells.nip.length > 0 ? IDENTIFIERS.nip : IDENTIFIERS.pin;
  const values = cells.nip.length > 0 ? cells.nip : cells.pin;
  if (values.length === 0) return [];
  return db.all(`
WITH ids AS (SELECT DISTINCT ${by.id} AS id FROM ${CELLS} WHERE ${by.id} IS NOT NULL AND ${by.valid})
SELECT e.agency, count(DISTINCT ids.id)::INTEGER AS matched, (SELECT count(*) FROM ids)::INTEGER AS "of"
FROM ids JOIN employees e ON e.${by.column} = ids.id
WHERE e.agency IS NOT NULL
GROUP BY e.agency
ORDER BY matched DESC, e.agency`, { cells: JSON.stringify(values) });
}

/**
 * Per agency, how many of the file's distinct unit names it has among its units, of how many the
 * file has. Many names recur in every pemda ("Bagian Organisasi", "Dinas Komunikasi dan
 * Informatika"), so only an agency holding most of the file's names is a suggestion (leader, below).
 */
async function unitMatches(db: Db, names: string[]): Promise<{ agency: string; matched: number; of: number }[]> {
  if (names.length === 0) return [];
  return db.all(`
WITH names AS (SELECT DISTINCT pt_text(v) AS unit FROM ${CELLS} WHERE pt_text(v) IS NOT NULL)
SELECT u.agency, count(DISTINCT names.unit)::INTEGER AS matched, (SELECT count(*) FROM names)::INTEGER AS "of"
FROM names JOIN units u ON u.unit_name = names.unit
GROUP BY u.agency
ORDER BY matched DESC, u.agency`, { cells: JSON.stringify(names) });
}

/** The known agencies an agency column names, by code or by the name in the agency's profile (any case). */
async function namedAgencies(db: Db, values: string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await db.all<{ agency: string }>(`
WITH named AS (SELECT DISTINCT lower(pt_text(v)) AS v FROM ${CELLS})
SELECT DISTINCT a.agency
FROM (${AGENCIES}) a JOIN named ON named.v IN (lower(a.agency), lower(a.name))
ORDER BY a.agency`, { cells: JSON.stringify(values) });
  return rows.map((r) => r.agency);
}

/** The agency that holds more than any other, if one does; with `majority`, also more than half of the file's. */
function leader(matches: { agency: string; matched: number; of: number }[], majority = false): string | null {
  const [first, second] = matches;
  if (!first || first.matched <= (second?.matched ?? 0)) return null;
  return !majority || first.matched * 2 > first.of ? first.agency : null;
}

const GENERIC = new Set(['pemkot', 'pemkab', 'pemprov', 'kemen', 'kementerian', 'badan', 'dinas', 'kab', 'kota', 'prov']);

/** The file name carries a distinctive part of an agency code: "presensi-bogor-2025-11.csv" → PEMKOT-BOGOR. */
function agencyFromName(agencies: string[], fileName: string): string | null {
  const name = fileName.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  const hits = agencies.filter((code) => {
    const tokens = code.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length >= 3 && !GENERIC.has(t));
    return tokens.length > 0 && tokens.every((t) => name.includes(t));
  });
  return hits.length === 1 ? hits[0]! : null;
}

type Suggestion = Pick<DetectImportResult, 'agency' | 'agencyFrom' | 'rosterMatches'>;

/**
 * The agency suggested for a file, from the file itself and never from its headers (two agencies
 * on the same system write the same headers): an agency column naming one known agency; else the
 * agency whose roster holds the most of the file's NIPs (or PINs); else the one with the most of
 * its unit names; else a distinctive part of an agency code in the file name. A column naming
 * several agencies gives none: each row names its own (docs/import.md, Agency suggestion). A file
 * of no kind is suggested an agency by its name only.
 */
async function suggestAgency(db: Db, req: DetectImportRequest, preview: PreviewImportResult | undefined): Promise<Suggestion> {
  const cells = preview ? await readCells(req.path, preview) : { agency: [], nip: [], pin: [], unitName: [] };
  const named = await namedAgencies(db, cells.agency);
  const matches = await rosterMatches(db, cells);
  const suggest = (agency: string | null, agencyFrom: DetectImportResult['agencyFrom']): Suggestion =>
    ({ agency, agencyFrom: agency === null ? null : agencyFrom, rosterMatches: matches });
  if (named.length > 1) return suggest(null, null);
  if (named.length === 1) return suggest(named[0]!, 'column');
  const byRoster = leader(matches);
  if (byRoster) return suggest(byRoster, 'roster');
  const byUnits = leader(await unitMatches(db, cells.unitName), true);
  if (byUnits) return suggest(byUnits, 'units');
  return suggest(agencyFromName(await knownAgencies(db), req.fileName ?? req.path), 'file name');
}

/** A file with no row that holds anything: an empty sheet, or text of blank lines only. */
const NOTHING: [string, string] = ['Berkas ini tidak berisi data: tidak ada baris yang terisi.', 'The file holds no data: no row is filled in.'];

/**
 * The kind the file's headers fit best and the agency the file itself suggests. A file no kind can
 * read (empty, binary, damaged) has no candidates, and `problem` says why, in the core's language.
 */
export async function detectImport(db: Db, req: DetectImportRequest, lang: Lang): Promise<DetectImportResult> {
  const none = { kind: null, agency: null, agencyFrom: null, rosterMatches: [], candidates: [] };
  // Each saved recipe is tried too, in the same reading: a file of headers no synonym knows, read
  // once by hand and saved, is known by its kind next month (its agency still comes from the file).
  const recipes = await listRecipes(db);
  // The kind and mapping the user settled on are asked first: the agency then comes from the columns as mapped.
  const asked = req.kind ? [{ kind: req.kind, ...(req.mapping ? { mapping: req.mapping } : {}) }] : [];
  let read: Awaited<ReturnType<typeof previewKinds>>;
  try {
    read = await previewKinds(db, req.path, [...IMPORT_KINDS.map((kind) => ({ kind })), ...recipes.map((r) => ({ kind: r.kind, mapping: r.recipe })), ...asked],
      req.fileName, SAMPLE_ROWS);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ...none, problem: messageIn(lang, err) };
  }
  const plain = read.previews.slice(0, IMPORT_KINDS.length);
  const found = candidates(plain);
  if (found.length === 0 && read.firstRows.length === 0) return { ...none, problem: NOTHING[lang === 'en' ? 1 : 0] };
  // A kind whose required column is missing is still named when enough of its columns are there: the user maps the rest.
  let best = found[0] && (found[0].missing === 0 || found[0].mapped >= 3) ? found[0] : undefined;
  let preview = best && plain[IMPORT_KINDS.indexOf(best.kind)]!;
  if (!best || best.missing > 0) {
    const byRecipe = read.previews.slice(IMPORT_KINDS.length, IMPORT_KINDS.length + recipes.length).findIndex((p) => p !== null && p.headerFound !== false && !missingRequired(p));
    if (byRecipe >= 0) {
      preview = read.previews[IMPORT_KINDS.length + byRecipe]!;
      best = { kind: recipes[byRecipe]!.kind, mapped: preview.fields.filter((f) => f.column !== null).length, fields: preview.fields.length, missing: 0 };
    }
  }
  const mine = req.kind ? read.previews.at(-1) : undefined;
  if (req.kind && mine) {
    best = found.find((c) => c.kind === req.kind) ?? { kind: req.kind, mapped: 0, fields: mine.fields.length, missing: 0 };
    preview = mine;
  }
  // The national calendar belongs to no agency.
  const suggestion = best?.kind === 'calendar'
    ? { agency: null, agencyFrom: null, rosterMatches: [] }
    : await suggestAgency(db, req, preview);
  return { kind: best?.kind ?? null, ...suggestion, problem: null, candidates: found };
}
