import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../contract/errors.ts';
import { formatter } from '../../contract/format.ts';
import { AGENCY_LEVELS, agencyFieldLabel, levelLabel, paramLine, profileVersionWords, ruleSwitchLine } from '../../contract/param-words.ts';
import type { EffectiveProfile, ListRulesResult, ParamValue, ProfilesFile } from '../../contract/rules-types.ts';
import { RULES } from '../../core/rules/index.ts';
import { createRuleBook } from '../../core/rules/rule-book.ts';
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
      if (i <= 0) usage(cmd, t(lang, `--set harus berbentuk KUNCI=NILAI, bukan "${pair}".`, `--set must be KEY=VALUE, not "${pair}".`));
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

/** The profile as people read it: each setting by its label, with its value and unit. */
function describe(p: EffectiveProfile, catalogue: ListRulesResult, lang: Lang): string[] {
  const version = profileVersionWords(p.version, lang);
  const lines = [p.agency === null
    ? t(lang, `Profil nasional (versi ${version})`, `National profile (version ${version})`)
    : t(lang, `Profil instansi ${p.agency} (versi ${version})`, `Profile of agency ${p.agency} (version ${version})`)];
  if (p.agency !== null) {
    lines.push(`  ${agencyFieldLabel('name', lang)}: ${p.name || '–'}`);
    lines.push(`  ${agencyFieldLabel('level', lang)}: ${p.level ? levelLabel(p.level, lang) : '–'}`);
    lines.push(`  ${agencyFieldLabel('province', lang)}: ${p.province || '–'}`);
  }
  const groups = [['rules', t(lang, 'Parameter aturan:', 'Rule parameters:')], ['compare', t(lang, 'Parameter perbandingan:', 'Comparison parameters:')]] as const;
  for (const [group, heading] of groups) {
    lines.push(heading);
    for (const param of catalogue.parameters.filter((x) => x.group === group)) lines.push(`  ${paramLine(param, p.params[param.key] as ParamValue, lang)}`);
  }
  lines.push(t(lang, 'Aturan yang dijalankan:', 'Rules that run:'));
  for (const rule of catalogue.rules) lines.push(`  ${ruleSwitchLine(rule, p.params.rules[rule.id]?.enabled ?? true, lang)}`);
  return lines;
}

/** What --set takes, for --help: each key (what one types) beside its label. */
function settingsHelp(lang: Lang): string {
  const book = createRuleBook(RULES);
  const rows: [string, string][] = [
    ...book.parameters.map((p): [string, string] => [p.key, `${p.label[lang]}${p.unit ? ` (${p.unit[lang]})` : ''}`]),
    ['rules.<ID>.enabled', t(lang, `aturan <ID> aktif (ya/tidak); <ID>: ${book.rules.map((r) => r.id).join(', ')}`,
      `rule <ID> enabled (yes/no); <ID>: ${book.rules.map((r) => r.id).join(', ')}`)],
    ['name', agencyFieldLabel('name', lang)],
    ['level', `${agencyFieldLabel('level', lang)} (${AGENCY_LEVELS.join(', ')})`],
    ['province', agencyFieldLabel('province', lang)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    '',
    t(lang, 'Yang dapat diubah dengan --set KUNCI=NILAI:', 'What --set KEY=VALUE can change:'),
    ...rows.map(([k, label]) => `  ${k.padEnd(width)}  ${label}`),
  ].join('\n');
}

export const profileCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('profile'), lang)
    .description(t(lang, 'lihat atau ubah profil aturan (nasional atau instansi)', 'show or change a rule profile (national or an agency\'s)'))
    .option(`--agency <${t(lang, 'kode', 'code')}>`, t(lang, 'profil instansi (tanpa ini: profil nasional)', 'an agency\'s profile (without it: the national profile)'))
    .option(`--set <${t(lang, 'kunci=nilai', 'key=value')}>`, t(lang, 'ubah satu pengaturan (boleh berulang; daftarnya di bawah)', 'change one setting (may be repeated; listed below)'),
      (v: string, all: string[]) => [...all, v], [])
    .option(`--import <${t(lang, 'berkas.json', 'file.json')}>`, t(lang, 'impor profil dari berkas JSON', 'import profiles from a JSON file'))
    .option(`--export <${t(lang, 'berkas.json', 'file.json')}>`, t(lang, 'ekspor profil ke berkas JSON', 'export the profiles to a JSON file'))
    .addHelpText('after', () => settingsHelp(lang))
    .action(async (opts: ProfileOptions, cmd) => {
      const lang = langOf(opts);
      const modes = [opts.set.length > 0, Boolean(opts.import), Boolean(opts.export)].filter(Boolean).length;
      if (modes > 1) usage(cmd, t(lang, 'Pilih salah satu: --set, --import atau --export.', 'Choose one of --set, --import or --export.'));
      const set = settings(cmd, opts.set, lang);
      try {
        const imported = opts.import ? await readProfiles(opts.import, lang) : undefined;
        await withApi(opts, async (api) => {
          const n = formatter(lang).int;
          if (opts.export) {
            const file = await api.exportProfiles({});
            await writeFile(opts.export, `${JSON.stringify(file, null, 2)}\n`);
            return ctx.out(opts.json ? toJson(file)
              : t(lang, `${n(file.profiles.length)} profil diekspor ke ${opts.export}`, `${n(file.profiles.length)} profiles exported to ${opts.export}`));
          }
          if (imported) {
            const result = await api.importProfiles({ file: imported });
            return ctx.out(opts.json ? toJson(result)
              : t(lang, `${n(result.profiles.length)} profil diimpor dari ${opts.import}`, `${n(result.profiles.length)} profiles imported from ${opts.import}`));
          }
          const profile = opts.set.length
            ? await api.setProfile({ agency: opts.agency, set })
            : await api.getProfile({ agency: opts.agency });
          if (opts.json) return ctx.out(toJson(profile));
          if (opts.set.length) ctx.out(t(lang, 'Profil disimpan.', 'Profile saved.'));
          describe(profile, await api.listRules({}), lang).forEach((line) => ctx.out(line));
        });
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
