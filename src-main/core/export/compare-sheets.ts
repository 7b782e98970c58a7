import type { BeforeAfterGroup, GroupComparison, GroupRate, SurveyFigures } from '../../contract/compare-types.ts';
import type { ExportSheet } from '../../contract/export-types.ts';
import { SURVEY_REFERENCE } from '../compare/compare.ts';
import { letterhead, say, sheetName, type ExportContext } from './export-context.ts';
import { pointsText } from './report-text.ts';
import { SheetBuilder, type Col, type Fmt, type HeaderGroup, type Value } from './sheet-kit.ts';

type Level = 'all' | 'agency' | 'unit';

function levelName(ctx: ExportContext, level: Level): string {
  return level === 'all' ? say(ctx, 'Keseluruhan', 'Overall') : level === 'agency' ? say(ctx, 'Instansi', 'Agency') : 'Unit';
}

function small(ctx: ExportContext): string {
  return `n < ${ctx.compare.minGroupSize}`;
}

/**
 * n, met, rate and its interval; for a group below minGroupSize "n < 5" and no number at all, as
 * on the screens and as the Metode sheet says: its counts would give its rate away.
 */
export function group(ctx: ExportContext, g: GroupRate): Value[] {
  if (g.rate === null) return [null, null, small(ctx), null, null];
  return [g.n, g.met, g.rate, g.ci95?.[0] ?? null, g.ci95?.[1] ?? null];
}

const GROUP_COLS = (ctx: ExportContext): Col[] => [
  { header: 'n', fmt: 'int' },
  { header: say(ctx, 'Target tercapai', 'Target met'), fmt: 'int' },
  { header: say(ctx, 'Persentase', 'Share'), fmt: 'pct' },
  { header: say(ctx, 'IK 95 % bawah', '95 % CI lower'), fmt: 'pct' },
  { header: say(ctx, 'IK 95 % atas', '95 % CI upper'), fmt: 'pct' },
];

function perfCols(ctx: ExportContext): Col[] {
  return [
    { header: say(ctx, 'Tingkat', 'Level') },
    { header: say(ctx, 'Instansi', 'Agency'), max: 16 },
    { header: 'Unit', max: 24 },
    ...GROUP_COLS(ctx),
    // Conventional's columns as wide as flexible's.
    ...GROUP_COLS(ctx).map((c, i): Col => ({ ...c, sameAs: 3 + i })),
    { header: say(ctx, 'Selisih fleksibel − konvensional', 'Difference flexible − conventional'), max: 24 },
    { header: say(ctx, 'Tanpa data presensi', 'Without attendance data'), fmt: 'int' },
  ];
}

/** The difference of the two shares in percentage points with its interval, or "n < 5". */
function difference(ctx: ExportContext, c: GroupComparison): Value {
  const d = c.difference;
  return d.value === null ? small(ctx) : pointsText(d.value, d.ci95, ctx.lang);
}

function perfRow(ctx: ExportContext, level: Level, agency: string | null, unit: string | null, c: GroupComparison): Value[] {
  return [levelName(ctx, level), agency, unit, ...group(ctx, c.flex), ...group(ctx, c.conventional), difference(ctx, c), c.withoutAttendance];
}

/** The rows a workbook shows: everything, or for a unit report its agency and the unit itself. */
function performanceRows(ctx: ExportContext): Value[][] {
  const p = ctx.compare.performance;
  const mine = <T extends { agency: string; unit?: string | null }>(rows: T[], byUnit: boolean) =>
    ctx.kind === 'full' ? rows : rows.filter((r) => r.agency === ctx.agency && (!byUnit || r.unit === ctx.unit));
  return [
    ...(ctx.kind === 'full' ? [perfRow(ctx, 'all', null, null, p)] : []),
    ...mine(p.byAgency, false).map((a) => perfRow(ctx, 'agency', a.agency, null, a)),
    ...mine(p.byUnit, true).map((u) => perfRow(ctx, 'unit', u.agency, u.unit, u)),
  ];
}

function beforeAfterRow(ctx: ExportContext, label: string, g: BeforeAfterGroup): Value[] {
  return [label, g.units, ...group(ctx, g.before).slice(0, 3), ...group(ctx, g.after).slice(0, 3),
    g.change === null ? small(ctx) : pointsText(g.change, null, ctx.lang), null, null];
}

