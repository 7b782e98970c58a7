import type { RuleId } from '../../contract/rules-types.ts';
import type { AgencyEntry, OverviewResult, Rate, ViewFilter } from '../../contract/views-types.ts';
import type { Db } from '../db/database.ts';
import { filterParams, latestRun, ratio } from './scope.ts';
import {
  AGENCIES, BY_RULE, BY_UNIT, BY_WEEK, DATA_COUNTS, HEADLINE, OPEN_FINDINGS_COUNT, READ_SUMMARY, RUN_MONTHS, STORE_SUMMARY,
} from './views-sql.ts';

type Counted = { employee_weeks: number; compliant: number };
type Summary = Omit<OverviewResult, 'run' | 'data'>;

function rate(r: Counted) {
  return { employeeWeeks: r.employee_weeks, compliantEmployeeWeeks: r.compliant, rate: ratio(r.employee_weeks, r.compliant) };
}

const EMPTY_HEADLINE: OverviewResult['headline'] = {
  agencies: 0, employees: 0, flexEmployees: 0, adoption: null, findings: 0, employeeWeeks: 0, compliantEmployeeWeeks: 0, rate: null,
};

/** Headline, per unit, per week and per rule for one run inside a filter: a few aggregates over its employee-weeks. */
async function summarise(db: Db, run: string, filter: ViewFilter): Promise<Summary> {
  const p = filterParams(run, filter);
  const h = (await db.one<Counted & { agencies: number; employees: number; flex_employees: number }>(HEADLINE, p))!;
  const findings = (await db.one<{ n: number }>(OPEN_FINDINGS_COUNT, p))!.n;
  const units = await db.all<Counted & { agency: string | null; unit: string; employees: number; findings: number }>(BY_UNIT, p);
  const weeks = await db.all<Counted & { week: string }>(BY_WEEK, p);
  const rules = await db.all<Counted & { rule: RuleId; findings: number }>(BY_RULE, p);
  const months = (await db.all<{ month: string }>(RUN_MONTHS, p)).map((m) => m.month);
  return {
    months,
    headline: {
      ...rate(h), agencies: h.agencies, employees: h.employees, flexEmployees: h.flex_employees,
      adoption: ratio(h.employees, h.flex_employees), findings,
    },
    units: units.map((u) => ({ agency: u.agency, unit: u.unit, employees: u.employees, findings: u.findings, ...rate(u) })),
    weeks: weeks.map((w) => ({ week: w.week, ...rate(w) })),
    // DIS-01 is yearly and stays out of the weekly rate (rules.md §3): its count only.
    rules: rules.map((r) => ({ rule: r.rule, findings: r.findings, ...rate(r), ...(r.rule === 'DIS-01' ? { rate: null } : {}) })),
  };
}

/**
 * A stored summary's rates, derived again from its counts: summaries stored before the rates were
 * left unrounded hold 4-decimal ones, which show wrongly with one decimal. DIS-01's null stays.
 */
function exactRates(s: Summary): Summary {
  const again = <T extends Rate>(r: T): T => ({ ...r, rate: r.rate === null ? null : ratio(r.employeeWeeks, r.compliantEmployeeWeeks) });
  return {
    ...s,
    headline: { ...again(s.headline), adoption: ratio(s.headline.employees, s.headline.flexEmployees) },
    units: s.units.map(again),
    weeks: s.weeks.map(again),
    rules: s.rules.map(again),
  };
}

function unfiltered(f: ViewFilter): boolean {
  return !f.agency && !f.unit && !f.rule && !f.from && !f.to;
}

/** Called by the check run once its findings and employee-weeks are stored: the run's own overview, kept with it. */
export async function storeSummary(db: Db, run: string): Promise<void> {
  await db.run(STORE_SUMMARY, { run, summary: JSON.stringify(await summarise(db, run, {})) });
}

/** Ringkasan: headline figures, compliance per unit, per week and per rule, from the latest run. */
export async function overview(db: Db, filter: ViewFilter): Promise<OverviewResult> {
  const counts = (await db.one<{ batches: number; attendance_rows: number }>(DATA_COUNTS))!;
  const agencies = await db.all<AgencyEntry & Record<string, unknown>>(AGENCIES);
  const data = { batches: counts.batches, attendanceRows: counts.attendance_rows, agencies };
  const run = await latestRun(db);
  if (!run) return { run, data, months: [], headline: EMPTY_HEADLINE, units: [], weeks: [], rules: [] };
  const stored = unfiltered(filter) ? await db.one<{ summary: string }>(READ_SUMMARY, { run: run.run }) : undefined;
  const summary = stored ? exactRates(JSON.parse(stored.summary) as Summary) : await summarise(db, run.run, filter);
  return { run, data, ...summary };
}
