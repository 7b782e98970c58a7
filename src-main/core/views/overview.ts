import type { AgencyEntry, OverviewResult, ViewFilter } from '../../contract/views-types.ts';
import type { Db } from '../db/database.ts';
import { ruleCounts, type WeekCounts } from '../rules/compliance-sql.ts';
import type { RuleBook } from '../rules/rule-book.ts';
import { filterParams, latestRun, ratio } from './scope.ts';
import {
  AGENCIES, byUnitSql, byWeekSql, DATA_COUNTS, READ_SUMMARY, RULE_FINDINGS, RUN_EMPLOYEES, RUN_MONTHS,
  STORE_SUMMARY,
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
async function summarise(db: Db, book: RuleBook, run: string, filter: ViewFilter): Promise<Summary> {
  const p = filterParams(run, filter);
  const employees = (await db.one<{ n: number }>(RUN_EMPLOYEES, { run }))!.n;
  const units = await db.all<Counted & {
    agency: string | null; unit: string; employees: number; findings: number; all_employees: number; all_flex_employees: number;
  }>(byUnitSql(employees), p);
  // No unit in the filter: no employee either.
  const h = { employees: units[0]?.all_employees ?? 0, flex_employees: units[0]?.all_flex_employees ?? 0 };
  // In the rules' order, which the overview lists them in.
  const ids = book.rules.map((r) => r.id).sort();
  const weeks = await db.all<WeekCounts & Record<string, unknown>>(byWeekSql(ids), p);
  const ruleFindings = new Map((await db.all<{ rule: string; n: number }>(RULE_FINDINGS, p)).map((r) => [r.rule, r.n]));
  const findings = [...ruleFindings.values()].reduce((n, k) => n + k, 0);
  const counts = ruleCounts(weeks, ids);
  const rules = ids.map((rule) => ({ rule, findings: ruleFindings.get(rule) ?? 0, ...counts.get(rule)! }));
  const months = (await db.all<{ month: string }>(RUN_MONTHS, p)).map((m) => m.month);
  return {
    months,
    headline: {
      ...rate({ employee_weeks: sum(units, 'employee_weeks'), compliant: sum(units, 'compliant') }),
      agencies: new Set(units.map((u) => u.agency).filter((a) => a !== null)).size,
      employees: h.employees, flexEmployees: h.flex_employees,
      adoption: ratio(h.employees, h.flex_employees), findings,
    },
    units: units.map((u) => ({ agency: u.agency, unit: u.unit, employees: u.employees, findings: u.findings, ...rate(u) })),
    weeks: weeks.map((w) => ({ week: w.week, ...rate(w) })),
    // A rule outside the weekly rate (DIS-01, yearly) has its count only: it judges a year, not employee-weeks.
    rules: rules.map((r) => ({ rule: r.rule, findings: r.findings, ...rate(r), ...(book.weeklyRateIds.includes(r.rule) ? {} : { rate: null }) })),
  };
}

function sum<T>(rows: T[], key: keyof T): number {
  return rows.reduce((total, r) => total + Number(r[key]), 0);
}

function unfiltered(f: ViewFilter): boolean {
  return !f.agency && !f.unit && !f.rule && !f.from && !f.to;
}

/** Called by the check run once its findings and employee-weeks are stored: the run's own overview, kept with it. */
export async function storeSummary(db: Db, book: RuleBook, run: string): Promise<void> {
  await db.run(STORE_SUMMARY, { run, summary: JSON.stringify(await summarise(db, book, run, {})) });
}

/** Ringkasan: headline figures, compliance per unit, per week and per rule, from the latest run. */
export async function overview(db: Db, book: RuleBook, filter: ViewFilter): Promise<OverviewResult> {
  const counts = (await db.one<{ batches: number; attendance_rows: number }>(DATA_COUNTS))!;
  const agencies = await db.all<AgencyEntry & Record<string, unknown>>(AGENCIES);
  const data = { batches: counts.batches, attendanceRows: counts.attendance_rows, agencies };
  const run = await latestRun(db);
  if (!run) return { run, data, months: [], headline: EMPTY_HEADLINE, units: [], weeks: [], rules: [] };
  const stored = unfiltered(filter) ? await db.one<{ summary: string }>(READ_SUMMARY, { run: run.run }) : undefined;
  const summary = stored ? (JSON.parse(stored.summary) as Summary) : await summarise(db, book, run.run, filter);
  return { run, data, ...summary };
}
