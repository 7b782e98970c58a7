import { formatter } from '../../contract/format.ts';
import type { ImportBatch } from '../../contract/import-types.ts';
import { kindLabel } from '../../contract/labels.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { toJson } from '../output.ts';
import { withCommonOptions } from './common.ts';

interface ImportsOptions extends GlobalOptions {
  all?: boolean;
}

/** The history as a table, each column as wide as its widest cell; counts right-aligned. */
function table(batches: ImportBatch[], lang: Lang): string[] {
  const f = formatter(lang);
  const head = t(lang, 'impor|waktu|jenis data|instansi|diimpor/dibaca|berkas', 'import|time|kind of data|agency|imported/read|file').split('|');
  const rows = batches.map((b) => [
    b.batch, f.dateTime(b.importedAt), kindLabel(b.kind, lang), b.agency ?? '–', f.ratio(b.rowsImported, b.rowsRead),
    `${b.file}${b.status === 'undone' ? ` [${t(lang, 'dibatalkan', 'undone')}]` : ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 4 ? c.padStart(widths[i]!) : i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)];
}

export const importsCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('imports'), lang)
    .description(t(lang, 'riwayat impor', 'the import history'))
    .option('--all', t(lang, 'termasuk impor yang sudah dibatalkan', 'including undone imports'))
    .action(async (opts: ImportsOptions) => {
      try {
        const result = await withApi(opts, (api) => api.listImports({ includeUndone: opts.all ?? false }));
        if (opts.json) return ctx.out(toJson(result));
        const lang = langOf(opts);
        if (result.batches.length === 0) return ctx.out(t(lang, 'Belum ada impor.', 'No imports yet.'));
        table(result.batches, lang).forEach((line) => ctx.out(line));
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
