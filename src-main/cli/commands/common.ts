import { Option, type Command } from 'commander';
import { AppError, messageIn } from '../../contract/errors.ts';
import { checkDate } from '../../contract/dates.ts';
import type { Lang } from '../context.ts';
import { usage } from '../usage.ts';

/** Options every workspace command shares; `serve` alone has a default workspace. */
export function withCommonOptions(cmd: Command, defaultDb?: string): Command {
  return cmd
    .addOption(new Option('--db <file>', 'workspace (berkas DuckDB; dibuat bila belum ada)').default(defaultDb).makeOptionMandatory())
    .option('--json', 'cetak tepat satu dokumen JSON di stdout')
    .addOption(new Option('--lang <lang>', 'bahasa pesan').choices(['id', 'en']).default('id'));
}

/** A request check of the core that fails before the workspace opens is wrong usage: exit 2, its own message. */
export function asUsage(cmd: Command, lang: Lang, check: () => void): void {
  try {
    check();
  } catch (err) {
    if (err instanceof AppError) usage(cmd, messageIn(lang, err));
    throw err;
  }
}

/** --from and --to must be days that exist: the check would otherwise fail deep inside DuckDB. */
export function checkDateOptions(cmd: Command, opts: { from?: string; to?: string }, lang: Lang): void {
  asUsage(cmd, lang, () => {
    checkDate(opts.from, '--from');
    checkDate(opts.to, '--to');
  });
}
