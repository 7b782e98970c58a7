import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Option } from 'commander';
import { AppError } from '../../contract/errors.ts';
import { CONSTANT_SOURCE_LABELS, IMPORT_KINDS, LAYOUT_LABELS, type ImportFileResult, type ImportKind, type MappingRecipe } from '../../contract/import-types.ts';
import type { ProgressEvent } from '../../contract/progress.ts';
import { VALIDATORS } from '../../contract/validate.ts';
import { langOf, reportFailure, t, withApi, type CliContext, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { toJson } from '../output.ts';
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

function describe(lang: Lang, f: ImportFileResult): string[] {
  if (f.status === 'failed') return [`${f.file}: ${t(lang, 'GAGAL', 'FAILED')} — ${f.error}`];
  const counts = (c: { rowsRead: number; rowsImported: number; rowsRejected: number; rowsSkipped: number }) => t(
    lang,
    `${c.rowsRead} baris dibaca, ${c.rowsImported} diimpor, ${c.rowsRejected} ditolak${c.rowsSkipped ? `, ${c.rowsSkipped} dilewati` : ''}`,
    `${c.rowsRead} rows read, ${c.rowsImported} imported, ${c.rowsRejected} rejected${c.rowsSkipped ? `, ${c.rowsSkipped} skipped` : ''}`,
  );
  const records = f.records !== undefined && f.records !== f.rowsImported ? t(lang, ` → ${f.records} catatan`, ` → ${f.records} records`) : '';
  const head = `${f.file} → ${f.batch} (${f.kind}${f.agency ? `, ${f.agency}` : ''}): ${counts(f)}${records}`;
  const sheets = (f.sheets ?? []).map((s) => `  ${t(lang, 'lembar', 'sheet')} ${s.sheet} → ${s.batch}: ${counts(s)}`);
  return [
    head, ...sheets, ...guesses(lang, f), ...f.rejects.map((r) => `  ${r.reason}`), ...f.skipped.map((r) => `  ${r.reason}`),
    ...f.warnings.map((w) => `  ${t(lang, 'peringatan', 'warning')}: ${w}`),
  ];
}

/** What the import guessed, so that a wrong guess is seen: layout, each field's column, values from elsewhere, columns passed over. */
function guesses(lang: Lang, f: ImportFileResult): string[] {
  const out: string[] = [];
  if (f.layout) out.push(`  ${t(lang, 'tata letak', 'layout')}: ${f.layout} (${t(lang, ...LAYOUT_LABELS[f.layout])})`);
  if (f.mapping) out.push(`  ${t(lang, 'kolom', 'columns')}: ${Object.entries(f.mapping).map(([field, h]) => `${field} ← "${h}"`).join(', ')}`);
  for (const [field, c] of Object.entries(f.constants ?? {})) out.push(`  ${field} = ${c.value} (${t(lang, 'dari', 'from')} ${t(lang, ...CONSTANT_SOURCE_LABELS[c.from])})`);
  for (const x of f.ignored ?? []) out.push(`  ${t(lang, 'dilewati', 'passed over')}: "${x.column}" — ${x.reason}`);
  return out;
}

export const importCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('import'))
    .description('impor berkas presensi, pegawai, unit, kinerja, persetujuan, laporan, survei, atau kalender')
    .addOption(new Option('--kind <kind>', 'jenis data').choices(IMPORT_KINDS).makeOptionMandatory())
    .option('--agency <code>', 'kode instansi')
    .option('--mapping <recipe.json>', 'resep pemetaan kolom (disimpan untuk instansi dan jenis ini)')
    .option('--period <YYYY-MM>', 'bulan data, bila berkas tidak menyebutnya di kolom (rekap per hari, kinerja)')
    .option('--date <YYYY-MM-DD>', 'tanggal data, bila berkas harian tidak menyebutnya di kolom')
    .argument('<files...>')
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
        const result = await withApi(opts, (api) =>
          api.importFiles(
            { files: files.map((f) => ({ path: resolve(f), kind: opts.kind, agency: opts.agency, mapping, period: opts.period, date: opts.date })) },
            { onProgress: (e) => bar.update(e), signal: ctx.signal },
          ),
        );
        bar.stop();
        if (opts.json) ctx.out(toJson(result));
        else for (const f of result.files) describe(lang, f).forEach((line) => ctx.out(line));
        for (const f of result.files) if (f.status === 'failed') ctx.err(`${f.file}: ${f.error}`);
        ctx.exitCode = result.files.some((f) => f.status === 'failed') ? 1 : 0;
      } catch (err) {
        bar.stop();
        reportFailure(ctx, opts, err);
      }
    });
};
