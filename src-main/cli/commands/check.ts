import type { ComplianceRow, Ratio, RunChecksResult } from '../../contract/rules-types.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { percent, toJson } from '../output.ts';
import { checkDateOptions, withCommonOptions } from './common.ts';

interface CheckOptions extends GlobalOptions {
  agency?: string;
  from?: string;
  to?: string;
}

/** compliant / observed with one decimal (docs/rules.md, Compliance), and the counts it comes from. */
function ratioLine(who: string, r: Ratio, lang: Lang): string {
  const rate = r.rate === null ? '-' : percent(r.rate, lang);
  return `  ${who}: ${rate} (${r.compliantEmployeeWeeks}/${r.employeeWeeks} ${t(lang, 'pegawai-minggu', 'employee-weeks')})`;
}

function complianceLine(r: ComplianceRow, lang: Lang): string {
  return ratioLine(r.agency === null ? t(lang, 'SELURUH DATA', 'ALL DATA') : `${r.agency} — ${r.unit ?? t(lang, '(semua unit)', '(all units)')}`, r, lang);
}

function describe(r: RunChecksResult, lang: Lang): string[] {
  const lines = [
    t(lang, `${r.run}: ${r.from ?? '-'} s.d. ${r.to ?? '-'}, profil ${r.profileVersion}`, `${r.run}: ${r.from ?? '-'} to ${r.to ?? '-'}, profile ${r.profileVersion}`),
    t(lang, `${r.findings.length} temuan (${r.findings.filter((f) => f.status === 'new').length} baru), ${r.resolved.length} selesai sejak pemeriksaan sebelumnya`,
      `${r.findings.length} findings (${r.findings.filter((f) => f.status === 'new').length} new), ${r.resolved.length} resolved since the previous run`),
  ];
  for (const f of r.findings) lines.push(`  ${f.rule} ${f.period} ${f.nip} ${f.name ?? ''} (${f.agency ?? '-'}, ${f.unit ?? '-'}): ${f.detail} [${f.basis}]`);
  lines.push(t(lang, 'Kepatuhan:', 'Compliance:'));
  for (const c of r.compliance) lines.push(complianceLine(c, lang));
  if (r.complianceByRegion.some((g) => g.province !== null)) {
    lines.push(t(lang, 'Kepatuhan per provinsi:', 'Compliance per province:'));
    for (const g of r.complianceByRegion) lines.push(ratioLine(g.province ?? t(lang, '(provinsi tidak diketahui)', '(province unknown)'), g, lang));
  }
  return lines;
}

export const checkCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('check'))
    .description('jalankan pemeriksaan aturan dan hitung kepatuhan')
    .option('--agency <code>', 'hanya satu instansi')
    .option('--from <date>', 'dari tanggal (YYYY-MM-DD; bawaan: data paling awal)')
    .option('--to <date>', 'sampai tanggal (YYYY-MM-DD; bawaan: data paling akhir)')
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
