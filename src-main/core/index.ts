import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CoreApi } from '../contract/api.ts';
import type { CallOptions } from '../contract/progress.ts';
import type { RecordsFilter } from '../contract/records-types.ts';
import type { FindingsRequest, UnitEmployeesRequest } from '../contract/views-types.ts';
import { compare } from './compare/compare.ts';
import { exportWorkbook } from './export/export-workbook.ts';
import { exportRejects } from './export/rejects-workbook.ts';
import { exportTable } from './export/table-workbook.ts';
import { PANTAU_VERSION } from './export/version.ts';
import { openDatabase, type Db } from './db/database.ts';
import { migrate } from './db/migrations.ts';
import { sweepOrphans } from './db/orphans.ts';
import { batchRejectsPage, listBatches, undoBatch } from './import/batches.ts';
import { detectImport } from './import/detect.ts';
import { importFile, type ImportEnv } from './import/import-file.ts';
import { importFiles } from './import/import-files.ts';
import { installMacros } from './import/normalise-sql.ts';
import { previewImport } from './import/preview.ts';
import type { Lang } from './import/reasons.ts';
import { listRecipes, storeRecipe } from './import/recipes.ts';
import { assertKnownAgency } from './records/known-agencies.ts';
import { listRecords, streamRecords, type RecordsSink } from './records/records.ts';
import { resolveUpload, writeDownload } from './handles.ts';
import { createRunFindingsPages, runChecks, runNotes } from './rules/check-run.ts';
import { RULES } from './rules/index.ts';
import { effectiveProfile, exportProfiles, importProfiles, numberParam, setProfile } from './rules/profiles.ts';
import type { RuleDefinition } from './rules/rule.ts';
import { createRuleBook } from './rules/rule-book.ts';
import { refreshWeekFacts } from './rules/week-facts.ts';
import { loadSamples } from './samples.ts';
import { makeOwnedDir, STAGING_PREFIX, sweepLeftovers } from './temp-folders.ts';
import { createFindingsView, createUnitEmployeesView } from './views/findings.ts';
import { createViews, storeRunWeeks } from './views/index.ts';

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
  /** The rules to check: RULES unless a test brings its own. */
  rules?: readonly RuleDefinition[];
}

export interface Core extends CoreApi {
  /** For the in-process owner (tests, benchmarks); never exposed through a transport. */
  readonly db: Db;
  /** Every record of a kind, chunk by chunk (`pantau records`); in-process only: a wire answer is one document. */
  streamRecords(req: RecordsFilter, sink: RecordsSink, opts?: CallOptions): Promise<{ count: number }>;
  close(): void;
}

/**
 * DuckDB's memory limit for a workspace. The SQL sandbox locks the configuration, so the room a
 * rule check needs is set once at open. It is a ceiling, not a reservation: beyond it DuckDB
 * spills to disk. 1.2 GB keeps a 30-million-row import or check under 2 GiB of the machine's
 * memory (DuckDB and Node use some 600 MiB besides) for about a tenth more time on the check
 * (docs/benchmarks.md, Growth). The benchmarks' raw-DuckDB baselines open with it too, so they
 * compare like with like.
 */
export const DEFAULT_MEMORY_LIMIT = '1.2GB';

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

