import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions } from '../context.ts';
import { toJson } from '../output.ts';
import { withCommonOptions } from './common.ts';

interface UndoOptions extends GlobalOptions {
  batch: string;
}

export const undoCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('undo'))
    .description('batalkan satu impor (baris yang digantikannya dikembalikan)')
    .requiredOption('--batch <id>', 'nomor batch, mis. b-000012')
    .action(async (opts: UndoOptions) => {
      try {
        const result = await withApi(opts, (api) => api.undoImport({ batch: opts.batch }));
        if (opts.json) return ctx.out(toJson(result));
        ctx.out(t(langOf(opts),
          `${result.batch} dibatalkan: ${result.rowsRemoved} baris dihapus, ${result.rowsRestored} baris lama dikembalikan.`,
          `${result.batch} undone: ${result.rowsRemoved} rows removed, ${result.rowsRestored} earlier rows restored.`));
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
