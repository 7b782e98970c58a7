import { Option, type Command } from 'commander';
import { AppError, messageIn } from '../../contract/errors.ts';
import { checkDate } from '../../contract/dates.ts';
import { t, type Lang } from '../context.ts';
import { usage } from '../usage.ts';

/** Options every workspace command shares; `serve` alone has a default workspace. */
export function withCommonOptions(cmd: Command, lang: Lang, defaultDb?: string): Command {
  return cmd
    .addOption(new Option(`--db <${t(lang, 'berkas', 'file')}>`, t(lang, 'workspace (berkas DuckDB; dibuat bila belum ada)', 'workspace (a DuckDB file; created when missing)'))
      .default(defaultDb).makeOptionMandatory())
    .option('--json', t(lang, 'cetak tepat satu dokumen JSON di stdout', 'print exactly one JSON document on stdout'))
    .addOption(new Option(`--lang <${t(lang, 'bahasa', 'lang')}>`, t(lang, 'bahasa keluaran', 'language of the output')).choices(['id', 'en']).default('id'));
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
