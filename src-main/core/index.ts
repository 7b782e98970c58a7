import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreApi } from '../contract/api.ts';
import { AppError, messageIn } from '../contract/errors.ts';
import type { ImportFileResult } from '../contract/import-types.ts';
import type { CallOptions } from '../contract/progress.ts';
import { compare } from './compare/compare.ts';
import { exportWorkbook } from './export/export-workbook.ts';
import { PANTAU_VERSION } from './export/version.ts';
import { openDatabase, type Db } from './db/database.ts';
import { migrate } from './db/migrations.ts';
import { batchRejects, listBatches, undoBatch } from './import/batches.ts';
import { importFile, type ImportEnv } from './import/import-file.ts';
import { installMacros } from './import/normalise-sql.ts';
import { previewImport } from './import/preview.ts';
import type { Lang } from './import/reasons.ts';
import { listRecipes, storeRecipe } from './import/recipes.ts';
import { CATALOGUE } from './rules/catalogue.ts';
import { runChecks } from './rules/check-run.ts';
import { effectiveProfile, exportProfiles, importProfiles, setProfile } from './rules/profiles.ts';
import { createViews, resolveDownload, resolveUpload, storeRunWeeks } from './views/index.ts';

export interface CoreConfig {
  /** The workspace: one DuckDB file (created on first use), or ':memory:'. */
  dbPath: string;
  lang?: Lang;
  tmpDir?: string;
  /** The national calendar imported into a new workspace. */
  calendarPath?: string;
  now?: () => Date;
  log?: (err: unknown) => void;
  /** DuckDB memory limit; DEFAULT_MEMORY_LIMIT when not given. */
  memoryLimit?: string;
  /** The shipped samples/ folder (with manifest.json), for "Muat data contoh". */
  samplesDir?: string;
  /** Where the browser-mode server keeps uploaded files; requests name them "upload:<id>". */
  uploadDir?: string;
  /** Where workbooks for a browser are written; requests name them "download:<name>.xlsx". */
  downloadDir?: string;
}

export interface Core extends CoreApi {
  /** For the in-process owner (tests, benchmarks); never exposed through a transport. */
  readonly db: Db;
  close(): void;
}

/**
 * DuckDB's memory limit for a workspace. The SQL sandbox locks the configuration, so the room a
 * rule check needs (it raised the limit from 512MB to 3GB per run before) is set once at open.
 * It is a ceiling, not a reservation; the process's peak is what a check already reached. The
 * benchmarks' raw-DuckDB baselines open with it too, so they compare like with like.
 */
export const DEFAULT_MEMORY_LIMIT = '3GB';

export const DEFAULT_CALENDAR = fileURLToPath(new URL('./import/kalender-nasional-2025-2026.csv', import.meta.url));

/** Runs calls one at a time: one connection, and imports are transactions. */
function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}

function failed(file: string, req: { kind: ImportFileResult['kind']; agency?: string }, error: string): ImportFileResult {
  return {
    file, kind: req.kind, agency: req.agency ?? null, status: 'failed', batch: null, rowsRead: 0, rowsImported: 0,
    rowsRejected: 0, rejects: [], warnings: [], error,
  };
}

