import { basename } from 'node:path';
import type { CompareRequest, CompareResult } from '../../contract/compare-types.ts';
import { AppError } from '../../contract/errors.ts';
import type { ExportSheet, ExportWorkbookRequest, ExportWorkbookResult, WorkbookSheet } from '../../contract/export-types.ts';
import { formatter } from '../../contract/format.ts';
import type { SheetId } from '../../contract/workbook.ts';
import type { CallOptions } from '../../contract/progress.ts';
import type { EffectiveProfile } from '../../contract/rules-types.ts';
import type { Db } from '../db/database.ts';
import type { Lang } from '../import/reasons.ts';
import { storeRun } from '../rules/check-run.ts';
import { effectiveProfile } from '../rules/profiles.ts';
import type { RuleBook } from '../rules/rule-book.ts';
import { writeComparison, writeSurvey } from './compare-sheets.ts';
import { writeUnitCompliance, writeUnitWeeks } from './compliance-sheet.ts';
import { scopeParams, type ExportContext } from './export-context.ts';
import { BATCHES_SQL, FINDING_COUNTS_SQL, HEADCOUNT_SQL, UNIT_AGENCIES_SQL, type BatchRow } from './export-sql.ts';
import { writeFindings } from './findings-sheet.ts';
import { writeManifest } from './manifest-sheet.ts';
import { writeMethod } from './method-sheet.ts';
import { commitOutput, discardOutput, newBook, openOutput } from './output.ts';
import { createPseudonymizer } from './pseudonym.ts';
import { writeDataQuality } from './quality-sheet.ts';
import { EXCEL_ROWS } from './sheet-kit.ts';
import { writeSummary, type SummaryFigures } from './summary-sheet.ts';

export interface ExportDeps {
  /** The rules the workbook reports, checks and explains. */
  ruleBook: RuleBook;
  /** The flexible/conventional comparison over the same scope. */
  compare(req: CompareRequest): Promise<CompareResult>;
}

export interface ExportOptions extends CallOptions {
  now: Date;
  lang: Lang;
  version: string;
  /** Data rows per findings / data-quality sheet before the next one starts (tests use a small one). */
  maxRowsPerSheet?: number;
}

/** A unit name is unique only within an agency: the report needs the one agency that uses it. */
async function unitAgency(db: Db, unit: string, agency: string | undefined): Promise<string> {
  const rows = await db.all<{ agency: string }>(UNIT_AGENCIES_SQL, { unit, agency: agency ?? null });
  if (rows.length === 0) {
    throw new AppError('NOT_FOUND', `Unit "${unit}" tidak ditemukan${agency ? ` di instansi ${agency}` : ''}.`,
      `Unit "${unit}" not found${agency ? ` in agency ${agency}` : ''}.`, { unit });
  }
  if (rows.length > 1) {
    throw new AppError('BAD_REQUEST', `Unit "${unit}" ada di beberapa instansi (${rows.map((r) => r.agency).join(', ')}); pilih satu dengan --agency.`,
      `Unit "${unit}" exists in several agencies (${rows.map((r) => r.agency).join(', ')}); choose one with --agency.`, { unit });
  }
  return rows[0]!.agency;
}

/** The comparison takes one month (YYYY-MM); a range within one month narrows it, any other range compares all periods. */
function comparePeriod(from: string | null, to: string | null): string | undefined {
  return from && to && from.slice(0, 7) === to.slice(0, 7) ? from.slice(0, 7) : undefined;
}

async function profilesInScope(db: Db, book: RuleBook, agencies: (string | null)[]): Promise<EffectiveProfile[]> {
  const list = agencies.length ? agencies : [null];
  const profiles: EffectiveProfile[] = [];
  for (const a of list) profiles.push(await effectiveProfile(db, book, a));
  return profiles;
}

/**
 * Writes the leadership workbook (or the unit report): runs the checks over the scope, so the
 * figures are those of `pantau check`, then streams the stored findings and rejects into the
 * sheets. The file appears at `out` only when complete.
 *
 * A cancel or a file that can no longer be written (a full disk) stops the sheet producer at its
 * next chunk, and the producer is awaited before this returns: the caller may close the workspace
 * at once, with no streaming result still reading from it.
 */
