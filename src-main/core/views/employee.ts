import type { FormatLang } from '../../contract/format.ts';
import type { EmployeeDaysRequest, EmployeeDaysResult, FindingStatus } from '../../contract/views-types.ts';
import type { Db } from '../db/database.ts';
import type { RuleBook, StoredFinding } from '../rules/rule-book.ts';
import { latestRun } from './scope.ts';
import {
  DROP_EMPLOYEE_RECORDS, EMPLOYEE, EMPLOYEE_DAYS, EMPLOYEE_FINDINGS, EMPLOYEE_FROM_ATTENDANCE, EMPLOYEE_RANGE, EMPLOYEE_RECORDS,
} from './views-sql.ts';

interface EmployeeRow {
  nip: string; name: string | null; agency: string | null; unit: string | null; position?: string | null;
  field_duty?: boolean; special_condition?: boolean; discipline?: string | null;
}

interface DayRow {
  date: string; week: string; status: string | null; mode: string | null; check_in: string | null; check_out: string | null;
  day_type: string | null; description: string | null; weekend: boolean;
}

/** One employee's days over the run's dates (or their own records), with the run's findings, their sentences in `lang`. */
export async function employeeDays(db: Db, book: RuleBook, req: EmployeeDaysRequest, lang: FormatLang): Promise<EmployeeDaysResult> {
  await db.run(EMPLOYEE_RECORDS, { nip: req.nip });
  try {
    return await employeeDaysOf(db, book, req, lang);
  } finally {
    await db.run(DROP_EMPLOYEE_RECORDS);
  }
}

async function employeeDaysOf(db: Db, book: RuleBook, req: EmployeeDaysRequest, lang: FormatLang): Promise<EmployeeDaysResult> {
  const run = await latestRun(db);
  const own = await db.one<{ lo: string | null; hi: string | null }>(EMPLOYEE_RANGE);
  const to = req.to ?? run?.to ?? own?.hi ?? null;
  const from = clampFrom(req.from ?? run?.from ?? own?.lo ?? null, to);
  const roster = await db.one<EmployeeRow & Record<string, unknown>>(EMPLOYEE, { nip: req.nip });
  const seen = roster ?? (await db.one<EmployeeRow & Record<string, unknown>>(EMPLOYEE_FROM_ATTENDANCE));
  const days = from && to ? await db.all<DayRow & Record<string, unknown>>(EMPLOYEE_DAYS, { from, to }) : [];
  const findings = run
    ? await db.all<StoredFinding & { period_start: string; period_end: string; basis: string; status: FindingStatus } & Record<string, unknown>>(
      EMPLOYEE_FINDINGS, { run: run.run, nip: req.nip })
    : [];
  return {
    nip: req.nip, name: seen?.name ?? null, agency: seen?.agency ?? null, unit: seen?.unit ?? null,
    position: roster?.position ?? null,
    flags: roster
      ? { fieldDuty: Boolean(roster.field_duty), specialCondition: Boolean(roster.special_condition), discipline: roster.discipline ?? null }
      : null,
    from, to,
    days: days.map((d) => ({
      date: d.date, week: d.week, status: d.status, mode: d.mode, checkIn: d.check_in, checkOut: d.check_out,
      dayType: d.day_type, holidayName: d.description, weekend: d.weekend,
    })),
    findings: findings.map((f) => ({
      rule: f.rule, period: f.period, periodStart: f.period_start, periodEnd: f.period_end, detail: book.detail(f, lang), basis: f.basis, status: f.status,
    })),
  };
}

/** A calendar strip of at most two years: a wider request would list millions of empty days. */
const MAX_DAYS = 731;
function clampFrom(from: string | null, to: string | null): string | null {
  if (!from || !to) return from;
  const earliest = new Date(Date.parse(`${to}T00:00:00Z`) - (MAX_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return from < earliest ? earliest : from;
}
