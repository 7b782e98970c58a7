import { Option, type Command } from 'commander';
import { isIsoDate } from '../../core/rules/check-run.ts';
import { t, type Lang } from '../context.ts';
import { usage } from '../usage.ts';

/** Options every workspace command shares; `serve` alone has a default workspace. */
export function withCommonOptions(cmd: Command, defaultDb?: string): Command {
  return cmd
    .addOption(new Option('--db <file>', 'workspace (berkas DuckDB; dibuat bila belum ada)').default(defaultDb).makeOptionMandatory())
    .option('--json', 'cetak tepat satu dokumen JSON di stdout')
    .addOption(new Option('--lang <lang>', 'bahasa pesan').choices(['id', 'en']).default('id'));
}

/** --from and --to must be days that exist: the check would otherwise fail deep inside DuckDB. */
export function checkDateOptions(cmd: Command, opts: { from?: string; to?: string }, lang: Lang): void {
  for (const [flag, value] of [['--from', opts.from], ['--to', opts.to]] as const) {
    if (value !== undefined && !isIsoDate(value)) {
      usage(cmd, t(lang, `${flag} harus tanggal YYYY-MM-DD yang ada, bukan "${value}".`,
        `${flag} must be a date that exists, written YYYY-MM-DD, not "${value}".`));
    }
  }
}
