import type { ImportBatch } from '../../contract/import-types.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions } from '../context.ts';
import { toJson } from '../output.ts';
import { withCommonOptions } from './common.ts';

interface ImportsOptions extends GlobalOptions {
  all?: boolean;
}

function line(b: ImportBatch): string {
  const undone = b.status === 'undone' ? ' [dibatalkan]' : '';
  return `${b.batch}  ${b.importedAt}  ${b.kind.padEnd(11)} ${(b.agency ?? '-').padEnd(16)} ${String(b.rowsImported).padStart(8)}/${String(b.rowsRead).padEnd(8)} ${b.file}${undone}`;
}

export const importsCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('imports'))
    .description('riwayat impor')
    .option('--all', 'termasuk impor yang sudah dibatalkan')
    .action(async (opts: ImportsOptions) => {
      try {
        const result = await withApi(opts, (api) => api.listImports({ includeUndone: opts.all ?? false }));
        if (opts.json) return ctx.out(toJson(result));
        const lang = langOf(opts);
        if (result.batches.length === 0) return ctx.out(t(lang, 'Belum ada impor.', 'No imports yet.'));
        ctx.out(t(lang, 'batch     waktu                 jenis       instansi         diimpor/dibaca    berkas', 'batch     time                  kind        agency           imported/read     file'));
        result.batches.forEach((b) => ctx.out(line(b)));
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
