import type { CompareResult, GroupComparison, GroupRate, SurveyFigures } from '../../contract/compare-types.ts';
import { checkPeriod } from '../../core/compare/compare.ts';
import { exactDifference, exactDifferenceInDifferences, exactGroup } from '../../core/compare/exact.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { toJson } from '../output.ts';
import { asUsage, withCommonOptions } from './common.ts';

interface CompareOptions extends GlobalOptions {
  agency?: string;
  period?: string;
}

const num = (v: number, places: number, lang: Lang) => {
  const s = v.toFixed(places);
  return lang === 'id' ? s.replace('.', ',') : s;
};
const pct = (v: number, lang: Lang) => `${num(100 * v, 1, lang)} %`;

// Figures from the counts (exact.ts): the result's are rounded to 4 decimals already.
function rate(g: GroupRate, minGroupSize: number, lang: Lang): string {
  const e = exactGroup(g);
  if (!e) return `n = ${g.n} (n < ${minGroupSize})`;
  return `${g.met}/${g.n} = ${pct(e.rate, lang)} (IK 95 % ${pct(e.ci95[0], lang)}–${pct(e.ci95[1], lang)})`;
}

function groups(label: string, c: GroupComparison, min: number, lang: Lang): string[] {
  const d = exactDifference(c.flex, c.conventional);
  const diff = d === null ? '-'
    : `${num(100 * d.value, 1, lang)} poin (IK 95 % ${num(100 * d.ci95[0], 1, lang)} s.d. ${num(100 * d.ci95[1], 1, lang)})`;
  return [
    `${label}`,
    `    ${t(lang, 'fleksibel', 'flexible')}: ${rate(c.flex, min, lang)}`,
    `    ${t(lang, 'konvensional', 'conventional')}: ${rate(c.conventional, min, lang)}`,
    `    ${t(lang, 'selisih', 'difference')}: ${diff}; ${t(lang, 'tanpa data presensi', 'without attendance')}: ${c.withoutAttendance}`,
  ];
}

function surveyLine(label: string, s: SurveyFigures, lang: Lang): string {
  const share = (p: number | null, ci: [number, number] | null) =>
    p === null || ci === null ? '-' : `${num(p, 2, lang)} % (${num(ci[0], 2, lang)}–${num(ci[1], 2, lang)})`;
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
  const side = (g: GroupRate) => {
    const e = exactGroup(g);
    return e ? `${pct(e.rate, lang)} (n = ${g.n})` : `n = ${g.n} (n < ${min})`;
  };
  const did = exactDifferenceInDifferences(ba);
  lines.push(
    t(lang, `Sebelum/sesudah mulai FWA (${ba.windowMonths} bulan; ${ba.startDates.join(', ') || 'tidak ada unit dengan tanggal mulai'})`,
      `Before/after the FWA start (${ba.windowMonths} months; ${ba.startDates.join(', ') || 'no unit has a start date'})`),
    `  ${t(lang, 'mulai FWA', 'started FWA')} (${ba.starters.units} unit): ${side(ba.starters.before)} → ${side(ba.starters.after)}`,
    `  ${t(lang, 'belum mulai', 'not started')} (${ba.nonStarters.units} unit): ${side(ba.nonStarters.before)} → ${side(ba.nonStarters.after)}`,
    `  ${t(lang, 'selisih dari selisih', 'difference in differences')}: ${did === null ? '-' : `${num(100 * did, 1, lang)} poin`}`,
    t(lang, `Survei (acuan: puas ${num(r.survey.reference.satisfiedPct, 2, lang)} %, target tercapai ${num(r.survey.reference.metTargetPct, 2, lang)} %)`,
      `Survey (reference: satisfied ${num(r.survey.reference.satisfiedPct, 2, lang)} %, met target ${num(r.survey.reference.metTargetPct, 2, lang)} %)`),
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
