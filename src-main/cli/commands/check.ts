import { formatter } from '../../contract/format.ts';
import { profileVersionWords } from '../../contract/param-words.ts';
import type { ComplianceRow, Ratio, RunChecksResult } from '../../contract/rules-types.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { toJson } from '../output.ts';
import { checkDateOptions, withCommonOptions } from './common.ts';

interface CheckOptions extends GlobalOptions {
  agency?: string;
  from?: string;
  to?: string;
}

/** compliant / observed with one decimal (docs/rules.md, Compliance), and the counts it comes from. */
function ratioLine(who: string, r: Ratio, lang: Lang): string {
  const f = formatter(lang);
  return `  ${who}: ${f.pct(r.rate)} (${f.ratio(r.compliantEmployeeWeeks, r.employeeWeeks)} ${t(lang, 'pegawai-minggu', 'employee-weeks')})`;
}

function complianceLine(r: ComplianceRow, lang: Lang): string {
  return ratioLine(r.agency === null ? t(lang, 'SELURUH DATA', 'ALL DATA') : `${r.agency} — ${r.unit ?? t(lang, '(semua unit)', '(all units)')}`, r, lang);
}

function describe(r: RunChecksResult, lang: Lang): string[] {
  const f = formatter(lang);
  const dates = r.from && r.to ? f.range(r.from, r.to) : '–';
  const open = f.int(r.findings.length);
  const fresh = f.int(r.findings.filter((x) => x.status === 'new').length);
  const lines = [
    t(lang, `Pemeriksaan ${r.run}: ${dates}, profil ${profileVersionWords(r.profileVersion, lang)}`,
      `Check run ${r.run}: ${dates}, profile ${profileVersionWords(r.profileVersion, lang)}`),
    t(lang, `${open} temuan (${fresh} baru), ${f.int(r.resolved.length)} selesai sejak pemeriksaan sebelumnya`,
      `${open} findings (${fresh} new), ${f.int(r.resolved.length)} resolved since the previous run`),
  ];
  for (const x of r.findings) {
    lines.push(`  ${x.rule} ${f.period(x.period)} ${x.nip} ${x.name ?? ''} (${x.agency ?? '–'}, ${x.unit ?? '–'}): ${x.detail} [${x.basis}]`);
  }
  lines.push(t(lang, 'Kepatuhan:', 'Compliance:'));
  for (const c of r.compliance) lines.push(complianceLine(c, lang));
  if (r.complianceByRegion.some((g) => g.province !== null)) {
    lines.push(t(lang, 'Kepatuhan per provinsi:', 'Compliance per province:'));
    for (const g of r.complianceByRegion) lines.push(ratioLine(g.province ?? t(lang, '(provinsi tidak diketahui)', '(province unknown)'), g, lang));
  }
  return lines;
}

export const checkCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('check'), lang)
    .description(t(lang, 'jalankan pemeriksaan aturan dan hitung kepatuhan', 'run the rule checks and compute compliance'))
    .option(`--agency <${t(lang, 'kode', 'code')}>`, t(lang, 'hanya satu instansi', 'one agency only'))
    .option(`--from <${t(lang, 'tanggal', 'date')}>`, t(lang, 'dari tanggal (YYYY-MM-DD; bawaan: data paling awal)', 'from this date (YYYY-MM-DD; default: the earliest data)'))
    .option(`--to <${t(lang, 'tanggal', 'date')}>`, t(lang, 'sampai tanggal (YYYY-MM-DD; bawaan: data paling akhir)', 'up to this date (YYYY-MM-DD; default: the latest data)'))
    .action(async (opts: CheckOptions, cmd) => {
      checkDateOptions(cmd, opts, langOf(opts));
      try {
        const result = await withApi(opts, (api) => api.runChecks({ agency: opts.agency, from: opts.from, to: opts.to }), ctx.signal);
        if (opts.json) ctx.out(toJson(result));
        else describe(result, langOf(opts)).forEach((line) => ctx.out(line));
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
