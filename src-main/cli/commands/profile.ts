import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../contract/errors.ts';
import type { ProfilesFile } from '../../contract/rules-types.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { toJson } from '../output.ts';
import { usage } from '../usage.ts';
import { withCommonOptions } from './common.ts';

interface ProfileOptions extends GlobalOptions {
  agency?: string;
  set: string[];
  import?: string;
  export?: string;
}

function settings(cmd: Command, pairs: string[], lang: Lang): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const i = pair.indexOf('=');
      if (i <= 0) usage(cmd, t(lang, `--set harus berbentuk KEY=VALUE, bukan "${pair}".`, `--set must be KEY=VALUE, not "${pair}".`));
      return [pair.slice(0, i).trim(), pair.slice(i + 1)];
    }),
  );
}

async function readProfiles(path: string, lang: Lang): Promise<ProfilesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError('BAD_REQUEST', missing
      ? t(lang, `Berkas profil ${path} tidak ditemukan.`, `Profile file ${path} not found.`)
      : t(lang, `Berkas profil ${path} tidak dapat dibaca.`, `Profile file ${path} cannot be read.`));
  }
  try {
    return JSON.parse(text) as ProfilesFile;
  } catch {
    throw new AppError('BAD_REQUEST', t(lang, `Berkas profil ${path} bukan JSON yang sah.`, `Profile file ${path} is not valid JSON.`));
  }
}

export const profileCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('profile'))
    .description('lihat atau ubah profil aturan (nasional atau instansi)')
    .option('--agency <code>', 'profil instansi (tanpa ini: profil nasional)')
    .option('--set <key=value>', 'ubah parameter (boleh berulang)', (v: string, all: string[]) => [...all, v], [])
    .option('--import <file.json>', 'impor profil dari berkas JSON')
    .option('--export <file.json>', 'ekspor profil ke berkas JSON')
    .action(async (opts: ProfileOptions, cmd) => {
      const lang = langOf(opts);
      const modes = [opts.set.length > 0, Boolean(opts.import), Boolean(opts.export)].filter(Boolean).length;
      if (modes > 1) usage(cmd, t(lang, 'Pilih salah satu: --set, --import atau --export.', 'Choose one of --set, --import or --export.'));
      const set = settings(cmd, opts.set, lang);
      try {
        const imported = opts.import ? await readProfiles(opts.import, lang) : undefined;
        await withApi(opts, async (api) => {
          if (opts.export) {
            const file = await api.exportProfiles({});
            await writeFile(opts.export, `${JSON.stringify(file, null, 2)}\n`);
            return ctx.out(opts.json ? toJson(file) : `${file.profiles.length} profil diekspor ke ${opts.export}`);
          }
          if (imported) {
            const result = await api.importProfiles({ file: imported });
            return ctx.out(opts.json ? toJson(result) : `${result.profiles.length} profil diimpor dari ${opts.import}`);
          }
          const profile = opts.set.length
            ? await api.setProfile({ agency: opts.agency, set })
            : await api.getProfile({ agency: opts.agency });
          ctx.out(toJson(profile));
        });
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
