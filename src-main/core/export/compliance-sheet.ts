import type { ExportSheet } from '../../contract/export-types.ts';
import { weekMonday } from '../../contract/format.ts';
import { agencyName, isoDate, letterhead, say, sheetName, type ExportContext } from './export-context.ts';
import { columnLetter, SheetBuilder, type Col } from './sheet-kit.ts';

const key = (agency: string | null, unit: string | null) => `${agency ?? ''}\u0000${unit ?? ''}`;

/** One row per unit: the period's ratio, then one rate per ISO week; a total row under the filter range. */
export function writeUnitCompliance(ctx: ExportContext): ExportSheet {
  const { run } = ctx;
  const s = (id: string, en: string) => say(ctx, id, en);
  const weeks = run.complianceByWeek.map((w) => w.week);
  const cols: Col[] = [
    { header: s('Instansi', 'Agency'), max: 18 },
    { header: s('Unit', 'Unit'), max: 34 },
    { header: s('Pegawai-minggu', 'Employee-weeks'), fmt: 'int' },
    { header: s('Patuh', 'Compliant'), fmt: 'int' },
    { header: s('Kepatuhan', 'Compliance'), fmt: 'pct' },
    // "Minggu 36 (1–7 Sep 2025)": the header wraps under its week's rates.
    ...weeks.map((w): Col => ({ header: ctx.fmt.week(w), fmt: 'pct' })),
  ];
  const sheet = new SheetBuilder(sheetName(ctx, 'units'), cols, {
    lang: ctx.lang, frozenCols: 2, letterhead: letterhead(ctx, s('Kepatuhan per Unit Kerja dan per Minggu', 'Compliance by Work Unit and by Week')),
  });
  const header = sheet.header(cols.map((c) => c.header), [{ label: s('Kepatuhan per minggu', 'Compliance by week'), from: 6, to: cols.length }]
    .filter((g) => g.to >= g.from));
  const rates = new Map<string, Map<string, number | null>>();
  for (const r of run.complianceByUnitWeek) {
    const k = key(r.agency, r.unit);
    if (!rates.has(k)) rates.set(k, new Map());
    rates.get(k)!.set(r.week, r.rate);
  }
  const units = run.compliance.filter((c) => c.level === 'unit');
  let last = header;
  for (const u of units) {
    const byWeek = rates.get(key(u.agency, u.unit));
    last = sheet.add([u.agency, u.unit, u.employeeWeeks, u.compliantEmployeeWeeks, u.rate, ...weeks.map((w) => byWeek?.get(w) ?? null)]);
  }
  sheet.filter(last);
  // Below the filter range, so that filtering the units leaves the total in view.
  const all = run.compliance.find((c) => c.level === 'all');
  const total = sheet.add([
    s('Jumlah', 'Total'), ctx.agency ?? agencyName(ctx, null), all?.employeeWeeks ?? 0, all?.compliantEmployeeWeeks ?? 0, all?.rate ?? null,
    ...run.complianceByWeek.map((w) => w.rate),
  ], 'bold');
  sheet.colour(`E${header + 1}:${columnLetter(cols.length)}${total}`);
  const written = sheet.write(ctx.book);
  return { ...written, rows: units.length };
}

/** The unit report's version: one row per week for the one unit. */
export function writeUnitWeeks(ctx: ExportContext): ExportSheet {
  const s = (id: string, en: string) => say(ctx, id, en);
  const cols: Col[] = [
    { header: s('Minggu', 'Week') },
    { header: s('Mulai', 'Starts'), fmt: 'date' },
    { header: s('Pegawai-minggu', 'Employee-weeks'), fmt: 'int' },
    { header: s('Patuh', 'Compliant'), fmt: 'int' },
    { header: s('Kepatuhan', 'Compliance'), fmt: 'pct' },
  ];
  const sheet = new SheetBuilder(sheetName(ctx, 'weeks'), cols, {
    lang: ctx.lang, letterhead: letterhead(ctx, s('Kepatuhan per Minggu', 'Compliance by Week')),
  });
  const header = sheet.header(cols.map((c) => c.header));
  const weeks = ctx.run.complianceByUnitWeek.filter((r) => r.agency === ctx.agency && r.unit === ctx.unit);
  let last = header;
  for (const w of weeks) last = sheet.add([ctx.fmt.week(w.week), isoDate(weekMonday(w.week)), w.employeeWeeks, w.compliantEmployeeWeeks, w.rate]);
  sheet.filter(last);
  const total = ctx.run.compliance.find((c) => c.level === 'unit' && c.agency === ctx.agency && c.unit === ctx.unit);
  const end = sheet.add([s('Jumlah', 'Total'), null, total?.employeeWeeks ?? 0, total?.compliantEmployeeWeeks ?? 0, total?.rate ?? null], 'bold');
  sheet.colour(`E${header + 1}:E${end}`);
  const written = sheet.write(ctx.book);
  return { ...written, rows: weeks.length };
}