export async function createCore(config: CoreConfig): Promise<Core> {
  // DuckDB may read and write only here: every imported file is staged as a copy in this folder.
  // A killed process leaves its folder behind: swept at the next start (temp-folders.ts).
  const tmp = config.tmpDir ?? tmpdir();
  await sweepLeftovers(tmp);
  const sandbox = await makeOwnedDir(tmp, STAGING_PREFIX);
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
  const book = createRuleBook(config.rules ?? RULES);
  const profile = async (agency: string | null) => {
    const { params } = await effectiveProfile(db, book, agency);
    return { workDays: numberParam(params, 'workDays'), dayStartsAt: String(params.dayStartsAt) };
  };
  const derive = () => refreshWeekFacts(db, book);
  const env: ImportEnv = { db, tmpDir: sandbox, now, lang, profile, derive };
  // A caller (a screen switched to English) may ask for its own language; the configured one is the default.
  const langOf = (opts?: CallOptions) => opts?.lang ?? lang;
  const envOf = (opts?: CallOptions): ImportEnv => ({ ...env, lang: langOf(opts) });
  const serial = createQueue();
  try {
    await installMacros(db);
    const { from } = await migrate(db);
    if (db.recovered) {
      const removed = await sweepOrphans(db);
      if (removed > 0) log(new Error(`workspace reopened after a crash: ${removed} rows of unrecorded batches or runs removed`));
    }
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
  // One findings view for the screen and its download: it keeps the list the screen last asked for.
  const findingsView = createFindingsView(db, book);
  const unitEmployeesView = createUnitEmployeesView(db);
  // The run's finding list being paged (runFindings), kept between its pages.
  const runFindingsPages = createRunFindingsPages(db, book);
  const views = createViews({ db, serial, book, langOf }, findingsView, unitEmployeesView);
  const tableViews = (lang: Lang) => ({
    findings: (req: FindingsRequest) => findingsView.findings(req, lang),
    unitEmployees: (req: UnitEmployeesRequest) => unitEmployeesView.unitEmployees(req),
  });
  const core: Core = {
    ...views,
    // The samples are the installation's own files, named by the core, not by the request: read as paths.
    loadSamples: (_req, opts) => loadSamples({ ...core, importFiles: (req, o) => serial(() => importFiles(envOf(o), req, (p) => p, log, o)) },
      config.samplesDir, opts),
    detectImport: (req, opts) => serial(() => detectImport(db, { ...req, path: path(req.path) }, langOf(opts))),
    importFiles: (req, opts?: CallOptions) => serial(() => importFiles(envOf(opts), req, path, log, opts)),
    previewImport: (req, opts) => serial(() => previewImport(envOf(opts), { ...req, path: path(req.path) })),
    listImports: (req) => serial(async () => ({ batches: await listBatches(db, req.includeUndone ?? false) })),
    undoImport: (req) => serial(() => undoBatch(db, req.batch, now(), derive)),
    batchRejects: (req, opts) => serial(() => batchRejectsPage(db, req, langOf(opts))),
    listRecipes: () => serial(async () => ({ recipes: await listRecipes(db) })),
    saveRecipe: (req) => serial(() => storeRecipe(db, req.agency, req.kind, req.recipe, now())),
    listRules: async () => book.catalogue(),
    getProfile: (req) => serial(() => effectiveProfile(db, book, req.agency ?? null)),
    setProfile: (req) => serial(() => db.transaction(() => setProfile(db, book, req.agency ?? null, req.set, now()))),
    exportProfiles: () => serial(() => exportProfiles(db)),
    importProfiles: (req) => serial(() => db.transaction(async () => ({ profiles: await importProfiles(db, book, req.file, now()) }))),
    runChecks: (req, opts) => serial(async () => {
      await assertKnownAgency(db, req.agency);
      // The screens' kept lists are of the run before: they go before the check needs the memory.
      await findingsView.forget();
      await unitEmployeesView.forget();
      return runChecks(db, book, req, now(), langOf(opts), storeRunWeeks(db, book));
    }),
    runFindings: (req, opts) => serial(() => runFindingsPages(req, langOf(opts))),
    runNotes: (req) => serial(() => runNotes(db, req)),
    compare: (req) => serial(async () => {
      await assertKnownAgency(db, req.agency);
      return compare(db, book, req);
    }),
    exportWorkbook: (req, opts?: CallOptions) =>
      serial(async () => {
        await assertKnownAgency(db, req.agency);
        return writeDownload(req.out, config.downloadDir, (out) => exportWorkbook(db, { ...req, out },
          { ruleBook: book, compare: (r) => compare(db, book, r) }, { ...opts, now: now(), lang: langOf(opts), version: PANTAU_VERSION }));
      }),
    exportRejects: (req, opts) => serial(() => writeDownload(req.out, config.downloadDir, (out) => exportRejects(db, { ...req, out }, { now: now(), lang: langOf(opts) }))),
    exportTable: (req, opts) => serial(() => writeDownload(req.out, config.downloadDir, (out) => exportTable(db, { ...req, out }, tableViews(langOf(opts)), { now: now(), lang: langOf(opts) }))),
    listRecords: (req) => serial(() => listRecords(db, req)),
    streamRecords: (req, sink, opts) => serial(() => streamRecords(db, req, sink, opts)),
    db,
    close: () => {
      db.close();
      dropSandbox();
    },
  };
  return core;
}
