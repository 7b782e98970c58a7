import type { ExportSheet } from '../../contract/export-types.ts';
import { weekMonday, type ExportContext } from './export-context.ts';
import { colourRates, columnLetter, openSheet, writeRow, type Col } from './sheet-kit.ts';

const key = (agency: string | null, unit: string | null) => `${agency ?? ''}\u0000${unit ?? ''}`;

/** One row per unit: the period's ratio, then one rate per ISO week; a total row under the filter range. */
export function writeUnitCompliance(ctx: ExportContext): ExportSheet {
  const { run } = ctx;
  const weeks = run.complianceByWeek.map((w) => w.week);
  const cols: Col[] = [
    { header: 'Instansi', width: 16 },
    { header: 'Unit', width: 40 },
    { header: 'Pegawai-minggu', width: 11, fmt: 'int' },
    { header: 'Patuh', width: 9, fmt: 'int' },
    { header: 'Kepatuhan', width: 11, fmt: 'pct' },
    ...weeks.map((w): Col => ({ header: w, width: 10, fmt: 'pct' })),
  ];
  const name = 'Kepatuhan per unit';
  const ws = openSheet(ctx.book, name, { cols, frozenRows: 1, frozenCols: 2 });
  writeRow(ws, cols.map((c) => c.header), 'header');
  const rates = new Map<string, Map<string, number | null>>();
  for (const r of run.complianceByUnitWeek) {
    const k = key(r.agency, r.unit);
    if (!rates.has(k)) rates.set(k, new Map());
    rates.get(k)!.set(r.week, r.rate);
  }
  const units = run.compliance.filter((c) => c.level === 'unit');
  for (const u of units) {
    const byWeek = rates.get(key(u.agency, u.unit));
    writeRow(ws, [u.agency, u.unit, u.employeeWeeks, u.compliantEmployeeWeeks, u.rate, ...weeks.map((w) => byWeek?.get(w) ?? null)]);
  }
  const last = columnLetter(cols.length);
  ws.autoFilter = `A1:${last}${units.length + 1}`;
  // Below the filter range, so that filtering the units leaves the total in view.
  const all = run.compliance.find((c) => c.level === 'all');
  writeRow(ws, [
    'Jumlah', ctx.agency ?? 'Semua instansi', all?.employeeWeeks ?? 0, all?.compliantEmployeeWeeks ?? 0, all?.rate ?? null,
    ...run.complianceByWeek.map((w) => w.rate),
  ], 'bold');
  colourRates(ws, `E2:${last}${units.length + 2}`);
  ws.commit();
  return { name, rows: units.length + 1 };
}

/** The unit report's version: one row per week for the one unit. */
export function writeUnitWeeks(ctx: ExportContext): ExportSheet {
  const cols: Col[] = [
    { header: 'Minggu', width: 11 },
    { header: 'Mulai', width: 12, fmt: 'date' },
    { header: 'Pegawai-minggu', width: 11, fmt: 'int' },
    { header: 'Patuh', width: 9, fmt: 'int' },
    { header: 'Kepatuhan', width: 11, fmt: 'pct' },
  ];
  const name = 'Kepatuhan per minggu';
  const ws = openSheet(ctx.book, name, { cols, frozenRows: 1 });
  writeRow(ws, cols.map((c) => c.header), 'header');
  const weeks = ctx.run.complianceByUnitWeek.filter((r) => r.agency === ctx.agency && r.unit === ctx.unit);
  for (const w of weeks) writeRow(ws, [w.week, weekMonday(w.week), w.employeeWeeks, w.compliantEmployeeWeeks, w.rate]);
  ws.autoFilter = `A1:E${weeks.length + 1}`;
  const total = ctx.run.compliance.find((c) => c.level === 'unit' && c.agency === ctx.agency && c.unit === ctx.unit);
  writeRow(ws, ['Jumlah', null, total?.employeeWeeks ?? 0, total?.compliantEmployeeWeeks ?? 0, total?.rate ?? null], 'bold');
  colourRates(ws, `E2:E${weeks.length + 2}`);
  ws.commit();
  return { name, rows: weeks.length + 1 };
}