const BA_FMTS: (Fmt | undefined)[] = [undefined, 'int', 'int', 'int', 'pct', 'int', 'int', 'pct'];

/**
 * Flexible against conventional workers: the performance table (the difference in percentage points
 * with its interval), then before/after FWA and the ratings.
 */
export function writeComparison(ctx: ExportContext): ExportSheet {
  const s = (id: string, en: string) => say(ctx, id, en);
  const cols = perfCols(ctx);
  const sheet = new SheetBuilder(sheetName(ctx, 'comparison'), cols, {
    lang: ctx.lang, frozenCols: 3, letterhead: letterhead(ctx, s('Kinerja Pegawai Fleksibel dan Konvensional', 'Performance of Flexible and Conventional Workers')),
  });
  const groups: HeaderGroup[] = [
    { label: s('Fleksibel', 'Flexible'), from: 4, to: 8 },
    { label: s('Konvensional', 'Conventional'), from: 9, to: 13 },
  ];
  let last = sheet.header(cols.map((c) => c.header), groups);
  const rows = performanceRows(ctx);
  for (const r of rows) last = sheet.add(r);
  sheet.filter(last);
  const ba = ctx.compare.beforeAfter;
  sheet.blank();
  // Before/after and the ratings are the agency's: one unit alone is too small a group for them.
  const whole = ctx.kind === 'unit' ? s(`, seluruh ${ctx.agency}`, `, all of ${ctx.agency}`) : '';
  sheet.span(s(`Sebelum dan sesudah mulai FWA (${ba.windowMonths} bulan sebelum dan sesudah tanggal mulai unit${whole})`,
    `Before and after the start of FWA (${ba.windowMonths} months before and after each unit's start date${whole})`), 'section');
  sheet.add([s('Mulai FWA', 'FWA start'), ba.startDates.map((d) => ctx.fmt.date(d)).join(', ') || '-'], 'text', undefined, [[2, cols.length]]);
  sheet.header([s('Kelompok', 'Group'), s('Jumlah unit', 'Units'), 'n', s('Target tercapai', 'Target met'), s('Persentase', 'Share'),
    'n', s('Target tercapai', 'Target met'), s('Persentase', 'Share'), null, null, null], [
    { label: s('Sebelum', 'Before'), from: 3, to: 5 },
    { label: s('Sesudah', 'After'), from: 6, to: 8 },
    { label: s('Perubahan', 'Change'), from: 9, to: 11 },
  ]);
  const across: [number, number][] = [[9, 11]];
  sheet.add(beforeAfterRow(ctx, s('Unit yang mulai FWA', 'Units that started FWA'), ba.starters), undefined, BA_FMTS, across);
  sheet.add(beforeAfterRow(ctx, s('Unit yang belum FWA', 'Units not yet on FWA'), ba.nonStarters), undefined, BA_FMTS, across);
  sheet.add([s('Selisih dari selisih', 'Difference in differences'), null, null, null, null, null, null, null,
    ba.differenceInDifferences === null ? small(ctx) : pointsText(ba.differenceInDifferences, null, ctx.lang), null, null], 'bold', BA_FMTS, across);
  sheet.blank();
  sheet.span(s(`Sebaran predikat kinerja${whole ? ` (${whole.slice(2)})` : ''}`, `Performance ratings${whole ? ` (${whole.slice(2)})` : ''}`), 'section');
  sheet.header([s('Kelompok', 'Group'), s('Predikat', 'Rating'), s('Jumlah', 'Number')]);
  for (const r of ctx.compare.performance.ratings) {
    sheet.add([r.group === 'flex' ? s('Fleksibel', 'Flexible') : s('Konvensional', 'Conventional'), r.rating ?? s('(tanpa predikat)', '(no rating)'), r.n],
      undefined, [undefined, undefined, 'int']);
  }
  const written = sheet.write(ctx.book);
  return { ...written, rows: rows.length };
}

