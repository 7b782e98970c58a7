import { IMPORT_KINDS, type ImportBatch, type ImportKind } from '../../contract/import-types.ts';
import type { DetectImportRequest, DetectImportResult } from '../../contract/views-types.ts';
import type { Db } from '../db/database.ts';
import { listBatches } from './batches.ts';
import { headerKey } from './kinds.ts';
import { previewKinds } from './preview.ts';

type Candidate = DetectImportResult['candidates'][number] & { headers: string[]; layout: Layout };

/** Tries the file's header against every kind: the kind that maps all its required fields and the most columns wins. */
async function candidates(db: Db, path: string, fileName: string | undefined): Promise<Candidate[]> {
  // A file no kind can read (damaged, refused) has no candidates.
  const previews = await previewKinds(db, path, IMPORT_KINDS.map((kind) => ({ kind })), fileName).then((r) => r.previews, () => []);
  const found: Candidate[] = [];
  for (const [i, p] of previews.entries()) {
    // Null: this kind's headers are not in the file.
    if (!p) continue;
    // A wide sheet's day columns and a scan log's clock column stand for the fields they supply.
    const mapped = p.fields.filter((f) => f.column !== null).length + (p.layout === 'wide' || p.layout === 'scans' ? 2 : 0);
    // A missing group (year or period) is named only in the warning; notes (a date read from the title) are not missing.
    const group = p.warnings.some((w) => w.startsWith('Kolom wajib')) && !missingRequired(p);
    const missing = p.fields.filter((f) => f.required && f.column === null).length + (group ? 1 : 0);
    found.push({ kind: IMPORT_KINDS[i]!, mapped, fields: p.fields.length, missing, headers: p.headers, layout: p });
  }
  return found.sort((a, b) => a.missing - b.missing || b.mapped - a.mapped || b.mapped / b.fields - a.mapped / a.fields);
}

function missingRequired(p: { fields: { required: boolean; column: number | null }[] }): boolean {
  return p.fields.some((f) => f.required && f.column === null);
}

interface Layout {
  format: 'csv' | 'xlsx';
  headerRow: number;
  delimiter: string | null;
}

/**
 * An earlier batch of the same kind whose mapped headers all appear in this file names the agency;
 * among several, the one with the most such headers and the same layout (format, header row, delimiter).
 */
function agencyFromHistory(batches: ImportBatch[], kind: ImportKind, headers: string[], layout: Layout): string | null {
  const keys = new Set(headers.map(headerKey));
  let best: { agency: string; score: number } | undefined;
  batches.forEach((b, seq) => {
    if (b.kind !== kind || !b.agency) return;
    const used = Object.values(b.mapping).map(headerKey).filter((h) => h !== '');
    if (used.length === 0 || !used.every((h) => keys.has(h))) return;
    const same = Number(b.format === layout.format) + Number(b.headerRow === layout.headerRow) + Number(b.delimiter === layout.delimiter);
    const score = used.length * 1000 + same * 100 + seq / batches.length;
    if (!best || score > best.score) best = { agency: b.agency, score };
  });
  return best?.agency ?? null;
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

export async function detectImport(db: Db, req: DetectImportRequest): Promise<DetectImportResult> {
  const found = await candidates(db, req.path, req.fileName);
  // A kind whose required column is missing is still named when enough of its columns are there: the user maps the rest.
  const best = found[0] && (found[0].missing === 0 || found[0].mapped >= 3) ? found[0] : undefined;
  const batches = await listBatches(db, false);
  const agencies = [...new Set(batches.map((b) => b.agency).filter((a): a is string => a !== null))];
  const fileName = req.fileName ?? req.path;
  const agency = (best && agencyFromHistory(batches, best.kind, best.headers, best.layout)) ?? agencyFromName(agencies, fileName);
  return {
    kind: best?.kind ?? null,
    agency: best?.kind === 'calendar' ? null : agency,
    candidates: found.map(({ kind, mapped, fields, missing }) => ({ kind, mapped, fields, missing })),
  };
}