export async function createCore(config: CoreConfig): Promise<Core> {
  // DuckDB may read and write only here: every imported file is staged as a copy in this folder.
  const sandbox = await mkdtemp(join(config.tmpDir ?? tmpdir(), 'pantau-staging-'));
  let db: Db;
  try {
    db = await openDatabase(config.dbPath, { memoryLimit: config.memoryLimit ?? DEFAULT_MEMORY_LIMIT, sandboxDir: sandbox });
  } catch (err) {
    await rm(sandbox, { recursive: true, force: true });
    throw err;
  }
  const dropSandbox = () => rmSync(sandbox, { recursive: true, force: true });
  const lang = config.lang ?? 'id';
  const now = config.now ?? (() => new Date());
  const log = config.log ?? ((err) => console.error(err));
  const env: ImportEnv = { db, tmpDir: sandbox, now, lang };
  const serial = createQueue();
  try {
    await installMacros(db);
    const { from } = await migrate(db);
    if (from === 0) {
      const calendar = config.calendarPath ?? DEFAULT_CALENDAR;
      await importFile(env, { path: calendar, kind: 'calendar' }, () => undefined);
    }
  } catch (err) {
    db.close();
    dropSandbox();
    throw err;
  }

  const path = (p: string) => resolveUpload(p, config.uploadDir);
  const views = createViews({ db, samplesDir: config.samplesDir, serial, path }, () => core);
  const core: Core = {
    ...views,
    importFiles: (req, opts?: CallOptions) =>
      serial(async () => {
        const files: ImportFileResult[] = [];
        for (const [fileIndex, request] of req.files.entries()) {
          const file = { ...request, path: path(request.path) };
          const name = file.fileName ?? file.path.split(/[\\/]/).pop() ?? file.path;
          const progress = (phase: 'read' | 'check' | 'store', fraction: number | null, rows: number | null) =>
            opts?.onProgress?.({ phase, file: name, fileIndex, fileCount: req.files.length, fraction, rows });
          try {
            if (opts?.signal?.aborted) throw new AppError('CANCELLED', 'Impor dibatalkan.', 'Import cancelled.');
            const outcome = await importFile(env, file, progress, opts?.signal);
            const rejects = await batchRejects(db, outcome.batch, lang);
            files.push({ file: name, kind: file.kind, status: 'imported', rejects, error: null, ...outcome });
          } catch (err) {
            if (!(err instanceof AppError)) log(err);
            const message = err instanceof AppError ? messageIn(lang, err) : `${lang === 'en' ? 'Internal error' : 'Kesalahan internal'}: ${String(err)}`;
            files.push(failed(name, file, message));
          }
          opts?.onProgress?.({ phase: 'done', file: name, fileIndex, fileCount: req.files.length, fraction: 1, rows: null });
        }
        return { files };
      }),
    previewImport: (req) => serial(() => previewImport(db, { ...req, path: path(req.path) })),
    listImports: (req) => serial(async () => ({ batches: await listBatches(db, req.includeUndone ?? false) })),
    undoImport: (req) => serial(() => undoBatch(db, req.batch, now())),
    batchRejects: (req) => serial(async () => ({ batch: req.batch, rejects: await batchRejects(db, req.batch, lang) })),
    listRecipes: () => serial(async () => ({ recipes: await listRecipes(db) })),
    saveRecipe: (req) => serial(() => storeRecipe(db, req.agency, req.kind, req.recipe, now())),
    listRules: async () => ({ rules: Object.values(CATALOGUE) }),
    getProfile: (req) => serial(() => effectiveProfile(db, req.agency ?? null)),
    setProfile: (req) => serial(() => db.transaction(() => setProfile(db, req.agency ?? null, req.set, now()))),
    exportProfiles: () => serial(() => exportProfiles(db)),
    importProfiles: (req) => serial(() => db.transaction(async () => ({ profiles: await importProfiles(db, req.file, now()) }))),
    runChecks: (req) => serial(() => runChecks(db, req, now(), storeRunWeeks(db))),
    compare: (req) => serial(() => compare(db, req)),
    exportWorkbook: (req, opts?: CallOptions) =>
      serial(async () => {
        const out = resolveDownload(req.out, config.downloadDir);
        const result = await exportWorkbook(db, { ...req, out }, { compare: (r) => compare(db, r) }, { ...opts, now: now(), lang, version: PANTAU_VERSION });
        // A browser gets back the name it gave, not a path on the server.
        return out === req.out ? result : { ...result, out: req.out };
      }),
    db,
    close: () => {
      db.close();
      dropSandbox();
    },
  };
  return core;
}
