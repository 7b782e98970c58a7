import { AppError, messageIn } from '../../contract/errors.ts';
import type { ImportFileResult, ImportFilesRequest, ImportFilesResult } from '../../contract/import-types.ts';
import type { CallOptions } from '../../contract/progress.ts';
import { asStagingFailure } from '../io-errors.ts';
import { importFile, type IgnoredReport, type ImportEnv } from './import-file.ts';
import type { Lang } from './reasons.ts';

/**
 * Why a column (or a hidden sheet) was passed over, in the user's language, naming the column that
 * was taken instead (a header the user knows, not a field name of the code).
 */
export function ignoredReason(lang: Lang, x: IgnoredReport, mapping: Record<string, string>): string {
  const en = lang === 'en';
  const used = x.field !== undefined ? mapping[x.field] : undefined;
  const instead = used ? (en ? `; "${used}" is used` : `; yang dipakai "${used}"`) : '';
  if (x.code === 'SCHEDULE') return (en ? 'a schedule, not a scanned time' : 'jadwal, bukan jam pindaian') + instead;
  if (x.code === 'SECOND_COLUMN') return (en ? 'a second column for the same field' : 'kolom kedua untuk isian yang sama') + instead;
  return en ? 'a hidden sheet: not imported' : 'lembar tersembunyi: tidak diimpor';
}

function failed(file: string, req: { kind: ImportFileResult['kind']; agency?: string }, error: string): ImportFileResult {
  return {
    file, kind: req.kind, agency: req.agency ?? null, status: 'failed', batch: null, rowsRead: 0, rowsImported: 0,
    rowsRejected: 0, rowsSkipped: 0, rejects: [], skipped: [], warnings: [], error,
  };
}

/**
 * Imports each file as its own batch, one after the other: a file that fails is reported with its
 * reason and stores nothing, and the next file is still imported. `resolve` turns a request's file
 * (a path, or an upload handle) into the file to read.
 */
export async function importFiles(env: ImportEnv, req: ImportFilesRequest, resolve: (path: string) => string,
  log: (err: unknown) => void, opts?: CallOptions): Promise<ImportFilesResult> {
  const lang = env.lang ?? 'id';
  const files: ImportFileResult[] = [];
  for (const [fileIndex, request] of req.files.entries()) {
    const file = { ...request, path: resolve(request.path) };
    const name = file.fileName ?? file.path.split(/[\\/]/).pop() ?? file.path;
    const progress = (phase: 'read' | 'check' | 'store', fraction: number | null, rows: number | null) =>
      opts?.onProgress?.({ phase, file: name, fileIndex, fileCount: req.files.length, fraction, rows });
    try {
      if (opts?.signal?.aborted) throw new AppError('CANCELLED', 'Impor dibatalkan.', 'Import cancelled.');
      const { parts, rejects, skipped, ...outcome } = await importFile(env, file, progress, opts?.signal);
      const several = parts.length > 1;
      const sheets = several
        ? { sheets: parts.map(({ ignored: _, ...p }) => ({ ...p, sheet: p.sheet ?? '' })) }
        : {};
      const first = parts[0]!;
      const ignored = [
        ...parts.flatMap((p) => p.ignored.map((x) => ({ column: several ? `${p.sheet}: ${x.column}` : x.column, reason: ignoredReason(lang, x, p.mapping) }))),
        ...outcome.hidden.map((sheet) => ({ column: sheet, reason: ignoredReason(lang, { column: sheet, code: 'HIDDEN_SHEET' }, {}) })),
      ];
      const { hidden: _, ...counts } = outcome;
      files.push({
        file: name, kind: file.kind, status: 'imported', ...counts, layout: first.layout,
        records: parts.reduce((n, p) => n + p.records, 0), mapping: first.mapping, constants: first.constants, ignored,
        ...sheets, rejects, skipped, error: null,
      });
    } catch (caught) {
      // A full disk under the staging folder is a message naming the folder, not an internal error.
      const err = caught instanceof AppError ? caught : asStagingFailure(caught, env.tmpDir) ?? caught;
      if (!(err instanceof AppError)) log(err);
      // An unexpected error's own text is the database's or the runtime's, not the user's: it goes to the log.
      const message = err instanceof AppError ? messageIn(lang, err)
        : lang === 'en' ? 'The file could not be imported because of an internal error (the details are in the log); nothing from it was stored.'
        : 'Berkas tidak dapat diimpor karena kesalahan internal (rinciannya dicatat di log); tidak ada data darinya yang disimpan.';
      files.push(failed(name, file, message));
    }
    opts?.onProgress?.({ phase: 'done', file: name, fileIndex, fileCount: req.files.length, fraction: 1, rows: null });
  }
  return { files };
}
