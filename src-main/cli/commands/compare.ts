import type { CompareResult, GroupComparison, GroupRate, SurveyFigures } from '../../contract/compare-types.ts';
import { checkPeriod } from '../../contract/dates.ts';
import { formatter } from '../../contract/format.ts';
import { profileVersionWords } from '../../contract/param-words.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { toJson } from '../output.ts';
import { asUsage, withCommonOptions } from './common.ts';

interface CompareOptions extends GlobalOptions {
  agency?: string;
  period?: string;
}

/** "IK 95 %" / "95% CI": the confidence interval's name. */
const ci = (lang: Lang) => t(lang, 'IK 95\u00a0%', '95% CI');

function rate(g: GroupRate, minGroupSize: number, lang: Lang): string {
  const f = formatter(lang);
  if (g.rate === null || g.ci95 === null) return `n = ${f.int(g.n)} (n < ${f.int(minGroupSize)})`;
  return `${f.ratio(g.met, g.n)} = ${f.pct(g.rate)} (${ci(lang)} ${f.pct(g.ci95[0])}–${f.pct(g.ci95[1])})`;
}

function groups(label: string, c: GroupComparison, min: number, lang: Lang): string[] {
  const f = formatter(lang);
  const d = c.difference;
  const diff = d.value === null || d.ci95 === null ? '–'
    : `${f.points(d.value)} (${ci(lang)} ${f.points(d.ci95[0])} ${t(lang, 's.d.', 'to')} ${f.points(d.ci95[1])})`;
  return [
    `${label}`,
    `    ${t(lang, 'fleksibel', 'flexible')}: ${rate(c.flex, min, lang)}`,
    `    ${t(lang, 'konvensional', 'conventional')}: ${rate(c.conventional, min, lang)}`,
    `    ${t(lang, 'selisih', 'difference')}: ${diff}; ${t(lang, 'tanpa data presensi', 'without attendance')}: ${f.int(c.withoutAttendance)}; `
      + `${t(lang, 'belum dinilai', 'not rated')}: ${f.int(c.withoutRating)}`,
  ];
}

function surveyLine(label: string, s: SurveyFigures, lang: Lang): string {
  const f = formatter(lang);
  const share = (p: number | null, interval: [number, number] | null) =>
    p === null || interval === null ? '–' : `${f.pctValue(p)} (${f.pctValue(interval[0])}–${f.pctValue(interval[1])})`;
  return `  ${label}: ${f.int(s.participants)} ${t(lang, 'peserta', 'participants')}, ${f.int(s.nonParticipants)} ${t(lang, 'bukan peserta', 'non-participants')}; `
    + `${t(lang, 'puas', 'satisfied')} ${share(s.satisfiedPct, s.satisfiedCi95)}, ${t(lang, 'target tercapai', 'met target')} ${share(s.metTargetPct, s.metTargetCi95)}`;
}

function describe(r: CompareResult, lang: Lang): string[] {
  const f = formatter(lang);
  const min = r.minGroupSize;
  const p = r.performance;
  const version = profileVersionWords(r.profileVersion, lang);
  const lines = [
    t(lang, `Kinerja fleksibel vs konvensional (target tercapai), profil ${version}`, `Flexible vs conventional performance (met target), profile ${version}`),
    ...groups(t(lang, '  Semua', '  All'), p, min, lang),
    ...p.byAgency.flatMap((a) => groups(`  ${a.agency}`, a, min, lang)),
  ];
  const ba = r.beforeAfter;
  const side = (g: GroupRate) => (g.rate === null ? `n = ${f.int(g.n)} (n < ${f.int(min)})` : `${f.pct(g.rate)} (n = ${f.int(g.n)})`);
  const units = (n: number) => `${f.int(n)} unit${lang === 'en' && n !== 1 ? 's' : ''}`;
  const did = ba.differenceInDifferences;
  const starts = ba.startDates.map((d) => f.date(d)).join(', ');
  lines.push(
    t(lang, `Sebelum/sesudah mulai FWA (${f.int(ba.windowMonths)} bulan; ${starts || 'tidak ada unit dengan tanggal mulai'})`,
      `Before/after the FWA start (${f.int(ba.windowMonths)} months; ${starts || 'no unit has a start date'})`),
    `  ${t(lang, 'mulai FWA', 'started FWA')} (${units(ba.starters.units)}): ${side(ba.starters.before)} → ${side(ba.starters.after)}`,
    `  ${t(lang, 'belum mulai', 'not started')} (${units(ba.nonStarters.units)}): ${side(ba.nonStarters.before)} → ${side(ba.nonStarters.after)}`,
    `  ${t(lang, 'selisih dari selisih', 'difference in differences')}: ${f.points(did)}`,
    t(lang, `Survei (acuan: puas ${f.pctValue(r.survey.reference.satisfiedPct)}, target tercapai ${f.pctValue(r.survey.reference.metTargetPct)})`,
      `Survey (reference: satisfied ${f.pctValue(r.survey.reference.satisfiedPct)}, met target ${f.pctValue(r.survey.reference.metTargetPct)})`),
    surveyLine(t(lang, 'Semua', 'All'), r.survey, lang),
    ...r.survey.byAgency.map((a) => surveyLine(a.agency, a, lang)),
  );
  return lines;
}

export const compareCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('compare'), lang)
    .description(t(lang, 'bandingkan kinerja kerja fleksibel dan konvensional; ringkasan survei', 'compare the performance of flexible and conventional work; the survey summary'))
    .option(`--agency <${t(lang, 'kode', 'code')}>`, t(lang, 'hanya satu instansi', 'one agency only'))
    .option('--period <YYYY-MM>', t(lang, 'hanya catatan kinerja yang periodenya mencakup bulan ini', 'only performance records whose period covers this month'))
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