export async function exportWorkbook(db: Db, req: ExportWorkbookRequest, deps: ExportDeps, opts: ExportOptions): Promise<ExportWorkbookResult> {
  const file = basename(req.out);
  const progress = (phase: 'check' | 'store' | 'done', fraction: number | null, rows: number | null) =>
    opts.onProgress?.({ phase, file, fileIndex: 0, fileCount: 1, fraction, rows });
  const agency = req.unit ? await unitAgency(db, req.unit, req.agency) : req.agency ?? null;
  const output = await openOutput(req.out);
  // Why the work must stop: the caller cancelled, or the file broke. The first reason wins.
  const stop = new AbortController();
  const cancel = () => {
    if (!stop.signal.aborted) stop.abort(new AppError('CANCELLED', 'Ekspor dibatalkan; tidak ada berkas yang ditulis.', 'Export cancelled; no file was written.'));
    // A long check stops at once instead of at its end.
    db.interrupt();
  };
  const broke = () => {
    if (!stop.signal.aborted) stop.abort(output.signal.reason);
    db.interrupt();
  };
  if (opts.signal?.aborted) cancel();
  opts.signal?.addEventListener('abort', cancel);
  output.signal.addEventListener('abort', broke);
  const stopped = () => {
    if (stop.signal.aborted) throw stop.signal.reason;
  };
  let producing: Promise<WorkbookSheet[]> | undefined;
  try {
    stopped();
    progress('check', null, null);
    const run = await storeRun(db, deps.ruleBook, { agency: agency ?? undefined, from: req.from, to: req.to }, opts.now);
    stopped();
    const compare = await deps.compare({ agency: agency ?? undefined, period: comparePeriod(run.from, run.to) });
    const agencies = [...new Set(run.compliance.filter((c) => c.level === 'agency').map((c) => c.agency))];
    const ctx: ExportContext = {
      db, book: newBook(output, opts.now), kind: req.unit ? 'unit' : 'full', agency, unit: req.unit ?? null, run, compare,
      ruleBook: deps.ruleBook,
      profiles: await profilesInScope(db, deps.ruleBook, agencies.length ? agencies : agency ? [agency] : []),
      pseudo: createPseudonymizer(req.pseudonymize?.key, opts.lang), now: opts.now, lang: opts.lang, fmt: formatter(opts.lang),
      version: opts.version,
      maxRowsPerSheet: Math.min(opts.maxRowsPerSheet ?? EXCEL_ROWS - 1, EXCEL_ROWS - 1),
      tick: async () => undefined,
    };
    stopped();
    const onRows = (rows: number, total: number) => {
      progress('store', total ? Math.min(1, rows / total) : null, rows);
      stopped();
    };
    producing = writeSheets(ctx, onRows, stopped);
    const sheets = await producing;
    await commitOutput(output, ctx.book);
    progress('done', 1, null);
    return {
      out: req.out, kind: ctx.kind, run: run.run, profileVersion: run.profileVersion, agency, unit: ctx.unit,
      from: run.from, to: run.to, findings: sheets.filter((s) => s.sheet === 'findings').reduce((n, s) => n + s.rows, 0),
      pseudonymised: ctx.pseudo.on, sheets,
    };
  } catch (err) {
    if (!stop.signal.aborted) stop.abort(err);
    // The producer reads a streaming result from the workspace: it must have stopped before anyone closes it.
    await producing?.catch(() => undefined);
    await discardOutput(output);
    // A failure the stop caused (an interrupted query, a sheet cut short) is reported as its reason.
    throw stop.signal.reason instanceof AppError ? stop.signal.reason : err;
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    output.signal.removeEventListener('abort', broke);
  }
}

/** Sheets in reading order; each is committed before the next starts, so the zip streams them one by one. */
async function writeSheets(ctx: ExportContext, onRows: (rows: number, total: number) => void, stopped: () => void): Promise<WorkbookSheet[]> {
  const params = scopeParams(ctx);
  const counts = await ctx.db.all<SummaryFigures['byRule'][number]>(FINDING_COUNTS_SQL, params);
  const head = (await ctx.db.one<{ employees: number; flex_employees: number }>(HEADCOUNT_SQL, params))!;
  const batches = await ctx.db.all<BatchRow & Record<string, unknown>>(BATCHES_SQL, params);
  const total = counts.reduce((n, r) => n + r.n, 0);
  // Between chunks: progress, and a cancel is noticed.
  ctx.tick = async (rows) => onRows(rows, total);
  const sheets: WorkbookSheet[] = [];
  // Between sheets too: a stop is noticed before the next one starts. Each is told which sheet it is.
  const next = (sheet: SheetId, written: ExportSheet | ExportSheet[]): void => {
    stopped();
    for (const s of [written].flat()) sheets.push({ sheet, ...s });
  };
  next('summary', writeSummary(ctx, { employees: head.employees, flexEmployees: head.flex_employees, byRule: counts }));
  if (ctx.kind === 'unit') next('weeks', writeUnitWeeks(ctx));
  else next('units', writeUnitCompliance(ctx));
  next('findings', await writeFindings(ctx));
  next('comparison', writeComparison(ctx));
  next('survey', writeSurvey(ctx));
  if (ctx.kind === 'full') {
    ctx.tick = async () => onRows(total, total);
    next('quality', await writeDataQuality(ctx, batches));
  }
  next('method', writeMethod(ctx));
  next('manifest', writeManifest(ctx, batches));
  return sheets;
}
