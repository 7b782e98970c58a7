import type { BeforeAfterGroup, GroupComparison, GroupRate, SurveyFigures } from '../../contract/compare-types.ts';
import type { ExportSheet } from '../../contract/export-types.ts';
import type { ExportContext } from './export-context.ts';
import { columnLetter, openSheet, writeRow, type Col, type Fmt, type Value } from './sheet-kit.ts';

type Level = 'Keseluruhan' | 'Instansi' | 'Unit';

function small(ctx: ExportContext): string {
  return `n < ${ctx.compare.minGroupSize}`;
}

/** n, met, rate and its interval; "n < 5" in place of the rate for a group below minGroupSize. */
export function group(ctx: ExportContext, g: GroupRate): Value[] {
  return [g.n, g.met, g.rate ?? small(ctx), g.ci95?.[0] ?? null, g.ci95?.[1] ?? null];
}

const GROUP_COLS = (label: string): Col[] => [
  { header: `${label}: n`, width: 10, fmt: 'int' },
  { header: `${label}: target tercapai`, width: 12, fmt: 'int' },
  { header: `${label}: persentase`, width: 12, fmt: 'pct' },
  { header: `${label}: IK 95 % bawah`, width: 11, fmt: 'pct' },
  { header: `${label}: IK 95 % atas`, width: 11, fmt: 'pct' },
];

const PERF_COLS: Col[] = [
  { header: 'Tingkat', width: 13 },
  { header: 'Instansi', width: 16 },
  { header: 'Unit', width: 36 },
  ...GROUP_COLS('Fleksibel'),
  ...GROUP_COLS('Konvensional'),
  { header: 'Selisih (fleksibel − konvensional)', width: 14, fmt: 'pct' },
  { header: 'Selisih: IK 95 % bawah', width: 11, fmt: 'pct' },
  { header: 'Selisih: IK 95 % atas', width: 11, fmt: 'pct' },
  { header: 'Tanpa data presensi', width: 11, fmt: 'int' },
];

function perfRow(ctx: ExportContext, level: Level, agency: string | null, unit: string | null, c: GroupComparison): Value[] {
  const d = c.difference;
  return [
    level, agency, unit, ...group(ctx, c.flex), ...group(ctx, c.conventional),
    d.value ?? small(ctx), d.ci95?.[0] ?? null, d.ci95?.[1] ?? null, c.withoutAttendance,
  ];
}

/** The rows a workbook shows: everything, or for a unit report its agency and the unit itself. */
function performanceRows(ctx: ExportContext): Value[][] {
  const p = ctx.compare.performance;
  const mine = <T extends { agency: string; unit?: string | null }>(rows: T[], byUnit: boolean) =>
    ctx.kind === 'full' ? rows : rows.filter((r) => r.agency === ctx.agency && (!byUnit || r.unit === ctx.unit));
  return [
    ...(ctx.kind === 'full' ? [perfRow(ctx, 'Keseluruhan', null, null, p)] : []),
    ...mine(p.byAgency, false).map((a) => perfRow(ctx, 'Instansi', a.agency, null, a)),
    ...mine(p.byUnit, true).map((u) => perfRow(ctx, 'Unit', u.agency, u.unit, u)),
  ];
}

function beforeAfterRow(ctx: ExportContext, label: string, g: BeforeAfterGroup): Value[] {
  return [label, g.units, ...group(ctx, g.before).slice(0, 3), ...group(ctx, g.after).slice(0, 3), g.change ?? small(ctx)];
}

const BA_FMTS: (Fmt | undefined)[] = [undefined, 'int', 'int', 'int', 'pct', 'int', 'int', 'pct', 'pct'];

