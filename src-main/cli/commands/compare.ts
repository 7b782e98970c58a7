import type { CompareResult, GroupComparison, GroupRate, SurveyFigures } from '../../contract/compare-types.ts';
import { newcombe, wilson } from '../../core/compare/intervals.ts';
import { langOf, reportFailure, t, withApi, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { usage } from '../usage.ts';
import { withCommonOptions } from './common.ts';

interface CompareOptions extends GlobalOptions {
  agency?: string;
  period?: string;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

const num = (v: number, places: number, lang: Lang) => {
  const s = v.toFixed(places);
  return lang === 'id' ? s.replace('.', ',') : s;
};
const pct = (v: number, lang: Lang) => `${num(100 * v, 1, lang)} %`;

/*
 * Rates, intervals and differences are shown from the counts: the result's figures are rounded to
 * 4 decimals, and rounding those again to one decimal of a percentage can be off by 0,1.
 */
const share = (g: GroupRate) => g.met / g.n;

function rate(g: GroupRate, minGroupSize: number, lang: Lang): string {
  if (g.rate === null || g.ci95 === null) return `n = ${g.n} (n < ${minGroupSize})`;
  const [lo, hi] = wilson(g.met, g.n);
  return `${g.met}/${g.n} = ${pct(share(g), lang)} (IK 95 % ${pct(lo, lang)}–${pct(hi, lang)})`;
}

function groups(label: string, c: GroupComparison, min: number, lang: Lang): string[] {
  const { flex: f, conventional: k } = c;
  const [lo, hi] = c.difference.value === null ? [0, 0] : newcombe(f.met, f.n, k.met, k.n);
  const diff = c.difference.value === null ? '-'
    : `${num(100 * (share(f) - share(k)), 1, lang)} poin (IK 95 % ${num(100 * lo, 1, lang)} s.d. ${num(100 * hi, 1, lang)})`;
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
  const side = (g: GroupRate) => (g.rate === null ? `n = ${g.n} (n < ${min})` : `${pct(share(g), lang)} (n = ${g.n})`);
  const change = (g: { before: GroupRate; after: GroupRate }) => share(g.after) - share(g.before);
  const did = ba.differenceInDifferences === null ? null : change(ba.starters) - change(ba.nonStarters);
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
      if (opts.period !== undefined && !PERIOD.test(opts.period)) {
        usage(cmd, t(langOf(opts), `--period harus berbentuk YYYY-MM (mis. 2025-09), bukan "${opts.period}".`,
          `--period must be written YYYY-MM (e.g. 2025-09), not "${opts.period}".`));
      }
      try {
        const result = await withApi(opts, (api) => api.compare({ agency: opts.agency, period: opts.period }));
        if (opts.json) ctx.out(JSON.stringify(result, null, 2));
        else describe(result, langOf(opts)).forEach((line) => ctx.out(line));
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
