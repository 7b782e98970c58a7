import type { GroupRate } from '../../contract/compare-types.ts';
import type { Ratio } from '../../contract/rules-types.ts';
import type { ExportSheet } from '../../contract/export-types.ts';
import { frac, group } from './compare-sheets.ts';
import { agencyName, letterhead, say, sheetName, type ExportContext } from './export-context.ts';
import { localDate, pointsText } from './report-text.ts';
import { SheetBuilder, type Col, type Fmt, type Value } from './sheet-kit.ts';

export interface SummaryFigures {
  employees: number;
  flexEmployees: number;
  /**
   * Open findings per rule, with how many are new and how many the run resolved, and the
   * employee-weeks its open findings fall in (FINDING_COUNTS_SQL).
   */
  byRule: { rule: string; n: number; fresh: number; resolved: number; weeks?: number }[];
}

/** Labels and names, a second text column (names, legal basis), then the figures. */
const COLS: Col[] = [
  { header: '', max: 50 },
  { header: '', max: 44 },
  { header: '', min: 10, max: 16 },
  { header: '', min: 10, max: 16 },
  { header: '', min: 10, max: 16 },
];

const I: Fmt = 'int';
const P: Fmt = 'pct';

/** A table row as wide as its header, so that every cell of it has its border. */
function pad(values: Value[], width: number): Value[] {
  return [...values, ...Array<Value>(Math.max(0, width - values.length)).fill(null)];
}

function groupValues(ctx: ExportContext, g: GroupRate): Value[] {
  return group(ctx, g).slice(0, 3);
}

/** A rule's compliance: a rate, or why it has none (a rule outside the weekly rate, a rule switched off). */
function ruleRate(ctx: ExportContext, rule: { id: string; weeklyRate: boolean }, figures: SummaryFigures): Value {
  const inRate = ctx.run.complianceByRule.find((r) => r.rule === rule.id);
  if (!inRate) return rule.weeklyRate ? say(ctx, 'tidak diperiksa', 'not checked') : say(ctx, 'bukan mingguan', 'not weekly');
  if (ctx.kind === 'full') return inRate.rate;
  const unit = ctx.run.compliance.find((c) => c.level === 'unit' && c.agency === ctx.agency && c.unit === ctx.unit);
  if (!unit?.employeeWeeks) return null;
  // The unit's employee-weeks less those a finding of the rule falls in (all in the unit's own weeks).
  const hit = Number(figures.byRule.find((r) => r.rule === rule.id)?.weeks ?? 0);
  return (unit.employeeWeeks - hit) / unit.employeeWeeks;
}

/**
 * The leadership page: letterhead, legal basis, headline figures, compliance per agency (and
 * province), findings per rule, flexible against conventional, the survey, then place and date and
 * the signature block, kept together on one page.
 */
