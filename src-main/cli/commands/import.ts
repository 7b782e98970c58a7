import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Option } from 'commander';
import { AppError } from '../../contract/errors.ts';
import type { CoreApi } from '../../contract/api.ts';
import {
  BATCH_REJECTS_PAGE_MAX, CONSTANT_SOURCE_LABELS, IMPORT_KINDS, LAYOUT_LABELS, type ImportFileResult, type ImportFilesResult, type ImportKind,
  type MappingRecipe, type RejectedRow, type SkippedRow,
} from '../../contract/import-types.ts';
import type { ProgressEvent } from '../../contract/progress.ts';
import { formatter } from '../../contract/format.ts';
import { fieldLabel, kindLabel } from '../../contract/labels.ts';
import { VALIDATORS } from '../../contract/validate.ts';
import { langOf, reportFailure, t, withApi, type CliContext, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { printJson } from '../output.ts';
import { usage } from '../usage.ts';
import { isIsoDate, isMonth } from '../../contract/dates.ts';
import { withCommonOptions } from './common.ts';

interface ImportOptions extends GlobalOptions {
  agency?: string;
  kind: ImportKind;
  mapping?: string;
  period?: string;
  date?: string;
}

const PHASES: Record<ProgressEvent['phase'], [string, string]> = {
  read: ['membaca', 'reading'], check: ['memeriksa', 'checking'], store: ['menyimpan', 'storing'], done: ['selesai', 'done'],
};

function progressBar(ctx: CliContext, lang: Lang) {
  if (!ctx.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: '{file} [{bar}] {percentage}% {phase}', stream: process.stderr, hideCursor: true, clearOnComplete: true,
  });
  let started = false;
  return {
    update(e: ProgressEvent) {
      const value = Math.round((e.fraction ?? 0) * 100);
      const payload = { file: `(${e.fileIndex + 1}/${e.fileCount}) ${e.file}`, phase: PHASES[e.phase][lang === 'en' ? 1 : 0] };
      if (!started) bar.start(100, value, payload);
      else bar.update(value, payload);
      started = true;
    },
    stop: () => started && bar.stop(),
  };
}

async function readRecipe(path: string, lang: Lang): Promise<MappingRecipe> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new AppError('BAD_REQUEST', t(lang, `Resep pemetaan ${path} tidak dapat dibaca: ${String(err)}`, `Mapping recipe ${path} cannot be read: ${String(err)}`));
  }
  VALIDATORS.saveRecipe({ agency: 'x', kind: 'attendance', recipe: parsed });
  return parsed as MappingRecipe;
}

/** The batches of a file's rows: one per sheet of a workbook that had several. */
function batchesOf(f: ImportFileResult): string[] {
  return f.sheets ? f.sheets.map((s) => s.batch) : f.batch ? [f.batch] : [];
}

/**
 * Every rejected (or skipped) row of a file, page by page from its batches: the import's answer
 * holds only the first ones, and a million of them are never held at once.
 */
async function* rowPages(api: CoreApi, f: ImportFileResult, list: 'rejects' | 'skipped'): AsyncGenerator<(RejectedRow | SkippedRow)[]> {
  for (const batch of batchesOf(f)) {
    for (let offset = 0; ; offset += BATCH_REJECTS_PAGE_MAX) {
      const page = await api.batchRejects({ batch, offset, limit: BATCH_REJECTS_PAGE_MAX, nameSheet: f.sheets !== undefined });
      yield page[list];
      if (offset + BATCH_REJECTS_PAGE_MAX >= (list === 'rejects' ? page.rejectsTotal : page.skippedTotal)) break;
    }
  }
}

/**
 * `import --json`: the document toJson would print for the whole result, each file's `rejects` and
 * `skipped` streamed from its batches in its place (cli.md: they list every row, no cap).
 */
async function printImportJson(ctx: CliContext, api: CoreApi, result: ImportFilesResult): Promise<void> {
  await printJson(ctx.out, (list) => ({
    files: result.files.map((f) => (f.status === 'imported'
      ? { ...f, rejects: list(rowPages(api, f, 'rejects')), skipped: list(rowPages(api, f, 'skipped')) }
      : f)),
  }));
}

function describe(lang: Lang, f: ImportFileResult): string[] {
  if (f.status === 'failed') return [`${f.file}: ${t(lang, 'GAGAL', 'FAILED')} — ${f.error}`];
  const n = formatter(lang).int;
  const counts = (c: { rowsRead: number; rowsImported: number; rowsRejected: number; rowsSkipped: number }) => t(
    lang,
    `${n(c.rowsRead)} baris dibaca, ${n(c.rowsImported)} diimpor, ${n(c.rowsRejected)} ditolak${c.rowsSkipped ? `, ${n(c.rowsSkipped)} dilewati` : ''}`,
    `${n(c.rowsRead)} rows read, ${n(c.rowsImported)} imported, ${n(c.rowsRejected)} rejected${c.rowsSkipped ? `, ${n(c.rowsSkipped)} skipped` : ''}`,
  );
  const records = f.records !== undefined && f.records !== f.rowsImported ? t(lang, ` → ${n(f.records)} catatan`, ` → ${n(f.records)} records`) : '';
  const head = `${f.file} → ${t(lang, 'impor', 'import')} ${f.batch} (${kindLabel(f.kind, lang)}${f.agency ? `, ${f.agency}` : ''}): ${counts(f)}${records}`;
  const sheets = (f.sheets ?? []).map((s) => `  ${t(lang, 'lembar', 'sheet')} ${s.sheet} → ${t(lang, 'impor', 'import')} ${s.batch}: ${counts(s)}`);
  return [
    head, ...sheets, ...guesses(lang, f), ...f.warnings.map((w) => `  ${t(lang, 'peringatan', 'warning')}: ${w}`),
  ];
}

