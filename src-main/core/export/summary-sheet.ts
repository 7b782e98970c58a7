import type { GroupRate } from '../../contract/compare-types.ts';
import type { Ratio } from '../../contract/rules-types.ts';
import type { ExportSheet } from '../../contract/export-types.ts';
import { frac, group } from './compare-sheets.ts';
import { agencyName, tanggal, type ExportContext } from './export-context.ts';
import { colourRates, openSheet, writeRow, type Col, type Fmt, type Sheet, type Value } from './sheet-kit.ts';

export interface SummaryFigures {
  employees: number;
  flexEmployees: number;
  /** Open findings per rule, with how many are new and how many the run resolved. */
  byRule: { rule: string; n: number; fresh: number; resolved: number }[];
}

const COLS: Col[] = [
  { header: '', width: 62 },
  { header: '', width: 50 },
  { header: '', width: 16 },
  { header: '', width: 16 },
  { header: '', width: 17 },
  { header: '', width: 16 },
];

const I: Fmt = 'int';
const P: Fmt = 'pct';

/** Writes a row and tells its number, so that rate cells can be coloured afterwards. */
function rowWriter(ws: Sheet) {
  let n = 0;
  return (values: Value[], style?: Parameters<typeof writeRow>[2], fmts?: (Fmt | undefined)[]) => {
    writeRow(ws, values, style, fmts);
    return ++n;
  };
}

function groupValues(ctx: ExportContext, g: GroupRate): Value[] {
  return group(ctx, g).slice(0, 3);
}