function surveyCols(ctx: ExportContext): Col[] {
  const s = (id: string, en: string) => say(ctx, id, en);
  return [
    { header: s('Tingkat', 'Level') },
    { header: s('Instansi', 'Agency'), max: 16 },
    { header: 'Unit', max: 24 },
    { header: s('Responden', 'Respondents'), fmt: 'int' },
    { header: s('Pernah FWA', 'Took part in FWA'), fmt: 'int' },
    { header: s('Belum pernah FWA', 'Never on FWA'), fmt: 'int' },
    { header: s('Puas (nilai 4–5)', 'Satisfied (score 4–5)'), fmt: 'int' },
    { header: s('Menjawab', 'Answered'), fmt: 'int' },
    { header: s('% puas', '% satisfied'), fmt: 'pct2' },
    { header: s('IK 95 % bawah', '95 % CI lower'), fmt: 'pct2' },
    { header: s('IK 95 % atas', '95 % CI upper'), fmt: 'pct2' },
    { header: s('Tercapai', 'Met'), fmt: 'int', sameAs: 6 },
    { header: s('Menjawab', 'Answered'), fmt: 'int', sameAs: 7 },
    { header: s('% tercapai', '% met'), fmt: 'pct2', sameAs: 8 },
    { header: s('IK 95 % bawah', '95 % CI lower'), fmt: 'pct2', sameAs: 9 },
    { header: s('IK 95 % atas', '95 % CI upper'), fmt: 'pct2', sameAs: 10 },
  ];
}

/** The survey reports percentages (88.5); the workbook stores fractions under a percent format, which rounds them. */
export const frac = (pct: number | null | undefined): number | null =>
  pct === null || pct === undefined ? null : pct / 100;

function surveyRow(ctx: ExportContext, level: Level, agency: string | null, unit: string | null, s: SurveyFigures): Value[] {
  // A share of fewer than minGroupSize answers is "n < 5" without the counts that would give it away.
  const share = (yes: number, answered: number, pct: number | null, ci: [number, number] | null): Value[] =>
    (pct === null ? [null, null, small(ctx), null, null] : [yes, answered, frac(pct), frac(ci?.[0]), frac(ci?.[1])]);
  return [
    levelName(ctx, level), agency, unit, s.respondents, s.participants, s.nonParticipants,
    ...share(s.satisfied, s.satisfiedAnswered, s.satisfiedPct, s.satisfiedCi95),
    ...share(s.metTarget, s.metTargetAnswered, s.metTargetPct, s.metTargetCi95),
  ];
}

/** Kemenkeu-style survey figures beside the government's reference figures. */
export function writeSurvey(ctx: ExportContext): ExportSheet {
  const s = (id: string, en: string) => say(ctx, id, en);
  const survey = ctx.compare.survey;
  const cols = surveyCols(ctx);
  const sheet = new SheetBuilder(sheetName(ctx, 'survey'), cols, {
    lang: ctx.lang, frozenCols: 3, letterhead: letterhead(ctx, s('Survei Fleksibilitas Kerja', 'Flexible Work Survey')),
  });
  let last = sheet.header(cols.map((c) => c.header), [
    { label: s('Kepuasan peserta FWA', 'Satisfaction of FWA participants'), from: 7, to: 11 },
    { label: s('Target kinerja peserta FWA', 'Performance target of FWA participants'), from: 12, to: 16 },
  ]);
  const full = ctx.kind === 'full';
  const rows = [
    ...(full ? [surveyRow(ctx, 'all', null, null, survey)] : []),
    ...survey.byAgency.filter((a) => full || a.agency === ctx.agency).map((a) => surveyRow(ctx, 'agency', a.agency, null, a)),
    ...survey.byUnit.filter((u) => full || (u.agency === ctx.agency && u.unit === ctx.unit))
      .map((u) => surveyRow(ctx, 'unit', u.agency, u.unit, u)),
  ];
  for (const r of rows) last = sheet.add(r);
  sheet.filter(last);
  sheet.blank();
  sheet.span(s('Angka rujukan', 'Reference figures'), 'section');
  sheet.add([s('Sumber', 'Source'), null, null, s('% puas', '% satisfied'), s('% target tercapai', '% target met')], 'header', undefined, [[1, 3]]);
  const source = ctx.lang === 'en' && survey.reference.source === SURVEY_REFERENCE.source
    ? 'FWA survey cited by the government when it issued PermenPANRB 4/2025 (Kemenkeu flexible work survey)'
    : survey.reference.source;
  sheet.add([source, null, null, frac(survey.reference.satisfiedPct), frac(survey.reference.metTargetPct)],
    undefined, [undefined, undefined, undefined, 'pct2', 'pct2'], [[1, 3]]);
  const written = sheet.write(ctx.book);
  return { ...written, rows: rows.length };
}