export function writeSummary(ctx: ExportContext, figures: SummaryFigures): ExportSheet {
  const { run, compare } = ctx;
  const s = (id: string, en: string) => say(ctx, id, en);
  const sheet = new SheetBuilder(sheetName(ctx, 'summary'), COLS, {
    lang: ctx.lang, letterhead: letterhead(ctx, s('Ringkasan', 'Summary')), tables: 'several',
  });
  const all = ctx.kind === 'unit'
    ? run.compliance.find((c) => c.level === 'unit' && c.agency === ctx.agency && c.unit === ctx.unit)
    : run.compliance.find((c) => c.level === 'all');
  const open = figures.byRule.reduce((n, r) => n + r.n, 0);

  sheet.span(s('Dasar hukum: PermenPANRB 4/2025; Perpres 21/2023; PP 94/2021', 'Legal basis: PermenPANRB 4/2025; Perpres 21/2023; PP 94/2021'));
  sheet.blank();
  sheet.header([s('Angka utama', 'Headline figures'), s('Jumlah', 'Number'), s('Persentase', 'Share')]);
  const line = (values: Value[], fmts: (Fmt | undefined)[], style?: 'bold') => sheet.add(pad(values, 3), style, fmts);
  line([s('Pegawai teramati', 'Employees observed'), figures.employees], [undefined, I]);
  line([s('Pegawai yang pernah bekerja fleksibel lokasi (WFH, WFA, Kantor Lain)', 'Employees who worked from another location at least once (WFH, WFA, other office)'),
    figures.flexEmployees, figures.employees ? figures.flexEmployees / figures.employees : null], [undefined, I, P]);
  line([s('Pegawai-minggu teramati', 'Employee-weeks observed'), all?.employeeWeeks ?? 0], [undefined, I]);
  line([s('Pegawai-minggu patuh', 'Compliant employee-weeks'), all?.compliantEmployeeWeeks ?? 0], [undefined, I]);
  const rateRow = line([s('Tingkat kepatuhan', 'Compliance rate'), null, all?.rate ?? null], [undefined, undefined, P], 'bold');
  sheet.colour(`C${rateRow}`);
  line([s('Temuan', 'Findings'), open], [undefined, I]);
  line([s('Temuan baru sejak pemeriksaan sebelumnya', 'New findings since the previous check'), figures.byRule.reduce((n, r) => n + r.fresh, 0)], [undefined, I]);
  line([s('Temuan yang selesai sejak pemeriksaan sebelumnya', 'Findings resolved since the previous check'),
    figures.byRule.reduce((n, r) => n + r.resolved, 0)], [undefined, I]);
  sheet.blank();

  if (ctx.kind === 'full') {
    /** A section of [label, name, observed, compliant, rate] rows, rates coloured. */
    const rateTable = (title: string, header: Value[], rows: [Value, Value, Ratio][]) => {
      sheet.span(title, 'section');
      sheet.header([...header, s('Pegawai-minggu', 'Employee-weeks'), s('Patuh', 'Compliant'), s('Kepatuhan', 'Compliance')]);
      const lines = rows.map(([label, name, r]) => sheet.add([label, name, r.employeeWeeks, r.compliantEmployeeWeeks, r.rate], undefined, [undefined, undefined, I, I, P]));
      if (lines.length) sheet.colour(`E${lines[0]}:E${lines.at(-1)}`);
      sheet.blank();
    };
    rateTable(s('Kepatuhan per instansi', 'Compliance by agency'), [s('Instansi', 'Agency'), s('Nama', 'Name')],
      run.compliance.filter((c) => c.level === 'agency').map((a) => [a.agency, agencyName(ctx, a.agency), a]));
    // Per region (the province in each agency's profile), once any agency's profile names one.
    if (run.complianceByRegion.some((r) => r.province !== null)) {
      rateTable(s('Kepatuhan per provinsi', 'Compliance by province'), [s('Provinsi', 'Province'), null],
        run.complianceByRegion.map((r) => [r.province ?? s('(provinsi tidak diketahui)', '(province unknown)'), null, r]));
    }
  }

  sheet.span(s('Temuan per aturan', 'Findings by rule'), 'section');
  sheet.header([s('Aturan', 'Rule'), s('Dasar hukum', 'Legal basis'), s('Temuan', 'Findings'), s('Baru', 'New'),
    s('Kepatuhan aturan', 'Compliance with the rule')]);
  const ruleRows: number[] = [];
  for (const rule of ctx.ruleBook.rules) {
    const counts = figures.byRule.find((r) => r.rule === rule.id);
    ruleRows.push(sheet.add([`${rule.id} ${ctx.lang === 'en' ? rule.title.en : rule.title.id}`, rule.basis, counts?.n ?? 0, counts?.fresh ?? 0,
      ruleRate(ctx, rule, figures)], undefined, [undefined, undefined, I, I, P]));
  }
  if (ruleRows.length) sheet.colour(`E${ruleRows[0]}:E${ruleRows.at(-1)}`);
  sheet.blank();

  const perf = ctx.kind === 'unit'
    ? compare.performance.byUnit.find((u) => u.agency === ctx.agency && u.unit === ctx.unit)
    : compare.performance;
  sheet.span(s('Kinerja: pegawai fleksibel dan konvensional', 'Performance: flexible and conventional workers'), 'section');
  sheet.header([s('Kelompok', 'Group'), s('Catatan kinerja (n)', 'Performance records (n)'), s('Target tercapai', 'Target met'),
    s('Persentase', 'Share')]);
  if (perf) {
    sheet.add([s('Fleksibel', 'Flexible'), ...groupValues(ctx, perf.flex)], undefined, [undefined, I, I, P]);
    sheet.add([s('Konvensional', 'Conventional'), ...groupValues(ctx, perf.conventional)], undefined, [undefined, I, I, P]);
    const d = perf.difference;
    // A difference of two shares, in percentage points with its interval: never "5.4%".
    sheet.add([s('Selisih (fleksibel − konvensional)', 'Difference (flexible − conventional)'),
      d.value === null ? `n < ${compare.minGroupSize}` : pointsText(d.value, d.ci95, ctx.lang), null, null], 'bold', undefined, [[2, 4]]);
  } else {
    sheet.add(pad([s('Tidak ada catatan kinerja untuk cakupan ini', 'No performance records in this scope')], 4), undefined, undefined, [[1, 4]]);
  }
  sheet.blank();

  const survey = ctx.kind === 'unit'
    ? compare.survey.byUnit.find((u) => u.agency === ctx.agency && u.unit === ctx.unit)
    : compare.survey;
  const pct = (v: number | null | undefined) => frac(v) ?? `n < ${compare.minGroupSize}`;
  sheet.header([s('Survei FWA', 'FWA survey'), s('Data ini', 'This data'), s('Rujukan pemerintah', 'Government reference')]);
  sheet.add([s('% puas (nilai 4–5) di antara peserta FWA', '% satisfied (score 4–5) among FWA participants'), pct(survey?.satisfiedPct),
    frac(compare.survey.reference.satisfiedPct)], undefined, [undefined, 'pct2', 'pct2']);
  sheet.add([s('% target kinerja tercapai di antara peserta FWA', '% performance target met among FWA participants'), pct(survey?.metTargetPct),
    frac(compare.survey.reference.metTargetPct)], undefined, [undefined, 'pct2', 'pct2']);
  sheet.add(pad([s('Peserta FWA yang menjawab survei (n)', 'FWA participants who answered the survey (n)'), survey?.participants ?? 0], 3),
    undefined, [undefined, I]);
  sheet.blank();

  // Place and date, then the signature block of an Indonesian official report, left blank to be
  // filled in by hand; kept together on one page. The profile names no place: a line to write it on.
  sheet.keepTogether();
  sheet.blank();
  const sign = (text: string) => sheet.span(text, 'sign', 3, 5);
  const blank = '…………………';
  sign(`${blank}, ${localDate(ctx.now, ctx.lang)}`);
  sign(s('Mengetahui,', 'Acknowledged by,'));
  sign(s(`Jabatan: ${blank}`, `Position: ${blank}`));
  sheet.blank();
  sheet.blank();
  sheet.blank();
  sign(s(`Nama: ${blank}`, `Name: ${blank}`));
  sign(`NIP: ${blank}`);
  return sheet.write(ctx.book);
}