/** The human report: each file's lines, then every reason of its rejected and skipped rows, streamed. */
async function printText(ctx: CliContext, api: CoreApi, result: ImportFilesResult, lang: Lang): Promise<void> {
  for (const f of result.files) {
    describe(lang, f).forEach((line) => ctx.out(line));
    if (f.status !== 'imported') continue;
    for (const list of ['rejects', 'skipped'] as const) {
      for await (const page of rowPages(api, f, list)) for (const row of page) ctx.out(`  ${row.reason}`);
    }
  }
}

/** What the import guessed, so that a wrong guess is seen: layout, each field's column, values from elsewhere, columns passed over. */
function guesses(lang: Lang, f: ImportFileResult): string[] {
  const out: string[] = [];
  if (f.layout) out.push(`  ${t(lang, 'tata letak', 'layout')}: ${t(lang, ...LAYOUT_LABELS[f.layout])}`);
  if (f.mapping) out.push(`  ${t(lang, 'kolom', 'columns')}: ${Object.entries(f.mapping).map(([field, h]) => `${fieldLabel(field, lang)} ← "${h}"`).join(', ')}`);
  for (const [field, c] of Object.entries(f.constants ?? {})) {
    out.push(`  ${fieldLabel(field, lang)} = ${formatter(lang).period(c.value)} (${t(lang, 'dari', 'from')} ${t(lang, ...CONSTANT_SOURCE_LABELS[c.from])})`);
  }
  for (const x of f.ignored ?? []) out.push(`  ${t(lang, 'dilewati', 'passed over')}: "${x.column}" — ${x.reason}`);
  return out;
}

/** What each value of --kind imports: the value is what one types, the label what it means. */
function kindHelp(lang: Lang): string {
  return `${t(lang, 'jenis data', 'kind of data')}: ${IMPORT_KINDS.map((k) => `${k} = ${kindLabel(k, lang)}`).join(', ')}`;
}

export const importCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('import'), lang)
    .description(t(lang, 'impor berkas presensi, pegawai, unit, kinerja, persetujuan, laporan, survei, atau kalender',
      'import attendance, roster, unit, performance, approval, report, survey or calendar files'))
    .addOption(new Option(`--kind <${t(lang, 'jenis', 'kind')}>`, kindHelp(lang)).choices(IMPORT_KINDS).makeOptionMandatory())
    .option(`--agency <${t(lang, 'kode', 'code')}>`, t(lang, 'kode instansi', 'the agency\'s code'))
    .option(`--mapping <${t(lang, 'resep.json', 'recipe.json')}>`, t(lang, 'resep pemetaan kolom (disimpan untuk instansi dan jenis ini)', 'a column mapping recipe (kept for this agency and kind)'))
    .option('--period <YYYY-MM>', t(lang, 'bulan data, bila berkas tidak menyebutnya di kolom (rekap per hari, kinerja)',
      'the month of the data, when no column holds it (a day-per-column summary, performance)'))
    .option('--date <YYYY-MM-DD>', t(lang, 'tanggal data, bila berkas harian tidak menyebutnya di kolom', 'the date of the data, when a daily file holds it in no column'))
    .argument(t(lang, '<berkas...>', '<files...>'), t(lang, 'berkas CSV, XLSX atau teks yang diimpor', 'the CSV, XLSX or text files to import'))
    .action(async (files: string[], opts: ImportOptions, cmd) => {
      const lang = langOf(opts);
      if (!opts.agency && opts.kind !== 'calendar' && opts.kind !== 'survey') {
        usage(cmd, t(lang, `--agency wajib untuk --kind ${opts.kind}`, `--agency is required for --kind ${opts.kind}`));
      }
      if (opts.period !== undefined && !isMonth(opts.period)) {
        usage(cmd, t(lang, `--period harus berbentuk YYYY-MM (mis. 2025-10), bukan "${opts.period}"`, `--period must be written YYYY-MM (e.g. 2025-10), not "${opts.period}"`));
      }
      if (opts.date !== undefined && !isIsoDate(opts.date)) {
        usage(cmd, t(lang, `--date harus tanggal YYYY-MM-DD yang ada, bukan "${opts.date}"`, `--date must be a date that exists, written YYYY-MM-DD, not "${opts.date}"`));
      }
      const bar = progressBar(ctx, lang);
      try {
        const mapping = opts.mapping ? await readRecipe(resolve(opts.mapping), lang) : undefined;
        const result = await withApi(opts, async (api) => {
          const result = await api.importFiles(
            { files: files.map((f) => ({ path: resolve(f), kind: opts.kind, agency: opts.agency, mapping, period: opts.period, date: opts.date })) },
            { onProgress: (e) => bar.update(e), signal: ctx.signal },
          );
          bar.stop();
          await (opts.json ? printImportJson(ctx, api, result) : printText(ctx, api, result, lang));
          return result;
        });
        for (const f of result.files) if (f.status === 'failed') ctx.err(`${f.file}: ${f.error}`);
        ctx.exitCode = result.files.some((f) => f.status === 'failed') ? 1 : 0;
      } catch (err) {
        bar.stop();
        reportFailure(ctx, opts, err);
      }
    });
};
