import { resolve } from 'node:path';
import type { ExportWorkbookResult } from '../../contract/export-types.ts';
import { formatter } from '../../contract/format.ts';
import { MIN_KEY_LENGTH } from '../../contract/validate.ts';
import { SHEET_ROWS } from '../../contract/workbook.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { toJson } from '../output.ts';
import { usage } from '../usage.ts';
import { checkDateOptions, withCommonOptions } from './common.ts';

interface ExportOptions extends GlobalOptions {
  out: string;
  agency?: string;
  unit?: string;
  from?: string;
  to?: string;
  pseudonymize?: boolean;
  key?: string;
}

function describe(r: ExportWorkbookResult, lang: Lang): string[] {
  const f = formatter(lang);
  const masked = r.pseudonymised ? t(lang, ', disamarkan', ', pseudonymised') : '';
  return [
    t(lang, `Buku kerja ditulis: ${r.out} (pemeriksaan ${r.run}, ${f.int(r.findings)} temuan${masked})`,
      `Workbook written: ${r.out} (check run ${r.run}, ${f.int(r.findings)} findings${masked})`),
    // As the export screen lists them: a table with what its rows are, the summary (a page) without a count.
    ...r.sheets.map((s) => {
      const rows = s.sheet in SHEET_ROWS ? SHEET_ROWS[s.sheet as keyof typeof SHEET_ROWS] : null;
      return rows ? `  ${s.name}: ${rows[lang === 'en' ? 1 : 0].replace('{n}', f.int(s.rows))}` : `  ${s.name}`;
    }),
  ];
}

export const exportCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('export'), lang)
    .description(t(lang, 'tulis buku kerja Excel untuk pimpinan (atau laporan satu unit dengan --unit)', 'write the Excel workbook for management (or one unit\'s report with --unit)'))
    .requiredOption(`--out <${t(lang, 'berkas.xlsx', 'file.xlsx')}>`, t(lang, 'berkas .xlsx yang ditulis', 'the .xlsx file to write'))
    .option(`--agency <${t(lang, 'kode', 'code')}>`, t(lang, 'hanya satu instansi', 'one agency only'))
    .option(`--unit <${t(lang, 'nama', 'name')}>`, t(lang, 'laporan ringkas untuk satu unit kerja', 'a short report for one work unit'))
    .option(`--from <${t(lang, 'tanggal', 'date')}>`, t(lang, 'dari tanggal (YYYY-MM-DD; bawaan: data paling awal)', 'from this date (YYYY-MM-DD; default: the earliest data)'))
    .option(`--to <${t(lang, 'tanggal', 'date')}>`, t(lang, 'sampai tanggal (YYYY-MM-DD; bawaan: data paling akhir)', 'up to this date (YYYY-MM-DD; default: the latest data)'))
    .option('--pseudonymize', t(lang, 'ganti setiap NIP dan nama dengan kode tetap dari --key', 'replace every NIP and name by a fixed code made from --key'))
    .option(`--key <${t(lang, 'rahasia', 'secret')}>`, t(lang, `kunci rahasia penyamaran (minimal ${MIN_KEY_LENGTH} karakter; tidak disimpan)`,
      `the secret pseudonymisation key (at least ${MIN_KEY_LENGTH} characters; never stored)`))
    .action(async (opts: ExportOptions, cmd) => {
      const lang = langOf(opts);
      if (opts.pseudonymize && !opts.key) {
        usage(cmd, t(lang, '--pseudonymize memerlukan --key SECRET (kunci rahasia penyamaran).',
          '--pseudonymize needs --key SECRET (the pseudonymisation key).'));
      }
      if (opts.key && opts.key.length < MIN_KEY_LENGTH) {
        usage(cmd, t(lang, `--key minimal ${MIN_KEY_LENGTH} karakter: kunci yang pendek dapat ditebak.`,
          `--key needs at least ${MIN_KEY_LENGTH} characters: a short key can be guessed.`));
      }
      if (opts.key && !opts.pseudonymize) {
        usage(cmd, t(lang, '--key hanya berlaku bersama --pseudonymize.', '--key only applies with --pseudonymize.'));
      }
      checkDateOptions(cmd, opts, lang);
      try {
        const result = await withApi(opts, (api) =>
          api.exportWorkbook(
            {
              out: resolve(opts.out), agency: opts.agency, unit: opts.unit, from: opts.from, to: opts.to,
              pseudonymize: opts.pseudonymize && opts.key ? { key: opts.key } : undefined,
            },
            { signal: ctx.signal },
          ), ctx.signal);
        if (opts.json) ctx.out(toJson(result));
        else describe(result, lang).forEach((line) => ctx.out(line));
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
