import { Option, type Command } from 'commander';

/** Options every workspace command shares. */
export function withCommonOptions(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'workspace (berkas DuckDB; dibuat bila belum ada)')
    .option('--json', 'cetak tepat satu dokumen JSON di stdout')
    .addOption(new Option('--lang <lang>', 'bahasa pesan').choices(['id', 'en']).default('id'));
}
