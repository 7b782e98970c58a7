import type { CompareResult, GroupComparison, GroupRate, SurveyFigures } from '../../contract/compare-types.ts';
import { checkPeriod } from '../../contract/dates.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { decimal, percent, toJson } from '../output.ts';
import { asUsage, withCommonOptions } from './common.ts';

interface CompareOptions extends GlobalOptions {
  agency?: string;
  period?: string;
}

function rate(g: GroupRate, minGroupSize: number, lang: Lang): string {
  if (g.rate === null || g.ci95 === null) return `n = ${g.n} (n < ${minGroupSize})`;
  return `${g.met}/${g.n} = ${percent(g.rate, lang)} (IK 95 % ${percent(g.ci95[0], lang)}–${percent(g.ci95[1], lang)})`;
}

/** Percentage points with one decimal. */
const points = (v: number, lang: Lang) => decimal(100 * v, 1, lang);

function groups(label: string, c: GroupComparison, min: number, lang: Lang): string[] {
  const d = c.difference;
  const diff = d.value === null || d.ci95 === null ? '-'
    : `${points(d.value, lang)} poin (IK 95 % ${points(d.ci95[0], lang)} s.d. ${points(d.ci95[1], lang)})`;
  return [
    `${label}`,
    `    ${t(lang, 'fleksibel', 'flexible')}: ${rate(c.flex, min, lang)}`,
    `    ${t(lang, 'konvensional', 'conventional')}: ${rate(c.conventional, min, lang)}`,
    `    ${t(lang, 'selisih', 'difference')}: ${diff}; ${t(lang, 'tanpa data presensi', 'without attendance')}: ${c.withoutAttendance}; ${t(lang, 'belum dinilai', 'not rated')}: ${c.withoutRating}`,
  ];
}

function surveyLine(label: string, s: SurveyFigures, lang: Lang): string {
  const share = (p: number | null, ci: [number, number] | null) =>
    p === null || ci === null ? '-' : `${decimal(p, 2, lang)} % (${decimal(ci[0], 2, lang)}–${decimal(ci[1], 2, lang)})`;
  return `  ${label}: ${s.participants} ${t(lang, 'peserta', 'participants')}, ${s.nonParticipants} ${t(lang, 'bukan peserta', 'non-participants')}; `
    + `${t(lang, 'puas', 'satisfied')} ${share(s.satisfiedPct, s.satisfiedCi95)}, ${t(lang, 'target tercapai', 'met target')} ${share(s.metTargetPct, s.metTargetCi95)}`;
}

function describe(r: CompareResult, lang: Lang): string[] {
  const min = r.minGroupSize;
  const p = r.performance;
  const lines = [
    t(lang, `Kinerja fleksibel vs konvensional (target tercapai), profil ${r.profileVersion}`, `Flexible vs conventional performance (met target), profile ${r.profileVersion}`),
    ...groups(t(lang, '  Semua', '  All'), p, min, lang),
    ...p.byAgency.flatMap((a) => groups(`  ${a.agency}`, a, min, lang)),
  ];
  const ba = r.beforeAfter;
  const side = (g: GroupRate) => (g.rate === null ? `n = ${g.n} (n < ${min})` : `${percent(g.rate, lang)} (n = ${g.n})`);
  const did = ba.differenceInDifferences;
  lines.push(
    t(lang, `Sebelum/sesudah mulai FWA (${ba.windowMonths} bulan; ${ba.startDates.join(', ') || 'tidak ada unit dengan tanggal mulai'})`,
      `Before/after the FWA start (${ba.windowMonths} months; ${ba.startDates.join(', ') || 'no unit has a start date'})`),
    `  ${t(lang, 'mulai FWA', 'started FWA')} (${ba.starters.units} unit): ${side(ba.starters.before)} → ${side(ba.starters.after)}`,
    `  ${t(lang, 'belum mulai', 'not started')} (${ba.nonStarters.units} unit): ${side(ba.nonStarters.before)} → ${side(ba.nonStarters.after)}`,
    `  ${t(lang, 'selisih dari selisih', 'difference in differences')}: ${did === null ? '-' : `${points(did, lang)} poin`}`,
    t(lang, `Survei (acuan: puas ${decimal(r.survey.reference.satisfiedPct, 2, lang)} %, target tercapai ${decimal(r.survey.reference.metTargetPct, 2, lang)} %)`,
      `Survey (reference: satisfied ${decimal(r.survey.reference.satisfiedPct, 2, lang)} %, met target ${decimal(r.survey.reference.metTargetPct, 2, lang)} %)`),
    surveyLine(t(lang, 'Semua', 'All'), r.survey, lang),
    ...r.survey.byAgency.map((a) => surveyLine(a.agency, a, lang)),
  );
  return lines;
}

export const compareCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('compare'))
    .description('bandingkan kinerja kerja fleksibel dan konvensional; ringkasan survei')
    .option('--agency <code>', 'hanya satu instansi')
    .option('--period <YYYY-MM>', 'hanya catatan kinerja yang periodenya mencakup bulan ini')
    .action(async (opts: CompareOptions, cmd) => {
      asUsage(cmd, langOf(opts), () => checkPeriod(opts.period));
      try {
        const result = await withApi(opts, (api) => api.compare({ agency: opts.agency, period: opts.period }));
        if (opts.json) ctx.out(toJson(result));
        else describe(result, langOf(opts)).forEach((line) => ctx.out(line));
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
