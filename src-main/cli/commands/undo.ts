import { formatter } from '../../contract/format.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions } from '../context.ts';
import { toJson } from '../output.ts';
import { withCommonOptions } from './common.ts';

interface UndoOptions extends GlobalOptions {
  batch: string;
}

export const undoCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('undo'), lang)
    .description(t(lang, 'batalkan satu impor (baris yang digantikannya dikembalikan)', 'undo one import (the rows it replaced come back)'))
    .requiredOption(`--batch <${t(lang, 'nomor', 'id')}>`, t(lang, 'nomor impor, mis. b-000012', 'the import\'s number, e.g. b-000012'))
    .action(async (opts: UndoOptions) => {
      try {
        const result = await withApi(opts, (api) => api.undoImport({ batch: opts.batch }));
        if (opts.json) return ctx.out(toJson(result));
        const f = formatter(langOf(opts));
        ctx.out(t(langOf(opts),
          `Impor ${result.batch} dibatalkan: ${f.int(result.rowsRemoved)} baris dihapus, ${f.int(result.rowsRestored)} baris lama dikembalikan.`,
          `Import ${result.batch} undone: ${f.int(result.rowsRemoved)} rows removed, ${f.int(result.rowsRestored)} earlier rows restored.`));
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