/** Flexible against conventional workers: the performance table, then before/after FWA and the ratings. */
export function writeComparison(ctx: ExportContext): ExportSheet {
  const name = 'Perbandingan';
  const ws = openSheet(ctx.book, name, { cols: PERF_COLS, frozenRows: 1, frozenCols: 3 });
  writeRow(ws, PERF_COLS.map((c) => c.header), 'header');
  const rows = performanceRows(ctx);
  rows.forEach((r) => writeRow(ws, r));
  ws.autoFilter = `A1:${columnLetter(PERF_COLS.length)}${rows.length + 1}`;
  const ba = ctx.compare.beforeAfter;
  writeRow(ws, []);
  // Before/after and the ratings are the agency's: one unit alone is too small a group for them.
  const whole = ctx.kind === 'unit' ? `, seluruh ${ctx.agency}` : '';
  writeRow(ws, [`Sebelum dan sesudah mulai FWA (${ba.windowMonths} bulan sebelum dan sesudah tanggal mulai unit${whole})`], 'section');
  writeRow(ws, ['Mulai FWA', ba.startDates.join(', ') || '-']);
  writeRow(ws, ['Kelompok', 'Jumlah unit', 'Sebelum: n', 'Sebelum: tercapai', 'Sebelum: persentase', 'Sesudah: n',
    'Sesudah: tercapai', 'Sesudah: persentase', 'Perubahan'], 'header');
  writeRow(ws, beforeAfterRow(ctx, 'Unit yang mulai FWA', ba.starters), undefined, BA_FMTS);
  writeRow(ws, beforeAfterRow(ctx, 'Unit yang belum FWA', ba.nonStarters), undefined, BA_FMTS);
  writeRow(ws, ['Selisih dari selisih', null, null, null, null, null, null, null, ba.differenceInDifferences ?? small(ctx)], 'bold', BA_FMTS);
  writeRow(ws, []);
  writeRow(ws, [`Sebaran predikat kinerja${whole ? ` (${whole.slice(2)})` : ''}`], 'section');
  writeRow(ws, ['Kelompok', 'Predikat', 'Jumlah'], 'header');
  for (const r of ctx.compare.performance.ratings) {
    writeRow(ws, [r.group === 'flex' ? 'Fleksibel' : 'Konvensional', r.rating ?? '(tanpa predikat)', r.n], undefined, [undefined, undefined, 'int']);
  }
  ws.commit();
  return { name, rows: rows.length };
}

const SURVEY_COLS: Col[] = [
  { header: 'Tingkat', width: 13 },
  { header: 'Instansi', width: 16 },
  { header: 'Unit', width: 36 },
  { header: 'Responden', width: 11, fmt: 'int' },
  { header: 'Pernah FWA', width: 11, fmt: 'int' },
  { header: 'Belum pernah FWA', width: 11, fmt: 'int' },
  { header: 'Puas (4–5)', width: 10, fmt: 'int' },
  { header: 'Menjawab kepuasan', width: 11, fmt: 'int' },
  { header: '% puas', width: 10, fmt: 'pct2' },
  { header: '% puas: IK 95 % bawah', width: 11, fmt: 'pct2' },
  { header: '% puas: IK 95 % atas', width: 11, fmt: 'pct2' },
  { header: 'Target tercapai', width: 10, fmt: 'int' },
  { header: 'Menjawab target', width: 11, fmt: 'int' },
  { header: '% target tercapai', width: 11, fmt: 'pct2' },
  { header: '% target: IK 95 % bawah', width: 11, fmt: 'pct2' },
  { header: '% target: IK 95 % atas', width: 11, fmt: 'pct2' },
];

/** The survey reports percentages (88.5); the workbook stores fractions under a percent format, which rounds them. */
export const frac = (pct: number | null | undefined): number | null =>
  pct === null || pct === undefined ? null : pct / 100;

function surveyRow(ctx: ExportContext, level: Level, agency: string | null, unit: string | null, s: SurveyFigures): Value[] {
  return [
    level, agency, unit, s.respondents, s.participants, s.nonParticipants,
    s.satisfied, s.satisfiedAnswered, frac(s.satisfiedPct) ?? small(ctx), frac(s.satisfiedCi95?.[0]), frac(s.satisfiedCi95?.[1]),
    s.metTarget, s.metTargetAnswered, frac(s.metTargetPct) ?? small(ctx), frac(s.metTargetCi95?.[0]), frac(s.metTargetCi95?.[1]),
  ];
}

/** Kemenkeu-style survey figures beside the government's reference figures. */
export function writeSurvey(ctx: ExportContext): ExportSheet {
  const s = ctx.compare.survey;
  const name = 'Survei';
  const ws = openSheet(ctx.book, name, { cols: SURVEY_COLS, frozenRows: 1, frozenCols: 3 });
  writeRow(ws, SURVEY_COLS.map((c) => c.header), 'header');
  const full = ctx.kind === 'full';
  const rows = [
    ...(full ? [surveyRow(ctx, 'Keseluruhan', null, null, s)] : []),
    ...s.byAgency.filter((a) => full || a.agency === ctx.agency).map((a) => surveyRow(ctx, 'Instansi', a.agency, null, a)),
    ...s.byUnit.filter((u) => full || (u.agency === ctx.agency && u.unit === ctx.unit))
      .map((u) => surveyRow(ctx, 'Unit', u.agency, u.unit, u)),
  ];
  rows.forEach((r) => writeRow(ws, r));
  ws.autoFilter = `A1:${columnLetter(SURVEY_COLS.length)}${rows.length + 1}`;
  writeRow(ws, []);
  writeRow(ws, ['Angka rujukan'], 'section');
  writeRow(ws, ['Sumber', null, null, '% puas', '% target tercapai'], 'header');
  writeRow(ws, [s.reference.source, null, null, frac(s.reference.satisfiedPct), frac(s.reference.metTargetPct)],
    undefined, [undefined, undefined, undefined, 'pct2', 'pct2']);
  ws.commit();
  return { name, rows: rows.length };
}