/** The leadership page: title block, scope, headline figures, compliance per agency, findings per rule, comparison, signature. */
export function writeSummary(ctx: ExportContext, figures: SummaryFigures): ExportSheet {
  const { run, compare } = ctx;
  const name = 'Ringkasan';
  const ws = openSheet(ctx.book, name, { cols: COLS, frozenRows: 0, onePage: true });
  const row = rowWriter(ws);
  const all = ctx.kind === 'unit'
    ? run.compliance.find((c) => c.level === 'unit' && c.agency === ctx.agency && c.unit === ctx.unit)
    : run.compliance.find((c) => c.level === 'all');
  const open = figures.byRule.reduce((n, r) => n + r.n, 0);

  row([ctx.kind === 'unit' ? 'Laporan Unit: Pemantauan Fleksibilitas Kerja ASN' : 'Laporan Pemantauan Fleksibilitas Kerja ASN'], 'title');
  row([`Instansi: ${agencyName(ctx, ctx.agency)}${ctx.unit ? ` — Unit: ${ctx.unit}` : ''}`], 'bold');
  row([`Periode: ${tanggal(run.from)} s.d. ${tanggal(run.to)}`], 'bold');
  row(['Dasar: PermenPANRB 4/2025; Perpres 21/2023; PP 94/2021']);
  row([]);
  row(['Angka utama', 'Jumlah', 'Persentase'], 'header');
  row(['Pegawai teramati', figures.employees], undefined, [undefined, I]);
  row(['Pegawai yang pernah bekerja fleksibel lokasi (WFH, WFA, Kantor Lain)', figures.flexEmployees,
    figures.employees ? figures.flexEmployees / figures.employees : null], undefined, [undefined, I, P]);
  row(['Pegawai-minggu teramati', all?.employeeWeeks ?? 0], undefined, [undefined, I]);
  row(['Pegawai-minggu patuh', all?.compliantEmployeeWeeks ?? 0], undefined, [undefined, I]);
  const rateRow = row(['Tingkat kepatuhan', null, all?.rate ?? null], 'bold', [undefined, undefined, P]);
  colourRates(ws, `C${rateRow}`);
  row(['Temuan', open], undefined, [undefined, I]);
  row(['Temuan baru sejak pemeriksaan sebelumnya', figures.byRule.reduce((n, r) => n + r.fresh, 0)], undefined, [undefined, I]);
  row(['Temuan yang selesai sejak pemeriksaan sebelumnya', figures.byRule.reduce((n, r) => n + r.resolved, 0)], undefined, [undefined, I]);
  row([]);

  if (ctx.kind === 'full') {
    /** A section of [label, name, observed, compliant, rate] rows, rates coloured. */
    const rateTable = (title: string, header: Value[], rows: [Value, Value, Ratio][]) => {
      row([title], 'section');
      row([...header, 'Pegawai-minggu', 'Patuh', 'Kepatuhan'], 'header');
      const lines = rows.map(([label, name, r]) => row([label, name, r.employeeWeeks, r.compliantEmployeeWeeks, r.rate], undefined, [undefined, undefined, I, I, P]));
      if (lines.length) colourRates(ws, `E${lines[0]}:E${lines.at(-1)}`);
      row([]);
    };
    rateTable('Kepatuhan per instansi', ['Instansi', 'Nama'],
      run.compliance.filter((c) => c.level === 'agency').map((a) => [a.agency, agencyName(ctx, a.agency), a]));
    // Per region (the province in each agency's profile), once any agency's profile names one.
    if (run.complianceByRegion.some((r) => r.province !== null)) {
      rateTable('Kepatuhan per provinsi', ['Provinsi', null],
        run.complianceByRegion.map((r) => [r.province ?? '(provinsi tidak diketahui)', null, r]));
    }
  }

  row(['Temuan per aturan'], 'section');
  row(['Aturan', 'Dasar hukum', 'Temuan', 'Baru', 'Kepatuhan aturan'], 'header');
  for (const rule of ctx.ruleBook.rules) {
    const counts = figures.byRule.find((r) => r.rule === rule.id);
    const ratio = ctx.kind === 'full' ? run.complianceByRule.find((r) => r.rule === rule.id)?.rate ?? null : null;
    row([`${rule.id} ${rule.title.id}`, rule.basis, counts?.n ?? 0, counts?.fresh ?? 0, ratio], undefined, [undefined, undefined, I, I, P]);
  }
  row([]);

  const perf = ctx.kind === 'unit'
    ? compare.performance.byUnit.find((u) => u.agency === ctx.agency && u.unit === ctx.unit)
    : compare.performance;
  row(['Kinerja: pegawai fleksibel dan konvensional'], 'section');
  row(['Kelompok', 'Catatan kinerja (n)', 'Target tercapai', 'Persentase'], 'header');
  if (perf) {
    row(['Fleksibel', ...groupValues(ctx, perf.flex)], undefined, [undefined, I, I, P]);
    row(['Konvensional', ...groupValues(ctx, perf.conventional)], undefined, [undefined, I, I, P]);
    row(['Selisih (fleksibel − konvensional)', null, null, perf.difference.value ?? `n < ${compare.minGroupSize}`], 'bold', [undefined, I, I, P]);
  } else {
    row(['Tidak ada catatan kinerja untuk cakupan ini']);
  }
  row([]);

  const survey = ctx.kind === 'unit'
    ? compare.survey.byUnit.find((u) => u.agency === ctx.agency && u.unit === ctx.unit)
    : compare.survey;
  const pct = (v: number | null | undefined) => frac(v) ?? `n < ${compare.minGroupSize}`;
  row(['Survei FWA', 'Data ini', 'Rujukan pemerintah'], 'header');
  row(['% puas (nilai 4–5) di antara peserta FWA', pct(survey?.satisfiedPct), frac(compare.survey.reference.satisfiedPct)],
    undefined, [undefined, 'pct2', 'pct2']);
  row(['% target kinerja tercapai di antara peserta FWA', pct(survey?.metTargetPct), frac(compare.survey.reference.metTargetPct)],
    undefined, [undefined, 'pct2', 'pct2']);
  row(['Peserta FWA yang menjawab survei (n)', survey?.participants ?? 0], undefined, [undefined, I]);
  row([]);
  row([]);

  // Signature block of an Indonesian official report, left blank to be filled in by hand.
  row([null, null, null, 'Mengetahui,']);
  row([null, null, null, 'Jabatan: ....................................']);
  row([]);
  row([]);
  row([]);
  row([null, null, null, 'Nama: .......................................']);
  row([null, null, null, 'NIP: .........................................']);
  ws.commit();
  return { name, rows: 0 };
}
